package org.approvalrules.core.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;

/**
 * The days whose kind differs between two versions of a working calendar, e.g. before and after next
 * year's State Council notice is published or a local holiday is added. An embedder uses
 * {@link #affected(Collection)} to find the in-flight deadlines to recompute. Immutable and thread-safe.
 *
 * <p>The comparison runs over the union of both coverages. A date outside a calendar's coverage is
 * read as that calendar's weekends-only assumption (what a PROVISIONAL computation used), whatever its
 * policy, and its explanation is marked provisional. So publishing a new year lists exactly the days
 * where the notice differs from the assumption, and {@link #newlyCovered()} names the dates whose
 * results stop being provisional.
 */
public final class CalendarDiff {

    private final String beforeId;
    private final String beforeVersion;
    private final String afterId;
    private final String afterVersion;
    private final DateRange range;
    private final List<DayChange> changes;
    private final List<DateRange> newlyCovered;

    private CalendarDiff(WorkingCalendar before, WorkingCalendar after, DateRange range, List<DayChange> changes,
            List<DateRange> newlyCovered) {
        this.beforeId = before.id();
        this.beforeVersion = before.version();
        this.afterId = after.id();
        this.afterVersion = after.version();
        this.range = range;
        this.changes = List.copyOf(changes);
        this.newlyCovered = List.copyOf(newlyCovered);
    }

    /** The days whose kind changed from {@code before} to {@code after}, over the union of both coverages. */
    public static CalendarDiff between(WorkingCalendar before, WorkingCalendar after) {
        InvalidValueException.requireNonNull(before, "before");
        InvalidValueException.requireNonNull(after, "after");
        DateRange b = before.coverage();
        DateRange a = after.coverage();
        LocalDate start = b.start().isBefore(a.start()) ? b.start() : a.start();
        LocalDate end = b.end().isAfter(a.end()) ? b.end() : a.end();
        List<DayChange> changes = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            DayKind oldKind = kindOrAssumed(before, d);
            DayKind newKind = kindOrAssumed(after, d);
            if (oldKind != newKind) {
                changes.add(new DayChange(d, oldKind, newKind, explainOrAssumed(before, d), explainOrAssumed(after, d)));
            }
        }
        // dates covered after and not before: beyond the old coverage, or in a local year that gained its notice
        List<DateRange> gained = new ArrayList<>();
        LocalDate runStart = null;
        for (LocalDate d = start; !d.isAfter(end.plusDays(1)); d = d.plusDays(1)) {
            boolean gain = !d.isAfter(end) && after.covers(d) && !before.covers(d);
            if (gain && runStart == null) {
                runStart = d;
            } else if (!gain && runStart != null) {
                gained.add(DateRange.of(runStart, d.minusDays(1)));
                runStart = null;
            }
        }
        return new CalendarDiff(before, after, DateRange.of(start, end), changes, gained);
    }

    /** What results were computed with: a PROVISIONAL calendar's own answer (estimates included), else the assumption. */
    private static DayKind kindOrAssumed(WorkingCalendar cal, LocalDate d) {
        return cal.covers(d) || cal.policy() == CoveragePolicy.PROVISIONAL ? cal.kindOf(d) : CompiledCalendar.ordinaryKind(d);
    }

    private static DayExplanation explainOrAssumed(WorkingCalendar cal, LocalDate d) {
        return cal.covers(d) || cal.policy() == CoveragePolicy.PROVISIONAL ? cal.explain(d)
                : new DayExplanation(d, CompiledCalendar.ordinaryKind(d), Optional.empty(), cal.locality().value(),
                        Optional.empty(), true);
    }

    /** Id of the earlier calendar. */
    public String beforeId() {
        return beforeId;
    }

    /** Version (content hash) of the earlier calendar. */
    public String beforeVersion() {
        return beforeVersion;
    }

    /** Id of the later calendar. */
    public String afterId() {
        return afterId;
    }

    /** Version (content hash) of the later calendar. */
    public String afterVersion() {
        return afterVersion;
    }

    /** The dates compared: the union of both coverages. */
    public DateRange range() {
        return range;
    }

    /** The changed days, in date order; empty when nothing changed. */
    public List<DayChange> changes() {
        return changes;
    }

    /** Whether no day changed its kind. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Dates the later calendar covers and the earlier did not: results there are no longer provisional. */
    public List<DateRange> newlyCovered() {
        return newlyCovered;
    }

    /**
     * The spans a change touches: a span is affected when a changed day lies in {@code [start, due]}
     * (the start day's kind decides where counting begins), or when part of it was provisional before
     * and is covered now. Spans come back in the order given, each with the changes inside it.
     */
    public List<AffectedCase> affected(Collection<CaseSpan> spans) {
        InvalidValueException.requireNonNull(spans, "spans");
        List<AffectedCase> out = new ArrayList<>();
        for (CaseSpan span : spans) {
            InvalidValueException.requireNonNull(span, "span");
            List<DayChange> inside = changesWithin(span.start(), span.due());
            boolean resolved = newlyCovered.stream().anyMatch(r -> !r.end().isBefore(span.start()) && !r.start().isAfter(span.due()));
            if (!inside.isEmpty() || resolved) {
                out.add(new AffectedCase(span, inside, resolved));
            }
        }
        return out;
    }

    /** The changes dated within {@code [from, to]} (binary search; changes are sorted). */
    public List<DayChange> changesWithin(LocalDate from, LocalDate to) {
        int lo = 0;
        int hi = changes.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (changes.get(mid).date().isBefore(from)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < changes.size() && !changes.get(end).date().isAfter(to)) {
            end++;
        }
        return changes.subList(lo, end);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("日历变更 / calendar diff ").append(beforeId).append('@').append(beforeVersion)
                .append(" → ").append(afterId).append('@').append(afterVersion).append(" over ").append(range)
                .append(": ").append(changes.size()).append(" 天变化 / days changed");
        for (DayChange c : changes) {
            sb.append(System.lineSeparator()).append("  ").append(c);
        }
        return sb.toString();
    }

    /**
     * One day whose kind changed, with why it was what it was and why it is what it is now.
     * Immutable and thread-safe.
     */
    public record DayChange(LocalDate date, DayKind oldKind, DayKind newKind, DayExplanation oldExplanation,
            DayExplanation newExplanation) {
        public DayChange {
            InvalidValueException.requireNonNull(date, "date");
            InvalidValueException.requireNonNull(oldKind, "oldKind");
            InvalidValueException.requireNonNull(newKind, "newKind");
            InvalidValueException.requireNonNull(oldExplanation, "oldExplanation");
            InvalidValueException.requireNonNull(newExplanation, "newExplanation");
        }

        @Override
        public String toString() {
            return date + " " + oldKind + " → " + newKind + newExplanation.name().map(n -> " " + n).orElse("")
                    + " [layer " + newExplanation.layer() + newExplanation.source().map(s -> "; " + s).orElse("") + "]"
                    + (oldExplanation.provisional() ? " (此前为临时推定 / was provisional)" : "");
        }
    }

    /**
     * A case's counting span as an embedder stores it: from the start (acceptance) date to the due
     * date, both inclusive. Immutable and thread-safe.
     */
    public record CaseSpan(String caseId, LocalDate start, LocalDate due) {
        public CaseSpan {
            InvalidValueException.requireNonNull(caseId, "caseId");
            InvalidValueException.requireNonNull(start, "start");
            InvalidValueException.requireNonNull(due, "due");
            if (due.isBefore(start)) {
                throw new InvalidValueException("due", due, "办件 " + caseId + " 的到期日早于起算日 " + start
                        + " / case " + caseId + ": due date is before its start " + start);
            }
        }
    }

    /**
     * A span that must be recomputed: the changed days inside it, and whether part of it was
     * provisional and is now covered. Immutable and thread-safe.
     */
    public record AffectedCase(CaseSpan span, List<DayChange> changes, boolean provisionalResolved) {
        public AffectedCase {
            InvalidValueException.requireNonNull(span, "span");
            changes = List.copyOf(InvalidValueException.requireNonNull(changes, "changes"));
        }
    }
}
