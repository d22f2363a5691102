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
        assertThat(before.out()).contains("应缴 / due 550.00");
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
        assertThat(n.get("parameters").get("fee.gov-info.per-request.processing.bands").asText()).contains("31-:200+100/10");
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
        Run money = run("--standard", "id-card.first-issue", "--charged", "20.005");
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
}
