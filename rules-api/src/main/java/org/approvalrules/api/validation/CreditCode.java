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
import org.approvalrules.api.applicant.ApplicantId;

/**
 * The text is a valid unified social credit code (统一社会信用代码, GB 32100), as accepted by
 * {@link ApplicantId#creditCode(CharSequence)} (lower case is accepted).
 * Applies to {@code CharSequence} fields, getters, parameters and type arguments; {@code null} is valid
 * (add {@code @NotNull} when required). The default message is bilingual and does not contain the value.
 */
@Documented
@Constraint(validatedBy = CreditCode.Validator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface CreditCode {

    /** The violation message; the default is bilingual and never includes the validated value. */
    String message() default "必须是有效的统一社会信用代码（18位，校验码正确） / must be a valid unified social credit code (18 characters, correct check character)";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload for clients. */
    Class<? extends Payload>[] payload() default {};

    /** The validator of {@link CreditCode}. */
    final class Validator extends TextValidator<CreditCode> {
        /** Used by the Jakarta Validation provider. */
        public Validator() {
            super(text -> ApplicantId.isValid(ApplicantId.Type.CREDIT_CODE, text));
        }
    }
}
