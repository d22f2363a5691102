package org.approvalrules.core.supervise;

import java.nio.file.Path;
import org.approvalrules.core.report.HtmlReport;

/** The one call site of the HTML report: {@code report.html} from {@code summary.json} and {@code findings.jsonl}. */
final class ReportStage {

    private ReportStage() {
    }

    /** Writes {@code out/report.html} ({@link HtmlReport}); returns its path. */
    static Path write(Path summary, Path findings, Path out) {
        Path report = out.resolve("report.html");
        HtmlReport.write(summary, findings, report);
        return report;
    }
}
