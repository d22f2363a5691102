package org.approvalrules.testkit.gen;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;

/**
 * Generators (with shrinking) for the deadline domain: dates in a calendar's coverage, acceptance
 * times, time limits, procedure sets and extensions, and whole {@link DeadlineInput}s.
 */
public final class DeadlineGens {

    /** The Art. 45 kinds, which stop the clock under every policy. */
    private static final ProcedureKind[] ART45 = {ProcedureKind.EXPERT_REVIEW, ProcedureKind.HEARING,
            ProcedureKind.BIDDING, ProcedureKind.AUCTION, ProcedureKind.INSPECTION, ProcedureKind.TESTING,
            ProcedureKind.QUARANTINE, ProcedureKind.APPRAISAL};

    private DeadlineGens() {
    }

    /** Dates in {@code range}, shrinking towards its start. */
    public static Gen<LocalDate> dates(DateRange range) {
        return Gen.longs(range.start().toEpochDay(), range.end().toEpochDay()).map(LocalDate::ofEpochDay);
    }

    /** Working days of {@code calendar} in {@code range}. */
    public static Gen<LocalDate> workingDates(WorkingCalendar calendar, DateRange range) {
        return dates(range).map(calendar::nextOrSameWorkingDay).filter(range::contains);
    }

    /** Times of day from 06:00 to 21:59 at minute precision (inside, before and after office hours), shrinking to 10:00. */
    public static Gen<LocalTime> timesOfDay() {
        return Gen.longs(6 * 60, 22 * 60 - 1, 10 * 60).map(m -> LocalTime.of((int) (m / 60), (int) (m % 60)));
    }

    /** Acceptance times on any day of {@code range} (weekends and holidays included). */
    public static Gen<LocalDateTime> acceptanceTimes(DateRange range) {
        return Gen.zip(dates(range), timesOfDay(), LocalDateTime::of);
    }

    /** Working-day limits 0..max, shrinking to 0. */
    public static Gen<TimeLimit> workingDayLimits(int max) {
        return Gen.ints(0, max).map(TimeLimit::workingDays);
    }

    /** Time limits of every unit: working days 0..60, calendar days 0..90, immediate. */
    public static Gen<TimeLimit> timeLimits() {
        return Gen.oneOf(workingDayLimits(60), Gen.ints(0, 90).map(TimeLimit::calendarDays), Gen.constant(TimeLimit.IMMEDIATE));
    }

    /** One closed Art. 45 procedure starting 0..maxStartOffset days after {@code from} and lasting 0..maxLength days. */
    public static Gen<SpecialProcedure> procedures(LocalDate from, int maxStartOffset, int maxLength) {
        return Gen.zip(Gen.zip(Gen.ints(0, maxStartOffset), Gen.ints(0, maxLength), (a, b) -> new int[] {a, b}),
                Gen.zip(Gen.elements(ART45), timesOfDay(), (k, t) -> new Object[] {k, t}),
                (ab, kt) -> {
                    LocalDateTime start = from.plusDays(ab[0]).atTime((LocalTime) kt[1]);
                    return SpecialProcedure.of((ProcedureKind) kt[0], start, start.plusDays(ab[1]));
                });
    }

    /** 0..maxCount procedures (possibly overlapping) as for {@link #procedures(LocalDate, int, int)}. */
    public static Gen<List<SpecialProcedure>> procedureSets(LocalDate from, int maxCount) {
        return Gen.listOf(procedures(from, 60, 20), 0, maxCount);
    }

    /** No extension, or one of 1..10 working days under Art. 42 §1, approved on {@code approvedOn}. */
    public static Gen<List<Extension>> extensions(LocalDate approvedOn) {
        return Gen.optional(Gen.ints(1, 10)).map(o -> o.map(n -> List.of(new Extension(n, Extension.Basis.ART_42_ORDINARY,
                "测试批准〔" + n + "〕号", approvedOn))).orElse(List.of()));
    }

    /**
     * Whole inputs accepted in {@code acceptance}: a statutory limit of any unit, an optional promised
     * limit of the same unit not above it, procedures and an extension (working-day limits only).
     */
    public static Gen<DeadlineInput> inputs(DateRange acceptance, int maxProcedures) {
        return acceptanceTimes(acceptance).flatMap(acc -> Gen.zip(
                Gen.zip(timeLimits(), Gen.optional(Gen.ints(0, 100)), (l, p) -> new Object[] {l, p}),
                Gen.zip(procedureSets(acc.toLocalDate(), maxProcedures), extensions(acc.toLocalDate()),
                        (ps, ex) -> new Object[] {ps, ex}),
                (lp, pe) -> {
                    TimeLimit statutory = (TimeLimit) lp[0];
                    @SuppressWarnings("unchecked")
                    Optional<Integer> pct = (Optional<Integer>) lp[1];
                    DeadlineInput.Builder b = DeadlineInput.builder("G-" + acc, acc, statutory);
                    if (pct.isPresent() && statutory.unit() != LimitUnit.IMMEDIATE) {
                        b.promised(new TimeLimit(statutory.amount() * pct.get() / 100, statutory.unit()));
                    }
                    @SuppressWarnings("unchecked")
                    List<SpecialProcedure> ps = (List<SpecialProcedure>) pe[0];
                    b.procedures(new ArrayList<>(ps));
                    if (statutory.unit() == LimitUnit.WORKING_DAYS) {
                        @SuppressWarnings("unchecked")
                        List<Extension> ex = (List<Extension>) pe[1];
                        b.extensions(ex);
                    }
                    return b.build();
                }));
    }
}
