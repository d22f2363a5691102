package org.approvalrules.core.calendar;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.division.DivisionCode;

/**
 * The calendar repository currently in service, swapped atomically on reload. A reload builds a
 * new repository from the base (usually {@link CalendarRepository#bundled()}) plus the layers of a
 * directory, and swaps only when that succeeded: a malformed file throws and leaves the previous
 * repository in use. Callers that read {@link #current()} once keep a consistent repository for
 * the whole computation. Thread-safe.
 */
public final class CalendarRegistry {

    private final CalendarRepository base;
    private final AtomicReference<CalendarRepository> current;

    /** A registry serving {@code base} until the first reload. */
    public CalendarRegistry(CalendarRepository base) {
        this.base = InvalidValueException.requireNonNull(base, "base");
        this.current = new AtomicReference<>(base);
    }

    /** A registry over the bundled data. */
    public static CalendarRegistry bundled() {
        return new CalendarRegistry(CalendarRepository.bundled());
    }

    /** The repository in service. */
    public CalendarRepository current() {
        return current.get();
    }

    /** Shorthand for {@code current().calendarFor(locality, policy)}. */
    public CompiledCalendar calendarFor(DivisionCode locality, CoveragePolicy policy) {
        return current().calendarFor(locality, policy);
    }

    /**
     * Replaces the repository in service by {@code base.withLayersFrom(dir)} (layers removed from
     * {@code dir} since the last reload disappear). On any error the repository in service is
     * unchanged and the error is thrown.
     *
     * @return the new repository, now in service
     * @throws DataFormatException naming file, line, field and value when a layer is malformed
     */
    public CalendarRepository reload(Path dir) {
        CalendarRepository next = base.withLayersFrom(dir);
        current.set(next);
        return next;
    }

    @Override
    public String toString() {
        return "CalendarRegistry[" + current() + "]";
    }
}
