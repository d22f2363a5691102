package org.approvalrules.api.authorization;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.WorkingCalendar;

/**
 * The days a roster row speaks of (schedules.csv {@code days} 开放日): every working day of the locality's
 * calendar (adjusted working Saturdays included, holidays excluded), some weekdays, or one date (an
 * exception that replaces the other rows on that day). Immutable.
 *
 * @param kind which of the three
 * @param weekdays the weekdays ({@link Kind#WEEKDAYS} only, else empty)
 * @param date the date ({@link Kind#DATE} only)
 */
public record RosterDays(Kind kind, Set<DayOfWeek> weekdays, Optional<LocalDate> date) {

    /** The kinds of day sets. */
    public enum Kind {
        /** 每个工作日: the calendar's working days. */
        EVERY_WORKING_DAY,
        /** Some weekdays, on working days only. */
        WEEKDAYS,
        /** One date (an exception). */
        DATE
    }

    /** Every working day of the calendar. */
    public static final RosterDays EVERY_WORKING_DAY = new RosterDays(Kind.EVERY_WORKING_DAY, Set.of(), Optional.empty());

    public RosterDays {
        InvalidValueException.requireNonNull(kind, "days.kind");
        InvalidValueException.requireNonNull(weekdays, "days.weekdays");
        InvalidValueException.requireNonNull(date, "days.date");
        if ((kind == Kind.WEEKDAYS) == weekdays.isEmpty() || (kind == Kind.DATE) == date.isEmpty()) {
            throw new InvalidValueException("days", kind, "星期只用于 WEEKDAYS，日期只用于 DATE / weekdays go with WEEKDAYS, a date with DATE");
        }
        weekdays = weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
    }

    /** Some weekdays (at least one). */
    public static RosterDays weekdays(Set<DayOfWeek> days) {
        return new RosterDays(Kind.WEEKDAYS, days, Optional.empty());
    }

    /** One date. */
    public static RosterDays on(LocalDate date) {
        return new RosterDays(Kind.DATE, Set.of(), Optional.of(InvalidValueException.requireNonNull(date, "days.date")));
    }

    /**
     * Whether this names {@code day} as an opening day: every working day of {@code calendar}; a listed
     * weekday that is a working day; or the date itself.
     */
    public boolean names(LocalDate day, WorkingCalendar calendar) {
        return switch (kind) {
            case EVERY_WORKING_DAY -> calendar.isWorkingDay(day);
            case WEEKDAYS -> weekdays.contains(day.getDayOfWeek()) && calendar.isWorkingDay(day);
            case DATE -> date.get().equals(day);
        };
    }
}
