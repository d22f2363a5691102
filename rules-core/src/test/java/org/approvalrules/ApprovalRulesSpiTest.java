package org.approvalrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.spi.CompiledRules;
import org.approvalrules.api.spi.DecisionTableConverter;
import org.approvalrules.api.spi.EvaluationContext;
import org.approvalrules.api.spi.RuleEngineProvider;
import org.approvalrules.api.spi.RuleSetSpec;
import org.approvalrules.api.spi.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry point works against the rule-engine SPI alone (rules-core's tests have no Drools on the
 * class path): without a provider it says which artifact to add; with one chosen explicitly, each
 * locality's rules are compiled once, every finding carries the snapshot's versions, and close releases
 * the compiled rules.
 */
class ApprovalRulesSpiTest {

    @TempDir
    Path dir;

    /** A toy engine: every rule of the spec fires for each case whose promised limit has passed. */
    static final class OverdueEngine implements RuleEngineProvider {
        final AtomicInteger compiled = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public String name() {
            return "overdue-test";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public CompiledRules compile(RuleSetSpec spec) {
            compiled.incrementAndGet();
            return new CompiledRules() {
                @Override
                public String version() {
                    return spec.version();
                }

                @Override
                public List<Finding> evaluate(Collection<? extends RuleFact> facts, EvaluationContext ctx) {
                    List<Finding> out = new ArrayList<>();
                    for (RuleFact f : facts) {
                        if (f instanceof CaseFacts c && c.promisedRemainingWorkingDays() < 0) {
                            for (RuleSpec r : spec.rules()) {
                                out.add(new Finding(r.id(), r.severity(), f.subject(), BilingualText.of("逾期", "overdue"),
                                        r.reference(), r.layer(), spec.version(), ctx.calendarVersion(),
                                        spec.parameters().displayValues(r.parameters(), f.factDate()),
                                        Map.of("remaining", Integer.toString(c.promisedRemainingWorkingDays()))));
                            }
                        }
                    }
                    return out;
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }

        @Override
        public DecisionTableConverter decisionTables() {
            return DecisionTableConverter.NONE;
        }
    }

    private Path nationalPack() throws IOException {
        Path layer = Files.createDirectories(dir.resolve("000000").resolve("rules"));
        Files.writeString(dir.resolve("000000").resolve("manifest.yaml"), "pack: test.national\nlayer: \"000000\"\nversion: \"1\"\n");
        Files.writeString(layer.resolve("late.drl"), "rule \"late\" @id(\"late\") @reference(\"test ref\") @severity(RED)\n"
                + "when\n    $c : CaseFacts( promisedRemainingWorkingDays < 0 )\nthen\n    out.report(kcontext, $c, \"中\", \"en\");\nend\n");
        return dir;
    }

    @Test
    void withoutAProviderTheErrorNamesTheArtifactToAdd() throws IOException {
        Path packs = nationalPack();
        assertThatThrownBy(() -> ApprovalRules.builder().packs(packs).build())
                .isInstanceOf(RulePackException.class).hasMessageContaining("rules-drools").hasMessageContaining("没有规则引擎");
    }

    @Test
    void anExplicitProviderCompilesOnceAndStampsTheSnapshotsVersions() throws IOException {
        OverdueEngine engine = new OverdueEngine();
        DeadlineInput late = DeadlineInput.builder("S1", LocalDateTime.parse("2024-09-02T10:00"), TimeLimit.workingDays(5)).build();
        DeadlineInput fresh = DeadlineInput.builder("S2", LocalDateTime.parse("2024-10-18T10:00"), TimeLimit.workingDays(5)).build();
        Instant asOf = Instant.parse("2024-10-21T04:00:00Z");
        try (ApprovalRules rules = ApprovalRules.builder().packs(nationalPack()).ruleEngine(engine).build()) {
            assertThat(rules.ruleEngine()).isEqualTo("overdue-test");
            ApprovalRules.Locality l = rules.locality(DivisionCode.NATIONAL);
            List<CaseEvaluation> out = l.evaluate(List.of(late, fresh), asOf);
            assertThat(out.get(0).findings()).singleElement().satisfies(f -> {
                assertThat(f.ruleId()).isEqualTo("late");
                assertThat(f.subject()).isEqualTo("S1");
                assertThat(f.layer()).isEqualTo("000000");
                assertThat(f.ruleSetVersion()).isEqualTo(l.ruleSetVersion()).isEqualTo(out.get(0).ruleSetVersion());
                assertThat(f.calendarVersion()).isEqualTo(l.calendarVersion()).isNotBlank();
                assertThat(f.evidence()).containsKey("remaining");
            });
            assertThat(out.get(1).findings()).isEmpty();
            rules.evaluate(DivisionCode.NATIONAL, late, asOf);
            assertThat(rules.locality(DivisionCode.NATIONAL)).isSameAs(l);
            assertThat(engine.compiled).hasValue(1);
        }
        assertThat(engine.closed).hasValue(1);
    }
}
