package org.approvalrules.api.deadline;

/** Which rule fixed the day from which counting starts (the day after it is day 1, 次日起算). */
public enum StartRule {
    /** Accepted during office hours on a working day: counting from the next day. */
    ACCEPTED_IN_OFFICE_HOURS,
    /** Accepted before office hours on a working day: treated as accepted at opening that day. */
    BEFORE_OFFICE_HOURS_SAME_DAY,
    /** Accepted after office hours: treated as accepted on the next working day (policy). */
    AFTER_HOURS_NEXT_WORKING_DAY,
    /** Accepted on a non-working day: treated as accepted on the next working day (policy). */
    NON_WORKING_DAY_NEXT_WORKING_DAY,
    /** The after-hours policy is off: the acceptance date itself, whatever the hour. */
    ACCEPTANCE_DATE_AS_IS,
    /** Art. 32: the correction notice came too late, so the case counts as accepted at receipt of materials. */
    ART32_ACCEPTED_AT_RECEIPT,
    /** Correction with the RESTART policy: counting restarts from the day the corrected materials arrived. */
    CORRECTION_RESTART
}
