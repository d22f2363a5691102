package org.approvalrules.core.calendar;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;

/**
 * One row of a calendar layer's year file: a date, what the layer says about it, the festival
 * name and the notice that set it, plus where the row was read (file and 1-based line).
 * Immutable and thread-safe.
 */
public record LayerDay(LocalDate date, LayerDayKind kind, String name, String source, String file, int line) {
    public LayerDay {
        InvalidValueException.requireNonNull(date, "date");
        InvalidValueException.requireNonNull(kind, "kind");
        InvalidValueException.requireNonNull(name, "name");
        InvalidValueException.requireNonNull(source, "source");
        InvalidValueException.requireNonNull(file, "file");
    }

    @Override
    public String toString() {
        return date + " " + kind + " " + name + " [" + source + "] (" + file + ":" + line + ")";
    }
}
