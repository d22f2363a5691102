package org.approvalrules.api.deadline;

/**
 * What a correction (补正) after acceptance does to the clock — a locality parameter
 * (DOMAIN.md §3: many local rules restart rather than pause).
 */
public enum CorrectionPolicy {
    /** The correction interval stops the clock like a special procedure: [notice day, corrected-materials day). */
    PAUSE,
    /** Counting restarts from the day after the corrected materials arrive (次日起算 again), with the full limit. */
    RESTART
}
