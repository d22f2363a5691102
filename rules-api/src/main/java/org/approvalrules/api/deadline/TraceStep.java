package org.approvalrules.api.deadline;

import java.time.LocalDate;
import java.util.Optional;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;

/**
 * One line of a deadline explanation. Immutable and thread-safe.
 *
 * @param kind what the step is about
 * @param from first date concerned (inclusive)
 * @param to last date concerned (inclusive; equal to {@code from} for a single day)
 * @param text the explanation, Chinese first
 * @param legalReference the article, notice or local layer behind it, empty when none
 */
public record TraceStep(Kind kind, LocalDate from, LocalDate to, BilingualText text, Optional<String> legalReference) {

    /** What a trace step is about. */
    public enum Kind {
        /** Which start rule fixed the day before day 1. */
        START,
        /** Days not counted because offices do not work (weekend, holiday with notice and layer). */
        SKIPPED_DAYS,
        /** Weekend days that are working days (调休上班) and so are counted. */
        ADJUSTED_WORKDAYS,
        /** A special procedure or correction that stopped the clock. */
        SUSPENSION,
        /** A procedure that did not stop the clock (kind not recognised, or not yet started as of). */
        IGNORED_PROCEDURE,
        /** An approved extension. */
        EXTENSION,
        /** The due date of a limit. */
        DUE,
        /** The status and the thresholds used. */
        STATUS,
        /** Art. 44 delivery period. */
        DELIVERY,
        /** Dates outside the calendar's coverage (provisional). */
        COVERAGE
    }

    public TraceStep {
        InvalidValueException.requireNonNull(kind, "kind");
        InvalidValueException.requireNonNull(from, "from");
        InvalidValueException.requireNonNull(to, "to");
        InvalidValueException.requireNonNull(text, "text");
        InvalidValueException.requireNonNull(legalReference, "legalReference");
    }

    @Override
    public String toString() {
        String dates = from.equals(to) ? from.toString() : from + ".." + to;
        return String.format("%-18s %-22s %s%s", kind, dates, text, legalReference.map(r -> " 〔" + r + "〕").orElse(""));
    }
}
