package org.approvalrules.core.parameter;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.approvalrules.api.InvalidValueException;

/**
 * A half-open time-of-day range {@code [start, end)}, written {@code HH:mm-HH:mm}. Immutable.
 *
 * @param start first minute inside
 * @param end first minute outside; after {@code start}
 */
public record TimeRange(LocalTime start, LocalTime end) {

    public TimeRange {
        InvalidValueException.requireNonNull(start, "timeRange.start");
        InvalidValueException.requireNonNull(end, "timeRange.end");
        if (!end.isAfter(start)) {
            throw new InvalidValueException("timeRange", start + "-" + end,
                    "结束时间必须晚于开始时间 / end must be after start");
        }
    }

    /** Parses {@code "08:30-12:00"}. */
    public static TimeRange parse(String text) {
        InvalidValueException.requireNonNull(text, "timeRange");
        String[] p = text.trim().split("\\s*-\\s*");
        if (p.length != 2) {
            throw new InvalidValueException("timeRange", text, "时间段格式应为 HH:mm-HH:mm / expected HH:mm-HH:mm");
        }
        try {
            return new TimeRange(LocalTime.parse(p[0]), LocalTime.parse(p[1]));
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("timeRange", text, "时间格式应为 HH:mm / expected HH:mm");
        }
    }

    /** Whether {@code t} lies in {@code [start, end)}. */
    public boolean contains(LocalTime t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
