package org.approvalrules.api.deadline;

/** Why a case is {@link DeadlineStatus#RED}: past the promised date only, or past the statutory one too. */
public enum RedReason {
    /** 超过承诺时限 (still within the statutory limit). */
    PAST_PROMISED,
    /** 超过法定时限 (行政许可法第四十二条). */
    PAST_STATUTORY
}
