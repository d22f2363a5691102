package org.approvalrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.item.ItemType;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.rules.CaseEvaluation;
import org.junit.jupiter.api.Test;

class EmbeddingSnippetTest {

    @Test
    void theReadmeShowsTheCompiledSnippet() throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/main/java/org/approvalrules/examples/EmbeddingSnippet.java"),
                StandardCharsets.UTF_8);
        List<String> snippet = source.subList(source.indexOf("        // README:begin") + 1, source.indexOf("        // README:end"))
                .stream().filter(l -> !l.contains("return e;")).map(l -> l.substring(8)).toList();
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(String.join("\n", snippet));
    }

    @Test
    void theSnippetEvaluatesACase() {
        String item = "11451031MB1234567X4000117004000";
        ServiceItem si = ServiceItem.builder(item, "不动产首次登记").basicCode("000117004000").department("某县自然资源局")
                .itemType(ItemType.CONFIRMATION).statutoryLimit(TimeLimit.workingDays(20))
                .promisedLimit(TimeLimit.workingDays(10)).noFee("测试").build();
        LocalDateTime accepted = LocalDateTime.parse("2024-09-27T10:30");
        ApprovalCase c = ApprovalCase.builder("451031-2024-000123").itemCode(item).locality(DivisionCode.parse("451031"))
                .applicant(ApplicantId.residentId("11010519491231002X")).applied(accepted.minusDays(1))
                .accepted(accepted, "某县政务服务中心", "张三", AcceptanceChannel.CENTRE_WINDOW).build();
        CaseEvaluation e = EmbeddingSnippet.evaluate(Path.of("packs"), c, si);
        assertThat(e.caseId()).isEqualTo("451031-2024-000123");
        assertThat(e.ruleSetVersion()).isNotBlank();
        assertThat(e.findings()).allSatisfy(f -> assertThat(f.subject()).isEqualTo("451031-2024-000123"));
    }
}
