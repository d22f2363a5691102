package org.approvalrules.core.supervise;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one call site of the HTML report: {@code report.html} from {@code summary.json} and {@code findings.jsonl}.
 * The report writer ({@code org.approvalrules.core.report.HtmlReport.write(Path, Path, Path)}) is delivered by
 * another branch; until it is merged it is looked up here and, when absent, no report is written (the run says so).
 * LEAD: after merging the report branch, replace the lookup with a direct call.
 */
final class ReportStage {
    static final String REPORT_CLASS = "org.approvalrules.core.report.HtmlReport";

    private ReportStage() {
    }

    /** Writes {@code out/report.html} when the report writer is present; returns its path, else empty. */
    static Optional<Path> write(Path summary, Path findings, Path out) {
        Method write;
        try {
            write = Class.forName(REPORT_CLASS).getMethod("write", Path.class, Path.class, Path.class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return Optional.empty();
        }
        Path report = out.resolve("report.html");
        try {
            write.invoke(null, summary, findings, report);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        return Optional.of(report);
    }
}
