package org.approvalrules.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.cli.command.RulesCommandTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code authorization report --data DIR}: the sample data directory (test resources
 * {@code org/approvalrules/cli/authorization-data/}) holds one instance of every check, and the look-alikes
 * that must not fire (an undelegated approval at the department, the every-working-day roster over the
 * adjusted working days 2024-09-29 and 2024-10-12, a department with no item in the centre).
 */
public class AuthorizationReportCommandTest {
    private static final List<String> FILES = List.of("items.csv", "delegations.csv", "staff.csv", "schedules.csv", "steps.csv");

    public static Path sample(Path dir, String... leaveOut) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String f : FILES) {
            if (!List.of(leaveOut).contains(f)) {
                try (InputStream in = AuthorizationReportCommandTest.class.getResourceAsStream("/org/approvalrules/cli/authorization-data/" + f)) {
                    Files.write(data.resolve(f), in.readAllBytes());
                }
            }
        }
        return data;
    }

    private static Run report(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("authorization", "report", "--data", data.toString(), "--as-of", "2024-10-14"));
        args.addAll(List.of(more));
        return RulesCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void textPrintsTheScorecardThenTheFindings(@TempDir Path dir) throws IOException {
        Run r = report(sample(dir));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("评估日/as of 2024-10-14  期间/period 2024-09-17 .. 2024-10-14")
                .containsPattern("D01 +5/5 +5/5 +4/5 +5/5 +3/5! +5/5 +5/5\n")
                .containsPattern("D02 +1/1 +1/1 +1/1 +1/1 +1/1 +1/1 +1/1\n")
                .containsPattern("全地区/all +6/6 +6/6 +5/6 +6/6 +4/6! +6/6 +6/6\n")
                .contains("D01 制证权 未授权事项 / items without it: A-004, A-005")
                .contains("D01 审批权 未授权事项 / items without it: A-005")
                .contains("无进驻事项的部门（不计授权率）/ departments with no item in the centre (not rated): D03")
                .doesNotContain("未提供");
        List<String> found = r.out().lines().filter(l -> l.startsWith("  [")).map(String::strip).toList();
        assertThat(found).containsExactlyInAnyOrder(
                "[YELLOW] authorization.power-rate-below-target  D01",
                "[YELLOW] authorization.chief-representative.no-appointment-document  D02",
                "[YELLOW] authorization.staff.short-tenure  D01",
                "[RED] authorization.signed-outside-window  2024-SIG-0001",
                "[RED] authorization.measured-opening.fewer-days  D02",
                "[YELLOW] authorization.measured-opening.mornings-only  D02",
                "[RED] authorization.roster.gap  D02");
        // the adjusted working Sunday and Saturday are what the Monday-to-Friday roster misses
        assertThat(r.out()).contains("2 天未安排开放：2024-09-29、2024-10-12");
        // the county's own calendar (Guangxi, 三月三 is not in the period) gives the same working days
        Run county = report(sample(dir.resolve("county")), "--locality", "451031");
        assertThat(county.code()).as(county.err()).isZero();
        assertThat(county.out().lines().filter(l -> l.startsWith("  [")).count()).isEqualTo(7);
    }

    @Test
    void aMissingFileIsSaidNotCheckedNeverZeroProblems(@TempDir Path dir) throws IOException {
        Run r = report(sample(dir, "delegations.csv", "schedules.csv"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("未提供 delegations.csv，相关检查未做 / no delegations.csv: its checks were not made")
                .contains("未提供 schedules.csv").doesNotContain("授权率（").doesNotContain("roster.gap")
                .doesNotContain("signed-outside-window").contains("authorization.chief-representative.no-appointment-document");
    }

    @Test
    void jsonCarriesRatesMissingItemsAndTheCommonFindings(@TempDir Path dir) throws IOException {
        Run r = report(sample(dir, "schedules.csv"), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("complete").asBoolean()).isTrue();
        assertThat(j.path("notChecked")).hasSize(1);
        assertThat(j.path("notChecked").get(0).path("file").asText()).isEqualTo("schedules.csv");
        assertThat(j.path("records").path("steps.csv").asInt()).isEqualTo(108);
        assertThat(j.path("departmentsWithoutItems").get(0).asText()).isEqualTo("D03");
        JsonNode cert = null;
        for (JsonNode x : j.path("authorization")) {
            if (x.path("department").asText().equals("D01") && x.path("power").asText().equals("CERTIFICATION")) {
                cert = x;
            }
        }
        assertThat(cert).isNotNull();
        assertThat(cert.path("numerator").asInt()).isEqualTo(3);
        assertThat(cert.path("denominator").asInt()).isEqualTo(5);
        assertThat(cert.path("rate").asDouble()).isEqualTo(0.6);
        assertThat(cert.path("target").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(cert.path("met").asBoolean()).isFalse();
        assertThat(cert.path("missing").toString()).isEqualTo("[\"A-004\",\"A-005\"]");
        assertThat(j.path("findings").findValuesAsText("ruleId")).contains("authorization.signed-outside-window")
                .doesNotContain("authorization.roster.gap");
    }

    @Test
    void badLinesAreRejectedWithFileLineAndFieldAndTheRunIsIncomplete(@TempDir Path dir) throws IOException {
        Path data = sample(dir);
        append(data.resolve("delegations.csv"), "D01,Z-999,审批权,县市监授〔2024〕9号,2024-01-01,\n"   // line 41: not in the catalogue
                + "D02,B-001,APPROVAL,县住建授〔2024〕5号,2024-06-01,\n"                                  // line 42: overlaps line 36
                + "D01,A-001,盖章权,县市监授〔2024〕9号,2024-01-01,\n");                                   // line 43: unknown power
        append(data.resolve("schedules.csv"), "W03,D01,EVERY_WORKING_DAY,17:00,09:00,2024-01-01,\n"      // line 4: impossible hours
                + "W04,D01,EVERY_WORKING_DAY,09:00,25:00,2024-01-01,\n");                               // line 5
        append(data.resolve("steps.csv"), "2024-SIG-0001,A-001,REVIEW,S02,WINDOW,W01,2024-10-07 09:00:00\n"); // before its acceptance
        Path rejects = dir.resolve("rejects.tsv");
        Run r = report(data, "--rejects", rejects.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).startsWith("未完成：6 行被拒").contains("INCOMPLETE");
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).isEqualTo("文件/file\t行/line\t字段/field\t原因/reason");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("delegations.csv\t41\t实施编码").contains("不在事项目录"))
                .anySatisfy(l -> assertThat(l).startsWith("delegations.csv\t42\t生效日期").contains("重叠").contains("第 36 行"))
                .anySatisfy(l -> assertThat(l).startsWith("delegations.csv\t43\t权力").contains("未知权力"))
                .anySatisfy(l -> assertThat(l).startsWith("schedules.csv\t4\tcloses").contains("须晚于"))
                .anySatisfy(l -> assertThat(l).startsWith("schedules.csv\t5\tcloses").contains("不可能的时间"))
                .anySatisfy(l -> assertThat(l).startsWith("steps.csv\t110\tat").contains("早于办件受理"));
        // the rejected lines are left out, not counted: the rates are those of the clean sample
        assertThat(r.out()).containsPattern("D02 +1/1 +1/1 +1/1 +1/1 +1/1 +1/1 +1/1\n");
        // strict: the first bad line stops the run (exit 2, one line naming file and line)
        Run strict = report(data, "--strict");
        assertThat(strict.code()).isEqualTo(2);
        assertThat(strict.err().lines()).hasSize(1).first().asString().contains("delegations.csv").contains("43");
    }

    @Test
    void theExampleProvinceCarriesA590ScorecardMeasuredWhereTheRecordsCan(@TempDir Path dir) throws IOException {
        Run r = report(sample(dir), "--locality", "451031", "--packs", RulesCommandTest.EXAMPLE.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("计分卡 / scorecard (authorization.scorecard):")
                .containsPattern("items-in-centre +>= 1.0  0.8571  未达标/NOT met")       // 6 of 7 catalogue items
                .containsPattern("power.approval +>= 1.0  0.8333  未达标/NOT met")        // A-005 keeps approval
                .containsPattern("finished-on-the-spot +>= 0.9  本报告不计量 / not measured by this report")
                .containsPattern("valid-complaints +<= 0  本报告不计量 / not measured by this report");
        // the national layer has no scorecard
        assertThat(report(sample(dir.resolve("national"))).out()).doesNotContain("计分卡");
    }

    @Test
    void theOldTableFormStillNeedsItsTable() {
        Run r = RulesCommandTest.run("authorization", "--to", "2024-09-20");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--table");
    }

    private static void append(Path f, String text) throws IOException {
        Files.writeString(f, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    }
}
