package org.approvalrules.testkit.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineCalculator;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.DeadlineStatus;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.LimitResult;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.testkit.gen.DeadlineGens;
import org.approvalrules.testkit.gen.Gen;
import org.approvalrules.testkit.gen.Property;

/**
 * Properties every {@link DeadlineCalculator} must satisfy on a given calendar — run it against your
 * own calendar (e.g. with your local layer): {@code new DeadlinePropertySuite(engine, calendar,
 * policy).checkAll()}. Each property is also a method, so a JUnit class can list them one by one.
 * Failures are {@link org.approvalrules.testkit.gen.PropertyFailure}s with the seed and a minimised
 * counterexample. Acceptance dates are drawn from the calendar's coverage, leaving 400 days at its end
 * for the deadlines themselves (so a STRICT calendar is never asked about an uncovered date).
 */
public final class DeadlinePropertySuite {

    private final DeadlineCalculator calculator;
    private final WorkingCalendar cal;
    private final DeadlinePolicy policy;
    private final DateRange acceptance;
    /** The longest run of days the calendar covers (a recurring local layer may leave years uncovered). */
    private final DateRange covered;
    private final NaiveDeadlineModel model;
    private int tries = Integer.getInteger(Property.TRIES_PROPERTY, 200);

    /** A suite for {@code calculator} on {@code calendar} under {@code policy}. */
    public DeadlinePropertySuite(DeadlineCalculator calculator, WorkingCalendar calendar, DeadlinePolicy policy) {
        this.calculator = calculator;
        this.cal = calendar;
        this.policy = policy;
        this.covered = longestCoveredRun(calendar);
        LocalDate end = covered.end().minusDays(400);
        if (!end.isAfter(covered.start())) {
            throw new IllegalArgumentException("calendar coverage " + covered + " is shorter than 400 days");
        }
        this.acceptance = DateRange.of(covered.start(), end);
        this.model = new NaiveDeadlineModel(calendar, policy);
    }

    /** The longest run of consecutive days inside {@code calendar.coverage()} that {@code calendar.covers}. */
    static DateRange longestCoveredRun(WorkingCalendar calendar) {
        LocalDate bestStart = null;
        LocalDate bestEnd = null;
        LocalDate runStart = null;
        DateRange c = calendar.coverage();
        for (LocalDate d = c.start(); !d.isAfter(c.end().plusDays(1)); d = d.plusDays(1)) {
            boolean in = !d.isAfter(c.end()) && calendar.covers(d);
            if (in && runStart == null) {
                runStart = d;
            } else if (!in && runStart != null) {
                if (bestStart == null || d.toEpochDay() - runStart.toEpochDay() > bestEnd.toEpochDay() - bestStart.toEpochDay() + 1) {
                    bestStart = runStart;
                    bestEnd = d.minusDays(1);
                }
                runStart = null;
            }
        }
        if (bestStart == null) {
            throw new IllegalArgumentException("calendar " + calendar.id() + " covers no day of " + c);
        }
        return DateRange.of(bestStart, bestEnd);
    }

    /** Sets the tries per property (default {@value Property#TRIES_PROPERTY} or 200). */
    public DeadlinePropertySuite tries(int n) {
        this.tries = n;
        return this;
    }

    private <T> Property<T> forAll(Gen<T> gen) {
        return Property.forAll(gen).tries(tries);
    }

    /** As of a moment late enough for every generated procedure, extension and deadline to be known. */
    private LocalDateTime lateAsOf(DeadlineInput in) {
        LocalDate d = in.accepted().toLocalDate().plusDays(400);
        return (d.isAfter(covered.end()) ? covered.end() : d).atTime(12, 0);
    }

    private Instant instant(LocalDateTime t) {
        return t.atZone(cal.zone()).toInstant();
    }

    private DeadlineResult eval(DeadlineInput in, LocalDateTime asOf) {
        return calculator.evaluate(in, cal, policy, instant(asOf));
    }

    private DeadlineResult evalLate(DeadlineInput in) {
        return eval(in, lateAsOf(in));
    }

    private Gen<DeadlineInput> inputs() {
        return DeadlineGens.inputs(acceptance, 3);
    }

    private Gen<DeadlineInput> plainWorkingDayInputs() {
        return Gen.zip(DeadlineGens.acceptanceTimes(acceptance), DeadlineGens.workingDayLimits(60),
                (acc, l) -> DeadlineInput.builder("P-" + acc, acc, l).build());
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }

    /** The due date of every limit is a working day (for WORKING_DAYS by counting, otherwise by moving forward). */
    public void dueDateIsAWorkingDay() {
        forAll(inputs()).check("due date is a working day", in -> {
            DeadlineResult r = evalLate(in);
            check(cal.isWorkingDay(r.statutory().dueDate()), "statutory due " + r.statutory().dueDate() + " is not a working day");
            r.promised().ifPresent(p -> check(cal.isWorkingDay(p.dueDate()), "promised due " + p.dueDate() + " is not a working day"));
        });
    }

    /** Adding a special procedure never makes any deadline earlier. */
    public void suspensionNeverMakesItEarlier() {
        Gen<Object[]> g = inputs().flatMap(in -> DeadlineGens.procedures(in.accepted().toLocalDate(), 80, 30)
                .map(p -> new Object[] {in, p}));
        forAll(g).check("a suspension never makes the deadline earlier", x -> {
            DeadlineInput in = (DeadlineInput) x[0];
            DeadlineInput more = in.toBuilder().procedure((SpecialProcedure) x[1]).build();
            LocalDate before = evalLate(in).statutory().dueDate();
            LocalDate after = evalLate(more).statutory().dueDate();
            check(!after.isBefore(before), "due moved from " + before + " to " + after);
        });
    }

    /** A suspension starting inside the period that holds k working days moves a WORKING_DAYS deadline by exactly k. */
    public void suspensionInsideThePeriodMovesItByItsWorkingDays() {
        Gen<Object[]> g = plainWorkingDayInputs().filter(in -> in.statutory().amount() > 0).flatMap(in -> {
            LocalDate due = evalLate(in).statutory().dueDate();
            LocalDate base = evalLate(in).countingBase();
            int span = (int) (due.toEpochDay() - base.toEpochDay());
            return Gen.zip(Gen.ints(1, Math.max(1, span)), Gen.ints(1, 30), (off, len) -> new Object[] {in, off, len});
        });
        forAll(g).check("a suspension of k working days inside the period moves the deadline by k", x -> {
            DeadlineInput in = (DeadlineInput) x[0];
            DeadlineResult plain = evalLate(in);
            LocalDate start = plain.countingBase().plusDays((Integer) x[1]);
            LocalDate resume = start.plusDays((Integer) x[2]);
            int k = cal.workingDaysBetween(start.minusDays(1), resume.minusDays(1));
            DeadlineInput more = in.toBuilder().procedure(SpecialProcedure.of(ProcedureKind.TESTING, start.atTime(9, 0),
                    resume.atTime(9, 0))).build();
            LocalDate due = plain.statutory().dueDate();
            LocalDate moved = evalLate(more).statutory().dueDate();
            check(cal.workingDaysBetween(due, moved) == k, "suspension [" + start + ", " + resume + ") holds " + k
                    + " working days but moved the due date from " + due + " to " + moved);
        });
    }

    /**
     * An extension of k working days moves a WORKING_DAYS deadline by exactly k working days (limits of
     * at least one day: a 0-day limit is due on the base day or the next working day, like IMMEDIATE).
     */
    public void extensionMovesItByItsDays() {
        Gen<Object[]> g = Gen.zip(plainWorkingDayInputs().filter(in -> in.statutory().amount() > 0), Gen.ints(1, 10),
                (in, k) -> new Object[] {in, k});
        forAll(g).check("an extension of k moves the deadline by k", x -> {
            DeadlineInput in = (DeadlineInput) x[0];
            int k = (Integer) x[1];
            DeadlineInput ext = in.toBuilder().extension(new Extension(k, Extension.Basis.ART_42_ORDINARY, "性质测试",
                    in.accepted().toLocalDate())).build();
            LocalDate due = evalLate(in).statutory().dueDate();
            LocalDate moved = evalLate(ext).statutory().dueDate();
            int by = cal.workingDaysBetween(due, moved);
            check(by == k, "extension " + k + " moved the due date from " + due + " to " + moved + " (" + by + ")");
        });
    }

    /** A later acceptance never gives an earlier deadline (same limit, no procedures). */
    public void monotoneInAcceptance() {
        Gen<Object[]> g = Gen.zip(Gen.zip(DeadlineGens.acceptanceTimes(acceptance), Gen.ints(0, 10 * 24 * 60),
                (a, m) -> new LocalDateTime[] {a, a.plusMinutes(m)}), DeadlineGens.timeLimits(), (t, l) -> new Object[] {t, l});
        forAll(g).check("the deadline is monotone in the acceptance instant", x -> {
            LocalDateTime[] t = (LocalDateTime[]) x[0];
            TimeLimit l = (TimeLimit) x[1];
            LocalDate a = evalLate(DeadlineInput.builder("M", t[0], l).build()).statutory().dueDate();
            LocalDate b = evalLate(DeadlineInput.builder("M", t[1], l).build()).statutory().dueDate();
            check(!b.isBefore(a), "accepted " + t[0] + " → " + a + " but later " + t[1] + " → " + b);
        });
    }

    /** A longer limit never gives an earlier deadline (same unit, same procedures). */
    public void monotoneInLimit() {
        Gen<Object[]> g = inputs().filter(in -> in.statutory().unit() != LimitUnit.IMMEDIATE)
                .flatMap(in -> Gen.ints(0, 30).map(extra -> new Object[] {in, extra}));
        forAll(g).check("the deadline is monotone in the limit", x -> {
            DeadlineInput in = (DeadlineInput) x[0];
            TimeLimit longer = new TimeLimit(in.statutory().amount() + (Integer) x[1], in.statutory().unit());
            LocalDate a = evalLate(in).statutory().dueDate();
            LocalDate b = evalLate(in.toBuilder().statutory(longer).build()).statutory().dueDate();
            check(!b.isBefore(a), in.statutory() + " → " + a + " but " + longer + " → " + b);
        });
    }

    /** Completed on time exactly when the completion is not after the due instant. */
    public void completedOnTimeIffNotAfterDueInstant() {
        Gen<Object[]> g = inputs().flatMap(in -> Gen.longs(-3 * 24 * 60, 3 * 24 * 60, 0).map(m -> new Object[] {in, m}));
        forAll(g).check("completed on time ⇔ completion ≤ due instant", x -> {
            DeadlineInput in = (DeadlineInput) x[0];
            LimitResult plain = evalLate(in).statutory();
            LocalDateTime dueLocal = LocalDateTime.ofInstant(plain.dueInstant(), cal.zone());
            LocalDateTime done = dueLocal.plusMinutes((Long) x[1]);
            if (done.isBefore(in.accepted())) {
                done = in.accepted();
            }
            LimitResult r = evalLate(in.toBuilder().completed(done).build()).statutory();
            boolean onTime = !instant(done).isAfter(r.dueInstant());
            check(r.status() == (onTime ? DeadlineStatus.COMPLETED_ON_TIME : DeadlineStatus.COMPLETED_LATE),
                    "completed " + done + ", due " + r.dueInstant() + ", status " + r.status());
        });
    }

    /** Base, due dates, elapsed and remaining working days equal the naive day-by-day model, as of random instants. */
    public void equalsNaiveModel() {
        Gen<Object[]> g = inputs().flatMap(in -> Gen.ints(0, 200 * 24 * 60).map(m -> new Object[] {in, m}));
        forAll(g).check("equals the naive day-by-day reference model", x -> {
            DeadlineInput in = (DeadlineInput) x[0];
            LocalDateTime asOf = in.accepted().plusMinutes((Integer) x[1]);
            DeadlineResult r = eval(in, asOf);
            compare("statutory", r.statutory(), model.limit(in, in.statutory(), asOf), r);
            if (in.promised().isPresent()) {
                compare("promised", r.promised().orElseThrow(), model.limit(in, in.promised().get(), asOf), r);
            }
        });
    }

    private static void compare(String which, LimitResult got, NaiveDeadlineModel.Expected want, DeadlineResult r) {
        check(r.countingBase().equals(want.base()), which + " base " + r.countingBase() + " ≠ model " + want.base());
        check(got.dueDate().equals(want.due()), which + " due " + got.dueDate() + " ≠ model " + want.due());
        check(got.elapsedWorkingDays() == want.elapsed(), which + " elapsed " + got.elapsedWorkingDays() + " ≠ model " + want.elapsed());
        check(got.remainingWorkingDays() == want.remaining(),
                which + " remaining " + got.remainingWorkingDays() + " ≠ model " + want.remaining());
    }

    /** Runs every property; throws the first failure after running them all, listing every failed name. */
    public void checkAll() {
        Map<String, Runnable> all = new LinkedHashMap<>();
        all.put("dueDateIsAWorkingDay", this::dueDateIsAWorkingDay);
        all.put("suspensionNeverMakesItEarlier", this::suspensionNeverMakesItEarlier);
        all.put("suspensionInsideThePeriodMovesItByItsWorkingDays", this::suspensionInsideThePeriodMovesItByItsWorkingDays);
        all.put("extensionMovesItByItsDays", this::extensionMovesItByItsDays);
        all.put("monotoneInAcceptance", this::monotoneInAcceptance);
        all.put("monotoneInLimit", this::monotoneInLimit);
        all.put("completedOnTimeIffNotAfterDueInstant", this::completedOnTimeIffNotAfterDueInstant);
        all.put("equalsNaiveModel", this::equalsNaiveModel);
        List<String> failed = new ArrayList<>();
        AssertionError first = null;
        for (Map.Entry<String, Runnable> e : all.entrySet()) {
            try {
                e.getValue().run();
            } catch (AssertionError err) {
                failed.add(e.getKey());
                first = first == null ? err : first;
            }
        }
        if (first != null) {
            throw new AssertionError("deadline properties failed: " + failed + "\n" + first.getMessage(), first);
        }
    }
}
