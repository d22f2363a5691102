/**
 * The supervision report: {@link org.approvalrules.core.report.HtmlReport} turns a run's {@code summary.json}
 * and {@code findings.jsonl} into one self-contained {@code report.html} (inline CSS, script and SVG charts;
 * docs/REPORT.md).
 */
package org.approvalrules.core.report;
