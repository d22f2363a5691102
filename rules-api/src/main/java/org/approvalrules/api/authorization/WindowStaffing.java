package org.approvalrules.api.authorization;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;

/** How a department's window is staffed on one day (对外办公): all day, a half-day, or closed. */
public enum WindowStaffing implements Labelled {
    /** 全天: open all office hours. */
    FULL_DAY("全天", "full day"),
    /** 上午: mornings only. */
    MORNING("上午", "morning only"),
    /** 下午: afternoons only. */
    AFTERNOON("下午", "afternoon only"),
    /** 不开放: closed. */
    CLOSED("不开放", "closed");

    private final BilingualText label;

    WindowStaffing(String zh, String en) {
        this.label = BilingualText.of(zh, en);
    }

    @Override
    public BilingualText label() {
        return label;
    }

    /** Whether the window is open for only part of the day. */
    public boolean isHalfDay() {
        return this == MORNING || this == AFTERNOON;
    }

    /** Parses the constant name (any case) or the Chinese name (全天, 上午, 下午, 不开放; also 关闭, 休息). */
    public static WindowStaffing parse(String text) {
        InvalidValueException.requireNonNull(text, "staffing");
        String s = text.strip();
        for (WindowStaffing w : values()) {
            if (w.name().equalsIgnoreCase(s) || w.chineseName().equals(s)) {
                return w;
            }
        }
        if (s.equals("关闭") || s.equals("休息")) {
            return CLOSED;
        }
        throw new InvalidValueException("staffing", text,
                "应为 全天、上午、下午、不开放（或 FULL_DAY、MORNING、AFTERNOON、CLOSED）/ expected 全天, 上午, 下午, 不开放 "
                        + "(or FULL_DAY, MORNING, AFTERNOON, CLOSED)");
    }
}
