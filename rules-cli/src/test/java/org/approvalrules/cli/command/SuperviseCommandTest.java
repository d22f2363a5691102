package org.approvalrules.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code supervise} on a small hand-made county: outputs, exit codes and bad input (issue #16). */
class SuperviseCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AS_OF = "2026-10-20T12:00:00+08:00";

    @TempDir
    Path dir;

    static final String ITEMS = """
            item_code,item_name,department,department_name,in_centre_from,statutory_limit,promised_limit,limit_unit,steps,materials
            I1,公共场所卫生许可,D02,县卫生健康局,2024-01-02,20,5,WORKING_DAYS,3,4
            I2,婚姻登记,D07,县民政局,2024-01-02,0,0,IMMEDIATE,1,3
            """;

    /** Cases of D02 numbered 1, 2, 5 (3 and 4 missing); one open case past its promised limit; one immediate. */
    static final String CASES = """
            办件编号,实施编码,部门编码,受理时间,办结时间,录入时间,送达时间
            D02-2026-000001,I1,D02,2026-03-02 09:00:00,2026-03-05 10:00:00,2026-03-02 09:01:00,2026-03-05 11:00
            D02-2026-000002,I1,D02,2026-03-03T09:00,2026-03-04T16:00,2026-03-06T09:00,2026-03-04T17:00
            D02-2026-000005,I1,D02,2026-09-01T09:00,,2026-09-01T09:01,
            D07-2026-000001,I2,D07,2026-05-06T10:00,2026-05-06T10:20,,2026-05-06T10:30
            """;

    static final String EVENTS = """
            case_number,kind,at,procedure,days,reference
            D02-2026-000001,PROCEDURE_START,2026-03-03T09:00,EXPERT_REVIEW,,专家评审
            D02-2026-000001,PROCEDURE_END,2026-03-04T17:00,EXPERT_REVIEW,,
            """;

    static final String RESULTS = """
            case_number,item_code,kind,at
            D02-2026-000001,I1,RESULT,2026-03-05T10:00
            D02-2026-900001,I1,CERTIFICATE,2026-03-09T10:00
            """;

    void write(String name, String text) throws IOException {
        Path p = dir.resolve("data").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    RulesCommandTest.Run supervise(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("supervise", "--locality", "421121", "--data",
                dir.resolve("data").toString(), "--as-of", AS_OF, "--out", dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        return RulesCommandTest.run(args.toArray(String[]::new));
    }

    void county() throws IOException {
        write("items.csv", ITEMS);
        write("cases.csv", CASES);
        write("events.csv", EVENTS);
        write("results.csv", RESULTS);
    }

    @Test
    void aCompleteRunWritesFindingsAndASummaryThatAgree() throws IOException {
        county();
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("完整 / complete");
        assertThat(r.out().strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("完整 / complete: 4 件已评估");
        assertThat(r.err()).isEmpty();
        List<JsonNode> findings = Files.readAllLines(dir.resolve("out/findings.jsonl")).stream().map(SuperviseCommandTest::tree)
                .toList();
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.get("locality").asText()).isEqualTo("421121");
        assertThat(summary.get("complete").asBoolean()).isTrue();
        assertThat(summary.get("findings").get("total").asLong()).isEqualTo(findings.size());
        for (JsonNode f : findings) {
            assertThat(f.get("ruleSetVersion").asText()).isEqualTo(summary.get("ruleSetVersion").asText());
            assertThat(f.get("calendarVersion").asText()).isEqualTo(summary.get("calendarVersion").asText());
        }
        assertThat(subjects(findings, "completeness.case-number-gap")).containsExactly("D02");
        assertThat(findings.stream().filter(f -> f.get("ruleId").asText().equals("completeness.case-number-gap")).findFirst()
                .orElseThrow().get("evidence").get("detail").asText()).isEqualTo("D02-2026-000003…D02-2026-000004");
        assertThat(subjects(findings, "completeness.result-without-case")).containsExactly("D02-2026-900001");
        assertThat(subjects(findings, "completeness.recorded-after-decision")).containsExactly("D02-2026-000002");
        // the open case accepted 2026-09-01 with 5 promised working days is past its promised limit
        assertThat(subjects(findings, "deadline.red.promised")).contains("D02-2026-000005");
        // the first case's expert review (2026-03-03..04) is deducted: decided within its promise, no deadline finding
        assertThat(findings).noneMatch(f -> f.get("subject").asText().equals("D02-2026-000001")
                && f.get("ruleId").asText().startsWith("deadline."));
        // deadlines: D02 has two decided cases and one red; D07 one decided
        JsonNode d02 = find(summary.get("deadlines"), "department", "D02");
        assertThat(d02.get("decided").asInt()).isEqualTo(2);
        assertThat(d02.get("red").asInt()).isEqualTo(1);
        // KPIs: the immediate item decided the same day; the centre's on-the-spot rate 1/3 misses its 90 % target
        JsonNode spot = summary.get("kpis").findParents("kpi").stream()
                .filter(k -> k.get("department").asText().equals("*") && k.get("kpi").asText().equals("on-the-spot-rate"))
                .findFirst().orElseThrow();
        assertThat(spot.get("numerator").asInt()).isEqualTo(1);
        assertThat(spot.get("denominator").asInt()).isEqualTo(3);
        assertThat(spot.get("met").asBoolean()).isFalse();
        assertThat(subjects(findings, "kpi.target-missed")).contains("*");
        // no intake logs, no authorization or fee files: said, not pretended
        assertThat(summary.get("notChecked").findValuesAsText("domain")).contains("intake", "authorization", "fees");
        assertThat(summary.get("records").get("cases.csv").asInt()).isEqualTo(4);
        assertThat(Files.readAllLines(dir.resolve("out/rejects.csv"))).containsExactly("file,line,field,reason");
    }

    @Test
    void badLinesAreRejectedAndTheRunSaysIncompleteFirst() throws IOException {
        county();
        write("cases.csv", CASES + "D02-2026-000006,I1,D02,2026-02-30T09:00,,,\nD02-2026-000007,NOPE,D02,2026-09-02T09:00,,,\n");
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("INCOMPLETE / 不完整");
        assertThat(r.out().strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("不完整 / INCOMPLETE");
        assertThat(r.err().lines()).singleElement().asString().startsWith("未完成").contains("INCOMPLETE").contains("rejects.csv");
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.get("complete").asBoolean()).isFalse();
        assertThat(summary.get("rejects").get("total").asInt()).isEqualTo(2);
        assertThat(summary.get("rejects").get("byFile").get("cases.csv").asInt()).isEqualTo(2);
        List<String> rejects = Files.readAllLines(dir.resolve("out/rejects.csv"));
        assertThat(rejects).hasSize(3);
        assertThat(rejects.get(1)).startsWith("cases.csv,6,");
        assertThat(rejects.get(2)).startsWith("cases.csv,7,").contains("事项目录");
    }

    @Test
    void aMissingRequiredFileIsBadInputNamingIt() throws IOException {
        write("items.csv", ITEMS);
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cases.csv").hasLineCount(1);
    }

    @Test
    void dataOfAnotherLocalityIsBadInput() throws IOException {
        county();
        write("cases.csv", "case_number,item_code,department,accepted,locality\nD02-2026-000001,I1,D02,2026-03-02T09:00,451031\n");
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("cases.csv").contains("451031").hasLineCount(1);
    }

    @Test
    void csvAndJsonLinesOfOneFileAtOnceIsBadInput() throws IOException {
        county();
        write("events.jsonl", "{\"case_number\":\"D02-2026-000001\",\"kind\":\"DECISION\",\"at\":\"2026-03-05T10:00\"}\n");
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("events.jsonl").hasLineCount(1);
    }

    @Test
    void jsonLinesAreReadLikeCsv() throws IOException {
        county();
        Files.delete(dir.resolve("data/events.csv"));
        write("events.jsonl", """
                {"case_number":"D02-2026-000001","kind":"PROCEDURE_START","at":"2026-03-03T09:00","procedure":"EXPERT_REVIEW"}
                {"case_number":"D02-2026-000001","kind":"PROCEDURE_END","at":"2026-03-04T17:00","procedure":"EXPERT_REVIEW"}
                not json
                """);
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).isEqualTo(3);
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.get("records").get("events.jsonl").asInt()).isEqualTo(2);
        assertThat(summary.get("rejects").get("byFile").get("events.jsonl").asInt()).isEqualTo(1);
    }

    @Test
    void chargesAreCheckedThroughTheFeeRulesAndAChargeOfNoRecordedCaseIsRejected() throws IOException {
        county();
        write("items.csv", """
                item_code,item_name,department,in_centre_from,statutory_limit,promised_limit,limit_unit,fee_standards
                I1,公共场所卫生许可,D02,2024-01-02,20,5,WORKING_DAYS,
                I2,婚姻登记,D07,2024-01-02,0,0,IMMEDIATE,
                """);
        write("charges.csv", """
                id,case_number,standard,date,quantity,applicant_category,charged,collected_through
                F1,D02-2026-000001,real-estate.residential,2026-03-05,1,INDIVIDUAL,80.00,UNIFIED
                F2,D02-2026-999999,real-estate.residential,2026-03-05,1,INDIVIDUAL,80.00,UNIFIED
                """);
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).isEqualTo(3);
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.get("records").get("charges.csv").asInt()).isEqualTo(1);
        assertThat(summary.get("rejects").get("byFile").get("charges.csv").asInt()).isEqualTo(1);
        // a fee on an item that charges nothing (no fee standards in the catalogue)
        assertThat(summary.get("fees").findValuesAsText("rule")).containsExactly("fee.no-legal-basis");
        assertThat(summary.get("notChecked").findValuesAsText("domain")).doesNotContain("fees");
    }

    enum Hostile { DIRECTORY, EMPTY, BINARY, BAD_HEADER }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Hostile.class)
    void aHostileCasesFileIsBadInputNamingIt(Hostile h) throws IOException {
        county();
        Path cases = dir.resolve("data/cases.csv");
        Files.delete(cases);
        switch (h) {
            case DIRECTORY -> Files.createDirectories(cases);
            case EMPTY -> Files.write(cases, new byte[0]);
            case BINARY -> {
                byte[] garbage = new byte[4096];
                new java.util.Random(20261204L).nextBytes(garbage);
                garbage[0] = (byte) 0xFF;
                garbage[1] = 0;
                Files.write(cases, garbage);
            }
            case BAD_HEADER -> Files.writeString(cases, "办件编号,实施编码\nC1,I1\n");
            default -> throw new IllegalStateException();
        }
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("错误 / error: ").contains("cases.csv")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aHeaderOnlyCasesFileIsACompleteRunOfNoCases() throws IOException {
        county();
        write("cases.csv", "case_number,item_code,department,accepted\n");
        write("events.csv", "case_number,kind,at\n");
        write("results.csv", "case_number,at\n");
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.get("records").get("cases.csv").asInt()).isZero();
        assertThat(summary.get("deadlines")).isEmpty();
    }

    /**
     * The catalogue is read once, by the job, and shared: a JSON Lines catalogue (which the authorization and guide
     * readers of their own do not read) serves the authorization rates and the 八公开 check alike.
     */
    @Test
    void theJobsCatalogueServesAuthorizationAndTheGuides() throws IOException {
        county();
        Files.delete(dir.resolve("data/items.csv"));
        String guide = ",\"legal_basis\":\"条例\",\"conditions\":\"条件\",\"material_list\":\"材料\",\"procedure\":\"流程\","
                + "\"time_limit_text\":\"20个工作日\",\"fee_basis\":\"\",\"fee_standard_text\":\"不收费\"}";
        write("items.jsonl", "{\"item_code\":\"I1\",\"item_name\":\"公共场所卫生许可\",\"department\":\"D02\","
                + "\"in_centre_from\":\"2024-01-02\",\"statutory_limit\":20,\"promised_limit\":5,\"limit_unit\":\"WORKING_DAYS\""
                + guide + "\n{\"item_code\":\"I2\",\"item_name\":\"婚姻登记\",\"department\":\"D07\",\"in_centre_from\":\"2024-01-02\","
                + "\"statutory_limit\":0,\"promised_limit\":0,\"limit_unit\":\"IMMEDIATE\"" + guide.replace("条例", "") + "\n");
        write("delegations.csv", "department,item_code,power,document,from\nD02,I1,APPROVAL,县政府授权书,2024-01-02\n");
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode summary = JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.get("notChecked").findValuesAsText("domain")).doesNotContain("authorization", "fees.guides");
        assertThat(summary.get("records").has("items.csv")).isFalse();
        assertThat(summary.get("records").get("items.jsonl").asInt()).isEqualTo(2);
        List<JsonNode> findings = Files.readAllLines(dir.resolve("out/findings.jsonl")).stream().map(SuperviseCommandTest::tree)
                .toList();
        // I2 publishes no legal basis; I1 publishes all eight
        assertThat(subjects(findings, "fee.guide-incomplete")).containsExactly("I2");
        // approval is delegated for I1 of D02's one in-centre item: D02's approval rate is 1/1
        JsonNode d02 = summary.get("authorization").findParents("department").stream()
                .filter(a -> a.get("department").asText().equals("D02") && a.get("power").asText().equals("APPROVAL"))
                .findFirst().orElseThrow();
        assertThat(d02.get("numerator").asInt()).isEqualTo(1);
        assertThat(d02.get("denominator").asInt()).isEqualTo(1);
    }

    @Test
    void theAsOfInstantIsRequired() throws IOException {
        county();
        RulesCommandTest.Run r = RulesCommandTest.run("supervise", "--locality", "421121", "--data",
                dir.resolve("data").toString(), "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--as-of");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void anUnknownLocalityIsBadInput() throws IOException {
        county();
        RulesCommandTest.Run r = RulesCommandTest.run("supervise", "--locality", "99999x", "--data", dir.toString(), "--as-of",
                AS_OF, "--out", dir.resolve("out").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).hasLineCount(1);
    }

    private static List<String> subjects(List<JsonNode> findings, String rule) {
        return findings.stream().filter(f -> f.get("ruleId").asText().equals(rule)).map(f -> f.get("subject").asText()).toList();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError(field + "=" + value + " not in " + array);
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
