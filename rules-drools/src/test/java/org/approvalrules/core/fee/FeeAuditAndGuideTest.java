package org.approvalrules.core.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.ChargeRecord;
import org.approvalrules.api.fee.CollectionMethod;
import org.approvalrules.api.fee.ExemptionEvidence;
import org.approvalrules.api.fee.FeeAuditLine;
import org.approvalrules.api.fee.ServiceGuide;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.money.Money;
import org.approvalrules.core.records.Reject;
import org.approvalrules.core.records.Rejects;
import org.approvalrules.core.rules.FactJudge;
import org.approvalrules.drools.TestJudges;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fee-register audit (charges.csv) and the 八公开 check of service guides, with the national rules. */
class FeeAuditAndGuideTest {
    static final LocalDate D = LocalDate.of(2024, 5, 6);
    static final FactJudge RULES = TestJudges.national();
    static FeeAuditor auditor;

    static final ServiceItem IN_CENTRE = ServiceItem.builder("11450000MB0000000A0001", "不动产登记").basicCode("000000000001")
            .department("D01").statutoryLimit(TimeLimit.workingDays(30)).promisedLimit(TimeLimit.workingDays(5))
            .fee("发改价格规〔2016〕2559号").inCentreSince(LocalDate.of(2018, 1, 1)).build();

    @BeforeAll
    static void load(@TempDir Path dir) {
        auditor = new FeeAuditor(FeePacks.national(dir), RULES);
    }

    static ChargeRecord charge(String id, String caseNumber, String standard, Integer quantity, int prior, String charged) {
        return new ChargeRecord(id, 0, Optional.ofNullable(caseNumber), standard, D, Optional.ofNullable(quantity), prior,
                ApplicantCategory.INDIVIDUAL, java.util.Set.of(), Money.of(charged), Optional.of(CollectionMethod.UNIFIED),
                Optional.empty());
    }

    static List<String> ids(FeeAuditLine l) {
        return l.findings().stream().map(Finding::ruleId).toList();
    }

    @Test
    void eachChargeIsAssessedOnItsOwnWithItsFindingsInOrder() {
        List<FeeAuditLine> lines = auditor.audit(List.of(
                charge("C1", "K1", "gov-info.per-request", 1, 40, "300"),
                charge("C2", "K2", "gov-info.per-request", null, 40, "4300"),
                charge("C3", "K3", "real-estate.residential", 3, 0, "100"),
                charge("C4", "K4", "no-such-fee", null, 0, "10"),
                charge("C5", "K5", "id-card.renewal", null, 3, "20")), c -> Optional.empty());
        assertThat(lines).extracting(l -> l.charge().id()).containsExactly("C1", "C2", "C3", "C4", "C5");
        assertThat(lines.get(0).due()).contains(Money.yuan(300));
        assertThat(lines.get(0).findings()).isEmpty();
        assertThat(lines.get(0).itemChecked()).isFalse();
        assertThat(lines.get(1).due()).as("no quantity: one request").contains(Money.yuan(300));
        assertThat(ids(lines.get(1))).containsExactly("fee.over-standard");
        assertThat(lines.get(2).due()).contains(Money.yuan(100));
        assertThat(lines.get(3).rejected()).hasValueSatisfying(r -> assertThat(r.zh()).contains("未知收费标准 no-such-fee"));
        assertThat(lines.get(4).rejected()).as("prior requests for a standard not counted per month")
                .hasValueSatisfying(r -> assertThat(r.zh()).contains("request.priorInMonth"));
    }

    @Test
    void oneCasesChargesAreTakenTogether() {
        List<FeeAuditLine> lines = auditor.audit(List.of(
                charge("C1", "K1", "gov-info.per-request", 11, 0, "100"),
                charge("C2", "K1", "gov-info.per-page", 31, 0, "10"),
                charge("C3", "K2", "gov-info.per-page", 31, 0, "10")), c -> Optional.empty());
        assertThat(ids(lines.get(0))).isEmpty();
        assertThat(ids(lines.get(1))).containsExactly("fee.over-standard");
        assertThat(ids(lines.get(2))).as("another case").isEmpty();
    }

    @Test
    void itemChecksOnlyWhenTheItemIsKnown() {
        ChargeRecord cash = new ChargeRecord("C1", 2, Optional.of("K1"), "real-estate.residential", D, Optional.of(1), 0,
                ApplicantCategory.INDIVIDUAL, java.util.Set.of(), Money.yuan(80), Optional.of(CollectionMethod.CASH_AT_WINDOW),
                Optional.empty());
        ChargeRecord atDepartment = new ChargeRecord("C2", 3, Optional.of("K2"), "real-estate.residential", D, Optional.of(1),
                0, ApplicantCategory.INDIVIDUAL, java.util.Set.of(), Money.yuan(80), Optional.of(CollectionMethod.UNIFIED),
                Optional.of(AcceptanceChannel.DEPARTMENT));
        List<FeeAuditLine> known = auditor.audit(List.of(cash, atDepartment), c -> Optional.of(IN_CENTRE));
        assertThat(ids(known.get(0))).containsExactly("fee.not-unified-collection");
        assertThat(ids(known.get(1))).containsExactly("fee.charged-outside-centre");
        assertThat(known).allSatisfy(l -> assertThat(l.itemChecked()).isTrue());
        List<FeeAuditLine> unknown = auditor.audit(List.of(cash, atDepartment), c -> Optional.empty());
        assertThat(unknown).allSatisfy(l -> {
            assertThat(l.findings()).isEmpty();
            assertThat(l.itemChecked()).isFalse();
        });
    }

    @Test
    void theChargesReaderTakesChineseHeadersAndRejectsBadLinesWithLineFieldAndReason(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("charges.csv");
        Files.writeString(f, """
                收费编号,办件编号,收费标准,日期,数量,当月已申请,申请人类别,减免证明,实收金额,收费方式,收费地点,备注
                C1,K1,real-estate.residential,2024/5/6,3,,小微企业,书面承诺;营业执照,0.00,统一收费,中心窗口,x
                C2,K2,real-estate.residential,2024-05-06,3,,,,80.005,,,
                C3,K3,real-estate.residential,2024-05-06,3,,,,-1,,,
                C4,K4,real-estate.residential,2024-02-30,3,,,,80,,,
                C5,K5,real-estate.residential,2024-05-06,many,,,,80,,,
                C6,K6,real-estate.residential,2024-05-06,3,,ROBOT,,80,,,
                C1,K7,real-estate.residential,2024-05-06,3,,,,80,,,
                C8,K8,real-estate.residential,2024-05-06,3,,,PLEDGE,80,,,
                C9,K9,real-estate.residential,2024-05-06,3,,,,80,BANK,,
                """, StandardCharsets.UTF_8);
        List<ChargeRecord> read = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        long n = ChargesReader.read(f, "charges.csv", read::add, Rejects.continuing(rejects::add));
        assertThat(n).isEqualTo(1);
        ChargeRecord c = read.get(0);
        assertThat(c.line()).isEqualTo(2);
        assertThat(c.date()).isEqualTo(D);
        assertThat(c.applicant()).isEqualTo(ApplicantCategory.SMALL_MICRO_ENTERPRISE);
        assertThat(c.evidence()).containsExactlyInAnyOrder(ExemptionEvidence.WRITTEN_PLEDGE, ExemptionEvidence.BUSINESS_LICENCE);
        assertThat(c.place()).contains(AcceptanceChannel.CENTRE_WINDOW);
        assertThat(c.collectedThrough()).contains(CollectionMethod.UNIFIED);
        assertThat(rejects).extracting(Reject::line).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(rejects.get(0).field()).contains("实收金额");
        assertThat(rejects.get(1).reason()).contains("不能为负");
        assertThat(rejects.get(2).field()).contains("日期");
        assertThat(rejects.get(3).field()).contains("数量");
        assertThat(rejects.get(4).reason()).contains("SMALL_MICRO_ENTERPRISE 小微企业");
        assertThat(rejects.get(5).reason()).contains("第 2 行");
        assertThat(rejects.get(6).field()).contains("减免证明");
        assertThat(rejects.get(7).field()).contains("收费方式");
        assertThatThrownBy(() -> ChargesReader.readAll(f)).isInstanceOf(DataFormatException.class).hasMessageContaining("80.005");
    }

    @Test
    void theChargesReaderAcceptsJsonLinesWithTheEnglishNames(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("charges.jsonl");
        Files.writeString(f, """
                {"id": "C1", "standard": "gov-info.per-request", "date": "2024-05-06", "quantity": 1, "prior_in_month": 40, "charged": "300", "evidence": ["WRITTEN_PLEDGE"]}

                [1, 2]
                {"id": "C3", "standard": "gov-info.per-request", "date": "2024-05-06", "charged": 12.345}
                """, StandardCharsets.UTF_8);
        List<ChargeRecord> read = new ArrayList<>();
        List<Reject> rejects = new ArrayList<>();
        ChargesReader.read(f, "charges.jsonl", read::add, Rejects.continuing(rejects::add));
        assertThat(read).singleElement().satisfies(c -> {
            assertThat(c.priorInMonth()).isEqualTo(40);
            assertThat(c.charged()).isEqualTo(Money.yuan(300));
            assertThat(c.evidence()).containsExactly(ExemptionEvidence.WRITTEN_PLEDGE);
        });
        assertThat(rejects).extracting(Reject::line).containsExactly(3, 4);
        assertThat(rejects.get(0).reason()).contains("不是 JSON 对象");
    }

    @Test
    void aGuideMissingAnyOfTheEightFieldsIsReportedFieldByField() {
        ServiceGuide complete = new ServiceGuide("A1", "D01", true, "不动产登记", "不动产登记暂行条例", "权属清楚", "申请书等",
                "受理、审核、登簿", "5个工作日", "发改价格规〔2016〕2559号", "80元/件");
        ServiceGuide free = new ServiceGuide("A2", "D02", false, "公共场所卫生许可", "公共场所卫生管理条例", "条件", "材料", "流程",
                "20个工作日", "", " ");
        ServiceGuide gaps = new ServiceGuide("A3", "D01", true, "食品经营许可", " ", "条件", null, "流程", "20个工作日", "", "");
        List<Finding> f = RULES.judge(List.of(GuideChecker.fact(complete, D), GuideChecker.fact(free, D),
                GuideChecker.fact(gaps, D)));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("fee.guide-incomplete");
            assertThat(x.subject()).isEqualTo("A3");
            assertThat(x.message().zh()).isEqualTo("事项A3的办事指南未公开：设定依据、申请材料目录、收费依据、收费标准");
            assertThat(x.message().en()).contains("legal basis, list of materials, fee basis, fee standard");
            assertThat(x.legalReference()).startsWith("行政许可法第三十条");
        });
    }

    @Test
    void aCatalogueWithoutTheGuideColumnsIsNotCheckedRatherThanAllIncomplete(@TempDir Path dir) throws Exception {
        Path bare = dir.resolve("items.csv");
        Files.writeString(bare, "item_code,item_name,department\nA1,不动产登记,D01\n", StandardCharsets.UTF_8);
        GuideReader.Result r = GuideReader.read(bare, "items.csv", Rejects.strict());
        assertThat(r.checkable()).isFalse();
        assertThat(r.guides()).isEmpty();
        assertThat(r.absentColumns()).hasSize(7);
        Path full = dir.resolve("items-full.csv");
        Files.writeString(full, """
                实施编码,事项名称,部门编码,收费标准,设定依据,受理条件,申请材料目录,办理流程,办理时限说明,收费依据,收费标准说明
                A1,不动产登记,D01,real-estate.residential,条例,条件,材料,流程,5个工作日,,
                A2,公共场所卫生许可,D02,,条例,条件,材料,流程,20个工作日,,
                """, StandardCharsets.UTF_8);
        GuideReader.Result g = GuideReader.read(full, "items-full.csv", Rejects.strict());
        assertThat(g.checkable()).isTrue();
        assertThat(g.guides()).extracting(ServiceGuide::charges).containsExactly(true, false);
        assertThat(RULES.judge(g.guides().stream().map(x -> GuideChecker.fact(x, D)).toList()))
                .extracting(Finding::subject).containsExactly("A1");
    }
}
