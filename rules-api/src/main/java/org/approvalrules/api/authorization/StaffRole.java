package org.approvalrules.api.authorization;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.Labelled;

/** A person's role at a window in the centre (staff.csv {@code role} 角色). */
public enum StaffRole implements Labelled {
    /** 首席代表: the department's chief representative at the centre. */
    CHIEF_REPRESENTATIVE("首席代表", "chief representative"),
    /** 窗口人员: window staff. */
    WINDOW("窗口人员", "window staff"),
    /** 后台: back-office staff of the window. */
    BACK_OFFICE("后台", "back office");

    private final BilingualText label;

    StaffRole(String zh, String en) {
        this.label = BilingualText.of(zh, en);
    }

    @Override
    public BilingualText label() {
        return label;
    }
}
