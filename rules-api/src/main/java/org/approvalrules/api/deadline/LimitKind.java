package org.approvalrules.api.deadline;

/** Which of a case's limits a {@link LimitResult} is about. */
public enum LimitKind {
    /** 法定办结时限. */
    STATUTORY,
    /** 承诺办结时限. */
    PROMISED
}
