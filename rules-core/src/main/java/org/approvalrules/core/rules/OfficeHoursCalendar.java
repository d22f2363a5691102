package org.approvalrules.core.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.WorkingDayRanks;

/**
 * A calendar with the office hours a rule pack sets ({@link DeadlinePolicies#OFFICE_HOURS}) in place of
 * the calendar layer's; everything else is the underlying calendar's. Its version names both, so a
 * result says which hours it used. Its {@link WorkingDayRanks} are the underlying calendar's too.
 * Immutable and thread-safe.
 */
final class OfficeHoursCalendar implements WorkingCalendar, WorkingDayRanks {
    private final WorkingCalendar base;
    private final WorkingDayRanks ranks;
    private final OfficeHours hours;
    private final String version;

    OfficeHoursCalendar(WorkingCalendar base, OfficeHours hours) {
        this.base = base instanceof OfficeHoursCalendar o ? o.base : base;
        this.ranks = WorkingDayRanks.of(this.base);
        this.hours = hours;
        this.version = this.base.version() + "+hours " + hours;
    }


    @Override
    public String id() {
        return base.id();
    }

    @Override
    public DivisionCode locality() {
        return base.locality();
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public DateRange coverage() {
        return base.coverage();
    }

    @Override
    public CoveragePolicy policy() {
        return base.policy();
    }

    @Override
    public ZoneId zone() {
        return base.zone();
    }

    @Override
    public OfficeHours officeHours(LocalDate date) {
        return hours;
    }

    @Override
    public boolean covers(LocalDate date) {
        return base.covers(date);
    }

    @Override
    public DayKind kindOf(LocalDate date) {
        return base.kindOf(date);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return base.isWorkingDay(date);
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        return base.plusWorkingDays(date, n);
    }

    @Override
    public LocalDate minusWorkingDays(LocalDate date, int n) {
        return base.minusWorkingDays(date, n);
    }

    @Override
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        return base.workingDaysBetween(a, b);
    }

    @Override
    public LocalDate nextWorkingDay(LocalDate date) {
        return base.nextWorkingDay(date);
    }

    @Override
    public LocalDate nextOrSameWorkingDay(LocalDate date) {
        return base.nextOrSameWorkingDay(date);
    }

    @Override
    public DayExplanation explain(LocalDate date) {
        return base.explain(date);
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
        return base + " (办公时间/office hours " + hours + "，来自规则包参数/from the rule pack parameter "
                + DeadlinePolicies.OFFICE_HOURS + ")";
    }
}
