package org.approvalrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.drools.ScenarioTests;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CountyRulesExampleTest {
    static final Path PACKS = Path.of("packs");

    /** The example pack's own scenarios (and the national ones), as a locality's build would run them. */
    @TestFactory
    Stream<DynamicTest> examplePackScenarios() {
        return ScenarioTests.forPacks(PACKS);
    }

    @Test
    void sanyuesanDaysDoNotCountAndTheCountyThresholdApplies() {
        // accepted Mon 2024-04-08, promised 8 working days; 2024-04-11/12 are 三月三 days off in Guangxi,
        // so the due date moves from 04-18 to 04-22 and on 04-18 two working days remain: a county
        // yellow card (threshold 2 from 2024-07-01 only; before that the national 3 applies).
        DeadlineInput input = DeadlineInput.builder("451031-2024-000123", LocalDateTime.parse("2024-04-08T10:00"),
                TimeLimit.workingDays(20)).promised(TimeLimit.workingDays(8)).build();
        List<Finding> f = CountyRulesExample.evaluate(PACKS, input, Instant.parse("2024-04-18T02:00:00Z"));
        assertThat(f).extracting(Finding::ruleId).contains("deadline.yellow.promised");
        Finding yellow = f.stream().filter(x -> x.ruleId().equals("deadline.yellow.promised")).findFirst().orElseThrow();
        assertThat(yellow.message().zh()).contains("剩余2个工作日");
        assertThat(yellow.parameters()).containsEntry("deadline.yellow.remaining-working-days", "3");
        // promised 8 of 20 = 0.4 is within the province cap 0.5
        assertThat(f).extracting(Finding::ruleId).doesNotContain("deadline.promised.above-cap");
    }
}
