package org.approvalrules.api.calendar;

import java.time.LocalDate;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;

/**
 * Why a date has the kind it has on a calendar: which layer decided it and which notice.
 * Immutable and thread-safe.
 *
 * @param date the date
 * @param kind its kind
 * @param name festival or local-holiday name (e.g. {@code "国庆节"}), empty for ordinary days
 * @param layer division code of the layer that set the kind ({@code "000000"} national); for an
 *     ordinary weekday or weekend, the calendar's own locality
 * @param source the notice that set it (e.g. {@code "国办发明电〔2023〕7号"}), empty for ordinary days
 * @param provisional true when the date is outside the calendar's coverage and the kind is the
 *     weekends-only assumption
 */
public record DayExplanation(LocalDate date, DayKind kind, Optional<String> name, String layer,
        Optional<String> source, boolean provisional) {
    public DayExplanation {
        InvalidValueException.requireNonNull(date, "date");
        InvalidValueException.requireNonNull(kind, "kind");
        InvalidValueException.requireNonNull(name, "name");
        InvalidValueException.requireNonNull(layer, "layer");
        InvalidValueException.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return date + " " + date.getDayOfWeek() + " " + kind + name.map(n -> " " + n).orElse("")
                + " [layer " + layer + source.map(s -> "; " + s).orElse("") + "]"
                + (provisional ? " (临时推定/provisional: outside coverage)" : "");
    }
}
