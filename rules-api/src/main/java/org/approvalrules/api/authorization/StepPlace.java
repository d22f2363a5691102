package org.approvalrules.api.authorization;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/** Where a case step was performed (steps.csv {@code place} 地点). */
public enum StepPlace implements Labelled {
    /** 窗口: at a window in the centre. */
    WINDOW("窗口", "window"),
    /** 部门: back at the department (回局). */
    DEPARTMENT("部门", "department"),
    /** 网上: online. */
    ONLINE("网上", "online");

    private final BilingualText label;

    StepPlace(String zh, String en) {
        this.label = BilingualText.of(zh, en);
    }

    @Override
    public BilingualText label() {
        return label;
    }
}
