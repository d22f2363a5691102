package org.approvalrules.core.authorization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.finding.Finding;

/**
 * The result of {@link AuthorizationChecker#check}: delegation rates and chief representatives on the
 * last day of the period, window opening over the period. Immutable.
 *
 * @param from first day of the period
 * @param to last day of the period (the date rates and chief representatives are assessed on)
 * @param delegation rates and their findings
 * @param chiefFindings chief representative findings
 * @param opening window opening per scheduled department
 */
public record AuthorizationReport(LocalDate from, LocalDate to, DelegationReport delegation, List<Finding> chiefFindings,
        List<WindowOpening> opening) {
    public AuthorizationReport {
        chiefFindings = List.copyOf(chiefFindings);
        opening = List.copyOf(opening);
    }

    /** Every finding: rates, chief representatives, window opening, in that order. */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>(delegation.findings());
        out.addAll(chiefFindings);
        opening.forEach(o -> out.addAll(o.findings()));
        return List.copyOf(out);
    }
}
