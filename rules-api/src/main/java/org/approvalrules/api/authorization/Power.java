package org.approvalrules.api.authorization;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/**
 * The seven powers a department delegates to its window in the government service centre, per
 * service item (窗口授权). A case step records which power was exercised, so the authorization rules
 * can tell a properly delegated decision from one signed back at the department (回局签批).
 */
public enum Power implements Labelled {
    /** 受理权: accepting an application. */
    ACCEPTANCE("受理权", "acceptance"),
    /** 审核权: reviewing the materials. */
    REVIEW("审核权", "review"),
    /** 审批权: deciding to approve or refuse. */
    APPROVAL("审批权", "approval"),
    /** 协调处置权: coordinating with other departments and handling problems. */
    COORDINATION("协调处置权", "coordination"),
    /** 制证权: producing the licence or certificate. */
    CERTIFICATION("制证权", "certification"),
    /** 办理结果送达权: delivering the result to the applicant. */
    DELIVERY("办理结果送达权", "delivery of results"),
    /** 应诉代理权: acting for the department in litigation about the item. */
    LITIGATION("应诉代理权", "litigation agency");

    private final BilingualText label;

    Power(String chineseName, String englishName) {
        this.label = BilingualText.of(chineseName, englishName);
    }

    @Override
    public BilingualText label() {
        return label;
    }
}
