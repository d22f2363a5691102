package org.approvalrules.api.calendar;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;

/**
 * A closed range of dates {@code [start, end]}. Immutable and thread-safe; {@code toString()} is
 * {@code "2004-01-01/2026-12-31"} and {@link #parse(CharSequence)} reads it back.
 */
public record DateRange(LocalDate start, LocalDate end) {
    public DateRange {
        InvalidValueException.requireNonNull(start, "start");
        InvalidValueException.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new InvalidValueException("end", end, "结束日期早于开始日期 " + start + " / end is before start " + start);
        }
    }

    /** The range {@code [start, end]}. */
    public static DateRange of(LocalDate start, LocalDate end) {
        return new DateRange(start, end);
    }

    /** Whole years {@code firstYear-01-01 .. lastYear-12-31}. */
    public static DateRange ofYears(int firstYear, int lastYear) {
        return new DateRange(LocalDate.of(firstYear, 1, 1), LocalDate.of(lastYear, 12, 31));
    }

    /** Parses {@code "YYYY-MM-DD/YYYY-MM-DD"}. */
    public static DateRange parse(CharSequence text) {
        InvalidValueException.requireNonNull(text, "dateRange");
        String s = text.toString();
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new InvalidValueException("dateRange", s, "格式应为 起/止 / expected start/end");
        }
        try {
            return new DateRange(LocalDate.parse(s.substring(0, slash)), LocalDate.parse(s.substring(slash + 1)));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("dateRange", s, "日期格式错误 / dates must be ISO YYYY-MM-DD");
        }
    }

    /** Whether {@code date} lies in the range. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** Number of days in the range. */
    public long days() {
        return end.toEpochDay() - start.toEpochDay() + 1;
    }

    @Override
    public String toString() {
        return start + "/" + end;
    }
}
