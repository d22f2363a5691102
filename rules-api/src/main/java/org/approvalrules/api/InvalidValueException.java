package org.approvalrules.api;

import java.util.Objects;

/**
 * A value given to a constructor, factory or parser was malformed. Names the field and the offending
 * value (already masked by the caller where the value is a personal identifier).
 */
public class InvalidValueException extends ApprovalRulesException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String value;

    /**
     * @param field the field or argument name, e.g. {@code "divisionCode"}
     * @param value the offending value as text (masked for identifiers), or {@code "null"}
     * @param reason what was wrong, one sentence, "中文 / English"
     */
    public InvalidValueException(String field, Object value, String reason) {
        super(field + ": " + reason + " (值/value: \"" + value + "\")");
        this.field = Objects.requireNonNull(field, "field");
        this.value = String.valueOf(value);
    }

    /** The field or argument that was wrong. */
    public String field() {
        return field;
    }

    /** The offending value as text (masked where it is an identifier). */
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
