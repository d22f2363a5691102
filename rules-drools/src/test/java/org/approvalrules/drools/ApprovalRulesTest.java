package org.approvalrules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.deadline.CorrectionPolicy;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.StartRule;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.item.ItemType;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovalRulesTest {
    static final DivisionCode COUNTY = DivisionCode.parse("451031");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    private Path write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private void countyManifest() throws IOException {
        write("451031/manifest.yaml", "pack: test.county\nlayer: \"451031\"\nversion: \"1\"\n");
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** Accepted 2024-09-02 10:00 (Monday), told to correct on 09-04, corrected materials on 09-10. */
    private static DeadlineInput corrected(String id) {
        return DeadlineInput.builder(id, LocalDateTime.parse("2024-09-02T10:00"), TimeLimit.workingDays(20))
                .correctionNotice(LocalDateTime.parse("2024-09-04T10:00"))
                .correctedMaterials(LocalDateTime.parse("2024-09-10T10:00")).build();
    }

    @Test
    void nextYearsNationalFileInACalendarDirectoryLetsStrictDeadlinesRunIntoIt() throws IOException {
        write("calendar/000000/2027.csv", "date,kind,name,source\n2027-01-01,HOLIDAY,元旦,测试通知\n");
        DeadlineInput december = DeadlineInput.builder("Y1", LocalDateTime.parse("2026-12-21T10:00"), TimeLimit.workingDays(20))
                .build();
        Instant asOf = at("2026-12-22T09:00");
        DivisionCode national = DivisionCode.NATIONAL;
        try (ApprovalRules bundled = ApprovalRules.builder().build();
                ApprovalRules withNext = ApprovalRules.builder().calendarDirectory(dir.resolve("calendar")).build()) {
            assertThatThrownBy(() -> bundled.evaluate(national, java.util.List.of(december), asOf))
                    .isInstanceOf(org.approvalrules.api.calendar.CalendarCoverageException.class);
            CaseEvaluation e = withNext.evaluate(national, java.util.List.of(december), asOf).get(0);
            // 12/22–12/31: 8 working days; 2027-01-01 off; then 12 more from 1/4: 1/19
            assertThat(e.deadline().statutory().dueDate()).isEqualTo(LocalDate.of(2027, 1, 19));
            assertThat(e.deadline().provisional()).isFalse();
            assertThat(e.deadline().calendarVersion()).isEqualTo(withNext.calendar(national).version())
                    .isNotEqualTo(bundled.calendar(national).version());
        }
        assertThatThrownBy(() -> ApprovalRules.builder().calendarDirectory(dir.resolve("nope")).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("calendarDirectory");
    }

    @Test
    void correctionPolicyRestartFromAPackMovesTheDueDate() throws IOException {
        countyManifest();
        write("451031/parameters/correction.yaml", """
                correction.policy:
                  values:
                    2024-01-01: {value: RESTART, reference: "县补正办法"}
                """);
        Instant asOf = at("2024-09-20T09:00");
        try (ApprovalRules national = ApprovalRules.builder().build();
                ApprovalRules county = ApprovalRules.builder().packs(dir).build()) {
            CaseEvaluation pause = national.evaluate(COUNTY, corrected("R1"), asOf);
            CaseEvaluation restart = county.evaluate(COUNTY, corrected("R1"), asOf);
            assertThat(pause.policy().correction()).isEqualTo(CorrectionPolicy.PAUSE);
            assertThat(restart.policy().correction()).isEqualTo(CorrectionPolicy.RESTART);
            assertThat(restart.deadline().startRule()).isEqualTo(StartRule.CORRECTION_RESTART);
            var cal = county.calendar(COUNTY);
            assertThat(restart.deadline().statutory().dueDate()).isEqualTo(cal.plusWorkingDays(LocalDate.of(2024, 9, 10), 20));
            // PAUSE: the 4 working days 09-04, 05, 06, 09 are not counted
            assertThat(pause.deadline().statutory().dueDate()).isEqualTo(cal.plusWorkingDays(LocalDate.of(2024, 9, 2), 24));
            assertThat(restart.deadline().statutory().dueDate()).isAfter(pause.deadline().statutory().dueDate());
            // a case accepted before the county's first value keeps the national PAUSE
            DeadlineInput before = corrected("R0").toBuilder().accepted(LocalDateTime.parse("2023-12-29T10:00"))
                    .correctionNotice(LocalDateTime.parse("2024-01-03T10:00"))
                    .correctedMaterials(LocalDateTime.parse("2024-01-08T10:00")).build();
            assertThat(county.evaluate(COUNTY, before, asOf).policy().correction()).isEqualTo(CorrectionPolicy.PAUSE);
        }
    }

    @Test
    void aPackThatDisablesLateDeliveryReportsNothingThoughTheEngineSeesIt() throws IOException {
        countyManifest();
        write("451031/overrides.yaml", """
                overrides:
                  - rule: deadline.art44.late-delivery
                    action: disable
                    reason: 县证照由邮政统一寄送，另行考核
                    reference: 县送达办法
                """);
        DeadlineInput late = DeadlineInput.builder("D1", LocalDateTime.parse("2024-09-02T10:00"), TimeLimit.workingDays(20))
                .decided(LocalDateTime.parse("2024-09-10T10:00")).delivered(LocalDateTime.parse("2024-10-18T10:00")).build();
        Instant asOf = at("2024-10-21T09:00");
        try (ApprovalRules national = ApprovalRules.builder().build();
                ApprovalRules county = ApprovalRules.builder().packs(dir).build()) {
            CaseEvaluation n = national.evaluate(COUNTY, late, asOf);
            CaseEvaluation c = county.evaluate(COUNTY, late, asOf);
            assertThat(c.deadline().findings()).extracting(Finding::ruleId).contains(DeadlineEngine.RULE_ART44_LATE_DELIVERY);
            assertThat(n.findings()).filteredOn(f -> f.ruleId().equals(DeadlineEngine.RULE_ART44_LATE_DELIVERY))
                    .singleElement().satisfies(f -> {
                        assertThat(f.layer()).isEqualTo("000000");
                        assertThat(f.ruleSetVersion()).isEqualTo(n.ruleSetVersion());
                        assertThat(f.parameters()).containsEntry("delivery.max-working-days", "10");
                    });
            assertThat(c.hasFinding(DeadlineEngine.RULE_ART44_LATE_DELIVERY)).isFalse();
            assertThat(c.ruleSetVersion()).isNotEqualTo(n.ruleSetVersion());
        }
    }

    @Test
    void everyEngineFindingHasANationalRuleOfTheSameId() {
        DeadlineInput gamed = DeadlineInput.builder("G1", LocalDateTime.parse("2024-09-02T10:00"), TimeLimit.workingDays(5))
                .materialsReceived(LocalDateTime.parse("2024-08-20T10:00"))
                .correctionNotice(LocalDateTime.parse("2024-08-30T10:00"))
                .procedure(new org.approvalrules.api.deadline.SpecialProcedure(
                        org.approvalrules.api.deadline.ProcedureKind.EXPERT_REVIEW, LocalDateTime.parse("2024-09-02T10:00"),
                        java.util.Optional.of(LocalDateTime.parse("2024-09-04T10:00")),
                        java.util.Optional.of(LocalDateTime.parse("2024-09-20T10:00")), ""))
                .procedure(new org.approvalrules.api.deadline.SpecialProcedure(
                        org.approvalrules.api.deadline.ProcedureKind.OTHER, LocalDateTime.parse("2024-09-05T10:00"),
                        java.util.Optional.of(LocalDateTime.parse("2024-09-06T10:00")), java.util.Optional.empty(), "现场核验"))
                .decided(LocalDateTime.parse("2024-09-10T10:00")).build();
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            CaseEvaluation e = rules.evaluate(COUNTY, gamed, at("2024-10-21T09:00"));
            List<String> engine = e.deadline().findings().stream().map(Finding::ruleId).distinct().sorted().toList();
            assertThat(engine).contains(DeadlineEngine.RULE_ART32_LATE_NOTICE, DeadlineEngine.RULE_ART44_LATE_DELIVERY,
                    DeadlineEngine.RULE_AT_ACCEPTANCE, DeadlineEngine.RULE_BACK_DATED,
                    DeadlineEngine.RULE_KIND_NOT_RECOGNISED);
            assertThat(e.findings().stream().map(Finding::ruleId).distinct().sorted().toList()).containsAll(engine);
        }
    }

    @Test
    void aCalendarLayerInThePackDirectoryShiftsTheDueDate() throws IOException {
        Path nationalOnly = dir.resolve("calendars");
        copyBundledLayer("000000", nationalOnly.resolve("000000"));
        Path packs = dir.resolve("packs");
        copyBundledLayer("450000", packs.resolve("450000/calendar"));
        write("packs/450000/manifest.yaml", "pack: test.guangxi\nlayer: \"450000\"\nversion: \"1\"\n");
        // accepted Wednesday 2024-04-10; 三月三 2024 is 04-11 and 04-12 in Guangxi
        DeadlineInput in = DeadlineInput.builder("S1", LocalDateTime.parse("2024-04-10T10:00"), TimeLimit.workingDays(5)).build();
        Instant asOf = at("2024-04-10T11:00");
        try (ApprovalRules without = ApprovalRules.builder().calendarLayers(nationalOnly).build();
                ApprovalRules with = ApprovalRules.builder().calendarLayers(nationalOnly).packs(packs).build()) {
            LocalDate plain = without.evaluate(COUNTY, in, asOf).deadline().statutory().dueDate();
            CaseEvaluation e = with.evaluate(COUNTY, in, asOf);
            assertThat(with.calendar(COUNTY).explain(LocalDate.of(2024, 4, 11)).layer()).isEqualTo("450000");
            assertThat(e.deadline().statutory().dueDate()).isEqualTo(without.calendar(COUNTY).plusWorkingDays(plain, 2));
            assertThat(e.calendarVersion()).isNotEqualTo(without.evaluate(COUNTY, in, asOf).calendarVersion());
        }
    }

    @Test
    void rulesSeeTheLocalitysCalendarWithThePacksCalendarLayersAndTheEnginesResult() throws IOException {
        Path nationalOnly = dir.resolve("calendars");
        copyBundledLayer("000000", nationalOnly.resolve("000000"));
        String rules = """
                import org.approvalrules.api.deadline.DeadlineStatus;

                rule "local.holiday" @id("local.holiday") @reference("县规定") @severity(YELLOW)
                when
                    $c : CaseFacts( calendar.isLocalHoliday(acceptedOn) )
                then
                    out.report(kcontext, $c, calendar.nameOf($c.acceptedOn()), "local holiday");
                end

                rule "local.due" @id("local.due") @reference("县规定") @severity(INFO)
                when
                    $c : CaseFacts( deadline.isPresent(), deadline.get().status() == DeadlineStatus.ON_TRACK )
                then
                    out.report(kcontext, $c, "截止 " + $c.deadline().get().governing().dueDate(), "due");
                end
                """;
        Path plain = dir.resolve("plain");
        Path layered = dir.resolve("layered");
        for (Path packs : List.of(plain, layered)) {
            Files.createDirectories(packs.resolve("451031/rules"));
            Files.writeString(packs.resolve("451031/manifest.yaml"), "pack: test.county\nlayer: \"451031\"\nversion: \"1\"\n");
            Files.writeString(packs.resolve("451031/rules/local.drl"), rules);
        }
        copyBundledLayer("450000", layered.resolve("450000/calendar"));
        Files.writeString(layered.resolve("450000/manifest.yaml"), "pack: test.guangxi\nlayer: \"450000\"\nversion: \"1\"\n");
        // accepted on 三月三 2024 (Thursday 04-11): a holiday only with Guangxi's calendar layer from the packs
        DeadlineInput in = DeadlineInput.builder("H1", LocalDateTime.parse("2024-04-11T10:00"), TimeLimit.workingDays(5)).build();
        Instant asOf = at("2024-04-11T11:00");
        try (ApprovalRules without = ApprovalRules.builder().calendarLayers(nationalOnly).packs(plain).build();
                ApprovalRules with = ApprovalRules.builder().calendarLayers(nationalOnly).packs(layered).build()) {
            CaseEvaluation w = with.evaluate(COUNTY, in, asOf);
            CaseEvaluation n = without.evaluate(COUNTY, in, asOf);
            assertThat(w.deadline().governing().dueDate()).isEqualTo(LocalDate.parse("2024-04-22"));   // counted from the next working day, 04-15
            assertThat(n.deadline().governing().dueDate()).isEqualTo(LocalDate.parse("2024-04-18"));
            assertThat(w.findings()).extracting(f -> f.ruleId() + " " + f.message().zh())
                    .containsExactlyInAnyOrder("local.holiday 壮族三月三", "local.due 截止 2024-04-22");
            assertThat(n.findings()).extracting(f -> f.ruleId() + " " + f.message().zh())
                    .containsExactly("local.due 截止 2024-04-18");
        }
    }

    private static void copyBundledLayer(String code, Path target) throws IOException {
        ClassLoader cl = ApprovalRulesTest.class.getClassLoader();
        String index;
        try (InputStream s = cl.getResourceAsStream("org/approvalrules/calendar/index.txt")) {
            index = new String(s.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(target);
        for (String line : index.lines().filter(l -> l.startsWith(code + "/")).toList()) {
            try (InputStream s = cl.getResourceAsStream("org/approvalrules/calendar/" + line.trim())) {
                Files.copy(s, target.resolve(line.trim().substring(code.length() + 1)));
            }
        }
    }

    @Test
    void reloadSwapsRulesAndCalendarLayersTogetherOrNeither() throws IOException {
        countyManifest();
        write("451031/parameters/p.yaml", """
                deadline.yellow.remaining-working-days:
                  values:
                    2024-01-01: {value: 1, reference: "县文件"}
                """);
        write("451031/calendar/layer.properties", "name = 测试县\n");
        write("451031/calendar/2024.csv", "date,kind,name,source\n2024-09-30,HOLIDAY,县庆,县通知\n");
        DeadlineInput in = DeadlineInput.builder("L1", LocalDateTime.parse("2024-09-23T10:00"), TimeLimit.workingDays(5)).build();
        Instant asOf = at("2024-09-24T09:00");
        try (ApprovalRules rules = ApprovalRules.builder().packs(dir).build()) {
            CaseEvaluation before = rules.evaluate(COUNTY, in, asOf);
            assertThat(before.policy().yellowRemainingWorkingDays().getAsInt()).isEqualTo(1);

            // a broken calendar file with a good parameter edit: neither goes into service
            write("451031/parameters/p.yaml", """
                    deadline.yellow.remaining-working-days:
                      values:
                        2024-01-01: {value: 4, reference: "县文件"}
                    """);
            write("451031/calendar/2024.csv", "date,kind,name,source\n2024-09-30,HOLLIDAY,县庆,县通知\n");
            ApprovalRules.Reload failed = rules.reload(COUNTY);
            assertThat(failed.swapped()).isFalse();
            assertThat(failed.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).endsWith("2024.csv");
                assertThat(p.line()).isEqualTo(2);
            });
            CaseEvaluation still = rules.evaluate(COUNTY, in, asOf);
            assertThat(still.policy().yellowRemainingWorkingDays().getAsInt()).isEqualTo(1);
            assertThat(still.calendarVersion()).isEqualTo(before.calendarVersion());
            assertThat(still.ruleSetVersion()).isEqualTo(before.ruleSetVersion());

            // a broken rule with a good calendar edit: neither either
            write("451031/calendar/2024.csv", "date,kind,name,source\n2024-10-08,HOLIDAY,县庆,县通知\n");
            write("451031/rules/x.drl", "rule \"x\" @id(\"x\") @reference(\"r\") @severity(INFO)\nwhen\n  $c : CaseFacts( nope )\nthen\nend\n");
            assertThat(rules.reload(COUNTY).swapped()).isFalse();
            assertThat(rules.evaluate(COUNTY, in, asOf).calendarVersion()).isEqualTo(before.calendarVersion());

            // both good: both swapped
            Files.delete(dir.resolve("451031/rules/x.drl"));
            ApprovalRules.Reload ok = rules.reload(COUNTY);
            assertThat(ok.swapped()).isTrue();
            CaseEvaluation after = rules.evaluate(COUNTY, in, asOf);
            assertThat(after.policy().yellowRemainingWorkingDays().getAsInt()).isEqualTo(4);
            assertThat(after.calendarVersion()).isNotEqualTo(before.calendarVersion());
            assertThat(ok.calendarVersion()).isPresent();
            assertThat(rules.calendar(COUNTY).isWorkingDay(LocalDate.of(2024, 9, 30))).isTrue();
            assertThat(rules.calendar(COUNTY).isWorkingDay(LocalDate.of(2024, 10, 8))).isFalse();
            assertThat(ok.ruleSetVersions()).containsEntry(COUNTY, after.ruleSetVersion());
        }
    }

    @Test
    void aBadParameterOfAnyDomainIsRefusedWhenTheSnapshotIsBuiltOrReloaded() throws IOException {
        countyManifest();
        DeadlineInput in = DeadlineInput.builder("P1", LocalDateTime.parse("2024-09-23T10:00"), TimeLimit.workingDays(5)).build();
        Instant asOf = at("2024-09-24T09:00");
        // one bad value per domain: deadline (threshold out of range), authorization (target above 1), fee (negative),
        // supervision (KPI target above 1)
        List<String> bad = List.of("""
                deadline.yellow.remaining-working-days:
                  values:
                    2024-01-01: {value: 400, reference: "县文件"}
                """, """
                authorization.target.approval:
                  values:
                    2024-01-01: {value: 1.5, reference: "县文件"}
                """, """
                fee.id-card.first-issue.card.per-unit:
                  values:
                    2024-01-01: {value: -20, reference: "县文件"}
                """, """
                kpi.target.on-time-rate:
                  values:
                    2024-01-01: {value: 1.2, reference: "县文件"}
                """);
        for (String yaml : bad) {
            Files.deleteIfExists(dir.resolve("451031/parameters/p.yaml"));
            try (ApprovalRules rules = ApprovalRules.builder().packs(dir).build()) {
                ApprovalRules.Locality before = rules.locality(COUNTY);
                CaseEvaluation served = before.evaluate(List.of(in), asOf).get(0);

                write("451031/parameters/p.yaml", yaml);
                ApprovalRules.Reload r = rules.reload(COUNTY);
                assertThat(r.swapped()).as(yaml).isFalse();
                assertThat(r.problems()).as(yaml).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.file()).endsWith("p.yaml");
                    assertThat(p.line()).isEqualTo(3);
                });
                // the old snapshot keeps serving, versions and all
                assertThat(rules.locality(COUNTY)).isSameAs(before);
                CaseEvaluation still = rules.evaluate(COUNTY, in, asOf);
                assertThat(still.ruleSetVersion()).isEqualTo(served.ruleSetVersion());
                assertThat(still.calendarVersion()).isEqualTo(served.calendarVersion());
            }
            // built fresh with the bad value: refused on first use, naming file and line
            try (ApprovalRules rules = ApprovalRules.builder().packs(dir).build()) {
                assertThatThrownBy(() -> rules.locality(COUNTY)).as(yaml)
                        .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p.file() + ":" + p.line()).endsWith("p.yaml:3")));
            }
        }
    }

    @Test
    void everyFindingOfAnEvaluationCarriesTheSnapshotsVersions() {
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            ApprovalRules.Locality l = rules.locality(COUNTY);
            List<DeadlineInput> late = List.of(
                    DeadlineInput.builder("V1", LocalDateTime.parse("2024-09-02T10:00"), TimeLimit.workingDays(5)).build(),
                    DeadlineInput.builder("V2", LocalDateTime.parse("2024-09-03T10:00"), TimeLimit.workingDays(3)).build());
            List<CaseEvaluation> out = l.evaluate(late, at("2024-10-21T12:00"));
            assertThat(out).flatExtracting(CaseEvaluation::findings).isNotEmpty().allSatisfy(f -> {
                assertThat(f.ruleSetVersion()).isEqualTo(l.ruleSetVersion());
                assertThat(f.calendarVersion()).isEqualTo(l.calendarVersion()).isEqualTo(l.calendar().version());
            });
            assertThat(rules.locality(COUNTY)).isSameAs(l);
        }
    }

    /** Edit {@code k} (0 or 1) sets the yellow threshold to 1 + k and, for k = 1, a county day off on 2024-09-25. */
    private void pairedEdit(int k) throws IOException {
        write("451031/parameters/p.yaml", """
                deadline.yellow.remaining-working-days:
                  values:
                    2024-01-01: {value: %d, reference: "县文件"}
                """.formatted(1 + k));
        write("451031/calendar/2024.csv", "date,kind,name,source\n" + (k == 1 ? "2024-09-25,HOLIDAY,县庆,县通知\n" : ""));
    }

    @Test
    void evaluationsDuringReloadsNeverMixRulesOfOneEditWithCalendarsOfAnother() throws Exception {
        countyManifest();
        write("451031/calendar/layer.properties", "name = 测试县\n");
        pairedEdit(0);
        DeadlineInput in = DeadlineInput.builder("M1", LocalDateTime.parse("2024-09-23T10:00"), TimeLimit.workingDays(5)).build();
        Instant asOf = at("2024-09-24T09:00");
        try (ApprovalRules rules = ApprovalRules.builder().packs(dir).build()) {
            LocalDate plainDue = rules.evaluate(COUNTY, in, asOf).deadline().statutory().dueDate();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.CompletableFuture<String> mixed = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                while (!stop.get()) {
                    CaseEvaluation e = rules.evaluate(COUNTY, in, asOf);
                    boolean editOne = e.policy().yellowRemainingWorkingDays().getAsInt() == 2;
                    boolean shifted = !e.deadline().statutory().dueDate().equals(plainDue);
                    if (editOne != shifted) {
                        return "yellow " + e.policy().yellowRemainingWorkingDays() + " with due " + e.deadline().statutory().dueDate();
                    }
                    seen.incrementAndGet();
                }
                return "";
            });
            for (int i = 1; i <= 6; i++) {
                pairedEdit(i % 2);
                assertThat(rules.reload(COUNTY).swapped()).isTrue();
                assertThat(rules.evaluate(COUNTY, in, asOf).policy().yellowRemainingWorkingDays().getAsInt()).isEqualTo(1 + i % 2);
            }
            stop.set(true);
            assertThat(mixed.get()).isEmpty();
            assertThat(seen.get()).isPositive();
        }
    }

    @Test
    void aBatchUsesEachCasesAcceptanceDateAndKeepsTheInputOrder() throws IOException {
        countyManifest();
        write("451031/parameters/p.yaml", """
                deadline.yellow.remaining-working-days:
                  values:
                    2024-07-01: {value: 1, reference: "县文件"}
                """);
        try (ApprovalRules rules = ApprovalRules.builder().packs(dir).build()) {
            DeadlineInput june = DeadlineInput.builder("B2", LocalDateTime.parse("2024-06-28T10:00"), TimeLimit.workingDays(20)).build();
            DeadlineInput july = DeadlineInput.builder("B1", LocalDateTime.parse("2024-07-01T10:00"), TimeLimit.workingDays(20)).build();
            List<CaseEvaluation> out = rules.evaluate(COUNTY, List.of(july, june), at("2024-07-02T09:00"));
            assertThat(out).extracting(CaseEvaluation::caseId).containsExactly("B1", "B2");
            assertThat(out.get(0).policy().yellowRemainingWorkingDays().getAsInt()).isEqualTo(1);
            assertThat(out.get(1).policy().yellowRemainingWorkingDays().getAsInt()).isEqualTo(3);
            assertThatThrownBy(() -> rules.evaluate(COUNTY, List.of(july, july), at("2024-07-02T09:00")))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("B1");
            DeadlineInput elsewhere = july.toBuilder().caseId("B3").locality(DivisionCode.parse("110101")).build();
            assertThatThrownBy(() -> rules.evaluate(COUNTY, List.of(elsewhere), at("2024-07-02T09:00")))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("110101");
        }
    }

    @Test
    void aBatchFilesEveryFindingUnderItsOwnCaseAcrossChunksAndEqualHashCodes() {
        // the batch places findings by the position of each case's facts and checks ids by hash code: ids
        // whose hash codes are equal ("Aa" and "BB" hash alike, and so do their concatenations) and more
        // cases than the rule engine takes in one chunk must still give each case what it gets alone
        List<String> ids = new java.util.ArrayList<>();
        for (String a : List.of("Aa", "BB")) {
            for (String b : List.of("Aa", "BB")) {
                for (String c : List.of("Aa", "BB")) {
                    ids.add(a + b + c);
                }
            }
        }
        assertThat(ids.stream().map(String::hashCode).distinct()).hasSize(1);
        java.util.Random r = new java.util.Random(7);
        while (ids.size() < 5_000) {
            ids.add("K" + r.nextInt(1_000_000_000) + "-" + ids.size());
        }
        java.util.Collections.shuffle(ids, r);
        LocalDateTime base = LocalDateTime.parse("2023-01-03T08:00");
        List<DeadlineInput> cases = new java.util.ArrayList<>();
        for (String id : ids) {
            LocalDateTime acc = base.plusMinutes(r.nextInt(330 * 24 * 60));
            DeadlineInput.Builder in = DeadlineInput.builder(id, acc, TimeLimit.workingDays(20))
                    .promised(TimeLimit.workingDays(5 + r.nextInt(20)));
            if (id.startsWith("K") && r.nextInt(3) == 0) {
                in.completed(acc.plusDays(5 + r.nextInt(40)));
            }
            cases.add(in.build());
        }
        Instant asOf = at("2024-01-15T10:00");
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            List<CaseEvaluation> batch = rules.evaluate(COUNTY, cases, asOf);
            assertThat(batch).extracting(CaseEvaluation::caseId).containsExactlyElementsOf(ids);
            assertThat(batch.stream().mapToInt(e -> e.findings().size()).sum()).isGreaterThan(ids.size());
            for (int i = 0; i < cases.size(); i++) {
                if (ids.get(i).startsWith("K") && i % 37 != 0) {
                    continue;
                }
                CaseEvaluation alone = rules.evaluate(COUNTY, cases.get(i), asOf);
                assertThat(batch.get(i).findings()).as(ids.get(i)).isEqualTo(alone.findings());
                if (!ids.get(i).startsWith("K")) {   // still open long after its due date
                    assertThat(batch.get(i).findings()).as(ids.get(i)).isNotEmpty();
                }
                String id = ids.get(i);
                assertThat(batch.get(i).findings()).allMatch(f -> f.subject().equals(id));
            }
            List<DeadlineInput> twice = new java.util.ArrayList<>(cases);
            DeadlineInput collidingTwin = cases.get(ids.indexOf("AaBBAa"));
            twice.add(collidingTwin);
            assertThatThrownBy(() -> rules.evaluate(COUNTY, twice, asOf))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("AaBBAa");
        }
    }

    @Test
    void anApprovalCaseIsEvaluatedInItsOwnLocalityAsOfTheClock() {
        String item = "11451031MB1234567X4000117004000";
        ServiceItem si = ServiceItem.builder(item, "不动产首次登记").basicCode("000117004000").department("某县自然资源局")
                .itemType(ItemType.CONFIRMATION).statutoryLimit(TimeLimit.workingDays(20))
                .promisedLimit(TimeLimit.workingDays(10)).noFee("测试").build();
        LocalDateTime accepted = LocalDateTime.parse("2024-09-27T10:30");
        ApprovalCase c = ApprovalCase.builder("451031-2024-000123").itemCode(item).locality(COUNTY)
                .applicant(ApplicantId.residentId("11010519491231002X")).applied(accepted.minusDays(1))
                .accepted(accepted, "某县政务服务中心", "张三", AcceptanceChannel.CENTRE_WINDOW).build();
        Clock clock = Clock.fixed(at("2024-10-21T09:00"), SHANGHAI);
        try (ApprovalRules rules = ApprovalRules.builder().clock(clock).build()) {
            CaseEvaluation e = rules.evaluate(c, si);
            assertThat(e.locality()).isEqualTo(COUNTY);
            assertThat(e.deadline().asOf()).isEqualTo(clock.instant());
            assertThat(e.deadline().promised()).isPresent();
            int remaining = e.deadline().governing().remainingWorkingDays();
            assertThat(e.hasFinding("deadline.yellow.promised")).isEqualTo(remaining >= 0 && remaining <= 3);
            assertThat(e.hasFinding("deadline.red.promised")).isEqualTo(remaining < 0);
            assertThat(e.hasFinding("deadline.red.promised") || e.hasFinding("deadline.yellow.promised")).isTrue();
        }
    }

    @Test
    void builderMistakesFailAtBuildNamingTheSetting() throws IOException {
        assertThatThrownBy(() -> ApprovalRules.builder().packs(dir.resolve("missing")).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).endsWith("packs"));
        assertThatThrownBy(() -> ApprovalRules.builder().clock(null).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).endsWith("clock"));
        assertThatThrownBy(() -> ApprovalRules.builder().coverage(null).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).endsWith("coverage"));
        assertThatThrownBy(() -> ApprovalRules.builder().calendarLayers(dir)
                .calendars(List.of()).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).endsWith("calendars"));
        countyManifest();
        write("451031/calendar/2024.csv", "date,kind,name,source\n");
        assertThatThrownBy(() -> ApprovalRules.builder().packs(dir).calendars(List.of()).build())
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).endsWith("calendars");
                    assertThat(e.getMessage()).contains("451031");
                });
        try (ApprovalRules provisional = ApprovalRules.builder().coverage(CoveragePolicy.PROVISIONAL).build()) {
            assertThat(provisional.calendar(COUNTY).policy()).isEqualTo(CoveragePolicy.PROVISIONAL);
        }
    }
}
