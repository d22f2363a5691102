package org.approvalrules.testkit.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;

/**
 * The conformance suite for any {@link WorkingCalendar}: the library's compiled calendars, an
 * embedder's own provider, a local layer. Plain Java (no test framework): {@link #run()} returns a
 * {@link ConformanceReport} listing, per property, how many checks failed and the minimal
 * counterexample (smallest {@code n}, then earliest date).
 *
 * <p>For <b>every</b> date {@code d} in the sweep (by default the whole coverage) and <b>every</b>
 * {@code n} in {@code 0..maxN} (default 400) it checks against a naive day-by-day reference built only
 * from {@link WorkingCalendar#kindOf(LocalDate)}:
 * <ul>
 *   <li>{@code plusWorkingDays(d, n)} equals the naive n-th working day after {@code d} and is a working day for n &gt; 0;</li>
 *   <li>{@code workingDaysBetween(d, plusWorkingDays(d, n)) == n} and the reverse is {@code -n};</li>
 *   <li>{@code workingDaysBetween(d, x)} equals the naive count for every {@code x} from {@code d} to the
 *       400th working day after it;</li>
 *   <li>{@code plusWorkingDays(plusWorkingDays(d, a), b) == plusWorkingDays(d, a + b)} for every {@code a}
 *       and {@link Builder#compositionSamples(int) k} random {@code b} (default 1) with {@code a + b ≤ maxN}:
 *       the exhaustive {@code a × b} square would be about 80,000 calls per date, so {@code b} is sampled
 *       with a fixed seed and the report says so;</li>
 *   <li>monotone: strictly increasing in {@code n}, non-decreasing in {@code d};</li>
 *   <li>{@code minusWorkingDays} equals the naive n-th working day before {@code d}, and
 *       {@code minusWorkingDays(plusWorkingDays(d, n), n)} is {@code d} when {@code d} is a working day
 *       (or n = 0), otherwise the previous working day;</li>
 *   <li>day kinds agree with the weekday (WORKDAY Mon–Fri, WEEKEND and ADJUSTED_WORKDAY Sat–Sun),
 *       {@code isWorkingDay} and {@code explain} agree with {@code kindOf}, and {@code nextWorkingDay}
 *       agrees with {@code plusWorkingDays(d, 1)};</li>
 *   <li>coverage: where the naive walk leaves the coverage a STRICT calendar must throw
 *       {@link CalendarCoverageException}; a PROVISIONAL one must assume weekends only there and mark
 *       {@code explain} provisional.</li>
 * </ul>
 * The reference precomputes one working-day flag per date (one {@code kindOf} call each) and walks it
 * day by day once per {@code d}, collecting all 400 answers in one walk, so the whole 2004–2026 sweep
 * takes seconds.
 */
public final class CalendarConformance {

    /** What the suite checks; each violation names one. */
    public enum Property {
        /** Day kinds agree with the weekday, with isWorkingDay, explain and nextWorkingDay. */
        KIND_CONSISTENCY,
        /** plusWorkingDays(d, n) is a working day for n &gt; 0. */
        PLUS_IS_WORKING_DAY,
        /** plusWorkingDays equals the naive day-by-day reference. */
        PLUS_MATCHES_REFERENCE,
        /** workingDaysBetween(d, plusWorkingDays(d, n)) == n, and -n reversed. */
        BETWEEN_INVERTS_PLUS,
        /** workingDaysBetween equals the naive day-by-day count. */
        BETWEEN_MATCHES_REFERENCE,
        /** plus(plus(d, a), b) == plus(d, a + b). */
        PLUS_COMPOSES,
        /** plusWorkingDays is strictly increasing in n and non-decreasing in d. */
        MONOTONE,
        /** minusWorkingDays equals the naive day-by-day reference. */
        MINUS_MATCHES_REFERENCE,
        /** minus(plus(d, n), n) is d, or the working day before d when d is not one. */
        MINUS_INVERTS_PLUS,
        /** STRICT throws outside the coverage; PROVISIONAL assumes weekends only and says so. */
        COVERAGE_POLICY,
        /** No call throws anything but the specified {@link CalendarCoverageException}. */
        NO_UNEXPECTED_EXCEPTION
    }

    private static final int MARGIN_DAYS = 1200;

    private final WorkingCalendar calendar;
    private final DateRange sweep;
    private final int maxN;
    private final int compositionSamples;
    private final long seed;

    private CalendarConformance(Builder b) {
        this.calendar = b.calendar;
        this.sweep = b.sweep != null ? b.sweep : b.calendar.coverage();
        this.maxN = b.maxN;
        this.compositionSamples = b.compositionSamples;
        this.seed = b.seed;
    }

    /** A suite over {@code calendar}'s whole coverage with n in 0..400. */
    public static Builder forCalendar(WorkingCalendar calendar) {
        return new Builder(calendar);
    }

    /** Runs the suite with the defaults: whole coverage, n in 0..400. */
    public static ConformanceReport check(WorkingCalendar calendar) {
        return forCalendar(calendar).build().run();
    }

    /** Runs every check and returns the report; never throws for a violation. */
    public ConformanceReport run() {
        Sweep s = new Sweep();
        s.run();
        List<String> notes = new ArrayList<>();
        notes.add("dates " + sweep + " (" + sweep.days() + " days), n in 0.." + maxN + ", exhaustive except PLUS_COMPOSES");
        notes.add("PLUS_COMPOSES: every a in 0.." + maxN + ", " + compositionSamples + " random b per (d, a) with a + b ≤ "
                + maxN + " (seed " + seed + "); the full a × b square is sampled, not exhaustive");
        return new ConformanceReport(calendar.id(), calendar.version(), calendar.policy(), sweep, s.checks, s.minimal,
                s.counts, notes);
    }

    /** Configures a run; defaults: the calendar's coverage, n ≤ 400, one composition sample, seed 20040101. */
    public static final class Builder {
        private final WorkingCalendar calendar;
        private DateRange sweep;
        private int maxN = 400;
        private int compositionSamples = 1;
        private long seed = 20040101L;

        private Builder(WorkingCalendar calendar) {
            this.calendar = InvalidValueException.requireNonNull(calendar, "calendar");
        }

        /** The dates {@code d} to sweep (default: the coverage; may extend past it for a PROVISIONAL calendar). */
        public Builder dates(DateRange range) {
            this.sweep = InvalidValueException.requireNonNull(range, "dates");
            return this;
        }

        /** The largest n (default 400). */
        public Builder maxN(int maxN) {
            if (maxN < 1 || maxN > 5000) {
                throw new InvalidValueException("maxN", maxN, "应在 1..5000 之间 / must be in 1..5000");
            }
            this.maxN = maxN;
            return this;
        }

        /** How many random b to try per (d, a) for {@link Property#PLUS_COMPOSES} (default 1). */
        public Builder compositionSamples(int k) {
            if (k < 0 || k > 1000) {
                throw new InvalidValueException("compositionSamples", k, "应在 0..1000 之间 / must be in 0..1000");
            }
            this.compositionSamples = k;
            return this;
        }

        /** Seed for the sampled b (default 20040101); the same seed reproduces the same run. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The suite, ready to {@link CalendarConformance#run()}. */
        public CalendarConformance build() {
            if (calendar.policy() == CoveragePolicy.STRICT && !(calendar.coverage().contains(sweep().start())
                    && calendar.coverage().contains(sweep().end()))) {
                throw new InvalidValueException("dates", sweep(), "STRICT 日历只能在覆盖范围 " + calendar.coverage()
                        + " 内检查 / a STRICT calendar can only be swept inside its coverage " + calendar.coverage());
            }
            return new CalendarConformance(this);
        }

        private DateRange sweep() {
            return sweep != null ? sweep : calendar.coverage();
        }
    }

    /** One sweep: the reference table and the running results. */
    private final class Sweep {
        final Map<Property, ConformanceReport.Violation> minimal = new EnumMap<>(Property.class);
        final Map<Property, Long> counts = new EnumMap<>(Property.class);
        long checks;

        /** Reference: table[i] is the kind of day base + i from kindOf, or null where the calendar does not answer. */
        final long base = sweep.start().toEpochDay() - MARGIN_DAYS;
        final DayKind[] table = new DayKind[Math.toIntExact(sweep.days() + 2L * MARGIN_DAYS)];
        final SplittableRandom random = new SplittableRandom(seed);

        void run() {
            try {
                buildReference();
            } catch (RuntimeException ex) {
                check(Property.NO_UNEXPECTED_EXCEPTION, false, sweep.start(), 0, () -> "kindOf/explain threw " + ex, null);
                return;
            }
            long[] fwd = new long[maxN + 1];
            long[] back = new long[maxN + 1];
            long[] plus = new long[maxN + 1];
            long[] previousPlus = null;
            for (long e = sweep.start().toEpochDay(); e <= sweep.end().toEpochDay(); e++) {
                LocalDate d = LocalDate.ofEpochDay(e);
                if (table[(int) (e - base)] == null) { // STRICT, a day it does not cover (e.g. a local year without its notice)
                    checkStrictRefuses(d);
                    previousPlus = null;
                    continue;
                }
                int reachable = walk(e, +1, fwd);
                int reachableBack = walk(e, -1, back);
                java.util.Arrays.fill(plus, Long.MAX_VALUE);
                try {
                    checkPlus(d, fwd, reachable, plus);
                    checkBetween(d, e, fwd, reachable);
                    checkComposition(d, plus, reachable);
                    checkMinus(d, e, fwd, back, reachable, reachableBack);
                } catch (RuntimeException ex) {
                    check(Property.NO_UNEXPECTED_EXCEPTION, false, d, 0, () -> "threw " + ex, null);
                }
                if (previousPlus != null) {
                    checkMonotoneInDate(d, previousPlus, plus);
                } else {
                    previousPlus = new long[maxN + 1];
                }
                System.arraycopy(plus, 0, previousPlus, 0, maxN + 1);
            }
        }

        /** plusWorkingDays(d - 1, n) ≤ plusWorkingDays(d, n) wherever both answered. */
        private void checkMonotoneInDate(LocalDate d, long[] previousPlus, long[] plus) {
            for (int n = 0; n <= maxN; n++) {
                if (plus[n] != Long.MAX_VALUE && previousPlus[n] != Long.MAX_VALUE) {
                    long before = previousPlus[n];
                    long now = plus[n];
                    check(Property.MONOTONE, now >= before, d, n, () -> "plusWorkingDays(d, n) = " + LocalDate.ofEpochDay(now)
                            + " is before plusWorkingDays(d - 1, n) = " + LocalDate.ofEpochDay(before), null);
                }
            }
        }

        private void buildReference() {
            for (int i = 0; i < table.length; i++) {
                LocalDate d = LocalDate.ofEpochDay(base + i);
                boolean covered = calendar.covers(d);
                if (!covered && calendar.policy() == CoveragePolicy.STRICT) {
                    if (i == 0 || i == table.length - 1) {
                        checkStrictRefuses(d);
                    }
                    continue;
                }
                DayKind k = calendar.kindOf(d);
                table[i] = k;
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                checks++;
                boolean consistent = switch (k) {
                    case WORKDAY -> !weekend;
                    case WEEKEND, ADJUSTED_WORKDAY -> weekend;
                    case HOLIDAY -> true;
                };
                check(Property.KIND_CONSISTENCY, consistent, d, 0, () -> k + " on a " + d.getDayOfWeek(), null);
                check(Property.KIND_CONSISTENCY, calendar.isWorkingDay(d) == k.isWorking(), d, 0,
                        () -> "isWorkingDay disagrees with kindOf " + k, null);
                DayExplanation x = calendar.explain(d);
                check(Property.KIND_CONSISTENCY, x.kind() == k && x.date().equals(d), d, 0,
                        () -> "explain says " + x.kind() + " for " + x.date() + ", kindOf says " + k, null);
                if (!covered && !calendar.coverage().contains(d)) {
                    check(Property.COVERAGE_POLICY, k == (weekend ? DayKind.WEEKEND : DayKind.WORKDAY) && x.provisional(),
                            d, 0, () -> "outside coverage: expected the weekends-only assumption marked provisional, got "
                                    + x, null);
                } else if (!covered) {
                    // a year a recurring local layer lacks: national days and estimates, but always marked provisional
                    check(Property.COVERAGE_POLICY, x.provisional(), d, 0,
                            () -> "not covered (a local layer lacks the year) but explain is not provisional: " + x, null);
                } else {
                    check(Property.COVERAGE_POLICY, !x.provisional(), d, 0,
                            () -> "inside coverage but explain says provisional: " + x, null);
                }
            }
        }

        private void checkStrictRefuses(LocalDate d) {
            checks++;
            try {
                DayKind k = calendar.kindOf(d);
                check(Property.COVERAGE_POLICY, false, d, 0, () -> "STRICT calendar answered " + k + " outside its coverage", null);
            } catch (CalendarCoverageException expected) {
                // as specified
            }
        }

        /**
         * Naive walk from epoch day e in direction dir, day by day, collecting up to maxN working days
         * into out[1..]; returns how many it found before the calendar stopped answering.
         */
        private int walk(long e, int dir, long[] out) {
            out[0] = e;
            int found = 0;
            long x = e;
            while (found < maxN) {
                x += dir;
                int i = (int) (x - base);
                if (i < 0 || i >= table.length || table[i] == null) {
                    break;
                }
                if (table[i].isWorking()) {
                    out[++found] = x;
                }
            }
            return found;
        }

        private void checkPlus(LocalDate d, long[] fwd, int reachable, long[] plus) {
            for (int n = 0; n <= maxN; n++) {
                final int fn = n;
                LocalDate p;
                try {
                    p = calendar.plusWorkingDays(d, n);
                } catch (CalendarCoverageException ex) {
                    check(n > reachable ? Property.COVERAGE_POLICY : Property.PLUS_MATCHES_REFERENCE, n > reachable, d, n,
                            () -> "plusWorkingDays threw " + ex.getClass().getSimpleName() + " though the answer "
                                    + LocalDate.ofEpochDay(fwd[fn]) + " is covered", LocalDate.ofEpochDay(fwd[fn]));
                    plus[n] = Long.MAX_VALUE;
                    continue;
                }
                plus[n] = p.toEpochDay();
                if (n > reachable) {
                    check(Property.COVERAGE_POLICY, false, d, n,
                            () -> "STRICT calendar answered " + p + " past its coverage " + calendar.coverage(), null);
                    continue;
                }
                LocalDate expected = LocalDate.ofEpochDay(fwd[n]);
                check(Property.PLUS_MATCHES_REFERENCE, p.equals(expected), d, n, () -> "plusWorkingDays = " + p, expected);
                if (n > 0) {
                    check(Property.PLUS_IS_WORKING_DAY, calendar.isWorkingDay(p), d, n,
                            () -> "plusWorkingDays = " + p + ", not a working day (" + calendar.kindOf(p) + ")", null);
                    check(Property.MONOTONE, plus[n] > plus[n - 1], d, n,
                            () -> "plusWorkingDays(d, n) = " + p + " is not after plusWorkingDays(d, n-1) = "
                                    + LocalDate.ofEpochDay(plus[fn - 1]), null);
                }
                if (n == 1) {
                    LocalDate next = calendar.nextWorkingDay(d);
                    check(Property.KIND_CONSISTENCY, next.equals(p), d, 1, () -> "nextWorkingDay = " + next, p);
                }
                int between = calendar.workingDaysBetween(d, p);
                check(Property.BETWEEN_INVERTS_PLUS, between == n, d, n,
                        () -> "workingDaysBetween(d, " + p + ") = " + between, null);
                int reverse = calendar.workingDaysBetween(p, d);
                check(Property.BETWEEN_INVERTS_PLUS, reverse == -n, d, n,
                        () -> "workingDaysBetween(" + p + ", d) = " + reverse + ", expected " + (-fn), null);
            }
        }

        /** workingDaysBetween(d, x) for every x from d to the last reachable working day, against a running count. */
        private void checkBetween(LocalDate d, long e, long[] fwd, int reachable) {
            int count = 0;
            for (long x = e; x <= fwd[reachable]; x++) {
                if (x > e && table[(int) (x - base)].isWorking()) {
                    count++;
                }
                LocalDate xd = LocalDate.ofEpochDay(x);
                int actual = calendar.workingDaysBetween(d, xd);
                final int expected = count;
                check(Property.BETWEEN_MATCHES_REFERENCE, actual == expected, d, count,
                        () -> "workingDaysBetween(d, " + xd + ") = " + actual + ", expected " + expected, null);
            }
        }

        private void checkComposition(LocalDate d, long[] plus, int reachable) {
            int top = Math.min(reachable, maxN);
            for (int a = 0; a <= top; a++) {
                if (plus[a] == Long.MAX_VALUE) {
                    continue;
                }
                LocalDate pa = LocalDate.ofEpochDay(plus[a]);
                for (int k = 0; k < compositionSamples; k++) {
                    int b = random.nextInt(top - a + 1);
                    if (plus[a + b] == Long.MAX_VALUE) {
                        continue;
                    }
                    LocalDate composed = calendar.plusWorkingDays(pa, b);
                    LocalDate direct = LocalDate.ofEpochDay(plus[a + b]);
                    final int fa = a;
                    check(Property.PLUS_COMPOSES, composed.equals(direct), d, a + b,
                            () -> "plusWorkingDays(plusWorkingDays(d, " + fa + "), " + b + ") = " + composed
                                    + " but plusWorkingDays(d, " + (fa + b) + ") = " + direct, direct);
                }
            }
        }

        private void checkMinus(LocalDate d, long e, long[] fwd, long[] back, int reachable, int reachableBack) {
            boolean working = table[(int) (e - base)].isWorking();
            for (int n = 0; n <= maxN; n++) {
                final int fn = n;
                if (n <= reachableBack) {
                    LocalDate m = calendar.minusWorkingDays(d, n);
                    LocalDate expected = LocalDate.ofEpochDay(back[n]);
                    check(Property.MINUS_MATCHES_REFERENCE, m.equals(expected), d, n, () -> "minusWorkingDays = " + m, expected);
                } else {
                    try {
                        LocalDate m = calendar.minusWorkingDays(d, n);
                        check(Property.COVERAGE_POLICY, false, d, n,
                                () -> "STRICT calendar answered minusWorkingDays = " + m + " before its coverage", null);
                    } catch (CalendarCoverageException expected) {
                        checks++; // as specified
                    }
                }
                if (n > 0 && n <= reachable && (working || reachableBack >= 1)) {
                    LocalDate p = LocalDate.ofEpochDay(fwd[n]);
                    LocalDate expected = working ? d : LocalDate.ofEpochDay(back[1]);
                    LocalDate m = calendar.minusWorkingDays(p, n);
                    check(Property.MINUS_INVERTS_PLUS, m.equals(expected), d, n,
                            () -> "minusWorkingDays(" + p + ", " + fn + ") = " + m, expected);
                }
            }
        }

        /** Records one check; on failure keeps the minimal counterexample (smallest n, then earliest date). */
        void check(Property property, boolean ok, LocalDate d, int n, java.util.function.Supplier<String> what,
                LocalDate expected) {
            checks++;
            if (ok) {
                return;
            }
            counts.merge(property, 1L, Long::sum);
            ConformanceReport.Violation current = minimal.get(property);
            if (current == null || n < current.n() || n == current.n() && d.isBefore(current.date())) {
                String message = what.get() + (expected != null ? ", expected " + expected : "");
                minimal.put(property, new ConformanceReport.Violation(property, d, n, message));
            }
        }
    }
}
