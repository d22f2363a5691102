package org.approvalrules.cli.command;

import org.approvalrules.cli.ApprovalRulesCommand;
import org.approvalrules.cli.demo.RulesDemo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

public class RulesCommandTest {
    public static final Path EXAMPLE = Path.of("../examples/packs");

    public record Run(int code, String out, String err) {
    }

    public static Run run(String... args) {
        return run(ApprovalRulesCommand.commandLine(), args);
    }

    /** Runs {@code cl} with {@code args}, capturing its exit code, standard output and error. */
    public static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void checkCompilesEveryLayerOfTheExamplePack() {
        Run r = run("rules", "check", "--packs", EXAMPLE.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("451031  000000>450000>451031").contains("000000  000000");
    }

    @Test
    void explainShowsLayersOverridesAndParameterValuesByDate() {
        Run r = run("rules", "explain", "--locality", "451031", "--packs", EXAMPLE.toString(), "--date", "2024-10-01");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("000000>450000>451031")
                .containsPattern("451031.intake.after-hours +INFO +层/layer 451031")
                .contains("已停用 / disabled  deadline.procedure.starts-at-acceptance")
                .contains("自/from 2024-07-01: 2");
        // the authorization, fee and intake checks are national rules like any other: listed, replaceable, disableable
        assertThat(r.out()).containsPattern("authorization.power-rate-below-target +YELLOW +层/layer 000000")
                .containsPattern("intake.two-end +RED +层/layer 000000")
                .containsPattern("fee.under-standard +YELLOW +层/layer 451031")
                .contains("已替换 / replaced  fee.under-standard (层/layer 000000 → 451031)")
                .contains("已停用 / disabled  authorization.chief-representative.not-full-time");
    }

    @Test
    void explainWithADateShowsTheDeadlinePolicyFromTheParameters() {
        Run june = run("rules", "explain", "--locality", "451031", "--packs", EXAMPLE.toString(), "--date", "2024-06-30");
        Run july = run("rules", "explain", "--locality", "451031", "--packs", EXAMPLE.toString(), "--date", "2024-07-01");
        assertThat(june.out()).contains("黄牌 / yellow: 剩余 ≤ 3 个工作日");
        assertThat(july.out()).contains("黄牌 / yellow: 剩余 ≤ 2 个工作日")
                .contains("办公时间 / office hours: 08:00-18:00（规则包参数 / pack parameter intake.office-hours）");
    }

    @Test
    void checkRejectsAParameterValueTheDeadlineEngineCannotUse(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("451031/parameters"));
        Files.writeString(dir.resolve("451031/manifest.yaml"), "pack: t\nlayer: \"451031\"\nversion: \"1\"\n");
        Files.writeString(dir.resolve("451031/parameters/p.yaml"), """
                correction.policy:
                  values:
                    2024-01-01: {value: PAUZE, reference: "县文件"}
                """);
        Run r = run("rules", "check", "--packs", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("p.yaml:3").contains("correction.policy").contains("PAUZE");
    }

    @Test
    void testRunsTheScenariosAndReportsCoverage() {
        Run r = run("rules", "test", "--packs", EXAMPLE.toString(), "--locality", "451031");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("失败 / failed: 0").contains("every rule is exercised");
    }

    @Test
    void theBundledNationalPackIsUsedWithoutPacks() {
        Run r = run("rules", "explain", "--locality", "110101");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("分层 / layers 000000").contains("deadline.red.statutory");
    }

    @Test
    void packErrorsExitTwoWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("451031/rules"));
        Files.writeString(dir.resolve("451031/manifest.yaml"), "pack: t\nlayer: \"451031\"\nversion: \"1\"\n");
        Files.writeString(dir.resolve("451031/rules/x.drl"), "\nimport java.nio.file.Files;\n");
        Run r = run("rules", "check", "--packs", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("x.drl:2").contains("import not allowed");
    }

    @Test
    void unknownLocalityExitsTwo() {
        Run r = run("rules", "explain", "--locality", "440300", "--packs", EXAMPLE.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown locality 440300");
    }

    @Test
    void demoShowsNationalAndCountyFindings() throws Exception {
        StringWriter text = new StringWriter();
        new RulesDemo().run(new PrintWriter(text, true));
        assertThat(text.toString()).contains("全国包 / national pack").contains("示例县包 / example county pack")
                .contains("451031.intake.after-hours 层/layer 451031").contains("deadline.red.promised 层/layer 000000");
    }
}
