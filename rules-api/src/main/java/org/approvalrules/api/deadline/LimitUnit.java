package org.approvalrules.api.deadline;

/**
 * The unit of a time limit (办结时限单位). The unit belongs to the item's time limit, never to the
 * engine: the Administrative Licensing Law counts working days, other laws count calendar days.
 */
public enum LimitUnit {
    /** 工作日 (old exchange code G): only the locality's working days count. */
    WORKING_DAYS,
    /** 自然日 (old exchange code Z): every day counts; a period ending on a non-working day ends on the next working day. */
    CALENDAR_DAYS,
    /** 即办: done at the end of business on the acceptance day. */
    IMMEDIATE
}
