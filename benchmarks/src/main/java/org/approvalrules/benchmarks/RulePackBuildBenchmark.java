package org.approvalrules.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.rules.RuleEngines;
import org.approvalrules.core.rules.RuleSets;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Building the rule set of a locality: load the layers, lint, layer, compile to a KieBase. Nothing is
 * built before the first invocation, so in a fresh fork the first invocation is the cold build:
 * {@code -bm ss -f 5 -wi 0 -i 1}. Warm figures come from later invocations ({@code -wi 10 -i 10}).
 * <ul>
 * <li>{@code nationalPack}: a new registry for a county under the bundled national pack, closed after:
 * nothing is held, so every invocation compiles the national rules (warm: a compile in a warm JVM).
 * <li>{@code nationalPackAlreadyCompiled}: the same while another registry in the JVM holds the national
 * rules (say, the application's registry and a CLI check, or a reload that leaves the rules unchanged):
 * the compiled KieBase is shared by content hash.
 * <li>{@code countyPackNewRules}: a county layer whose local rule is new at every invocation (as after an
 * edit), with the national rules held: compiles the national and the new county rules.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RulePackBuildBenchmark {
    static final DivisionCode COUNTY = DivisionCode.parse("451031");

    /** A registry that holds the national rules for the whole trial. */
    @State(Scope.Benchmark)
    public static class Held {
        RuleSets registry;

        @Setup(Level.Trial)
        public void setUp() {
            registry = RuleSets.bundled(RuleEngines.load());
            registry.ruleSet(DivisionCode.NATIONAL);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            registry.close();
        }
    }

    /** A packs directory with a county layer whose rule changes at every invocation. */
    @State(Scope.Benchmark)
    public static class EditedCounty {
        Path dir;
        int edits;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            dir = Files.createTempDirectory("packs");
            Files.createDirectories(dir.resolve("451031/rules"));
            Files.writeString(dir.resolve("451031/manifest.yaml"), "pack: bench\nlayer: \"451031\"\nversion: \"1\"\n");
        }

        @Setup(Level.Invocation)
        public void edit() throws IOException {
            edits++;
            Files.writeString(dir.resolve("451031/rules/local.drl"), "rule \"local.late\" @id(\"local.late\") "
                    + "@reference(\"bench\")\nwhen\n  $c : CaseFacts( promisedRemainingWorkingDays < -" + edits
                    + " )\nthen\n  out.report(kcontext, $c, \"本地\", \"local\");\nend\n");
        }
    }

    @Benchmark
    public RuleSets.RuleSet nationalPack() {
        try (RuleSets r = RuleSets.bundled(RuleEngines.load())) {
            return r.ruleSet(COUNTY);
        }
    }

    @Benchmark
    public RuleSets.RuleSet nationalPackAlreadyCompiled(Held held) {
        try (RuleSets r = RuleSets.bundled(RuleEngines.load())) {
            return r.ruleSet(COUNTY);
        }
    }

    @Benchmark
    public RuleSets.RuleSet countyPackNewRules(Held held, EditedCounty county) {
        try (RuleSets r = RuleSets.directory(county.dir, RuleEngines.load())) {
            return r.ruleSet(COUNTY);
        }
    }
}
