package org.approvalrules.cli.demo;

import java.io.PrintWriter;
import java.math.BigDecimal;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.money.Money;

/** The domain model: a masked applicant id, a check-character rejection, fees in exact fen. */
public final class DomainDemo implements DemoSection {

    @Override
    public String title() {
        return "领域模型 / domain model: 申请人证件与金额 / applicant ids and money";
    }

    @Override
    public void run(PrintWriter out) {
        ApplicantId company = ApplicantId.parse("91350100M000100Y43");
        out.println("   " + company.type().label() + ": " + company + " (打印时脱敏 / masked when printed)");
        String typo = "91350100M000100Y44";
        try {
            ApplicantId.parse(typo);
            out.println("   未发现错误 / not rejected: " + ApplicantId.mask(typo));
        } catch (InvalidValueException e) {
            out.println("   校验码拒绝 / check character rejects a typo: " + e.getMessage());
        }
        Money residential = Money.of("80.00");
        Money extraCertificates = Money.yuan(10).times(2);
        Money total = residential.plus(extraCertificates);
        out.println("   不动产登记费 80.00 + 工本费 10.00 × 2 = " + total + " 元 / yuan");
        out.println("   0.10 + 0.20 = " + Money.of("0.10").plus(Money.of("0.20")) + " (BigDecimal, 无浮点 / no floating point); "
                + "0.05 × 0.5 = " + Money.of("0.05").multiply(new BigDecimal("0.5")) + " (四舍五入 / half up)");
    }
}
