/**
 * The deadline property suite ({@link org.approvalrules.testkit.deadline.DeadlinePropertySuite}) any
 * embedder can run against its own calendar and calculator, and the naive day-by-day reference model
 * it compares against ({@link org.approvalrules.testkit.deadline.NaiveDeadlineModel}).
 */
package org.approvalrules.testkit.deadline;
