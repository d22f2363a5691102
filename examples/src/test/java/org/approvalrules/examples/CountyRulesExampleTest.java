package org.approvalrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlineStatus;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.core.rules.ScenarioTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CountyRulesExampleTest {
    static final Path PACKS = Path.of("packs");
    static final DivisionCode COUNTY = DivisionCode.parse("451031");
    static final DivisionCode BEIJING_DISTRICT = DivisionCode.parse("110101");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static ApprovalRules county;
    static ApprovalRules national;

    @BeforeAll
    static void build() {
        county = ApprovalRules.builder().packs(PACKS).build();
        national = ApprovalRules.builder().build();
    }

    @AfterAll
    static void close() {
        county.close();
        national.close();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    /** The example pack's own scenarios (and the national ones), as a locality's build would run them. */
    @TestFactory
    Stream<DynamicTest> examplePackScenarios() {
        return ScenarioTests.forPacks(PACKS);
    }

    @Test
    void theExampleRunsAndPrintsTheCountysFindings() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            CountyRulesExample.main(new String[] {PACKS.toString()});
        } finally {
            System.setOut(old);
        }
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("2024-04-22 YELLOW").contains("deadline.yellow.promised");
    }

    @Test
    void theCountysYellowThresholdAppliesByTheAcceptanceDateNotTheClock() {
        // promised 10 working days; evaluated when exactly 3 remain. The county's threshold is 2 from
        // 2024-07-01 (the national 3 before): the June case is yellow, the September case is not —
        // although both are evaluated after July.
        DeadlineInput june = DeadlineInput.builder("LL-JUNE", LocalDateTime.parse("2024-06-11T10:30"), TimeLimit.workingDays(20))
                .promised(TimeLimit.workingDays(10)).build();
        DeadlineInput september = DeadlineInput.builder("LL-SEPT", LocalDateTime.parse("2024-09-02T10:30"),
                TimeLimit.workingDays(20)).promised(TimeLimit.workingDays(10)).build();
        Instant juneAsOf = whenRemaining(june, 3);
        Instant septAsOf = whenRemaining(september, 3);
        assertThat(juneAsOf).isAfter(at("2024-06-11T10:30"));

        CaseEvaluation j = county.evaluate(COUNTY, june, juneAsOf);
        CaseEvaluation s = county.evaluate(COUNTY, september, septAsOf);
        assertThat(j.deadline().governing().remainingWorkingDays()).isEqualTo(3);
        assertThat(s.deadline().governing().remainingWorkingDays()).isEqualTo(3);
        assertThat(j.policy().yellowRemainingWorkingDays().getAsInt()).isEqualTo(3);
        assertThat(s.policy().yellowRemainingWorkingDays().getAsInt()).isEqualTo(2);
        assertThat(j.status()).isEqualTo(DeadlineStatus.YELLOW);
        assertThat(s.status()).isEqualTo(DeadlineStatus.ON_TRACK);
        assertThat(j.hasFinding("deadline.yellow.promised")).isTrue();
        assertThat(s.hasFinding("deadline.yellow.promised")).isFalse();
        // evaluated in December, the June case still gets the value in force on its acceptance date
        assertThat(county.evaluate(COUNTY, june, at("2024-12-02T10:00")).policy().yellowRemainingWorkingDays().getAsInt())
                .isEqualTo(3);
        // the same September case under the national parameters is yellow
        assertThat(national.evaluate(COUNTY, september, septAsOf).status()).isEqualTo(DeadlineStatus.YELLOW);
    }

    /** The first 10:00 after acceptance at which {@code remaining} working days are left to the promised date. */
    private static Instant whenRemaining(DeadlineInput in, int remaining) {
        for (LocalDate d = in.accepted().toLocalDate().plusDays(1); ; d = d.plusDays(1)) {
            Instant t = d.atTime(10, 0).atZone(SHANGHAI).toInstant();
            if (county.evaluate(COUNTY, in, t).deadline().governing().remainingWorkingDays() == remaining) {
                return t;
            }
        }
    }

    @Test
    void sanyuesanFromThePackDirectoryShiftsTheDueDate() {
        // accepted Mon 2024-04-08, promised 8 working days; 2024-04-11/12 are 三月三 days off in Guangxi
        DeadlineInput input = DeadlineInput.builder("451031-2024-000123", LocalDateTime.parse("2024-04-08T10:00"),
                TimeLimit.workingDays(20)).promised(TimeLimit.workingDays(8)).build();
        Instant asOf = at("2024-04-18T10:00");
        CaseEvaluation guangxi = county.evaluate(COUNTY, input, asOf);
        CaseEvaluation beijing = county.evaluate(BEIJING_DISTRICT, input, asOf);
        assertThat(county.calendar(COUNTY).explain(LocalDate.of(2024, 4, 11)).layer()).isEqualTo("450000");
        assertThat(guangxi.deadline().governing().dueDate())
                .isEqualTo(county.calendar(COUNTY).plusWorkingDays(beijing.deadline().governing().dueDate(), 2));
        assertThat(guangxi.deadline().governing().dueDate()).isEqualTo(LocalDate.of(2024, 4, 22));
    }

    @Test
    void findingsCarryThePacksRuleIdLayerAndVersions() {
        // accepted in the county's lunch break (its office hours are 08:00-12:00, 15:00-18:00)
        DeadlineInput lunch = DeadlineInput.builder("LL-LUNCH", LocalDateTime.parse("2024-09-27T13:00"), TimeLimit.workingDays(20))
                .promised(TimeLimit.workingDays(15)).build();
        CaseEvaluation e = county.evaluate(COUNTY, lunch, at("2024-10-08T09:00"));
        List<Finding> f = e.findings();
        assertThat(f).filteredOn(x -> x.ruleId().equals("451031.intake.after-hours")).singleElement().satisfies(x -> {
            assertThat(x.layer()).isEqualTo("451031");
            assertThat(x.ruleSetVersion()).isEqualTo(e.ruleSetVersion()).isEqualTo(county.locality(COUNTY).ruleSetVersion());
            assertThat(x.parameters()).containsEntry("intake.office-hours", "08:00-12:00,15:00-18:00");
        });
        // promised 15 of 20 = 0.75 is above the province's cap 0.5: the national rule, the province's value
        assertThat(f).filteredOn(x -> x.ruleId().equals("deadline.promised.above-cap")).singleElement().satisfies(x -> {
            assertThat(x.layer()).isEqualTo("000000");
            assertThat(x.parameters()).containsEntry("deadline.promised.max-share-of-statutory", "0.5");
        });
        assertThat(e.calendarVersion()).startsWith(county.calendar(COUNTY).version()).contains("08:00-18:00");
        assertThat(e.deadline().governing().dueInstant().atZone(SHANGHAI).toLocalTime().getHour()).isEqualTo(18);
    }
}
