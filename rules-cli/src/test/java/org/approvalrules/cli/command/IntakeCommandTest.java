package org.approvalrules.cli.command;

import org.approvalrules.cli.ApprovalRulesCommand;
import org.approvalrules.cli.demo.IntakeDemo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IntakeCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(ApprovalRulesCommand.class);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new ApprovalRulesCommand.Errors());
        return cl.execute(args);
    }

    private Path copy(String resource) throws IOException {
        Path p = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = IntakeDemo.class.getResourceAsStream(resource)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void nationalParametersTreatEveryBranchCentreAsTheDepartmentEnd() throws IOException {
        Path log = copy(IntakeDemo.LOG);
        Path moves = copy(IntakeDemo.MOVES);
        assertThat(run("intake", "--log", log.toString(), "--moves", moves.toString(), "--format", "jsonl")).isZero();
        List<JsonNode> lines = out.toString().lines().map(l -> {
            try {
                return DeadlineJson.MAPPER.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        // nationally no branch centre is approved, so GX-2024-0004 (县公安分中心) is a department-end intake too;
        // GX-2024-0007 is an item the register allows at the department (仅限中心受理 = 否): not two-end
        assertThat(lines.stream().map(n -> n.get("ruleId").asText() + " " + n.get("subject").asText()).toList())
                .containsExactly("intake.department-after-move-in GX-2024-0002", "intake.department-after-move-in GX-2024-0004",
                        "intake.department-after-move-in GX-2024-0005", "intake.department-after-move-in GX-2024-0008",
                        "intake.two-end GX-2024-0002");
        JsonNode two = lines.get(4);
        assertThat(two.get("parameters").get("intake.two-end.window-days").asText()).isEqualTo("30");
        assertThat(two.get("evidence").get("centreCase").asText()).isEqualTo("GX-2024-0001");
        assertThat(two.get("layer").asText()).isEqualTo("000000");
        assertThat(two.get("messageZh").asText()).contains("两头受理");
        assertThat(two.get("messageEn").asText()).contains("two-end intake");
    }

    @Test
    void badLinesAreRejectedTheRestIsReadAndTheRunSaysItIsIncompleteWithExit3() throws IOException {
        Path log = copy(IntakeDemo.LOG);
        List<String> good = Files.readAllLines(log);
        // two bad lines appended after the demo log (and one quoted line break in a good one)
        Files.writeString(log, String.join("\n", good) + "\nC9,I1,91451031MA5K00001J,窗口,2024-13-01\nC10,I1,91451031MA5K00001J,柜台,2024-09-27\n");
        Path moves = copy(IntakeDemo.MOVES);
        Path rejects = dir.resolve("bad-lines.tsv");
        assertThat(run("intake", "--log", log.toString(), "--moves", moves.toString(), "--rejects", rejects.toString()))
                .isEqualTo(3);
        int records = good.size() - 1;
        assertThat(out.toString().lines().findFirst()).hasValueSatisfying(first -> assertThat(first).startsWith("未完成")
                .contains("INCOMPLETE: " + records + " record(s) read, 2 line(s) rejected"));
        assertThat(out.toString()).contains("受理记录 / records " + records);
        assertThat(err.toString().lines().toList()).singleElement().satisfies(l -> assertThat(l).startsWith("未完成"));
        List<String> rejected = Files.readAllLines(rejects);
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(1)).startsWith((good.size() + 1) + "\t受理时间").doesNotContain("2024-13-01");
        assertThat(rejected.get(2)).startsWith((good.size() + 2) + "\t受理渠道").doesNotContain("柜台")
                .doesNotContain("91451031MA5K00001J");
        // the same findings as the demo log alone: nothing of the good lines was lost
        out.getBuffer().setLength(0);
        assertThat(run("intake", "--log", log.toString(), "--moves", moves.toString(), "--format", "jsonl")).isEqualTo(3);
        String withRejects = out.toString();
        out.getBuffer().setLength(0);
        Files.write(log, good);
        assertThat(run("intake", "--log", log.toString(), "--moves", moves.toString(), "--format", "jsonl")).isZero();
        assertThat(withRejects).isEqualTo(out.toString()).isNotEmpty();
        assertThat(log.resolveSibling(log.getFileName() + ".rejects")).doesNotExist();
    }

    @Test
    void aBadLineUnderStrictIsOneErrorLineWithFileLineAndFieldAndExitCode2() throws IOException {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, "SBLSH,SXBM,applicant_id,channel,SLSJ\nC1,I1,91451031MA5K00001J,窗口,2024-13-01\n");
        Path moves = copy(IntakeDemo.MOVES);
        assertThat(run("intake", "--log", log.toString(), "--moves", moves.toString(), "--strict")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        assertThat(err.toString()).contains("log.csv").contains("2").contains("SLSJ").contains("2024-13-01");
    }

    private static final String ITEM = "11451031MB1234567X4000111000001";

    private static List<String> readLines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private static final String FIRM = "91451031MA5K00001J";

    @Test
    void severalLogsInCsvAndJsonLinesWithResultsStepsAndChannelsGiveOneSummaryPerRuleItemAndDepartment() throws IOException {
        Path centre = dir.resolve("centre.csv");
        Files.writeString(centre, "case_number,item_code,applicant_id,channel,channel_name,accepted\n"
                + "C-1," + ITEM + "," + FIRM + ",CENTRE_WINDOW,,2024-05-06T09:30\n"
                + "C-2," + ITEM + ",E12345678,ONLINE,一体化平台,2024-05-07T09:30\n"
                + "C-3," + ITEM + ",450102800101123,CENTRE_WINDOW,,2024-05-08T09:30\n");
        // the department's export: C-1 again under the same number (one case), D-1 its own, N-1 through its own portal
        Path department = dir.resolve("department.jsonl");
        Files.writeString(department, "{\"case_number\":\"C-1\",\"item_code\":\"" + ITEM + "\",\"applicant_id\":\"" + FIRM
                + "\",\"channel\":\"DEPARTMENT\",\"accepted\":\"2024-05-06 10:00:00\"}\n"
                + "{\"case_number\":\"D-1\",\"item_code\":\"" + ITEM + "\",\"applicant_id\":\"" + FIRM
                + "\",\"channel\":\"部门\",\"accepted\":\"2024-05-10T10:00\",\"extra\":1}\n"
                + "{\"case_number\":\"N-1\",\"item_code\":\"" + ITEM + "\",\"applicant_id\":\"E12345678\",\"channel\":\"ONLINE\","
                + "\"channel_name\":\"县局网站\",\"accepted\":\"2024-05-20T10:00\"}\n");
        Path moves = dir.resolve("items.csv");
        Files.writeString(moves, "item_code,item_name,department,in_centre_from,centre_only\n" + ITEM + ",食品经营许可,D01,2024-03-01,是\n"
                + "11451031MB1234567X4000111000009,不在中心的事项,D02,,\n");
        Path results = dir.resolve("results.csv");
        Files.writeString(results, "case_number,item_code,kind,place,at\nC-3," + ITEM + ",CERTIFICATE,DEPARTMENT,2024-05-09T09:00\n"
                + "X-9," + ITEM + ",办结,部门,2024-05-09T09:00\n");
        Path steps = dir.resolve("steps.csv");
        Files.writeString(steps, "case_number,item_code,step,staff_id,place,window,at\nC-3," + ITEM + ",REVIEW,S1,DEPARTMENT,,2024-05-08T15:00\n"
                + "C-3," + ITEM + ",审批,S2,部门,,2024-05-09T08:00\n");
        Path channels = dir.resolve("channels.csv");
        Files.writeString(channels, "name,kind,from,to\n一体化平台,ONLINE,2020-01-01,\n");
        Path outDir = dir.resolve("out");
        assertThat(run("intake", "--log", centre.toString(), department.toString(), "--moves", moves.toString(), "--results",
                results.toString(), "--steps", steps.toString(), "--channels", channels.toString(), "--out", outDir.toString()))
                .as(() -> err + String.join("\n", readLines(outDir.resolve("intake.rejects")))).isZero();
        String text = out.toString();
        assertThat(text).contains("受理记录 / records 6")
                .contains("intake.department-after-move-in D-1").contains("intake.department-after-move-in N-1")
                .doesNotContain("intake.department-after-move-in C-1").doesNotContain("intake.two-end C-1")
                .contains("intake.two-end D-1").contains("intake.two-end N-1")
                .contains("intake.outside-system X-9").doesNotContain("intake.outside-system C-3")
                .contains("intake.front-office C-3")
                .contains("      " + ITEM + " D01 2")
                .doesNotContain(FIRM).doesNotContain("E12345678");
        assertThat(text.lines().filter(l -> l.startsWith("未检查"))).isEmpty();
        JsonNode summary = DeadlineJson.MAPPER.readTree(outDir.resolve("intake-summary.json").toFile());
        assertThat(summary.get("complete").asBoolean()).isTrue();
        assertThat(summary.get("records").get("department.jsonl").asLong()).isEqualTo(3);
        assertThat(summary.get("byRule").get("intake.two-end").asLong()).isEqualTo(2);
        assertThat(summary.get("intake").get(0).get("department").asText()).isEqualTo("D01");
        assertThat(Files.readAllLines(outDir.resolve("intake-findings.jsonl"))).hasSize(6);
    }

    @Test
    void withoutResultsAndStepsTheSummarySaysWhatWasNotChecked() throws IOException {
        Path log = copy(IntakeDemo.LOG);
        Path moves = copy(IntakeDemo.MOVES);
        assertThat(run("intake", "--log", log.toString(), "--moves", moves.toString())).isZero();
        assertThat(out.toString()).contains("未检查 / not checked: intake.outside-system")
                .contains("未检查 / not checked: intake.front-office");
    }

    @Test
    void aBadLineInAResultsFileIsRejectedWithItsFileAndTheRunExits3() throws IOException {
        Path log = copy(IntakeDemo.LOG);
        Path moves = copy(IntakeDemo.MOVES);
        Path results = dir.resolve("results.csv");
        Files.writeString(results, "case_number,item_code,place,at\nGX-2024-0001," + ITEM + ",WINDOW,2024-05-07T09:00\n"
                + "GX-2024-0002," + ITEM + ",柜台,2024-05-21T09:00\n");
        Path rejects = dir.resolve("r.tsv");
        assertThat(run("intake", "--log", log.toString(), "--moves", moves.toString(), "--results", results.toString(),
                "--rejects", rejects.toString())).isEqualTo(3);
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines.get(0)).startsWith("文件/file\t行/line");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(results + "\t3\tplace").doesNotContain("柜台");
    }

    @Test
    void aRegisterListingAnItemTwiceOrALogWithoutTheRequiredColumnsIsOneErrorLineAndExit2() throws IOException {
        Path log = copy(IntakeDemo.LOG);
        Path demoMoves = copy(IntakeDemo.MOVES);
        Path moves = dir.resolve("moves.csv");
        Files.writeString(moves, "实施编码,进驻日期\n" + ITEM + ",2024-03-01\n" + ITEM + ",2024-04-01\n");
        assertThat(run("intake", "--log", log.toString(), "--moves", moves.toString())).isEqualTo(2);
        assertThat(err.toString().strip().lines()).singleElement().satisfies(l -> assertThat(l).contains("moves.csv", "3"));
        err.getBuffer().setLength(0);
        Path noColumns = dir.resolve("vendor.csv");
        Files.writeString(noColumns, "编号,名称,时间\n1,x,2024-05-06\n");
        assertThat(run("intake", "--log", noColumns.toString(), "--moves", demoMoves.toString())).isEqualTo(2);
        assertThat(err.toString().strip().lines()).singleElement().satisfies(l -> assertThat(l).contains("vendor.csv", "缺少列"));
        err.getBuffer().setLength(0);
        Path jsonl = dir.resolve("vendor.jsonl");
        Files.writeString(jsonl, "{\"id\":1}\n");
        assertThat(run("intake", "--log", jsonl.toString(), "--moves", demoMoves + "x")).isEqualTo(2);
        assertThat(err.toString().strip().lines()).singleElement().satisfies(l -> assertThat(l).contains("不存在"));
        err.getBuffer().setLength(0);
        assertThat(run("intake", "--log", jsonl.toString(), "--moves", demoMoves.toString())).isEqualTo(2);
        assertThat(err.toString().strip().lines()).singleElement().satisfies(l -> assertThat(l).contains("vendor.jsonl", "case_number"));
    }
}
