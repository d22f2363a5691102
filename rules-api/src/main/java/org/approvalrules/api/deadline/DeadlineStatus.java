package org.approvalrules.api.deadline;

/** Status of one time limit (or of the whole case) as of an evaluation instant. */
public enum DeadlineStatus {
    /** 正常: running, not near the due date. */
    ON_TRACK,
    /** 黄牌预警: running and near the due date by the locality's thresholds. */
    YELLOW,
    /** 红牌: past the due instant and not completed. */
    RED,
    /** 暂停: an open special procedure or correction stops the clock as of the evaluation date. */
    PAUSED,
    /** 按时办结: completed at or before the due instant. */
    COMPLETED_ON_TIME,
    /** 超期办结: completed after the due instant. */
    COMPLETED_LATE;

    /** Whether the case was completed (on time or late). */
    public boolean isCompleted() {
        return this == COMPLETED_ON_TIME || this == COMPLETED_LATE;
    }
}
