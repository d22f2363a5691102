/**
 * Deadline KPIs over sets of evaluated cases ({@link org.approvalrules.core.kpi.DeadlineKpis}), each a
 * {@link org.approvalrules.core.kpi.Ratio} with numerator and denominator.
 */
package org.approvalrules.core.kpi;
