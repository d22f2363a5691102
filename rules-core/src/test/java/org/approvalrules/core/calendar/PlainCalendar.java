package org.approvalrules.core.calendar;

import java.time.LocalDate;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;

/**
 * A calendar that is only a {@link WorkingCalendar} (not {@link WorkingDayRanks}): the same answers as
 * the compiled calendar it wraps, so code taking the generic path can be compared with the fast one.
 */
public record PlainCalendar(CompiledCalendar compiled) implements WorkingCalendar {

    @Override
    public String id() {
        return compiled.id();
    }

    @Override
    public DivisionCode locality() {
        return compiled.locality();
    }

    @Override
    public String version() {
        return compiled.version();
    }

    @Override
    public DateRange coverage() {
        return compiled.coverage();
    }

    @Override
    public CoveragePolicy policy() {
        return compiled.policy();
    }

    @Override
    public OfficeHours officeHours(LocalDate date) {
        return compiled.officeHours(date);
    }

    @Override
    public DayKind kindOf(LocalDate date) {
        return compiled.kindOf(date);
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        return compiled.plusWorkingDays(date, n);
    }

    @Override
    public LocalDate minusWorkingDays(LocalDate date, int n) {
        return compiled.minusWorkingDays(date, n);
    }

    @Override
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        return compiled.workingDaysBetween(a, b);
    }

    @Override
    public DayExplanation explain(LocalDate date) {
        return compiled.explain(date);
    }
}
