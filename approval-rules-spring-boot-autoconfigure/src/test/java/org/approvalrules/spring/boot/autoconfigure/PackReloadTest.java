package org.approvalrules.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.api.rules.RulePackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Reload through the watched packs directory and the endpoint: a broken edit is refused, the old rules keep
 * serving and health says why (file and line); a good edit goes into service.
 */
class PackReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ApprovalRulesAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withBean(Clock.class, () -> Clock.fixed(TestPacks.AS_OF, ZoneId.of("Asia/Shanghai")));

    @Test
    void aBrokenEditIsRefusedAndTheOldRulesServe(@TempDir Path dir) throws IOException {
        Pack pack = Pack.copyTo(dir);
        Path drl = pack.drl();
        String good = pack.good();
        runner.withPropertyValues(pack.property(), "approval-rules.default-locality=440000",
                "approval-rules.reload.debounce=200ms").run(context -> {
            MeteredApprovalRules metered = context.getBean(MeteredApprovalRules.class);
            ApprovalRulesReloader reloader = context.getBean(ApprovalRulesReloader.class);
            ApprovalRulesHealthIndicator health = context.getBean(ApprovalRulesHealthIndicator.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            CaseEvaluation before = metered.evaluate(null, TestPacks.openCase("C-1"), TestPacks.AS_OF);
            assertThat(before.hasFinding(TestPacks.RULE)).isTrue();
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);

            // a syntax error saved into the watched directory
            Files.writeString(drl, good.replace("> 5 )", "> )"));
            await().atMost(WAIT).until(() -> reloader.last().isPresent());
            ReloadOutcome refused = reloader.last().orElseThrow();
            assertThat(refused.swapped()).isFalse();
            assertThat(refused.trigger()).isEqualTo(ReloadOutcome.Trigger.WATCH);
            assertThat(refused.problemLines()).anySatisfy(p -> assertThat(p).contains("remaining.drl:"));

            Health h = health.health();
            assertThat(h.getStatus()).isEqualTo(ApprovalRulesHealthIndicator.WARNING);
            assertThat(h.getDetails().get("warnings").toString()).contains("440000").contains("remaining.drl");
            CaseEvaluation during = metered.evaluate(null, TestPacks.openCase("C-1"), TestPacks.AS_OF);
            assertThat(during.hasFinding(TestPacks.RULE)).as("old rules serve").isTrue();
            assertThat(during.ruleSetVersion()).isEqualTo(before.ruleSetVersion());

            // the fixed edit (a higher threshold: the case no longer qualifies) goes into service
            Files.writeString(drl, good.replace("> 5 )", "> 50 )"));
            await().atMost(WAIT).until(() -> reloader.last().orElseThrow().swapped());
            CaseEvaluation after = metered.evaluate(null, TestPacks.openCase("C-1"), TestPacks.AS_OF);
            assertThat(after.hasFinding(TestPacks.RULE)).isFalse();
            assertThat(after.ruleSetVersion()).isNotEqualTo(before.ruleSetVersion());
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(meters.get("approval.rules.reloads").tags("trigger", "watch", "outcome", "refused").counter().count())
                    .isGreaterThanOrEqualTo(1);
            assertThat(meters.get("approval.rules.reloads").tags("trigger", "watch", "outcome", "swapped").counter().count())
                    .isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void theEndpointReloadsALayer(@TempDir Path dir) throws IOException {
        Pack pack = Pack.copyTo(dir);
        Path drl = pack.drl();
        String good = pack.good();
        runner.withPropertyValues(pack.property(), "approval-rules.default-locality=440000",
                "approval-rules.reload.watch=false").run(context -> {
            ApprovalRulesEndpoint endpoint = context.getBean(ApprovalRulesEndpoint.class);
            assertThat(endpoint.state()).containsEntry("localities", List.of("440000")).containsEntry("lastReload", null);
            assertThatThrownBy(() -> endpoint.reload("4500")).isInstanceOf(InvalidEndpointRequestException.class)
                    .hasMessageContaining("6 digits");
            assertThatThrownBy(() -> endpoint.reload(null)).isInstanceOf(InvalidEndpointRequestException.class);

            Files.writeString(drl, good.replace("> 5 )", "> )"));
            Map<String, Object> refused = endpoint.reload("440000");
            assertThat(refused).containsEntry("swapped", false).containsEntry("trigger", "ENDPOINT");
            assertThat(refused.get("problems").toString()).contains("remaining.drl");
            assertThat(context.getBean(ApprovalRulesHealthIndicator.class).health().getStatus())
                    .isEqualTo(ApprovalRulesHealthIndicator.WARNING);

            Files.writeString(drl, good);
            Map<String, Object> swapped = endpoint.reload("440000");
            assertThat(swapped).containsEntry("swapped", true).containsEntry("problems", List.of());
            assertThat(((Map<?, ?>) swapped.get("ruleSetVersions")).keySet()).asString().contains("440000");
            assertThat(endpoint.state().get("refusedReloads")).isEqualTo(List.of());
            assertThat(context.getBean(MeterRegistry.class).get("approval.rules.reloads")
                    .tags("trigger", "endpoint", "outcome", "refused").counter().count()).isEqualTo(1);
        });
    }

    /**
     * Next year's national notice dropped into the watched calendar directory goes into service without a restart:
     * health shows the new calendar version and coverage, and its 1 October warning clears.
     */
    @Test
    void nextYearsCalendarFileInTheWatchedCalendarDirectoryGoesIntoService(@TempDir Path dir) throws IOException {
        Path packs = TestPacks.copyTo(dir.resolve("packs"));
        Path national = Files.createDirectories(dir.resolve("calendar").resolve("000000"));
        Instant october = LocalDateTime.parse("2026-10-08T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ApprovalRulesAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(Clock.class, () -> Clock.fixed(october, ZoneId.of("Asia/Shanghai")))
                .withPropertyValues("approval-rules.packs=" + packs, "approval-rules.default-locality=440000",
                        "approval-rules.calendar-directory=" + dir.resolve("calendar"), "approval-rules.reload.debounce=200ms")
                .run(context -> {
                    ApprovalRulesReloader reloader = context.getBean(ApprovalRulesReloader.class);
                    ApprovalRulesHealthIndicator health = context.getBean(ApprovalRulesHealthIndicator.class);
                    Health before = health.health();
                    assertThat(before.getStatus()).isEqualTo(ApprovalRulesHealthIndicator.WARNING);
                    Map<String, Object> province = locality(before, "440000");
                    assertThat(province).containsEntry("calendarCoverage", "2004-01-01/2026-12-31");

                    Files.writeString(national.resolve("2027.csv"), "date,kind,name,source\n"
                            + "2027-01-01,HOLIDAY,元旦,测试数据（非真实通知） / test data (not a real notice)\n");
                    await().atMost(WAIT).until(() -> reloader.last().map(ReloadOutcome::swapped).orElse(false));
                    ReloadOutcome o = reloader.last().orElseThrow();
                    assertThat(o.layer()).isEqualTo(org.approvalrules.api.division.DivisionCode.NATIONAL);
                    assertThat(o.trigger()).isEqualTo(ReloadOutcome.Trigger.WATCH);

                    Health after = health.health();
                    assertThat(after.getStatus()).as(after.getDetails().toString()).isEqualTo(Status.UP);
                    Map<String, Object> reloaded = locality(after, "440000");
                    assertThat(reloaded).containsEntry("calendarCoverage", "2004-01-01/2027-12-31")
                            .containsEntry("ruleSetVersion", province.get("ruleSetVersion"));
                    assertThat(reloaded.get("calendarVersion")).isNotEqualTo(province.get("calendarVersion"));
                    assertThat(after.getDetails().get("nationalCalendar").toString()).contains("nextYearLoaded=true");
                    // the entry point answers on the new calendar: 2027-01-01 is the file's holiday
                    assertThat(context.getBean(org.approvalrules.ApprovalRules.class).calendar(TestPacks.PROVINCE)
                            .explain(java.time.LocalDate.of(2027, 1, 1)).kind())
                            .isEqualTo(org.approvalrules.api.calendar.DayKind.HOLIDAY);
                });
    }

    /** A calendar directory without packs is watched too; a malformed year file is refused and the old calendar serves. */
    @Test
    void aMalformedCalendarFileIsRefusedAndTheOldCalendarServes(@TempDir Path dir) throws IOException {
        Path national = Files.createDirectories(dir.resolve("000000"));
        runner.withPropertyValues("approval-rules.calendar-directory=" + dir, "approval-rules.reload.debounce=200ms")
                .run(context -> {
                    assertThat(context).hasSingleBean(PacksWatcher.class);
                    ApprovalRulesReloader reloader = context.getBean(ApprovalRulesReloader.class);
                    String version = context.getBean(org.approvalrules.ApprovalRules.class)
                            .locality(org.approvalrules.api.division.DivisionCode.NATIONAL).calendarVersion();
                    Files.writeString(national.resolve("2027.csv"), "date,kind,name,source\n2027-02-30,HOLIDAY,春节,x\n");
                    await().atMost(WAIT).until(() -> reloader.last().isPresent());
                    ReloadOutcome o = reloader.last().orElseThrow();
                    assertThat(o.swapped()).isFalse();
                    assertThat(o.problemLines()).anySatisfy(p -> assertThat(p).contains("2027.csv"));
                    assertThat(context.getBean(org.approvalrules.ApprovalRules.class)
                            .locality(org.approvalrules.api.division.DivisionCode.NATIONAL).calendarVersion()).isEqualTo(version);
                    Health h = context.getBean(ApprovalRulesHealthIndicator.class).health();
                    assertThat(h.getStatus()).isEqualTo(ApprovalRulesHealthIndicator.WARNING);
                    assertThat(h.getDetails().get("warnings").toString()).contains("2027.csv");
                });
    }

    /**
     * A reload called directly on the entry point bean is seen like one through the reloader (health, endpoint,
     * metrics), and a reload through the reloader is counted once, not again as its echo from the entry point.
     */
    @Test
    void aReloadCalledDirectlyOnTheBeanIsSeenOnce(@TempDir Path dir) throws IOException {
        Pack pack = Pack.copyTo(dir);
        Path drl = pack.drl();
        String good = pack.good();
        runner.withPropertyValues(pack.property(), "approval-rules.default-locality=440000",
                "approval-rules.reload.watch=false").run(context -> {
            org.approvalrules.ApprovalRules rules = context.getBean(org.approvalrules.ApprovalRules.class);
            ApprovalRulesReloader reloader = context.getBean(ApprovalRulesReloader.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Files.writeString(drl, good.replace("> 5 )", "> )"));
            assertThat(rules.reload(TestPacks.PROVINCE).swapped()).isFalse();
            ReloadOutcome heard = reloader.last().orElseThrow();
            assertThat(heard.trigger()).isEqualTo(ReloadOutcome.Trigger.API);
            assertThat(heard.swapped()).isFalse();
            assertThat(heard.problemLines()).anySatisfy(p -> assertThat(p).contains("remaining.drl"));
            Health h = context.getBean(ApprovalRulesHealthIndicator.class).health();
            assertThat(h.getStatus()).isEqualTo(ApprovalRulesHealthIndicator.WARNING);
            assertThat(h.getDetails().get("warnings").toString()).contains("remaining.drl");
            assertThat(meters.get("approval.rules.reloads").tags("trigger", "api", "outcome", "refused").counter().count())
                    .isEqualTo(1);

            Files.writeString(drl, good);
            assertThat(reloader.reload(TestPacks.PROVINCE, ReloadOutcome.Trigger.ENDPOINT).swapped()).isTrue();
            assertThat(reloader.last().orElseThrow().trigger()).isEqualTo(ReloadOutcome.Trigger.ENDPOINT);
            assertThat(meters.find("approval.rules.reloads").tags("trigger", "api", "outcome", "swapped").counter()).isNull();
            assertThat(meters.get("approval.rules.reloads").tags("trigger", "endpoint", "outcome", "swapped").counter().count())
                    .isEqualTo(1);
            assertThat(context.getBean(ApprovalRulesHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
        });
    }

    /** The test pack copied to a directory, its rule file and that file's good text. */
    private record Pack(Path packs, Path drl, String good) {
        static Pack copyTo(Path dir) throws IOException {
            Path packs = TestPacks.copyTo(dir);
            Path drl = packs.resolve(TestPacks.DRL);
            return new Pack(packs, drl, Files.readString(drl));
        }

        String property() {
            return "approval-rules.packs=" + packs;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> locality(Health h, String code) {
        return ((Map<String, Map<String, Object>>) h.getDetails().get("localities")).get(code);
    }

    @Test
    void aLocalityWhosePackDoesNotCompileIsDown(@TempDir Path dir) throws IOException {
        Path packs = TestPacks.copyTo(dir);
        Path county = Files.createDirectories(packs.resolve("440106/rules"));
        Files.writeString(packs.resolve("440106/manifest.yaml"),
                "pack: test.county\nlayer: \"440106\"\nversion: \"1\"\nparent: \"440000\"\n");
        Files.writeString(county.resolve("broken.drl"), "rule \"440106.x\" @id(\"440106.x\") @severity(INFO) @reference(\"r\")\n"
                + "when\n    $c : CaseFacts( statutoryRemainingWorkingDays > )\nthen\nend\n");
        runner.withPropertyValues("approval-rules.packs=" + packs, "approval-rules.reload.watch=false").run(context -> {
            assertThat(context).hasNotFailed();
            MeteredApprovalRules metered = context.getBean(MeteredApprovalRules.class);
            assertThatThrownBy(() -> metered.evaluate(org.approvalrules.api.division.DivisionCode.of("440106"),
                    TestPacks.openCase("C-1"), TestPacks.AS_OF)).isInstanceOf(RulePackException.class);
            Health h = context.getBean(ApprovalRulesHealthIndicator.class).health();
            assertThat(h.getStatus()).isEqualTo(Status.DOWN);
            assertThat(h.getDetails().get("down").toString()).contains("440106").contains("broken.drl");
        });
    }
}
