package org.approvalrules.api;

import java.util.Objects;
import org.approvalrules.api.privacy.Masking;

/**
 * A value given to a constructor, factory or parser was malformed. Names the field and the offending
 * value. The value and the message go through {@link Masking#mask(CharSequence)}, so an identifier is never
 * shown in full even when a caller passes it unmasked.
 */
public class InvalidValueException extends ApprovalRulesException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String value;

    /**
     * @param field the field or argument name, e.g. {@code "divisionCode"}
     * @param value the offending value as text, or {@code "null"}; masked here
     * @param reason what was wrong, one sentence, "中文 / English"
     */
    public InvalidValueException(String field, Object value, String reason) {
        super(field + ": " + reason + " (值/value: \"" + value + "\")");
        this.field = Objects.requireNonNull(field, "field");
        this.value = Masking.mask(String.valueOf(value));
    }

    /** The field or argument that was wrong. */
    public String field() {
        return field;
    }

    /** The offending value as text, masked ({@link Masking#mask(CharSequence)}). */
    public String value() {
        return value;
    }

    /** Throws if {@code v} is null, naming the field. */
    public static <T> T requireNonNull(T v, String field) {
        if (v == null) {
            throw new InvalidValueException(field, "null", "不能为空 / must not be null");
        }
        return v;
    }
}
