package org.approvalrules.cli.command;

import org.approvalrules.cli.command.RulesCommandTest.Run;

import org.approvalrules.cli.ApprovalRulesCommand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

public class FeeCommandTest {
    public static final Clock MAY_2024 = Clock.fixed(Instant.parse("2024-05-06T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static Run run(String... args) {
        CommandLine cl = new CommandLine(new FeeCommand(MAY_2024));
        cl.setExecutionExceptionHandler(new ApprovalRulesCommand.Errors());
        return RulesCommandTest.run(cl, args);
    }

    @Test
    void assessesAResidentialRegistrationWithThreeCertificatesLineByLine() {
        Run r = run("--standard", "real-estate.residential", "--quantity", "3", "--date", "2024-05-06");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("不动产登记费（住宅类）").contains("发改价格规〔2016〕2559号")
                .contains("不动产权属证书工本费：第2至3本，每本10.00元").contains("应缴 / due 100.00");
    }

    @Test
    void checksACharge() {
        Run over = run("--standard", "real-estate.residential", "--quantity", "3", "--charged", "110");
        assertThat(over.code()).isZero();
        assertThat(over.out()).contains("[RED] fee.over-standard").contains("超标准收费10.00元");
        Run ok = run("--standard", "real-estate.residential", "--quantity", "3", "--charged", "100.00");
        assertThat(ok.out()).contains("符合标准 / as due").doesNotContain("fee.");
        Run outside = run("--standard", "id-card.replacement", "--charged", "40", "--collected-through", "department");
        assertThat(outside.out()).contains("fee.charged-outside-centre").doesNotContain("fee.over-standard");
        Run free = run("--standard", "public-health-permit", "--charged", "30", "--item-free");
        assertThat(free.out()).contains("fee.no-legal-basis");
    }

    @Test
    void appliesTheSmallMicroExemptionByPledgeFrom2021() {
        Run r = run("--standard", "real-estate.non-residential", "--quantity", "1", "--applicant-category", "SMALL_MICRO_ENTERPRISE",
                "--evidence", "WRITTEN_PLEDGE", "--date", "2021-01-01", "--charged", "550");
        assertThat(r.out()).contains("应缴 / due 0.00").contains("small-micro").contains("fee.exemption-not-granted");
        Run before = run("--standard", "real-estate.non-residential", "--quantity", "1", "--applicant-category", "SMALL_MICRO_ENTERPRISE",
                "--evidence", "WRITTEN_PLEDGE", "--date", "2020-12-31");
        assertThat(before.out()).as("exempt by law; a pledge was not accepted evidence before 2021").contains("应缴 / due 0.00")
                .contains("注意：未留存减免凭证");
    }

    @Test
    void jsonHasTheLinesTotalsAndFindings() throws Exception {
        Run r = run("--standard", "gov-info.per-request", "--quantity", "41", "--charged", "4400", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode n = DeadlineJson.MAPPER.readTree(r.out());
        assertThat(n.get("due").asText()).isEqualTo("4300.00");
        assertThat(n.get("date").asText()).as("today by the injected clock").isEqualTo("2024-05-06");
        assertThat(n.get("lines")).hasSize(4);
        assertThat(n.get("lines").get(3).get("rate").asText()).isEqualTo("300.00");
        assertThat(n.get("findings").get(0).get("ruleId").asText()).isEqualTo("fee.over-standard");
        assertThat(n.get("parameters").get("fee.gov-info.per-request.processing.bands").asText())
                .contains("{from: 31, rate: 200, step-every: 10, step-add: 100, basis: 国办函〔2020〕109号");
        assertThat(n.get("lines").get(3).get("reference").asText()).as("the band's own basis").endsWith("第四条第（三）项");
    }

    @Test
    void badInputIsOneLineChineseFirstWithExitCode2() {
        Run unknown = run("--standard", "no-such-fee");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("错误 / error: --standard").contains("real-estate.residential").contains("no-such-fee");
        assertThat(unknown.err().strip().lines()).hasSize(1);
        Run notYet = run("--standard", "gov-info.per-page", "--quantity", "40", "--date", "2020-12-31");
        assertThat(notYet.code()).isEqualTo(2);
        assertThat(notYet.err()).contains("2020-12-31");
        Run category = run("--standard", "id-card.first-issue", "--applicant-category", "ROBOT");
        assertThat(category.code()).isEqualTo(2);
        assertThat(category.err()).contains("--applicant-category: 无效取值 ROBOT");
        Run ended = run("--standard", "id-card.first-issue", "--charged", "20");
        assertThat(ended.code()).isEqualTo(2);
        assertThat(ended.err()).contains("已于2018-03-31后停止收费").contains("ended after 2018-03-31");
        Run none = run("--quantity", "3");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--standard");
        Run money = run("--standard", "id-card.renewal", "--charged", "20.005");
        assertThat(money.code()).isEqualTo(2);
        assertThat(money.err()).contains("错误 / error: money");
        Run quantity = run("--standard", "gov-info.per-page", "--quantity", "-1");
        assertThat(quantity.code()).isEqualTo(2);
        Run missing = run("--standard", "real-estate.residential");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("需要“本”数量");
    }

    @Test
    void hasHelp() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--standard").contains("--charged").contains("--applicant-category");
    }

    @Test
    void quoteGivesThisRequestsAmountAfterTheMonthsEarlierRequests() throws Exception {
        Run r = run("quote", "--standard", "gov-info.per-request", "--date", "2024-05-06", "--prior-in-month", "40");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("当月此前已申请 / earlier requests this month: 40").contains("信息处理费：第41件，每件300.00元")
                .contains("应缴 / due 300.00");
        Run json = run("quote", "--standard", "real-estate.residential", "--quantity", "1", "--date", "2024-05-06",
                "--applicant-category", "SMALL_MICRO_ENTERPRISE", "--format", "json");
        JsonNode n = DeadlineJson.MAPPER.readTree(json.out());
        assertThat(n.get("due").asText()).isEqualTo("0.00");
        assertThat(n.get("exemption").asText()).isEqualTo("small-micro");
        assertThat(n.get("evidenceMissing").asBoolean()).isTrue();
        assertThat(n.has("findings")).isFalse();
        Run noDate = run("quote", "--standard", "id-card.renewal");
        assertThat(noDate.code()).isEqualTo(2);
        assertThat(noDate.err()).contains("--date");
        Run notCounted = run("quote", "--standard", "id-card.renewal", "--date", "2024-05-06", "--prior-in-month", "3");
        assertThat(notCounted.code()).isEqualTo(2);
        assertThat(notCounted.err()).contains("request.priorInMonth");
    }

    @Test
    void auditWritesOneLinePerChargeWithDueChargedAndFindings(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path charges = dir.resolve("charges.csv");
        java.nio.file.Files.writeString(charges, """
                收费编号,收费标准,日期,数量,当月已申请,申请人类别,减免证明,实收金额,收费方式
                C1,gov-info.per-request,2024-05-06,1,40,,,300.00,统一收费
                C2,gov-info.per-request,2024/5/6,1,40,,,4300,统一收费
                C3,id-card.first-issue,2018-04-01,,,,,20,统一收费
                C4,real-estate.residential,2024-05-06,1,,小微企业,,80.00,统一收费
                C5,no-such-fee,2024-05-06,,,,,10,统一收费
                C6,id-card.renewal,2024-05-06,,,,,twenty,统一收费
                """, java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Path rejects = dir.resolve("rejects.tsv");
        Run r = run("audit", "--charges", charges.toString(), "--format", "jsonl", "--rejects", rejects.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(org.approvalrules.cli.RecordRun.EXIT_REJECTS);
        java.util.List<JsonNode> lines = new java.util.ArrayList<>();
        for (String l : r.out().strip().split("\n")) {
            lines.add(DeadlineJson.MAPPER.readTree(l));
        }
        assertThat(lines).extracting(n -> n.get("id").asText()).containsExactly("C1", "C2", "C3", "C4");
        assertThat(lines.get(0).get("due").asText()).isEqualTo("300.00");
        assertThat(lines.get(0).get("charged").asText()).isEqualTo("300.00");
        assertThat(lines.get(0).get("findings")).isEmpty();
        assertThat(lines.get(0).get("itemChecked").asBoolean()).isFalse();
        assertThat(lines.get(1).get("findings").get(0).get("ruleId").asText()).isEqualTo("fee.over-standard");
        assertThat(lines.get(2).get("due").isNull()).isTrue();
        assertThat(lines.get(2).get("findings").get(0).get("ruleId").asText()).isEqualTo("fee.no-legal-basis");
        assertThat(lines.get(3).get("findings")).extracting(f -> f.get("ruleId").asText())
                .containsExactlyInAnyOrder("fee.exemption-not-granted", "fee.exemption-evidence-missing");
        java.util.List<String> rejected = java.nio.file.Files.readAllLines(rejects);
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(1)).as("read first").startsWith("7\t").contains("实收金额");
        assertThat(rejected.get(2)).as("then judged").startsWith("6\t").contains("no-such-fee");
        assertThat(r.err()).contains("未完成").contains("INCOMPLETE");
    }

    @Test
    void auditChecksCollectionWhenTheItemsAreInTheCentre(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path charges = dir.resolve("charges.csv");
        java.nio.file.Files.writeString(charges, """
                id,standard,date,charged,collected_through,place
                C1,id-card.renewal,2024-05-06,20,CASH_AT_WINDOW,
                C2,id-card.renewal,2024-05-06,20,DEPARTMENT,
                C3,id-card.renewal,2024-05-06,20,UNIFIED,中心窗口
                """, java.nio.charset.StandardCharsets.UTF_8);
        Run r = run("audit", "--charges", charges.toString(), "--in-centre-since", "2020-01-01", "--format", "text");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("C1  应收 / due 20.00").contains("fee.not-unified-collection")
                .contains("fee.charged-outside-centre").contains("C3  应收 / due 20.00  实收 / charged 20.00  符合标准 / as due")
                .contains("发现问题 / findings: 2");
        Run without = run("audit", "--charges", charges.toString(), "--format", "text");
        assertThat(without.out()).contains("未核查").doesNotContain("fee.not-unified-collection")
                .doesNotContain("fee.charged-outside-centre");
    }
}
