package org.approvalrules.drools;

import org.approvalrules.core.rules.ScenarioTests;
import org.approvalrules.core.rules.RuleSets;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.CaseFacts;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class NationalPackTest {
    static final RuleSets NATIONAL = RuleSets.bundled(new DroolsRuleEngineProvider());

    @TestFactory
    Stream<DynamicTest> nationalScenarios() {
        return ScenarioTests.of(NATIONAL, java.util.Optional.empty());
    }

    @Test
    void findingsCarryRuleLayerReferenceParametersAndVersion() {
        CaseFacts c = CaseFacts.onTrack("2024-0001", DivisionCode.parse("451031"), LocalDateTime.parse("2024-09-27T10:30"),
                TimeLimit.workingDays(20), TimeLimit.workingDays(10), 2, 12);
        List<Finding> f = NATIONAL.ruleSet(DivisionCode.parse("451031")).evaluate(List.of(c), Instant.parse("2024-10-10T01:00:00Z"));
        assertThat(f).hasSize(1);
        Finding y = f.get(0);
        assertThat(y.ruleId()).isEqualTo("deadline.yellow.promised");
        assertThat(y.severity()).isEqualTo(Severity.YELLOW);
        assertThat(y.layer()).isEqualTo("000000");
        assertThat(y.parameters()).containsEntry("deadline.yellow.remaining-working-days", "3");
        assertThat(y.legalReference()).contains("108号");
        assertThat(y.ruleSetVersion()).isEqualTo(NATIONAL.ruleSet(DivisionCode.NATIONAL).version()).hasSize(16);
        assertThat(y.message().zh()).contains("剩余2个工作日");
        assertThat(y.subject()).isEqualTo("2024-0001");
    }

    @Test
    void localitiesWithTheSameEffectivePathShareOneKieBase() {
        assertThat(((CompiledRuleSet) NATIONAL.ruleSet(DivisionCode.parse("451031")).rules()).kieBase())
                .isSameAs(((CompiledRuleSet) NATIONAL.ruleSet(DivisionCode.parse("110101")).rules()).kieBase());
    }

    @Test
    void bundledIndexListsEveryFileOfTheNationalLayer() throws Exception {
        Path dir = Path.of("src/main/resources/org/approvalrules/packs/000000");
        List<String> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("INDEX")).sorted().toList();
        }
        List<String> index = Files.readAllLines(dir.resolve("INDEX")).stream().filter(l -> !l.isBlank()).sorted().toList();
        assertThat(index).isEqualTo(files);
    }
}
