package org.approvalrules.testkit.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.testkit.calendar.CalendarConformance.Property;

/**
 * What a {@link CalendarConformance} run found: the calendar and version checked, how many checks ran,
 * and for each violated property the number of failures and its minimal counterexample.
 * Immutable and thread-safe; {@code toString()} is the readable report.
 */
public final class ConformanceReport {

    private final String calendarId;
    private final String calendarVersion;
    private final CoveragePolicy policy;
    private final DateRange dates;
    private final long checks;
    private final List<Violation> violations;
    private final Map<Property, Long> failures;
    private final List<String> notes;

    ConformanceReport(String calendarId, String calendarVersion, CoveragePolicy policy, DateRange dates, long checks,
            Map<Property, Violation> minimal, Map<Property, Long> failures, List<String> notes) {
        this.calendarId = calendarId;
        this.calendarVersion = calendarVersion;
        this.policy = policy;
        this.dates = dates;
        this.checks = checks;
        this.violations = List.copyOf(minimal.values()); // EnumMap: in Property order
        this.failures = Map.copyOf(failures);
        this.notes = List.copyOf(notes);
    }

    /** Whether every check passed. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** One minimal counterexample per violated property, in {@link Property} order. */
    public List<Violation> violations() {
        return violations;
    }

    /** The violated properties. */
    public List<Property> violatedProperties() {
        return violations.stream().map(Violation::property).toList();
    }

    /** How many checks of {@code property} failed. */
    public long failures(Property property) {
        return failures.getOrDefault(property, 0L);
    }

    /** How many individual checks ran. */
    public long checks() {
        return checks;
    }

    /** Id of the calendar checked. */
    public String calendarId() {
        return calendarId;
    }

    /** Version of the calendar checked. */
    public String calendarVersion() {
        return calendarVersion;
    }

    /** The dates d swept. */
    public DateRange dates() {
        return dates;
    }

    /** What was exhaustive and what was sampled. */
    public List<String> notes() {
        return notes;
    }

    /** Throws an {@link AssertionError} carrying this report unless every check passed. */
    public ConformanceReport assertPassed() {
        if (!passed()) {
            throw new AssertionError(toString());
        }
        return this;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("日历一致性检查 / calendar conformance: ").append(calendarId).append(" version ").append(calendarVersion)
                .append(" (").append(policy).append("): ").append(checks).append(" checks, ")
                .append(passed() ? "全部通过 / all passed" : violations.size() + " 项性质不成立 / properties violated");
        for (String note : notes) {
            sb.append(System.lineSeparator()).append("  note: ").append(note);
        }
        List<String> lines = new ArrayList<>();
        for (Violation v : violations) {
            lines.add("  " + v.property() + " ×" + failures(v.property()) + ", minimal counterexample: " + v);
        }
        for (String line : lines) {
            sb.append(System.lineSeparator()).append(line);
        }
        return sb.toString();
    }

    /**
     * The minimal counterexample of one property: the smallest {@code n}, then the earliest date.
     * Immutable and thread-safe.
     */
    public record Violation(Property property, LocalDate date, int n, String message) {
        public Violation {
            InvalidValueException.requireNonNull(property, "property");
            InvalidValueException.requireNonNull(date, "date");
            InvalidValueException.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return "d = " + date + " (" + date.getDayOfWeek() + "), n = " + n + ": " + message;
        }
    }
}
