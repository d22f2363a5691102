/**
 * Deadline API (办结期限): the inputs ({@link org.approvalrules.api.deadline.DeadlineInput},
 * {@link org.approvalrules.api.deadline.TimeLimit}, {@link org.approvalrules.api.deadline.SpecialProcedure},
 * {@link org.approvalrules.api.deadline.Extension}), the locality's parameters
 * ({@link org.approvalrules.api.deadline.DeadlinePolicy}), the result with status and explanation
 * ({@link org.approvalrules.api.deadline.DeadlineResult}, {@link org.approvalrules.api.deadline.DeadlineTrace})
 * and the calculator interface ({@link org.approvalrules.api.deadline.DeadlineCalculator}); the
 * implementation is {@code org.approvalrules.core.deadline.DeadlineEngine}.
 */
package org.approvalrules.api.deadline;
