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
 * {@link #EARLIEST} and not after today in the business zone ({@link BusinessClock#today()}); a time not later than
 * now (ten minutes' slack for a clock that runs ahead).
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

		/** A time entered to the minute on a clock a little ahead of the server's is still "now". */
		static final long SLACK_SECONDS = 600;

		@Override
		public boolean isValid(Object value, ConstraintValidatorContext context) {
			LocalDate day = day(value);
			if (day == null) {
				return true;
			}
			if (day.isBefore(EARLIEST) || day.isAfter(BusinessClock.today())) {
				return false;
			}
			Instant at = value instanceof LocalDateTime t ? t.atZone(BusinessClock.ZONE).toInstant()
					: value instanceof Instant i ? i : null;
			if (at != null && at.isAfter(BusinessClock.now().plusSeconds(SLACK_SECONDS))) {
				if (context != null) {
					// later today: the day is allowed, the time is not — say so rather than "not after today"
					context.disableDefaultConstraintViolation();
					context.buildConstraintViolationWithTemplate("{input.time.happened}").addConstraintViolation();
				}
				return false;
			}
			return true;
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
