package org.approvalrules.api.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.function.Predicate;

/**
 * Base of the library's validators for text fields: {@code null} is valid (combine with
 * {@code @NotNull} where the field is required), anything else must pass the predicate. The
 * validators only answer yes or no; the violation message is the annotation's fixed message and never
 * contains the validated value.
 *
 * @param <A> the constraint annotation
 */
public abstract class TextValidator<A extends Annotation> implements ConstraintValidator<A, CharSequence> {

    private final Predicate<CharSequence> valid;

    /** @param valid decides whether non-null text is valid; must not throw */
    protected TextValidator(Predicate<CharSequence> valid) {
        this.valid = valid;
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || valid.test(value);
    }
}
