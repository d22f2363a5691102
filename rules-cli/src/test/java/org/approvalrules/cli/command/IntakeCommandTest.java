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
        // nationally no branch centre is approved, so GX-2024-0004 (县公安分中心) is a department-end intake too
        assertThat(lines.stream().map(n -> n.get("ruleId").asText() + " " + n.get("subject").asText()).toList())
                .containsExactly("intake.department-after-move-in GX-2024-0002", "intake.department-after-move-in GX-2024-0004",
                        "intake.department-after-move-in GX-2024-0005", "intake.department-after-move-in GX-2024-0008",
                        "intake.two-end GX-2024-0002", "intake.two-end GX-2024-0007");
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
}
