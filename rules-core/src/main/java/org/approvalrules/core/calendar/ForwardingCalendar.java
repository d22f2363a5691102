package org.approvalrules.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;

/**
 * A {@link WorkingCalendar} that forwards every call to another one; a subclass overrides only what it
 * changes (e.g. the office hours). It does not implement {@link WorkingDayRanks}: a subclass that
 * wants the fast path implements it itself. Immutable and thread-safe when the delegate is.
 */
public abstract class ForwardingCalendar implements WorkingCalendar {
    private final WorkingCalendar delegate;

    protected ForwardingCalendar(WorkingCalendar delegate) {
        this.delegate = InvalidValueException.requireNonNull(delegate, "delegate");
    }

    /** The calendar every call goes to unless overridden. */
    protected final WorkingCalendar delegate() {
        return delegate;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public DivisionCode locality() {
        return delegate.locality();
    }

    @Override
    public String version() {
        return delegate.version();
    }

    @Override
    public DateRange coverage() {
        return delegate.coverage();
    }

    @Override
    public CoveragePolicy policy() {
        return delegate.policy();
    }

    @Override
    public ZoneId zone() {
        return delegate.zone();
    }

    @Override
    public OfficeHours officeHours(LocalDate date) {
        return delegate.officeHours(date);
    }

    @Override
    public boolean covers(LocalDate date) {
        return delegate.covers(date);
    }

    @Override
    public DayKind kindOf(LocalDate date) {
        return delegate.kindOf(date);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return delegate.isWorkingDay(date);
    }

    @Override
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        return delegate.plusWorkingDays(date, n);
    }

    @Override
    public LocalDate minusWorkingDays(LocalDate date, int n) {
        return delegate.minusWorkingDays(date, n);
    }

    @Override
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        return delegate.workingDaysBetween(a, b);
    }

    @Override
    public LocalDate nextWorkingDay(LocalDate date) {
        return delegate.nextWorkingDay(date);
    }

    @Override
    public LocalDate nextOrSameWorkingDay(LocalDate date) {
        return delegate.nextOrSameWorkingDay(date);
    }

    @Override
    public DayExplanation explain(LocalDate date) {
        return delegate.explain(date);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
