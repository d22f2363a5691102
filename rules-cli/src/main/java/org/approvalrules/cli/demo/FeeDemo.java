package org.approvalrules.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.FeeCharge;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.ExemptionEvidence;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.QuantityKind;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.money.Money;

/** Fee rules on the bundled national parameters: real standards, an exemption by date, a finding. */
public final class FeeDemo implements DemoSection {

    @Override
    public String title() {
        return "收费规则 / fee rules: 标准、减免、核查 / standards, exemptions, checks";
    }

    @Override
    public void run(PrintWriter out) {
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            ApprovalRules.Locality calc = rules.locality(DivisionCode.NATIONAL);
            LocalDate day = LocalDate.of(2024, 5, 6);
            show(out, calc.quoteFee(FeeRequest.of("real-estate.residential", Map.of(QuantityKind.CERTIFICATES, 3), day)));
            out.println("   同一申请人当月第41件申请 / the applicant's 41st request of the month:");
            show(out, calc.quoteFee(FeeRequest.of("gov-info.per-request", Map.of(QuantityKind.REQUESTS, 1), day).afterPriorInMonth(40)));
            show(out, calc.quoteFee(FeeRequest.of("gov-info.per-page", Map.of(QuantityKind.PAGES, 201), day)));
            FeeRequest shop = FeeRequest.of("real-estate.non-residential", Map.of(QuantityKind.CERTIFICATES, 1),
                    LocalDate.of(2020, 12, 31)).by(ApplicantCategory.SMALL_MICRO_ENTERPRISE, ExemptionEvidence.WRITTEN_PLEDGE);
            out.println("   小微企业凭书面承诺 / small enterprise with a written pledge: 应缴 / due " + calc.quoteFee(shop).due()
                    + "（财税〔2016〕79号）；承诺可作凭证 / the pledge counts as evidence: 2020-12-31 "
                    + (calc.quoteFee(shop).evidenceMissing() ? "否 / no" : "是 / yes") + "，2021-01-01 "
                    + (calc.quoteFee(shop.on(LocalDate.of(2021, 1, 1))).evidenceMissing() ? "否 / no" : "是 / yes") + "（告知承诺制）");
            ServiceItem item = ServiceItem.builder("11450000MB0000000A0001", "不动产登记").basicCode("000000000001")
                    .department("县自然资源局").statutoryLimit(TimeLimit.workingDays(30)).promisedLimit(TimeLimit.workingDays(5))
                    .fee("发改价格规〔2016〕2559号").inCentreSince(LocalDate.of(2018, 1, 1)).build();
            FeeRequest home = FeeRequest.of("real-estate.residential", Map.of(QuantityKind.CERTIFICATES, 3), day);
            for (Finding f : calc.checkFees(List.of(new FeeCheck("2024050600017", item, FeeCharge.of(home.standardId(),
                    Money.yuan(110)), home, AcceptanceChannel.DEPARTMENT)))) {
                out.println("   [" + f.severity() + "] " + f.ruleId() + " " + f.subject() + ": " + f.message().zh());
                out.println("       " + f.message().en() + "（" + f.legalReference() + "）");
            }
        }
    }

    private static void show(PrintWriter out, FeeAssessment a) {
        out.println("   " + a.standard().name().zh() + "（" + a.standard().legalBasis() + "）应缴 / due " + a.due() + " 元");
        a.lines().stream().filter(l -> l.rate().isPositive()).forEach(l -> out.println("       " + l.description().zh()
                + " = " + l.amount()));
    }
}
