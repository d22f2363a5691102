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
 * The text is a valid applicant identifier (GB/T 39046 申请者证件号码): a unified social credit code or a
 * resident ID number, either one ({@link ApplicantId#isValid(CharSequence)}).
 * Applies to {@code CharSequence} fields, getters, parameters and type arguments; {@code null} is valid
 * (add {@code @NotNull} when required). The default message is bilingual and does not contain the value.
 */
@Documented
@Constraint(validatedBy = ApplicantIdValue.Validator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface ApplicantIdValue {

    /** The violation message; the default is bilingual and never includes the validated value. */
    String message() default "必须是有效的统一社会信用代码或居民身份证号码 / must be a valid unified social credit code or resident ID number";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload for clients. */
    Class<? extends Payload>[] payload() default {};

    /** The validator of {@link ApplicantIdValue}. */
    final class Validator extends TextValidator<ApplicantIdValue> {
        /** Used by the Jakarta Validation provider. */
        public Validator() {
            super(ApplicantId::isValid);
        }
    }
}
