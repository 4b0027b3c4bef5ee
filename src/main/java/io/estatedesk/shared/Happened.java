package io.estatedesk.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date or time at which something happened (a complaint was made, a call came in, a visit took place): not before
 * {@link #EARLIEST} and not after today in the business zone ({@link BusinessClock#today()}).
 */
@Documented
@Constraint(validatedBy = Happened.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Happened {

	/** Nothing the department records happened before the system's oldest project. */
	LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	String message() default "{input.date.happened}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks LocalDate, LocalDateTime and Instant values; null is left to {@code @NotNull}. */
	class Check implements ConstraintValidator<Happened, Object> {

		/** For facades that validate by hand: true when {@code value} is null or within the allowed range. */
		public static boolean plausible(Object value) {
			return new Check().isValid(value, null);
		}

		@Override
		public boolean isValid(Object value, ConstraintValidatorContext context) {
			LocalDate day = day(value);
			return day == null || (!day.isBefore(EARLIEST) && !day.isAfter(BusinessClock.today()));
		}

		static LocalDate day(Object value) {
			if (value instanceof LocalDate d) {
				return d;
			}
			if (value instanceof LocalDateTime t) {
				return t.toLocalDate();
			}
			if (value instanceof Instant i) {
				return LocalDate.ofInstant(i, BusinessClock.ZONE);
			}
			return null;
		}

	}

}
