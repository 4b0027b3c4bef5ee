package io.estatedesk.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date or time something is planned for (an appointment, a meeting, a slot): not before {@link Happened#EARLIEST}
 * and at most a year after today ({@link BusinessClock#today()}).
 */
@Documented
@Constraint(validatedBy = Planned.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Planned {

	String message() default "{input.date.planned}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks LocalDate, LocalDateTime and Instant values; null is left to {@code @NotNull}. */
	class Check implements ConstraintValidator<Planned, Object> {

		@Override
		public boolean isValid(Object value, ConstraintValidatorContext context) {
			LocalDate day = Happened.Check.day(value);
			return day == null || (!day.isBefore(Happened.EARLIEST) && !day.isAfter(BusinessClock.today().plusYears(1)));
		}

	}

}
