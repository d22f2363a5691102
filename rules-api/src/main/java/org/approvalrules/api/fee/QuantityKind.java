package org.approvalrules.api.fee;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/** What a fee component counts: pieces (件), certificates (本), requests in a month, pages. */
public enum QuantityKind implements Labelled {
    /** 件: registrations, permits, cards; one unless said otherwise. */
    PIECES("件", "pieces"),
    /** 本: certificates issued (不动产权属证书), of which the first may be free. */
    CERTIFICATES("本", "certificates"),
    /** 件/月: requests by the same applicant in one calendar month, this one included (按件计收). */
    REQUESTS_IN_MONTH("当月申请件数", "requests in the month"),
    /** 页: pages of information provided for one request (按量计收). */
    PAGES("页", "pages");

    private final BilingualText label;

    QuantityKind(String zh, String en) {
        this.label = BilingualText.of(zh, en);
    }

    @Override
    public BilingualText label() {
        return label;
    }
}
