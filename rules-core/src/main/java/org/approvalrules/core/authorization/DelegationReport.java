package org.approvalrules.core.authorization;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.core.kpi.Ratio;

/**
 * Delegation rates per department and power on one date, and the findings against the targets in
 * force that day. Immutable.
 *
 * @param on the date assessed (authorizations and targets in force that day)
 * @param rates by department (sorted), by power: items with the power delegated / items of the department in the centre
 * @param findings {@value AuthorizationChecker#RATE_BELOW_TARGET} findings
 */
public record DelegationReport(LocalDate on, Map<String, Map<Power, Ratio>> rates, List<Finding> findings) {
    public DelegationReport {
        TreeMap<String, Map<Power, Ratio>> m = new TreeMap<>();
        rates.forEach((d, r) -> m.put(d, Collections.unmodifiableMap(new java.util.EnumMap<>(r))));
        rates = Collections.unmodifiableMap(m);
        findings = List.copyOf(findings);
    }
}
