package org.approvalrules.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.approvalrules.api.supervise.SupervisionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo county: size, seasons, and the planted problems the supervision must find. */
class SupervisionDemoTest {

    @Test
    void theDemoCountyIsSupervisedAndItsPlantedProblemsAreFound(@TempDir Path dir) throws Exception {
        SupervisionDemo demo = new SupervisionDemo(dir);
        StringWriter text = new StringWriter();
        demo.run(new PrintWriter(text, true));
        SupervisionResult r = demo.result();
        assertThat(r.complete()).isTrue();
        assertThat(r.casesEvaluated()).isGreaterThanOrEqualTo(10_000);
        assertThat(r.records().get("items.csv")).isBetween(90L, 110L);
        List<String> cases = Files.readAllLines(dir.resolve("data/cases.csv"));
        // both Spring Festival and National Day blocks of 2025 and 2026 have cases accepted the week before
        for (String before : List.of("2025-01-2", "2025-09-2", "2026-02-1", "2026-09-2")) {
            assertThat(cases).anyMatch(l -> l.contains("," + before));
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> findings = Files.readAllLines(r.findingsJsonl()).stream().map(l -> {
            try {
                return json.readTree(l);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertThat(detail(findings, "completeness.case-number-gap")).containsExactly(DemoCounty.GAP);
        assertThat(subjects(findings, "completeness.result-without-case")).containsExactlyInAnyOrder("D05-2026-900001",
                "D05-2026-900002");
        assertThat(subjects(findings, "completeness.recorded-after-decision")).hasSize(3).allMatch(s -> s.startsWith("D08-"));
        assertThat(r.findingsByRule().get("intake.two-end")).isEqualTo(4L);
        assertThat(subjects(findings, "catalogue.promised-above-share")).hasSize(1);
        assertThat(subjects(findings, "catalogue.average-above-cap")).contains("D04");
        JsonNode summary = json.readTree(r.summaryJson().toFile());
        assertThat(summary.get("findings").get("total").asLong()).isEqualTo(findings.size());
        long reds = findings.stream().filter(f -> f.get("severity").asText().equals("RED")).count();
        assertThat(summary.get("findings").get("bySeverity").get("RED").asLong()).isEqualTo(reds);
        // the small enterprise charged in full despite its written pledge; the individual's fee is as due
        String charges = Files.readString(dir.resolve("data/charges.csv"));
        String exempt = charges.lines().filter(l -> l.startsWith("F-2026-0001")).findFirst().orElseThrow().split(",")[1];
        String paid = charges.lines().filter(l -> l.startsWith("F-2026-0002")).findFirst().orElseThrow().split(",")[1];
        assertThat(subjects(findings, "fee.exemption-not-granted")).containsExactly(exempt);
        assertThat(findings).noneMatch(f -> f.get("subject").asText().equals(paid) && f.get("ruleId").asText().startsWith("fee."));
        assertThat(summary.get("fees").findValuesAsText("rule")).contains("fee.exemption-not-granted");
        // the planted authorization problems: D04 delegates approval for 7 of its 12 in-centre items, D07's window
        // opens on Tuesdays and Thursdays only; no other department or power is below its target
        assertThat(Files.readString(dir.resolve("data/schedules.csv"))).contains("TUE;THU");
        assertThat(findings).filteredOn(f -> f.get("ruleId").asText().equals("authorization.power-rate-below-target"))
                .singleElement().satisfies(f -> {
                    assertThat(f.get("subject").asText()).isEqualTo("D04");
                    assertThat(f.get("messageEn").asText()).contains("approval").contains("7/12");
                });
        assertThat(subjects(findings, "authorization.roster.gap")).containsExactly("D07");
        assertThat(summary.get("authorization").findValuesAsText("department")).contains("D04", "*");
        // steps are not in the demo's files: those parts (回局签批, measured opening; 前店后厂) are said to be not checked
        assertThat(r.notChecked()).extracting(SupervisionResult.NotChecked::domain)
                .containsExactlyInAnyOrder("authorization.steps", "intake.front-office");
        assertThat(text.toString()).contains("summary.json").contains("完整 / complete");
        everyFindingOfADepartmentNamesIt(dir.resolve("data"), findings);
    }

    /**
     * Every finding whose subject belongs to a department — a department code, a case of cases.csv, an item of
     * items.csv, or a finding about an item (evidence {@code item}) — carries that department as evidence
     * {@code department}, so the report's department filter finds it.
     */
    private static void everyFindingOfADepartmentNamesIt(Path data, List<JsonNode> findings) throws java.io.IOException {
        java.util.Map<String, String> owner = new java.util.HashMap<>();
        java.util.Set<String> departments = new java.util.HashSet<>();
        for (String file : List.of("items.csv", "cases.csv")) {
            try (var csv = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(Files.newBufferedReader(data.resolve(file)))) {
                for (var row : csv) {
                    owner.put(row.get(file.equals("items.csv") ? "item_code" : "case_number"), row.get("department"));
                    departments.add(row.get("department"));
                }
            }
        }
        long checked = 0;
        List<String> unowned = new java.util.ArrayList<>();
        java.util.Set<String> rules = new java.util.TreeSet<>();
        for (JsonNode f : findings) {
            String subject = f.get("subject").asText();
            JsonNode item = f.get("evidence").get("item");
            String expected = departments.contains(subject) ? subject
                    : item != null && owner.containsKey(item.asText()) ? owner.get(item.asText()) : owner.get(subject);
            if (expected == null) {
                unowned.add(f.get("ruleId").asText() + " " + subject);
                continue;
            }
            assertThat(f.get("evidence").has("department")).as(f.toString()).isTrue();
            assertThat(f.get("evidence").get("department").asText()).as(f.toString()).isEqualTo(expected);
            rules.add(f.get("ruleId").asText());
            checked++;
        }
        // the rest: the centre's KPIs (subject *) and the results of cases never recorded
        assertThat(unowned).allMatch(u -> u.equals("kpi.target-missed *") || u.startsWith("completeness.result-without-case "));
        assertThat(checked).isEqualTo(findings.size() - unowned.size());
        assertThat(rules).contains("deadline.red.promised", "intake.two-end", "fee.exemption-not-granted",
                "authorization.roster.gap", "kpi.target-missed");
    }

    @Test
    void theSameSeedWritesTheSameCounty(@TempDir Path a, @TempDir Path b) throws Exception {
        try (var rules = org.approvalrules.ApprovalRules.builder().build()) {
            var cal = rules.locality(org.approvalrules.api.division.DivisionCode.parse(DemoCounty.LOCALITY)).calendar();
            DemoCounty.write(a, cal, 1);
            DemoCounty.write(b, cal, 1);
        }
        for (String f : List.of("items.csv", "cases.csv", "events.csv", "intake/department-D02.csv")) {
            assertThat(Files.mismatch(a.resolve(f), b.resolve(f))).as(f).isEqualTo(-1L);
        }
    }

    @Test
    void aScaleDirectoryAddsTheOtherSystemsLogAndTheirRegister(@TempDir Path dir) throws Exception {
        try (var rules = org.approvalrules.ApprovalRules.builder().build()) {
            var locality = rules.locality(org.approvalrules.api.division.DivisionCode.parse(DemoCounty.LOCALITY));
            DemoCounty.Written w = DemoCounty.write(dir, locality.calendar(), 1);
            long own = w.rows().get("intake/centre.csv") + w.rows().get("intake/department-D02.csv");
            var planted = DemoCounty.addIntake(w, own + 5_000);
            assertThat(planted.records()).isEqualTo(5_000);
            assertThat(Files.lines(dir.resolve("intake/other-systems.csv")).count()).isEqualTo(5_001);
            List<String> moves = Files.readAllLines(dir.resolve("moves.csv"));
            // the generator's 160 registered items and the county's items in the centre, each once
            assertThat(moves.stream().skip(1).map(l -> l.split(",")[0]).distinct().count()).isEqualTo(moves.size() - 1L)
                    .isGreaterThan(160L);
            SupervisionResult r = locality.supervise(dir, java.time.Instant.parse("2026-10-20T04:00:00Z"), dir.resolve("out"));
            assertThat(r.complete()).isTrue();
            assertThat(r.records().get("intake/other-systems.csv")).isEqualTo(5_000L);
            // the county's own planted two-end intake is still found against the merged register
            assertThat(r.findingsByRule().get("intake.two-end")).isGreaterThanOrEqualTo(4L);
        }
    }

    private static List<String> subjects(List<JsonNode> findings, String rule) {
        return findings.stream().filter(f -> f.get("ruleId").asText().equals(rule)).map(f -> f.get("subject").asText()).toList();
    }

    private static List<String> detail(List<JsonNode> findings, String rule) {
        return findings.stream().filter(f -> f.get("ruleId").asText().equals(rule))
                .map(f -> f.get("evidence").get("detail").asText()).toList();
    }
}
