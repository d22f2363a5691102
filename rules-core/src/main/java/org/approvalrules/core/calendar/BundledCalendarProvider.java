package org.approvalrules.core.calendar;

import java.util.Optional;
import org.approvalrules.api.calendar.CalendarProvider;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;

/**
 * The library's own calendars ({@link CalendarRepository#bundled()}: national 2004–2026 and the
 * shipped local layers), registered with {@link java.util.ServiceLoader} at priority 0 so that an
 * embedder's provider with a higher priority overrides it. It answers for every locality of a known
 * province (a locality without its own layer gets its ancestors' calendar); for a code whose
 * province does not exist it throws {@link org.approvalrules.api.division.UnknownDivisionException}.
 */
public final class BundledCalendarProvider implements CalendarProvider {

    @Override
    public Optional<WorkingCalendar> calendarFor(DivisionCode locality, CoveragePolicy policy) {
        return Optional.of(CalendarRepository.bundled().calendarFor(locality, policy));
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public String name() {
        return "bundled national data / 内置数据";
    }
}
