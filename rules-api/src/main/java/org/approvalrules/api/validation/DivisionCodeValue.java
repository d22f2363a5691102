package org.approvalrules.api.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;

/**
 * The text is a valid administrative division code (行政区划代码, GB/T 2260; GB/T 39046 行政区划), as
 * accepted by {@link DivisionCode#parse(CharSequence)}: 6 digits, a non-zero province part, a city part
 * for county codes.
 * Applies to {@code CharSequence} fields, getters, parameters and type arguments; {@code null} is valid
 * (add {@code @NotNull} when required). The default message is bilingual and does not contain the value.
 */
@Documented
@Constraint(validatedBy = DivisionCodeValue.Validator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface DivisionCodeValue {

    /** The violation message; the default is bilingual and never includes the validated value. */
    String message() default "必须是有效的6位行政区划代码 / must be a valid 6-digit administrative division code";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload for clients. */
    Class<? extends Payload>[] payload() default {};

    /** The validator of {@link DivisionCodeValue}. */
    final class Validator extends TextValidator<DivisionCodeValue> {
        /** Used by the Jakarta Validation provider. */
        public Validator() {
            super(Validator::isDivisionCode);
        }

        private static boolean isDivisionCode(CharSequence text) {
            try {
                DivisionCode.parse(text);
                return true;
            } catch (InvalidValueException e) {
                return false;
            }
        }
    }
}
