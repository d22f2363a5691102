package org.approvalrules.cli.command;

import org.approvalrules.cli.command.RulesCommandTest.Run;

import org.approvalrules.cli.ApprovalRulesCommand;
import org.approvalrules.cli.demo.AuthorizationDemo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuthorizationCommandTest {
    @TempDir
    static Path dir;
    static Path table;
    static Path chiefs;
    static Path schedule;

    @BeforeAll
    static void sampleFiles() throws IOException {
        table = dir.resolve("授权表.csv");
        chiefs = dir.resolve("chiefs.csv");
        schedule = dir.resolve("schedule.csv");
        Files.write(table, AuthorizationDemo.resource("authorizations.csv"));
        Files.write(chiefs, AuthorizationDemo.resource("chiefs.csv"));
        Files.write(schedule, AuthorizationDemo.resource("schedule.csv"));
    }

    /** Runs the command as {@code approval-rules authorization …} does, with a fixed clock (2024-09-20 in Shanghai). */
    private static Run run(String... args) {
        Clock clock = Clock.fixed(Instant.parse("2024-09-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        CommandLine cl = new CommandLine(new AuthorizationCommand(clock));
        cl.setExecutionExceptionHandler(new ApprovalRulesCommand.Errors());
        return RulesCommandTest.run(cl, args);
    }

    @Test
    void textReportShowsRatesOpeningAndFindings() {
        Run r = run("--table", table.toString(), "--chiefs", chiefs.toString(), "--schedule", schedule.toString(),
                "--locality", "451031", "--from", "2024-09-09", "--to", "2024-09-20");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("期间/period 2024-09-09 .. 2024-09-20")
                .containsPattern("市场监管局 +5/5 +5/5 +4/5 ").containsPattern("水利局 +2/2 +2/2 +1/2 +2/2 +1/2 +2/2 +2/2\n")
                .contains("水利局  3/9 (33.3%)  未开放/closed [2024-09-09, 2024-09-11, 2024-09-13, 2024-09-14, 2024-09-18, 2024-09-20]")
                .contains("卫健委  0/9 (0.0%)  半天/half-day")
                .contains("[YELLOW] authorization.power-rate-below-target  水利局")
                .contains("“水利局”审批权授权率 1/2 (50.0%) 低于目标 80%")
                .contains("[RED] authorization.chief-representative.missing  水利局")
                .contains("[YELLOW] authorization.chief-representative.not-full-time  卫健委")
                .contains("[RED] authorization.window-not-open-every-working-day  水利局")
                .contains("参数/parameters {authorization.target.approval=0.8}");
        // 市场监管局 opens on the working Saturday by its dated exception, and 4/5 = 80 % meets the target
        assertThat(r.out()).doesNotContain("[RED] authorization.window-not-open-every-working-day  市场监管局")
                .doesNotContain("授权率 / delegation rate 4/5");
    }

    @Test
    void jsonCarriesNumeratorsDenominatorsAndFindingFields() throws IOException {
        Run r = run("--table", table.toString(), "--schedule", schedule.toString(), "--locality", "451031",
                "--from", "2024-09-09", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = DeadlineJson.MAPPER.readTree(r.out());
        assertThat(j.path("to").asText()).isEqualTo("2024-09-20"); // the clock's date
        assertThat(j.path("rates").path("水利局").path("APPROVAL").path("numerator").asInt()).isEqualTo(1);
        assertThat(j.path("rates").path("水利局").path("APPROVAL").path("denominator").asInt()).isEqualTo(2);
        assertThat(j.path("opening").get(1).path("closed").size()).isEqualTo(6);
        assertThat(j.path("findings")).allSatisfy(f -> {
            assertThat(f.path("ruleId").asText()).startsWith("authorization.").doesNotStartWith("authorization.chief");
            assertThat(f.path("legalReference").asText()).isNotBlank();
            assertThat(f.path("ruleSetVersion").asText()).hasSize(16);
        });
    }

    @Test
    void withoutAScheduleOrChiefsThoseChecksAreSaidToBeSkipped() {
        Run r = run("--table", table.toString(), "--to", "2024-09-20");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("未检查对外办公").contains("未检查首席代表").doesNotContain("chief-representative.missing");
    }

    @Test
    void aBadRowIsOneLineNamingFileLineColumnAndValueWithExitCode2() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "部门,事项编码,受理权,审核权,审批权,协调处置权,制证权,送达权,应诉代理权,授权文件,生效日期\n"
                + "市场监管局,MA-1,是,是,大概,是,是,是,是,文,2024-01-01\n");
        Run r = run("--table", bad.toString(), "--to", "2024-09-20");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("错误 / error: " + bad + ":2: 审批权/approval:").contains("\"大概\"")
                .doesNotContain("\n");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(run("--table", table.toString(), "--format", "xml").code()).isEqualTo(2);
        Run r = run("--table", table.toString(), "--from", "2024-09-20", "--to", "2024-09-01");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--to 早于 --from");
        assertThat(run("--schedule", schedule.toString()).code()).isEqualTo(2); // --table is required
        Run outside = run("--table", table.toString(), "--schedule", schedule.toString(), "--from", "2030-01-01", "--to", "2030-01-31");
        assertThat(outside.code()).isEqualTo(2);
        assertThat(outside.err()).startsWith("错误 / error:");
    }

    /** A county pack (451031) whose parameters/authorization.yaml is {@code yaml}. */
    private static Path countyPack(Path root, String yaml) throws IOException {
        Files.createDirectories(root.resolve("451031/parameters"));
        Files.writeString(root.resolve("451031/manifest.yaml"), "pack: t\nlayer: \"451031\"\nversion: \"1\"\n");
        Files.writeString(root.resolve("451031/parameters/authorization.yaml"), yaml);
        return root;
    }

    @Test
    void aCountyLowersItsApprovalTargetFromADate(@TempDir Path root) throws IOException {
        countyPack(root, """
                authorization.target.approval:
                  values:
                    2024-09-16: {value: 0.5, reference: "某县政务服务中心管理办法（2024）第十条"}
                """);
        Run before = run("--table", table.toString(), "--locality", "451031", "--packs", root.toString(), "--to", "2024-09-15");
        Run after = run("--table", table.toString(), "--locality", "451031", "--packs", root.toString(), "--to", "2024-09-16");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.out()).contains("“水利局”审批权授权率 1/2 (50.0%) 低于目标 80%");
        assertThat(after.out()).doesNotContain("审批权授权率").contains("“水利局”制证权授权率 1/2 (50.0%) 低于目标 80%");
    }

    @Test
    void rulesCheckRejectsATargetAboveOne(@TempDir Path root) throws IOException {
        countyPack(root, """
                authorization.target.approval:
                  values:
                    2024-01-01: {value: 80, reference: "县文件"}
                """);
        CommandLine cl = ApprovalRulesCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("rules", "check", "--packs", root.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("authorization.yaml:3").contains("authorization.target.approval").contains("0到1");
    }

    @Test
    void helpDescribesTheCommand() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--table").contains("窗口授权检查");
    }

    @Test
    void demoShowsEachKindOfFinding() throws Exception {
        StringWriter buf = new StringWriter();
        new AuthorizationDemo().run(new PrintWriter(buf, true));
        assertThat(buf.toString()).contains("authorization.power-rate-below-target")
                .contains("authorization.chief-representative.missing")
                .contains("authorization.window-not-open-every-working-day")
                .contains("[RED] authorization.signed-outside-window  DEMO-2024-0910")
                .contains("局长王某")
                .doesNotContain("11010519491231002X");
    }
}
