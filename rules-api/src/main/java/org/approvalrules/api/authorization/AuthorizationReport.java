package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.finding.Finding;

/**
 * The window authorization checks of one period: the facts the engine computed (delegation rates and
 * chief representatives on the period's last day, window opening over the period) and the findings the
 * locality's rules made of them. Immutable.
 *
 * @param from first day of the period
 * @param to last day of the period: rates and chief representatives are assessed on it
 * @param rates delegation rates by department (sorted), then power
 * @param chiefs the chief representative of every department with items in the centre (empty when not judged)
 * @param opening window opening per department with a schedule
 * @param findings the findings of every rule over these facts, in rule order per fact
 */
public record AuthorizationReport(LocalDate from, LocalDate to, List<DelegationRateFact> rates,
        List<ChiefRepresentativeFact> chiefs, List<WindowOpeningFact> opening, List<Finding> findings) {

    public AuthorizationReport {
        InvalidValueException.requireNonNull(from, "report.from");
        InvalidValueException.requireNonNull(to, "report.to");
        rates = List.copyOf(InvalidValueException.requireNonNull(rates, "report.rates"));
        chiefs = List.copyOf(InvalidValueException.requireNonNull(chiefs, "report.chiefs"));
        opening = List.copyOf(InvalidValueException.requireNonNull(opening, "report.opening"));
        findings = List.copyOf(InvalidValueException.requireNonNull(findings, "report.findings"));
    }
}
