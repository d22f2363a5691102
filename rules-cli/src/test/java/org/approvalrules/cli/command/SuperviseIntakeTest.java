package org.approvalrules.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code supervise}'s intake stage reads the intake domain's registers of the data directory (issue #16): results
 * (体外循环), steps (前店后厂) and channels, beside the intake logs; each planted pattern is found and its look-alikes
 * are not; bad lines of a file two domains read are rejected once.
 */
class SuperviseIntakeTest {

    @TempDir
    Path dir;

    static final String ITEMS = """
            item_code,item_name,department,department_name,in_centre_from,centre_only,statutory_limit,promised_limit,limit_unit
            I1,公共场所卫生许可,D02,县卫生健康局,2024-01-02,是,20,5,WORKING_DAYS
            I3,道路运输证配发,D05,县交通运输局,,否,10,5,WORKING_DAYS
            """;

    /** Cases 1–4 of I1 accepted at the centre window; one case of I3 (not in the centre) at the department. */
    static final String CASES = """
            case_number,item_code,department,accepted,decided
            D02-2026-000001,I1,D02,2026-03-02T09:00,2026-03-05T10:00
            D02-2026-000002,I1,D02,2026-03-03T09:00,2026-03-06T10:00
            D02-2026-000003,I1,D02,2026-03-03T09:30,2026-03-06T11:00
            D02-2026-000004,I1,D02,2026-03-03T10:00,2026-03-06T12:00
            D05-2026-000001,I3,D05,2026-03-02T09:00,2026-03-04T10:00
            """;

    /** The centre's log: cases 1–4, and case 5 recorded two days after its certificate was issued. */
    static final String LOG = """
            case_number,item_code,applicant_id,channel,channel_name,accepted
            D02-2026-000001,I1,914211210001007707,CENTRE_WINDOW,县政务服务中心,2026-03-02T09:00
            D02-2026-000002,I1,91421121000102411H,CENTRE_WINDOW,县政务服务中心,2026-03-03T09:00
            D02-2026-000003,I1,914211210001004517,CENTRE_WINDOW,县政务服务中心,2026-03-03T09:30
            D02-2026-000004,I1,914211210001005735,CENTRE_WINDOW,县政务服务中心,2026-03-03T10:00
            D02-2026-000005,I1,914211210001007707,CENTRE_WINDOW,县政务服务中心,2026-04-03T09:00
            """;

    static final String RESULTS = """
            case_number,item_code,kind,place,at
            D02-2026-000001,I1,RESULT,WINDOW,2026-03-05T10:00
            D02-2026-000002,I1,RESULT,DEPARTMENT,2026-03-06T10:00
            D02-2026-000003,I1,RESULT,DEPARTMENT,2026-03-06T11:00
            D02-2026-000004,I1,RESULT,WINDOW,2026-03-06T12:00
            D02-2026-000005,I1,CERTIFICATE,WINDOW,2026-04-01T15:00
            D02-2026-900001,I1,CERTIFICATE,WINDOW,2026-03-09T10:00
            D05-2026-000001,I3,RESULT,DEPARTMENT,2026-03-04T10:00
            """;

    /**
     * Case 1 decided at the window; case 2 reviewed and approved at the department (前店后厂 with its result there);
     * case 3 approved at the window; case 4 decided at the department but its result issued at the window.
     */
    static final String STEPS = """
            case_number,item_code,step,staff_id,place,window,at
            D02-2026-000001,I1,REVIEW,S01,WINDOW,W01,2026-03-03T10:00
            D02-2026-000001,I1,APPROVAL,S01,WINDOW,W01,2026-03-04T10:00
            D02-2026-000002,I1,REVIEW,S02,DEPARTMENT,,2026-03-04T10:00
            D02-2026-000002,I1,APPROVAL,S02,DEPARTMENT,,2026-03-05T10:00
            D02-2026-000003,I1,REVIEW,S02,DEPARTMENT,,2026-03-04T11:00
            D02-2026-000003,I1,APPROVAL,S01,WINDOW,W01,2026-03-05T11:00
            D02-2026-000004,I1,REVIEW,S02,DEPARTMENT,,2026-03-04T12:00
            D02-2026-000004,I1,APPROVAL,S02,DEPARTMENT,,2026-03-05T12:00
            """;

    void write(String name, String text) throws IOException {
        Path p = dir.resolve("data").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    void county() throws IOException {
        write("items.csv", ITEMS);
        write("cases.csv", CASES);
        write("intake/centre.csv", LOG);
        write("results.csv", RESULTS);
        write("steps.csv", STEPS);
    }

    RulesCommandTest.Run supervise() {
        return RulesCommandTest.run("supervise", "--locality", "421121", "--data", dir.resolve("data").toString(), "--as-of",
                SuperviseCommandTest.AS_OF, "--out", dir.resolve("out").toString());
    }

    @Test
    void outsideTheSystemAndFrontOfficeAreFoundAndTheirLookAlikesAreNot() throws IOException {
        county();
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        List<JsonNode> findings = findings();
        // 体外循环: a certificate with no acceptance in any log, and one whose acceptance was recorded after it; not the
        // results of cases accepted before (1–4), nor the result of an item not in the centre (I3) without a log
        assertThat(subjects(findings, "intake.outside-system")).containsExactlyInAnyOrder("D02-2026-000005",
                "D02-2026-900001");
        // 前店后厂: case 2 only; case 3 was approved at the window, case 4's result issued there
        assertThat(subjects(findings, "intake.front-office")).containsExactly("D02-2026-000002");
        assertThat(findings).filteredOn(f -> f.get("ruleId").asText().startsWith("intake."))
                .allSatisfy(f -> assertThat(f.get("evidence").get("department").asText()).isEqualTo("D02"));
        JsonNode summary = SuperviseCommandTest.JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(count(summary, "intake.outside-system")).isEqualTo(2);
        assertThat(count(summary, "intake.front-office")).isEqualTo(1);
        assertThat(summary.get("notChecked").findValuesAsText("domain")).doesNotContain("intake", "intake.outside-system",
                "intake.front-office");
        assertThat(summary.get("records").get("intake/centre.csv").asInt()).isEqualTo(5);
    }

    @Test
    void withoutStepsFrontOfficeIsNotCheckedAndSaidSo() throws IOException {
        county();
        Files.delete(dir.resolve("data/steps.csv"));
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(subjects(findings(), "intake.front-office")).isEmpty();
        assertThat(subjects(findings(), "intake.outside-system")).hasSize(2);
        JsonNode summary = SuperviseCommandTest.JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.get("notChecked").findValuesAsText("domain")).contains("intake.front-office")
                .doesNotContain("intake.outside-system");
    }

    @Test
    void aBadLineOfAFileTwoDomainsReadIsRejectedOnceAndTheRunIsIncomplete() throws IOException {
        county();
        write("steps.csv", STEPS + "D02-2026-000001,I1,REVIEW,S01,ROOF,W01,2026-03-03T10:00\n");
        write("results.csv", RESULTS + "D02-2026-000006,I1,RESULT,WINDOW,2026-13-01T10:00\n");
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).isEqualTo(3);
        List<String> rejects = Files.readAllLines(dir.resolve("out/rejects.csv"));
        assertThat(rejects).filteredOn(l -> l.startsWith("steps.csv,10,")).hasSize(1);
        assertThat(rejects).filteredOn(l -> l.startsWith("results.csv,9,")).hasSize(1);
        assertThat(rejects).hasSize(3);
        JsonNode summary = SuperviseCommandTest.JSON.readTree(dir.resolve("out/summary.json").toFile());
        assertThat(summary.get("rejects").get("byFile").get("steps.csv").asInt()).isEqualTo(1);
        assertThat(summary.get("rejects").get("byFile").get("results.csv").asInt()).isEqualTo(1);
        assertThat(subjects(findings(), "intake.front-office")).containsExactly("D02-2026-000002");
    }

    @Test
    void aBadChannelsRegisterIsBadInputNamingItsFile() throws IOException {
        county();
        write("channels.csv", "name,kind,from\n县北分中心,DEPARTMENT,2024-01-01\n");
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().contains("channels.csv").contains("2")
                .doesNotContain(dir.toString());
    }

    /**
     * The stage streams the scan's findings to findings.jsonl (issue #16 item 8) through the fast log reader: they
     * are, in order, the findings the entry point's list-returning scan gives on the records the record-building
     * reader reads, each with its department added.
     */
    @Test
    void theStreamedIntakeFindingsAreTheListScansInTheSameOrder() throws IOException {
        county();
        write("intake/department.csv", """
                case_number,item_code,applicant_id,channel,channel_name,accepted
                D02-DEP-000001,I1,914211210001007707,DEPARTMENT,县卫生健康局,2026-03-04T09:00
                D02-DEP-000002,I1,91421121000102411H,DEPARTMENT,县卫生健康局,2026-03-10T09:00
                D05-DEP-000001,I3,914211210001004517,DEPARTMENT,县交通运输局,2026-03-02T09:00
                """);
        assertStreamedFindingsAreTheListScans();
    }

    /**
     * As above with a department log of more records than a scan judges on one thread (the intake findings' lines
     * and the department of each then made on the judging threads): the same findings in the same order, each
     * counted once in the summary, its rows by rule, item and department.
     */
    @Test
    void aScanJudgedOnSeveralThreadsStreamsTheListScansFindingsAndCountsEachOnce() throws IOException {
        county();
        String[] applicants = {"914211210001007707", "91421121000102411H", "914211210001004517"};
        StringBuilder log = new StringBuilder("case_number,item_code,applicant_id,channel,channel_name,accepted\n");
        for (int i = 0; i < 60_000; i++) {
            log.append(String.format("D02-BIG-%06d,I1,%s,DEPARTMENT,县卫生健康局,2026-03-%02dT09:00%n", i,
                    applicants[i % applicants.length], 1 + i % 28));
        }
        write("intake/department.csv", log.toString());
        List<String> listed = assertStreamedFindingsAreTheListScans();
        assertThat(listed).hasSizeGreaterThanOrEqualTo(60_000);
        JsonNode summary = SuperviseCommandTest.JSON.readTree(dir.resolve("out/summary.json").toFile());
        long counted = 0;
        List<String> rows = new java.util.ArrayList<>();
        for (JsonNode row : summary.get("intake")) {
            counted += row.get("count").asLong();
            rows.add(row.get("rule").asText() + " " + row.get("item").asText() + " " + row.get("department").asText());
        }
        assertThat(counted).isEqualTo(listed.size());
        assertThat(rows).isSorted();
        assertThat(summary.get("findings").get("byRule").get("intake.department-after-move-in").asLong())
                .isEqualTo(listed.stream().filter(l -> l.startsWith("intake.department-after-move-in ")).count());
    }

    /**
     * Runs the job; its intake findings (each with department D02) are, in order, the list-returning scan's on the
     * centre's and the department's logs; returns them as "rule subject message".
     */
    private List<String> assertStreamedFindingsAreTheListScans() throws IOException {
        RulesCommandTest.Run r = supervise();
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        List<String> streamed = findings().stream().filter(f -> f.get("ruleId").asText().startsWith("intake."))
                .map(f -> {
                    assertThat(f.get("evidence").get("department").asText()).isEqualTo("D02");
                    return f.get("ruleId").asText() + " " + f.get("subject").asText() + " " + f.get("messageEn").asText();
                }).toList();
        List<String> listed;
        try (var rules = org.approvalrules.ApprovalRules.builder().build()) {
            var locality = rules.locality(org.approvalrules.api.division.DivisionCode.parse("421121"));
            var strict = org.approvalrules.core.records.Rejects.strict();
            var scan = locality.scanIntake(new org.approvalrules.api.intake.IntakeRegisters(
                    List.of(new org.approvalrules.api.intake.ItemMove("I1", java.time.LocalDate.of(2024, 1, 2), true)),
                    org.approvalrules.core.intake.IntakeRegisterReader.readResults(dir.resolve("data/results.csv"), strict),
                    org.approvalrules.core.intake.IntakeRegisterReader.readSteps(dir.resolve("data/steps.csv"), strict),
                    List.of()));
            for (String log : List.of("centre.csv", "department.csv")) {
                org.approvalrules.core.intake.IntakeLogReader.read(dir.resolve("data/intake/" + log), scan::add);
            }
            listed = scan.finish().stream().map(f -> f.ruleId() + " " + f.subject() + " " + f.message().en()).toList();
        }
        for (String rule : List.of("intake.two-end", "intake.outside-system", "intake.front-office")) {
            assertThat(listed).anyMatch(l -> l.startsWith(rule + " "));
        }
        assertThat(streamed).containsExactlyElementsOf(listed);
        return listed;
    }

    private List<JsonNode> findings() throws IOException {
        return Files.readAllLines(dir.resolve("out/findings.jsonl")).stream().map(l -> {
            try {
                return SuperviseCommandTest.JSON.readTree(l);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    private static List<String> subjects(List<JsonNode> findings, String rule) {
        return findings.stream().filter(f -> f.get("ruleId").asText().equals(rule)).map(f -> f.get("subject").asText()).toList();
    }

    private static long count(JsonNode summary, String rule) {
        long n = 0;
        for (JsonNode row : summary.get("intake")) {
            if (row.get("rule").asText().equals(rule)) {
                assertThat(row.get("department").asText()).isEqualTo("D02");
                n += row.get("count").asLong();
            }
        }
        return n;
    }
}
