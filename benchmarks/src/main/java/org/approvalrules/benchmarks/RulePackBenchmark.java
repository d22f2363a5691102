package org.approvalrules.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.rules.RuleEngines;
import org.approvalrules.core.rules.RuleSets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * National deadline rules over 1 million cases: the Drools pack (executable model, stateless session)
 * beside the same checks in plain Java ({@link PlainJavaDeadlineChecks}). Scores are cases per second.
 * Both sides start from the same precomputed {@link CaseFacts} (deadline figures already computed), read
 * the dated parameters by each case's acceptance date, and build every {@link Finding} into one list; the
 * Drools side also checks each case's acceptance time against the evaluation instant and creates its
 * sessions. Build times are in {@link RulePackBuildBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RulePackBenchmark {
    static final int CASES = 1_000_000;
    static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");

    RuleSets registry;
    RuleSets.RuleSet national;
    PlainJavaDeadlineChecks plain;
    List<CaseFacts> cases;

    @Setup
    public void setUp() {
        registry = RuleSets.bundled(RuleEngines.load());
        national = registry.ruleSet(DivisionCode.NATIONAL);
        plain = new PlainJavaDeadlineChecks(national.pack().parameters(), national.version());
        cases = RuleCases.generate(CASES, DivisionCode.NATIONAL, 42);
    }

    @TearDown
    public void tearDown() {
        registry.close();
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public List<Finding> droolsNationalPack() {
        return national.evaluate(cases, AS_OF);
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public List<Finding> plainJava() {
        return plain.evaluate(cases);
    }
}
