package org.approvalrules.api.fee;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/** What the applicant has on file to claim an exemption (减免凭证). */
public enum ExemptionEvidence implements Labelled {
    /** 书面承诺: a signed pledge that the applicant qualifies (证明事项告知承诺制). */
    WRITTEN_PLEDGE("书面承诺", "written pledge"),
    /** 证明材料: documents proving the status (e.g. small or micro enterprise). */
    SUPPORTING_DOCUMENTS("证明材料", "supporting documents"),
    /** 营业执照: the business licence, shown by an individual business. */
    BUSINESS_LICENCE("营业执照", "business licence"),
    /** 低保证: the minimum-income certificate. */
    MINIMUM_INCOME_CERTIFICATE("最低生活保障证明", "minimum-income certificate");

    private final BilingualText label;

    ExemptionEvidence(String zh, String en) {
        this.label = BilingualText.of(zh, en);
    }

    @Override
    public BilingualText label() {
        return label;
    }
}
