package org.approvalrules.core.parameter;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;

/**
 * One value of a parameter, in force from a date until the next value's date, with the document that
 * set it. Immutable.
 *
 * @param from first day in force
 * @param value the typed value: Integer, BigDecimal, Boolean, String, List of TimeRange, or List of String
 * @param reference the document that set it (文件名称及条款)
 * @param file the parameter file it was read from
 * @param line the line in that file (0 when unknown)
 */
public record DatedValue(LocalDate from, Object value, String reference, String file, int line) {
    public DatedValue {
        InvalidValueException.requireNonNull(from, "parameter.from");
        InvalidValueException.requireNonNull(value, "parameter.value");
        InvalidValueException.requireNonNull(reference, "parameter.reference");
        InvalidValueException.requireNonNull(file, "parameter.file");
    }

    /** The value as written back in a listing, e.g. {@code 08:30-12:00,14:30-17:30}. */
    public String display() {
        if (value instanceof java.util.List<?> l) {
            return String.join(",", l.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
