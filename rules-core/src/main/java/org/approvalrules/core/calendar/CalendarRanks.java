package org.approvalrules.core.calendar;

import java.time.LocalDate;
import org.approvalrules.api.calendar.WorkingCalendar;

/**
 * {@link WorkingDayRanks} of any {@link WorkingCalendar}, through its {@code LocalDate} methods:
 * ranks count from the coverage start (rank 0), which every calendar can compute with, STRICT ones
 * included. Immutable and thread-safe.
 */
final class CalendarRanks implements WorkingDayRanks {
    private final WorkingCalendar cal;
    private final LocalDate origin;
    private final boolean originWorking;

    CalendarRanks(WorkingCalendar cal) {
        this.cal = cal;
        this.origin = cal.coverage().start();
        this.originWorking = cal.isWorkingDay(origin);
    }

    @Override
    public long rank(long epochDay) {
        return cal.workingDaysBetween(origin, LocalDate.ofEpochDay(epochDay));
    }

    @Override
    public LocalDate dateOfRank(long rank) {
        if (rank >= 1) {
            return cal.plusWorkingDays(origin, Math.toIntExact(rank));
        }
        // rank ≤ 0: the origin itself (when working) has rank 0, the working day before it -1 or 0
        long back = originWorking ? -rank : 1 - rank;
        return back == 0 ? origin : cal.minusWorkingDays(origin, Math.toIntExact(back));
    }

    @Override
    public long epochDayOfRank(long rank) {
        return dateOfRank(rank).toEpochDay();
    }

    @Override
    public boolean isWorkingEpochDay(long epochDay) {
        return cal.isWorkingDay(LocalDate.ofEpochDay(epochDay));
    }

    @Override
    public boolean coversEpochDay(long epochDay) {
        return cal.covers(LocalDate.ofEpochDay(epochDay));
    }
}
