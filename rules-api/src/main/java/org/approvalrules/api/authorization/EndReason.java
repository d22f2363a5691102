package org.approvalrules.api.authorization;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/** Why a person's spell at a window ended (staff.csv {@code end_reason} 离岗原因). */
public enum EndReason implements Labelled {
    /** 轮岗: rotated out (judged against the minimum tenure). */
    ROTATED("轮岗", "rotated"),
    /** 召回: recalled to the department during the term (准入准出). */
    RECALLED("召回", "recalled"),
    /** 任期届满: the term ended. */
    TERM_ENDED("任期届满", "term ended"),
    /** 离职: left the service (resigned, retired, transferred away). */
    LEFT_SERVICE("离职", "left the service"),
    /** 其他: another reason. */
    OTHER("其他", "other");

    private final BilingualText label;

    EndReason(String zh, String en) {
        this.label = BilingualText.of(zh, en);
    }

    @Override
    public BilingualText label() {
        return label;
    }
}
