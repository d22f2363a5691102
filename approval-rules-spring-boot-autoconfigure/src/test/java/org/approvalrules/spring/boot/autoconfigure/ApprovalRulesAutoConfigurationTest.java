package org.approvalrules.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.ApprovalRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The auto-configuration: the bean from properties, strict properties, start failures, metrics. */
class ApprovalRulesAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ApprovalRulesAutoConfiguration.class));

    @Test
    void bundledPackWithDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(ApprovalRules.class).hasSingleBean(ApprovalRulesReloader.class)
                    .hasSingleBean(ApprovalRulesHealthIndicator.class).hasSingleBean(ApprovalRulesEndpoint.class)
                    .hasSingleBean(ApprovalRulesMetrics.class).doesNotHaveBean(PacksWatcher.class);
            ApprovalRules rules = context.getBean(ApprovalRules.class);
            assertThat(rules.packs()).isEmpty();
            assertThat(rules.clock().getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(context.getBean(ApprovalRulesReloader.class).localities()).containsExactly(DivisionCode.NATIONAL);
        });
    }

    @Test
    void propertiesConfigureTheEntryPoint(@TempDir Path dir) {
        Path packs = TestPacks.copyTo(dir);
        Instant now = Instant.parse("2026-03-16T02:00:00Z");
        runner.withPropertyValues("approval-rules.packs=" + packs, "approval-rules.coverage=PROVISIONAL",
                        "approval-rules.default-locality=440000", "approval-rules.localities=440106,440000",
                        "approval-rules.clock-zone=Asia/Urumqi", "approval-rules.reload.watch=false")
                .withBean(Clock.class, () -> Clock.fixed(now, ZoneId.of("UTC")))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(PacksWatcher.class);
                    ApprovalRules rules = context.getBean(ApprovalRules.class);
                    assertThat(rules.packs()).contains(packs);
                    assertThat(rules.clock().instant()).isEqualTo(now);
                    assertThat(rules.clock().getZone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
                    assertThat(rules.calendar(TestPacks.PROVINCE).policy()).isEqualTo(CoveragePolicy.PROVISIONAL);
                    assertThat(context.getBean(ApprovalRulesReloader.class).localities())
                            .containsExactly(TestPacks.PROVINCE, DivisionCode.of("440106"));
                    // a case without a locality goes to the default locality, whose pack has the test rule
                    CaseEvaluation e = context.getBean(MeteredApprovalRules.class).evaluate(null, TestPacks.openCase("C-1"), now);
                    assertThat(e.locality()).isEqualTo(TestPacks.PROVINCE);
                    assertThat(e.hasFinding(TestPacks.RULE)).isTrue();
                });
    }

    @Test
    void watcherRunsWhenPacksAreSet(@TempDir Path dir) {
        runner.withPropertyValues("approval-rules.packs=" + TestPacks.copyTo(dir)).run(context -> {
            assertThat(context).hasSingleBean(PacksWatcher.class);
            assertThat(context.getBean(PacksWatcher.class).isRunning()).isTrue();
        });
    }

    @Test
    void anUnknownKeyFailsTheStartNamingIt(@TempDir Path dir) {
        runner.withPropertyValues("approval-rules.pakcs=" + dir, "approval-rules.reload.debounse=1s").run(context -> {
            assertThat(context).hasFailed();
            String messages = messages(context.getStartupFailure());
            assertThat(messages).contains("approval-rules.pakcs").contains("approval-rules.reload.debounse").contains("unbound");
            FailureAnalysis a = new UnknownPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(a.getDescription()).contains("Property: approval-rules.pakcs")
                    .contains("did you mean approval-rules.packs?").contains("did you mean approval-rules.reload.debounce?");
            assertThat(a.getAction()).contains("approval-rules.clock-zone");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "approval-rules.coverage=SOMETIMES | approval-rules.coverage | CoveragePolicy",
        "approval-rules.default-locality=12345 | approval-rules.default-locality | 6 digits",
        "approval-rules.localities=440000,4400 | approval-rules.localities | 6 digits",
        "approval-rules.clock-zone=Mars/Olympus | approval-rules.clock-zone | Mars/Olympus",
        "approval-rules.packs=/no/such/packs | packs | not a directory",
        "approval-rules.calendars=/no/such/calendars | calendars | not a directory",
        "approval-rules.calendar-directory=/no/such/calendar | calendarDirectory | not a directory",
        "approval-rules.reload.debounce=0s | reload.debounce | more than 0",
        "approval-rules.reload.debounce=2m | reload.debounce | at most 1 minute",
        "approval-rules.reload.watch=sometimes | approval-rules.reload.watch | sometimes",
    })
    void aBadValueFailsTheStartNamingTheProperty(String setting, String property, String reason) {
        runner.withPropertyValues(setting).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(property).contains(reason);
            // Spring Boot's analysis of the binding names property, value and reason; ours stays out of its way
            assertThat(new ApprovalRulesFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
        });
    }

    @Test
    void aBrokenPackFailsTheStartWithFileAndLine(@TempDir Path dir) throws IOException {
        Path packs = TestPacks.copyTo(dir);
        Path drl = packs.resolve(TestPacks.DRL);
        Files.writeString(drl, Files.readString(drl).replace("> 5 )", "> )"));
        runner.withPropertyValues("approval-rules.packs=" + packs, "approval-rules.default-locality=440000").run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis a = new ApprovalRulesFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(a).isNotNull();
            assertThat(a.getDescription()).contains("remaining.drl").contains("approval-rules could not start");
            assertThat(a.getAction()).contains("approval-rules.*");
        });
    }

    /** Every key of the generated configuration metadata binds: the unknown-key check accepts what IDEs offer. */
    @Test
    void everyDocumentedKeyIsAccepted(@TempDir Path dir) throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(in);
        }
        Path packs = TestPacks.copyTo(dir.resolve("packs"));
        Path calendars = TestPacks.calendarLayers(dir.resolve("calendars"), false);
        Map<String, String> valid = Map.of("approval-rules.packs", packs.toString(),
                "approval-rules.calendars", calendars.toString(),
                "approval-rules.calendar-directory", Files.createDirectories(dir.resolve("calendar")).toString(),
                "approval-rules.coverage", "PROVISIONAL",
                "approval-rules.default-locality", "440000", "approval-rules.localities", "440000,440106",
                "approval-rules.clock-zone", "Asia/Shanghai", "approval-rules.reload.watch", "false",
                "approval-rules.reload.debounce", "250ms");
        TreeSet<String> documented = new TreeSet<>();
        metadata.get("properties").forEach(p -> {
            if (p.get("name").asText().startsWith("approval-rules.")) {
                documented.add(p.get("name").asText());
                assertThat(p.has("description")).as(p.get("name").asText() + " has a description").isTrue();
            }
        });
        assertThat(documented).containsExactlyInAnyOrderElementsOf(valid.keySet());
        List<String> pairs = new ArrayList<>();
        valid.forEach((k, v) -> pairs.add(k + "=" + v));
        runner.withPropertyValues(pairs.toArray(String[]::new)).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void evaluationsAndReloadsAreMetered(@TempDir Path dir) {
        runner.withPropertyValues("approval-rules.packs=" + TestPacks.copyTo(dir), "approval-rules.reload.watch=false")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    MeteredApprovalRules metered = context.getBean(MeteredApprovalRules.class);
                    List<CaseEvaluation> batch = metered.evaluate(TestPacks.PROVINCE,
                            List.of(TestPacks.openCase("C-1"), TestPacks.openCase("C-2")), TestPacks.AS_OF);
                    assertThat(batch).allSatisfy(e -> assertThat(e.hasFinding(TestPacks.RULE)).isTrue());
                    context.getBean(ApprovalRulesReloader.class).reload(TestPacks.PROVINCE, ReloadOutcome.Trigger.API);
                    MeterRegistry r = context.getBean(MeterRegistry.class);
                    assertThat(r.get("approval.rules.cases").tag("locality", "440000").counter().count()).isEqualTo(2);
                    assertThat(r.get("approval.rules.findings").tags("rule", TestPacks.RULE, "severity", "INFO").counter()
                            .count()).isEqualTo(2);
                    assertThat(r.get("approval.rules.evaluation").tags("locality", "440000", "outcome", "success").timer()
                            .count()).isEqualTo(1);
                    assertThat(r.get("approval.rules.reloads").tags("layer", "440000", "trigger", "api", "outcome", "swapped")
                            .counter().count()).isEqualTo(1);
                    // a failed evaluation is timed as an error and still thrown
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> metered.evaluate(TestPacks.PROVINCE,
                            List.of(TestPacks.openCase("D"), TestPacks.openCase("D")), TestPacks.AS_OF))
                            .hasMessageContaining("duplicate case id");
                    assertThat(r.get("approval.rules.evaluation").tags("outcome", "error").timer().count()).isEqualTo(1);

                    // a call made directly on the entry point bean is metered too (its listener tells the beans)
                    context.getBean(org.approvalrules.ApprovalRules.class).locality(TestPacks.PROVINCE)
                            .evaluate(List.of(TestPacks.openCase("C-3")), TestPacks.AS_OF);
                    assertThat(r.get("approval.rules.cases").tag("locality", "440000").counter().count()).isEqualTo(3);
                    assertThat(r.get("approval.rules.evaluation").tags("locality", "440000", "outcome", "success").timer()
                            .count()).isEqualTo(2);
                });
    }

    static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable x = t; x != null; x = x.getCause()) {
            b.append(x.getMessage()).append('\n');
        }
        return b.toString();
    }
}
