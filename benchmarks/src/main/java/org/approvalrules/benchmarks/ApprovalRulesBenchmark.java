package org.approvalrules.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CaseEvaluation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole path of a case through {@link ApprovalRules}: calendar, parameters at the acceptance date,
 * deadline policy, deadline engine, facts, the locality's rules, {@link CaseEvaluation}. One batch of
 * 100,000 cases of county 451031 accepted from January to October 2024 and evaluated as of mid-December 2024, so
 * every day counted lies in 2024 (the example county's parameters start in 2024; Guangxi has no 2025 notice, so STRICT
 * refuses 2025); scores are cases per second. {@code packs}: empty
 * for the bundled national pack, or a pack directory (e.g. {@code examples/packs}); {@code parallelism}: parts of a
 * batch at once ({@code -p parallelism=1,2}: 2 is the caller's thread plus a pool of one thread, given to the
 * builder's {@code parallelism}). {@code wholePathBatch} returns the list; {@code wholePathStream} hands each
 * evaluation to a consumer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ApprovalRulesBenchmark {
    static final int CASES = 100_000;
    static final DivisionCode COUNTY = DivisionCode.parse("451031");
    static final Instant AS_OF = Instant.parse("2024-12-16T02:00:00Z");

    @Param({"", "examples/packs"})
    public String packs;

    /** Parts a batch is evaluated in at once: 1 (the caller's thread), 2 (the caller's thread and one pool thread). */
    @Param({"1"})
    public int parallelism;

    ApprovalRules rules;
    List<DeadlineInput> cases;
    ExecutorService pool;

    @Setup
    public void setUp() {
        ApprovalRules.Builder b = ApprovalRules.builder();
        if (!packs.isEmpty()) {
            b.packs(Path.of(packs));
        }
        if (parallelism > 1) {
            pool = Executors.newFixedThreadPool(parallelism - 1);
            b.parallelism(parallelism, pool);
        }
        rules = b.build();
        cases = cases();
        rules.evaluate(COUNTY, cases.subList(0, 10), AS_OF);   // compile the rule set outside the measurement
    }

    /** The batch: {@value #CASES} cases accepted at random minutes over 300 days from 2024-01-02 (seed 42). */
    static List<DeadlineInput> cases() {
        Random r = new Random(42);
        List<DeadlineInput> cases = new ArrayList<>(CASES);
        LocalDateTime base = LocalDateTime.parse("2024-01-02T08:00");
        for (int i = 0; i < CASES; i++) {
            LocalDateTime acc = base.plusMinutes(r.nextInt(300 * 24 * 60));
            DeadlineInput.Builder in = DeadlineInput.builder("C" + i, acc, TimeLimit.workingDays(20))
                    .promised(TimeLimit.workingDays(5 + r.nextInt(16)));
            if (r.nextInt(4) == 0) {
                LocalDateTime start = acc.plusDays(1 + r.nextInt(5));
                in.procedure(SpecialProcedure.of(ProcedureKind.EXPERT_REVIEW, start, start.plusDays(1 + r.nextInt(6))));
            }
            if (r.nextInt(3) == 0) {
                in.completed(acc.plusDays(5 + r.nextInt(40)));
            }
            cases.add(in.build());
        }
        return cases;
    }

    @TearDown
    public void tearDown() {
        rules.close();
        if (pool != null) {
            pool.shutdown();
        }
    }

    /** The list form: every evaluation of the batch held until it returns. */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public List<CaseEvaluation> wholePathBatch() {
        return rules.evaluate(COUNTY, cases, AS_OF);
    }

    /** The streaming form: each evaluation handed to a consumer (here JMH's black hole) and let go. */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public void wholePathStream(Blackhole bh) {
        rules.evaluate(COUNTY, cases, AS_OF, bh::consume);
    }
}
