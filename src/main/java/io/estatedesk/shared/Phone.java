package io.estatedesk.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A telephone number as {@link PhoneNumbers} accepts it; blank is left to {@code @NotBlank}. A value that is a masked
 * number shown by the page (138****5678) passes: sent back unchanged it stands for the stored number, and the facade
 * keeps that one.
 */
@Documented
@Constraint(validatedBy = Phone.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Phone {

	String message() default "{input.phone}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a String. */
	class Check implements ConstraintValidator<Phone, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return PhoneNumbers.valid(value) || Masking.looksMasked(value);
		}

	}

}
