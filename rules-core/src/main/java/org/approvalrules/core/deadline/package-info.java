/**
 * The deadline engine ({@link org.approvalrules.core.deadline.DeadlineEngine}): Administrative
 * Licensing Law Art. 32, 42, 44, 45, 82 and 民法典 Art. 201/203 counting on a working calendar, with
 * findings for late correction notices, late delivery and clock gaming, and a lazily built trace.
 */
package org.approvalrules.core.deadline;
