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
 * The text is a valid 18-character resident identity card number (居民身份证号码, GB 11643), as accepted
 * by {@link ApplicantId#residentId(CharSequence)} (a lower-case {@code x} is accepted).
 * Applies to {@code CharSequence} fields, getters, parameters and type arguments; {@code null} is valid
 * (add {@code @NotNull} when required). The default message is bilingual and does not contain the value.
 */
@Documented
@Constraint(validatedBy = ResidentIdNumber.Validator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface ResidentIdNumber {

    /** The violation message; the default is bilingual and never includes the validated value. */
    String message() default "必须是有效的居民身份证号码（18位，出生日期和校验码正确） / must be a valid resident ID number (18 characters, valid birth date and check digit)";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload for clients. */
    Class<? extends Payload>[] payload() default {};

    /** The validator of {@link ResidentIdNumber}. */
    final class Validator extends TextValidator<ResidentIdNumber> {
        /** Used by the Jakarta Validation provider. */
        public Validator() {
            super(text -> ApplicantId.isValid(ApplicantId.Type.RESIDENT_ID, text));
        }
    }
}
