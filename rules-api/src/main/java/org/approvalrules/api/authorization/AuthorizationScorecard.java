package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.finding.Finding;

/**
 * The window authorization of a locality measured from its records as of a day
 * ({@code ApprovalRules.Locality#authorizationReport}): delegation rates per department and power and for
 * the locality, the departments with no item in the centre (reported as such, never as 0 % or 100 %), the
 * locality's scorecard, what was not checked for want of a file, and the findings of the locality's rules.
 * Immutable.
 *
 * @param asOf the assessed day: catalogue, delegations, staff and targets in force that day
 * @param from first day of the period measured for opening and rosters
 * @param rates per department (sorted) then power, followed by the locality lines ({@link PowerRate#LOCALITY})
 * @param departmentsWithoutItems departments known from the catalogue, staff or rosters with no item in the
 *     centre on {@code asOf}, sorted
 * @param scorecard the lines of the {@code authorization.scorecard} parameter in force (empty when none)
 * @param notChecked the parts not given (their checks were not made)
 * @param findings the findings of every rule over the facts computed
 */
public record AuthorizationScorecard(LocalDate asOf, LocalDate from, List<PowerRate> rates,
        List<String> departmentsWithoutItems, List<ScorecardLine> scorecard, Set<AuthorizationData.Part> notChecked,
        List<Finding> findings) {

    public AuthorizationScorecard {
        InvalidValueException.requireNonNull(asOf, "scorecard.asOf");
        InvalidValueException.requireNonNull(from, "scorecard.from");
        if (asOf.isBefore(from)) {
            throw new InvalidValueException("scorecard.from", from, "期间开始晚于评估日 / the period starts after the assessed day");
        }
        rates = List.copyOf(InvalidValueException.requireNonNull(rates, "scorecard.rates"));
        departmentsWithoutItems = List.copyOf(InvalidValueException.requireNonNull(departmentsWithoutItems,
                "scorecard.departmentsWithoutItems"));
        scorecard = List.copyOf(InvalidValueException.requireNonNull(scorecard, "scorecard.lines"));
        InvalidValueException.requireNonNull(notChecked, "scorecard.notChecked");
        notChecked = notChecked.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(notChecked));
        findings = List.copyOf(InvalidValueException.requireNonNull(findings, "scorecard.findings"));
    }
}
