package org.approvalrules.cli.command;

import org.approvalrules.cli.ApprovalRulesCommand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DeadlineCommandTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(LocalDateTime.parse("2024-10-21T12:00").atZone(SHANGHAI).toInstant(), SHANGHAI);
    private static final String VERSION = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT).version();
    private static final String RULES = rulesVersion();

    private static String rulesVersion() {
        try (org.approvalrules.ApprovalRules rules = org.approvalrules.ApprovalRules.builder().build()) {
            return rules.locality(DivisionCode.NATIONAL).ruleSetVersion();
        }
    }

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(ApprovalRulesCommand.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == DeadlineCommand.class) {
                    return cls.cast(new DeadlineCommand(CLOCK));
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new ApprovalRulesCommand.Errors());
        return cl.execute(args);
    }

    @Test
    void aCalendarsDirectoryWithNextYearsFileLetsAStrictDeadlineRunIntoIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path nat = java.nio.file.Files.createDirectories(dir.resolve("000000"));
        java.nio.file.Files.writeString(nat.resolve("2027.csv"), "date,kind,name,source\n2027-01-01,HOLIDAY,元旦,测试通知\n");
        String[] args = {"deadline", "--accepted", "2026-12-21T10:00", "--limit", "20", "--unit", "WORKING_DAYS", "--as-of",
            "2026-12-22T09:00"};
        assertThat(run(args)).isEqualTo(2);
        assertThat(err.toString()).contains("2027");
        String[] with = java.util.Arrays.copyOf(args, args.length + 2);
        with[args.length] = "--calendars";
        with[args.length + 1] = dir.toString();
        assertThat(run(with)).isZero();
        assertThat(out.toString()).contains("截止 / due 2027-01-19T17:00");
    }

    @Test
    void textOutputStartsWithTheDueDatesAndStatus() {
        // accepted Mon 9/30 16:00, 3 working days: 10/1–7 off → 10/8 (1), 10/9 (2), 10/10 (3); as of 10/8 noon 2 remain → YELLOW
        int code = run("deadline", "--accepted", "2024-09-30T16:00", "--limit", "3", "--unit", "WORKING_DAYS",
                "--as-of", "2024-10-08T12:00");
        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.subList(0, 6)).containsExactly(
                "办件 / case CLI：受理 / accepted 2024-09-30T16:00，日历 / calendar CN-000000@" + VERSION
                        + "，截至 / as of 2024-10-08T12:00:00+08:00",
                "法定 / statutory 3 WORKING_DAYS: 截止 / due 2024-10-10T17:00:00+08:00，已用 / used 1，剩余 / remaining 2 → YELLOW",
                "状态 / status: YELLOW",
                // no promised limit: the national yellow rule speaks of the statutory due date (through the entry
                // point, as with --packs)
                "发现 / finding: [YELLOW] deadline.yellow.promised CLI: 临近法定办结时限（未设承诺时限），剩余2个工作日 / statutory due "
                        + "date near (no promised limit): 2 working days left (国办发〔2016〕108号 电子监察预警; layer 000000; rules "
                        + RULES + "; calendar " + VERSION + "; {deadline.yellow.remaining-working-days=3})",
                "依据 / trace:",
                "  START              2024-09-30             2024-09-30T16:00 在办公时间（09:00-17:00）内受理；次日起算，受理当日不计入 / "
                        + "accepted 2024-09-30T16:00 within office hours 09:00-17:00; counting starts the next day "
                        + "(the acceptance day is not counted) 〔民法典第二百零一条；行政许可法第八十二条〕");
        assertThat(lines.get(6)).startsWith("  SKIPPED_DAYS       2024-10-01..2024-10-07 国庆节");
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        int code = run("deadline", "--accepted", "2024-09-27T10:30", "--limit", "20", "--unit", "WORKING_DAYS",
                "--promised", "10", "--procedure", "2024-10-10/2024-10-15:EXPERT_REVIEW", "--format", "json");
        assertThat(code).isZero();
        JsonNode j = DeadlineJson.MAPPER.readTree(out.toString());
        assertThat(j.get("dueDate").asText()).isEqualTo("2024-11-05");
        assertThat(j.get("dueInstant").asText()).isEqualTo("2024-11-05T17:00:00+08:00");
        assertThat(j.get("elapsedWorkingDays").asInt()).isEqualTo(9);
        assertThat(j.get("remainingWorkingDays").asInt()).isEqualTo(11);
        assertThat(j.get("status").asText()).isEqualTo("YELLOW");
        assertThat(j.get("provisional").asBoolean()).isFalse();
        assertThat(j.get("asOf").asText()).isEqualTo("2024-10-21T12:00:00+08:00"); // from the injected clock
        assertThat(j.get("promised").get("dueDate").asText()).isEqualTo("2024-10-22");
        assertThat(j.get("promised").get("remainingWorkingDays").asInt()).isEqualTo(1);
        assertThat(j.get("calendar").get("version").asText()).isEqualTo(VERSION);
        assertThat(j.get("trace").findValuesAsText("kind")).contains("START", "SUSPENSION", "SKIPPED_DAYS", "DUE", "STATUS");
    }

    @Test
    void packsGiveTheLocalitysParametersAndThePacksFindings(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("451031/parameters"));
        Files.writeString(dir.resolve("451031/manifest.yaml"), "pack: t\nlayer: \"451031\"\nversion: \"1\"\n");
        Files.writeString(dir.resolve("451031/parameters/p.yaml"), """
                deadline.yellow.remaining-working-days:
                  values:
                    2024-01-01: {value: 1, reference: "县文件"}
                intake.office-hours:
                  type: time-range
                  description: {zh: 县办公时间, en: county office hours}
                  values:
                    2024-01-01: {value: ["08:30-18:30"], reference: "县作息"}
                """);
        // the same case as textOutputStartsWithTheDueDatesAndStatus: 2 remain, above the county's threshold 1
        String[] args = {"deadline", "--accepted", "2024-09-30T16:00", "--limit", "3", "--unit", "WORKING_DAYS",
                "--as-of", "2024-10-08T12:00", "--locality", "451031", "--format", "json"};
        assertThat(run(args)).isZero();
        JsonNode national = DeadlineJson.MAPPER.readTree(out.toString());
        out.getBuffer().setLength(0);
        String[] withPacks = java.util.Arrays.copyOf(args, args.length + 2);
        withPacks[args.length] = "--packs";
        withPacks[args.length + 1] = dir.toString();
        assertThat(run(withPacks)).isZero();
        JsonNode county = DeadlineJson.MAPPER.readTree(out.toString());
        assertThat(national.get("status").asText()).isEqualTo("YELLOW");
        assertThat(county.get("status").asText()).isEqualTo("ON_TRACK");
        assertThat(county.get("dueDate").asText()).isEqualTo(national.get("dueDate").asText());
        assertThat(county.get("dueInstant").asText()).endsWith("T18:30:00+08:00");
        assertThat(county.get("calendar").get("version").asText()).contains("08:30-18:30");
        // past due: the finding comes from the pack's national rule, with its rule-set version
        out.getBuffer().setLength(0);
        withPacks[8] = "2024-10-21T12:00";
        assertThat(run(withPacks)).isZero();
        JsonNode late = DeadlineJson.MAPPER.readTree(out.toString());
        assertThat(late.get("findings").findValuesAsText("ruleId")).contains("deadline.red.statutory");
        assertThat(late.get("findings").get(0).get("ruleSetVersion").asText()).doesNotStartWith("engine-");
    }

    @Test
    void extendAndAsOfInstant() throws Exception {
        int code = run("deadline", "--accepted", "2024-09-27T10:30", "--limit", "20", "--unit", "WORKING_DAYS",
                "--extend", "10", "--as-of", "2024-10-21T04:00:00Z", "--format", "jsonl");
        assertThat(code).isZero();
        JsonNode j = DeadlineJson.MAPPER.readTree(out.toString());
        assertThat(j.get("dueDate").asText()).isEqualTo("2024-11-13");
        assertThat(j.get("extensionDays").asInt()).isEqualTo(10);
        assertThat(out.toString().lines().count()).isEqualTo(1);
    }

    private static Path batchWithTwoBadLines(Path dir) throws IOException {
        Path csv = dir.resolve("cases.csv");
        Files.writeString(csv, String.join("\r\n",
                "\uFEFFid,accepted,limit,unit,promised,procedures,extend,as_of",
                "A1,2024-09-27T10:30,20,WORKING_DAYS,10,2024-10-10/2024-10-15:EXPERT_REVIEW;2024-10-14/2024-10-17:TESTING,,2024-10-21T12:00",
                "A2,2024-09-20T10:00,15,FORTNIGHTS,,,,",
                "",
                "\"A3\n(quoted line break)\",2024-09-20T10:00,15,CALENDAR_DAYS,,,,2024-09-21",
                "A4,2024-09-27T10:30,20,WORKING_DAYS,,2024-10-15/2024-10-10:HEARING,,"), StandardCharsets.UTF_8);
        return csv;
    }

    @Test
    void batchContinuesPastBadLinesWritesThemToTheRejectFileAndExitsThree(@TempDir Path dir) throws Exception {
        Path csv = batchWithTwoBadLines(dir);
        int code = run("deadline", "--batch", csv.toString(), "--format", "jsonl", "--as-of", "2024-10-21T12:00");
        assertThat(code).isEqualTo(3);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode a1 = DeadlineJson.MAPPER.readTree(lines.get(0));
        assertThat(a1.get("id").asText()).isEqualTo("A1");
        // suspended [10/10, 10/17): 10/10, 11, 12 (Sat, worked), 14, 15, 16 = 6 → 20 + 6: 11/7
        assertThat(a1.get("dueDate").asText()).isEqualTo("2024-11-07");
        assertThat(a1.has("trace")).isTrue();
        JsonNode a3 = DeadlineJson.MAPPER.readTree(lines.get(1));
        assertThat(a3.get("id").asText()).isEqualTo("A3\n(quoted line break)");
        assertThat(a3.get("dueDate").asText()).isEqualTo("2024-10-08"); // 9/20 + 15 = Sat 10/5, holiday → 10/8
        Path rejects = dir.resolve("cases.csv.rejects");
        assertThat(err.toString().lines().findFirst()).hasValueSatisfying(first -> assertThat(first)
                .startsWith("未完成").contains("INCOMPLETE: 2 case(s) done, 2 line(s) rejected").contains(rejects.getFileName().toString()));
        List<String> rejected = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(0)).isEqualTo("行/line\t字段/field\t原因/reason");
        assertThat(rejected.get(1)).startsWith("3\tunit\t").contains("未知时限单位").doesNotContain("FORTNIGHTS");
        // A4 starts on physical line 7: the quoted line break of A3 takes a line
        assertThat(rejected.get(2)).startsWith("7\tprocedure.resumed\t").doesNotContain("2024-10-10");
    }

    @Test
    void strictBatchStopsAtTheFirstBadLineWithOneErrorLineAndExitTwo(@TempDir Path dir) throws Exception {
        Path csv = batchWithTwoBadLines(dir);
        Path rejects = dir.resolve("r.tsv");
        int code = run("deadline", "--batch", csv.toString(), "--format", "jsonl", "--strict", "--rejects", rejects.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("错误 / error: " + csv + ":3: unit: 办件 A2 / case A2: 未知时限单位"));
        assertThat(rejects).doesNotExist();
        assertThat(dir.resolve("cases.csv.rejects")).doesNotExist();
    }

    @Test
    void aCleanBatchLeavesNoRejectFileAndNoTraceLeavesTheTraceOut(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("ok.csv");
        Files.writeString(csv, "# in-flight cases\nid,accepted,limit,unit\nB1,2024-09-27T10:30,20,WORKING_DAYS\n");
        Path stale = Files.writeString(dir.resolve("ok.csv.rejects"), "left from an earlier run\n");
        assertThat(run("deadline", "--batch", csv.toString(), "--format", "jsonl", "--no-trace", "--as-of", "2024-10-08"))
                .isZero();
        JsonNode b1 = DeadlineJson.MAPPER.readTree(out.toString().strip());
        assertThat(b1.get("id").asText()).isEqualTo("B1");
        assertThat(b1.has("trace")).isFalse();
        assertThat(b1.has("dueDate")).isTrue();
        assertThat(stale).doesNotExist();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void badHeaderStopsTheBatch(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "id,accepted,limit\nA1,2024-09-27T10:30,20\n", StandardCharsets.UTF_8);
        assertThat(run("deadline", "--batch", csv.toString(), "--format", "jsonl")).isEqualTo(2);
        assertThat(err.toString()).contains(csv.getFileName() + ":1: header").contains("missing column unit");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badOptionsExitWithTwo() {
        assertThat(run("deadline", "--accepted", "2024-09-27T10:30", "--limit", "20")).isEqualTo(2);
        assertThat(err.toString()).contains("--unit");
        assertThat(run("deadline", "--accepted", "2024-09-27T10:30", "--limit", "-3", "--unit", "WORKING_DAYS")).isEqualTo(2);
        assertThat(err.toString()).contains("timeLimit.amount");
        assertThat(run("deadline", "--accepted", "2024-09-27T10:30", "--limit", "20", "--unit", "WORKING_DAYS",
                "--extend", "16")).isEqualTo(2);
        assertThat(err.toString()).contains("extension.workingDays");
    }
}
