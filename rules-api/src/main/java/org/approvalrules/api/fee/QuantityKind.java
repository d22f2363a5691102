package org.approvalrules.api.fee;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/**
 * What a fee component counts: pieces (件), certificates (本), requests (件, counted per applicant per calendar
 * month), pages.
 */
public enum QuantityKind implements Labelled {
    /** 件: registrations, permits, cards; one unless said otherwise. */
    PIECES("件", "pieces"),
    /** 本: certificates issued (不动产权属证书), of which the first may be free. */
    CERTIFICATES("本", "certificates"),
    /**
     * 件（按件计收）: the requests of this application (normally 1). The standard's bands count them per applicant
     * per calendar month: the units of this application are those after {@link FeeRequest#priorInMonth()}, the
     * requests the same applicant already made that month (国办函〔2020〕109号 第四条).
     */
    REQUESTS("申请件数", "requests"),
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
