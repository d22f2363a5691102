package org.approvalrules.core.rules;

import java.time.LocalDate;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.core.calendar.ForwardingCalendar;
import org.approvalrules.core.calendar.WorkingDayRanks;

/**
 * A calendar with the office hours a rule pack sets ({@link DeadlinePolicies#OFFICE_HOURS}) in place of
 * the calendar layer's; everything else is the underlying calendar's. Its version names both, so a
 * result says which hours it used. Its {@link WorkingDayRanks} are the underlying calendar's too.
 * Immutable and thread-safe.
 */
final class OfficeHoursCalendar extends ForwardingCalendar implements WorkingDayRanks {
    private final WorkingDayRanks ranks;
    private final OfficeHours hours;
    private final String version;

    OfficeHoursCalendar(WorkingCalendar base, OfficeHours hours) {
        super(base instanceof OfficeHoursCalendar o ? o.delegate() : base);
        this.ranks = WorkingDayRanks.of(delegate());
        this.hours = hours;
        this.version = delegate().version() + "+hours " + hours;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public OfficeHours officeHours(LocalDate date) {
        return hours;
    }

    @Override
    public long epochDay(LocalDate date) {
        return ranks.epochDay(date);
    }

    @Override
    public long rank(long epochDay) {
        return ranks.rank(epochDay);
    }

    @Override
    public LocalDate dateOfRank(long rank) {
        return ranks.dateOfRank(rank);
    }

    @Override
    public long epochDayOfRank(long rank) {
        return ranks.epochDayOfRank(rank);
    }

    @Override
    public boolean isWorkingEpochDay(long epochDay) {
        return ranks.isWorkingEpochDay(epochDay);
    }

    @Override
    public boolean coversEpochDay(long epochDay) {
        return ranks.coversEpochDay(epochDay);
    }

    @Override
    public String toString() {
        return delegate() + " (办公时间/office hours " + hours + "，来自规则包参数/from the rule pack parameter "
                + DeadlinePolicies.OFFICE_HOURS + ")";
    }
}
