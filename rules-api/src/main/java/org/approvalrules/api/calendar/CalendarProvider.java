package org.approvalrules.api.calendar;

import java.util.Optional;
import org.approvalrules.api.division.DivisionCode;

/**
 * Service-provider interface: a source of working calendars, found with {@link java.util.ServiceLoader}
 * (register in {@code META-INF/services/org.approvalrules.api.calendar.CalendarProvider}). When two
 * providers answer for a locality the higher {@link #priority()} wins; a tie is an error naming both.
 */
public interface CalendarProvider {

    /** The calendar for {@code locality}, or empty if this provider does not know it. */
    Optional<WorkingCalendar> calendarFor(DivisionCode locality, CoveragePolicy policy);

    /** Higher wins; the bundled provider has priority 0. */
    default int priority() {
        return 0;
    }

    /** A name for messages, e.g. {@code "bundled national data"}. */
    default String name() {
        return getClass().getName();
    }
}
