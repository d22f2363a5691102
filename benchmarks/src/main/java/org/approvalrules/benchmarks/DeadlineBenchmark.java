package org.approvalrules.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.approvalrules.core.kpi.DeadlineKpis;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deadline evaluation and KPIs: (1) one full evaluation of a case with a statutory and a promised
 * limit, two special procedures (one overlapping the other) and an approved extension, on the bundled
 * national calendar; (2) evaluation + KPI accumulation over one million cases; (3) the KPI pass alone
 * over one million already-evaluated cases.
 */
@State(Scope.Thread)
public class DeadlineBenchmark {

    /** Distinct cases cycled through: 4,096 (inputs do not fit in L2, like a real batch) or 64 (they do). */
    @Param({"4096", "64"})
    public int pool;

    private int mask;
    private static final int MILLION = 1_000_000;

    private WorkingCalendar calendar;
    private DeadlinePolicy policy;
    private DeadlineInput[] inputs;
    private DeadlineResult[] results;
    private Instant asOf;
    private int next;

    @Setup
    public void setUp() {
        calendar = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        policy = DeadlinePolicy.DEFAULT;
        asOf = LocalDateTime.parse("2025-12-01T12:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        Random r = new Random(42);
        mask = pool - 1;
        inputs = new DeadlineInput[pool];
        results = new DeadlineResult[pool];
        for (int i = 0; i < pool; i++) {
            LocalDate day = LocalDate.of(2024, 1, 2).plusDays(r.nextInt(600));
            LocalDateTime acc = day.atTime(9 + r.nextInt(9), r.nextInt(60));
            LocalDateTime p1 = day.plusDays(3 + r.nextInt(10)).atTime(10, 0);
            LocalDateTime p2 = p1.plusDays(2 + r.nextInt(4));
            DeadlineInput.Builder b = DeadlineInput.builder("B-" + i, acc, TimeLimit.workingDays(20))
                    .promised(TimeLimit.workingDays(10))
                    .procedure(SpecialProcedure.of(ProcedureKind.EXPERT_REVIEW, p1, p1.plusDays(5 + r.nextInt(6))))
                    .procedure(SpecialProcedure.of(ProcedureKind.TESTING, p2, p2.plusDays(3 + r.nextInt(8))))
                    .extension(new Extension(10, Extension.Basis.ART_42_ORDINARY, "审批〔" + i + "〕号", day.plusDays(20)));
            if (r.nextInt(3) > 0) {
                b.completed(acc.plusDays(5 + r.nextInt(40)));
            }
            inputs[i] = b.build();
            results[i] = DeadlineEngine.INSTANCE.evaluate(inputs[i], calendar, policy, asOf);
        }
    }

    /** One full evaluation (two procedures, one extension, both limits, status, checks; trace not built). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public DeadlineResult evaluateTwoProceduresAndExtension() {
        int i = next;
        next = (i + 1) & mask;
        return DeadlineEngine.INSTANCE.evaluate(inputs[i], calendar, policy, asOf);
    }

    /** Evaluate one million cases and compute the KPIs over them. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DeadlineKpis evaluateAndKpisOverOneMillion() {
        DeadlineKpis.Accumulator acc = DeadlineKpis.accumulator();
        for (int i = 0; i < MILLION; i++) {
            DeadlineInput in = inputs[i & mask];
            acc.add(in, DeadlineEngine.INSTANCE.evaluate(in, calendar, policy, asOf));
        }
        return acc.result();
    }

    /** The KPI pass alone over one million evaluated cases (the pool of results cycled). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public DeadlineKpis kpisOverOneMillion() {
        DeadlineKpis.Accumulator acc = DeadlineKpis.accumulator();
        for (int i = 0; i < MILLION; i++) {
            int k = i & mask;
            acc.add(inputs[k], results[k]);
        }
        return acc.result();
    }
}
