package org.approvalrules.cli;

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
    void aBadLineIsOneErrorLineWithFileLineAndFieldAndExitCode2() throws IOException {
        Path log = dir.resolve("log.csv");
        Files.writeString(log, "SBLSH,SXBM,applicant_id,channel,SLSJ\nC1,I1,91451031MA5K00001J,窗口,2024-13-01\n");
        Path moves = copy(IntakeDemo.MOVES);
        assertThat(run("intake", "--log", log.toString(), "--moves", moves.toString())).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        assertThat(err.toString()).contains("log.csv").contains("2").contains("SLSJ").contains("2024-13-01");
    }
}
