package org.approvalrules.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.drools.CompiledRuleSet;
import org.approvalrules.drools.RuleSetRegistry;
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
 * beside the same checks in plain Java. Scores are cases per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RulePackBenchmark {
    static final int CASES = 1_000_000;
    static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");

    RuleSetRegistry registry;
    CompiledRuleSet national;
    PlainJavaDeadlineChecks plain;
    List<CaseFacts> cases;

    @Setup
    public void setUp() {
        registry = RuleSetRegistry.bundled();
        national = registry.ruleSet(DivisionCode.NATIONAL);
        plain = new PlainJavaDeadlineChecks(national.parameters(), national.version());
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

    /**
     * Load and compile the national pack for a county, one KieBase per invocation. Cold: the first
     * invocation in a fresh JVM ({@code -bm ss -wi 0 -i 1 -f 5}); warm: after warm-up in the same JVM.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CompiledRuleSet buildNationalKieBase() {
        try (RuleSetRegistry r = RuleSetRegistry.bundled()) {
            return r.ruleSet(DivisionCode.parse("451031"));
        }
    }
}
