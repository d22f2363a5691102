package org.approvalrules.api.cases;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/**
 * Where a case was accepted. Two-end intake (两头受理) and off-book handling (体外循环) are detected
 * from this: an in-centre item accepted through {@link #DEPARTMENT} is suspect, while an approved
 * {@link #BRANCH_CENTRE} or {@link #ONLINE} channel is not two-end intake.
 */
public enum AcceptanceChannel implements Labelled {
    /** 中心窗口: the department's window in the government service centre. */
    CENTRE_WINDOW("中心窗口", "centre window"),
    /** 分中心: an approved satellite intake point (e.g. police, social security). */
    BRANCH_CENTRE("分中心", "branch centre"),
    /** 部门: the department's own office, outside the centre. */
    DEPARTMENT("部门", "department office"),
    /** 网上: an approved online channel (电脑端 / 移动端). */
    ONLINE("网上", "online");

    private final BilingualText label;

    AcceptanceChannel(String chineseName, String englishName) {
        this.label = BilingualText.of(chineseName, englishName);
    }

    @Override
    public BilingualText label() {
        return label;
    }
}
