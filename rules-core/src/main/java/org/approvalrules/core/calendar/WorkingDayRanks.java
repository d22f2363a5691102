package org.approvalrules.core.calendar;

import java.time.LocalDate;
import org.approvalrules.api.calendar.WorkingCalendar;

/**
 * A {@link WorkingCalendar} seen as working-day ranks over epoch days, for loops that do much
 * arithmetic on one case (the deadline engine) without converting between {@link LocalDate} and
 * epoch days at every step.
 *
 * <p>The rank {@code R(e)} of epoch day {@code e} is the number of working days up to and including
 * it, counted from an origin fixed by the implementation (so ranks may be negative; only differences
 * and ranks handed back matter). Then, for every {@code a ≤ b} and {@code n ≥ 1}:
 * <ul>
 *   <li>working days in {@code (a, b]} = {@code rank(b) - rank(a)}
 *       (= {@link WorkingCalendar#workingDaysBetween});</li>
 *   <li>the n-th working day after {@code a} is the working day of rank {@code rank(a) + n}
 *       (= {@link WorkingCalendar#plusWorkingDays});</li>
 *   <li>a working day {@code w} is the day of rank {@code rank(w)}.</li>
 * </ul>
 * Outside the calendar's coverage the calendar's policy applies as for the {@code WorkingCalendar}
 * methods: STRICT throws {@link org.approvalrules.api.calendar.CalendarCoverageException} naming the
 * date, PROVISIONAL assumes weekends only. {@link CompiledCalendar} answers in O(1) without
 * allocating; {@link #of(WorkingCalendar)} adapts any other calendar.
 */
public interface WorkingDayRanks {

    /** {@code date.toEpochDay()}; a calendar may answer from a table for the years it covers. */
    default long epochDay(LocalDate date) {
        return date.toEpochDay();
    }

    /** The rank of epoch day {@code epochDay}. */
    long rank(long epochDay);

    /** The working day of rank {@code rank}. */
    LocalDate dateOfRank(long rank);

    /** The epoch day of the working day of rank {@code rank}. */
    long epochDayOfRank(long rank);

    /** Whether epoch day {@code epochDay} is a working day. */
    boolean isWorkingEpochDay(long epochDay);

    /** Whether epoch day {@code epochDay} lies in the calendar's coverage (see {@link WorkingCalendar#covers}). */
    boolean coversEpochDay(long epochDay);

    /**
     * Whether every day from {@code fromDay} to {@code toDay} (either order) lies in the coverage; a span
     * crossing a year that a recurring local layer lacks is not covered even when both ends are.
     */
    default boolean coversSpan(long fromDay, long toDay) {
        return coversEpochDay(fromDay) && coversEpochDay(toDay);
    }

    /**
     * STRICT: throws {@link org.approvalrules.api.calendar.CalendarCoverageException} when a day from
     * {@code fromDay} to {@code toDay} is not covered (naming the layer and year); PROVISIONAL: nothing.
     */
    default void requireSpan(long fromDay, long toDay) {
    }

    /** The rank of the first working day on or after {@code epochDay} ({@link WorkingCalendar#nextOrSameWorkingDay}). */
    default long nextOrSameWorkingRank(long epochDay) {
        long r = rank(epochDay);
        return isWorkingEpochDay(epochDay) ? r : r + 1;
    }

    /**
     * The ranks view of {@code calendar}: the calendar itself when it implements this interface
     * (as {@link CompiledCalendar} does), otherwise an adapter over its {@code WorkingCalendar}
     * methods (correct, not fast).
     */
    static WorkingDayRanks of(WorkingCalendar calendar) {
        return calendar instanceof WorkingDayRanks r ? r : new CalendarRanks(calendar);
    }
}
