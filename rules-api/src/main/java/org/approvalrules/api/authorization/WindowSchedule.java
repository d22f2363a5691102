package org.approvalrules.api.authorization;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * When a department's window is staffed (窗口对外办公安排): weekly patterns, each from its date, plus dated
 * exceptions (e.g. a 调休 Saturday the window opens, a day it closed). The staffing on a date is the
 * exception for that date if any, else the weekly pattern in force that day (a weekday the pattern does
 * not name is {@link WindowStaffing#CLOSED}); before the first pattern it is unknown. Immutable and
 * thread-safe.
 *
 * @param department 进驻部门
 * @param patterns weekly patterns in increasing order of their first day (at least one)
 * @param exceptions staffing on particular dates, overriding the patterns
 */
public record WindowSchedule(String department, List<WeeklyPattern> patterns,
        Map<LocalDate, WindowStaffing> exceptions) {

    /**
     * A weekly staffing pattern in force from a date until the next pattern.
     *
     * @param from first day of the pattern
     * @param days staffing by weekday; a weekday not named is closed
     */
    public record WeeklyPattern(LocalDate from, Map<DayOfWeek, WindowStaffing> days) {
        public WeeklyPattern {
            InvalidValueException.requireNonNull(from, "pattern.from");
            InvalidValueException.requireNonNull(days, "pattern.days");
            EnumMap<DayOfWeek, WindowStaffing> m = new EnumMap<>(DayOfWeek.class);
            days.forEach((d, s) -> m.put(InvalidValueException.requireNonNull(d, "pattern.day"),
                    InvalidValueException.requireNonNull(s, "pattern.staffing")));
            days = Collections.unmodifiableMap(m);
        }

        /** Staffing on {@code day} ({@link WindowStaffing#CLOSED} when not named). */
        public WindowStaffing on(DayOfWeek day) {
            return days.getOrDefault(day, WindowStaffing.CLOSED);
        }

        /** A pattern with the same staffing Monday to Friday and weekends closed. */
        public static WeeklyPattern weekdays(LocalDate from, WindowStaffing staffing) {
            Map<DayOfWeek, WindowStaffing> m = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.getValue() <= 5) {
                    m.put(d, staffing);
                }
            }
            return new WeeklyPattern(from, m);
        }
    }

    public WindowSchedule {
        ItemCodes.requireText(department, "schedule.department");
        InvalidValueException.requireNonNull(patterns, "schedule.patterns");
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new InvalidValueException("schedule.patterns", department,
                    "至少需要一个每周安排 / at least one weekly pattern is needed");
        }
        for (int i = 1; i < patterns.size(); i++) {
            if (!patterns.get(i).from().isAfter(patterns.get(i - 1).from())) {
                throw new InvalidValueException("schedule.patterns[" + i + "].from", patterns.get(i).from(),
                        "每周安排的生效日期必须递增 / pattern dates must increase");
            }
        }
        InvalidValueException.requireNonNull(exceptions, "schedule.exceptions");
        TreeMap<LocalDate, WindowStaffing> m = new TreeMap<>();
        exceptions.forEach((d, s) -> m.put(InvalidValueException.requireNonNull(d, "schedule.exception.date"),
                InvalidValueException.requireNonNull(s, "schedule.exception.staffing")));
        exceptions = Collections.unmodifiableMap(m);
    }

    /** One weekly pattern, no exceptions. */
    public static WindowSchedule of(String department, WeeklyPattern pattern) {
        return new WindowSchedule(department, List.of(pattern), Map.of());
    }

    /** Staffing on {@code date}; empty before the first pattern (and no exception that day). */
    public Optional<WindowStaffing> staffingOn(LocalDate date) {
        WindowStaffing e = exceptions.get(date);
        if (e != null) {
            return Optional.of(e);
        }
        WeeklyPattern inForce = null;
        for (WeeklyPattern p : patterns) {
            if (p.from().isAfter(date)) {
                break;
            }
            inForce = p;
        }
        return inForce == null ? Optional.empty() : Optional.of(inForce.on(date.getDayOfWeek()));
    }
}
