/**
 * Deadline inputs: time limits and their units, special procedures (特别程序) that stop the clock, and
 * extensions (延长审批).
 */
package org.approvalrules.api.deadline;
