package org.approvalrules.core.authorization;

import java.time.LocalDate;
import java.util.List;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.core.kpi.Ratio;

/**
 * How a department's window was staffed on the working days of a period. Immutable.
 *
 * @param department 进驻部门
 * @param from first day of the period
 * @param to last day of the period
 * @param workingDays the working days of the period on the locality's calendar (including 调休 working weekends)
 * @param closed working days the window was closed
 * @param halfDay working days the window was open only a half-day
 * @param unknown working days before the schedule's first pattern (not judged)
 * @param findings the {@value AuthorizationChecker#WINDOW_NOT_OPEN} finding, if any
 */
public record WindowOpening(String department, LocalDate from, LocalDate to, int workingDays, List<LocalDate> closed,
        List<LocalDate> halfDay, List<LocalDate> unknown, List<Finding> findings) {
    public WindowOpening {
        closed = List.copyOf(closed);
        halfDay = List.copyOf(halfDay);
        unknown = List.copyOf(unknown);
        findings = List.copyOf(findings);
    }

    /** Working days staffed all day / working days judged (working days with a known schedule). */
    public Ratio fullyStaffed() {
        int judged = workingDays - unknown.size();
        return new Ratio(judged - closed.size() - halfDay.size(), judged);
    }
}
