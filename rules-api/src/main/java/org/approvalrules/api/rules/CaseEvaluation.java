package org.approvalrules.api.rules;

import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.DeadlineStatus;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;

/**
 * Everything the library concluded about one case (办件) as of an instant: its deadlines, the findings
 * of its locality's rules, and what was used to get there, so the result can be explained and
 * reproduced. Immutable and thread-safe.
 *
 * <p>{@link #findings()} are the rule pack's findings — the source of findings when cases go through
 * rule packs (a locality can disable or replace any rule by id). {@code deadline().findings()} are the
 * deadline engine's own built-in checks, kept for embedders that use the engine alone; the rule pack's
 * national rules report the same conditions under the same rule ids.
 *
 * @param caseId the case number (办件编号)
 * @param locality the locality whose calendar, parameters and rules were applied
 * @param deadline the deadline engine's result (due dates, remaining days, status, trace)
 * @param findings the rule pack's findings about this case, in firing order
 * @param policy the deadline policy built from the locality's parameters on the acceptance date
 * @param calendarVersion the version of the calendar used (content hash; with {@code +hours …} when the
 *     pack set the office hours)
 * @param ruleSetVersion the version (content hash of rules and parameters) of the rule set used
 */
public record CaseEvaluation(String caseId, DivisionCode locality, DeadlineResult deadline, List<Finding> findings,
        DeadlinePolicy policy, String calendarVersion, String ruleSetVersion) {

    public CaseEvaluation {
        InvalidValueException.requireNonNull(caseId, "caseId");
        InvalidValueException.requireNonNull(locality, "locality");
        InvalidValueException.requireNonNull(deadline, "deadline");
        InvalidValueException.requireNonNull(findings, "findings");
        InvalidValueException.requireNonNull(policy, "policy");
        InvalidValueException.requireNonNull(calendarVersion, "calendarVersion");
        InvalidValueException.requireNonNull(ruleSetVersion, "ruleSetVersion");
        findings = List.copyOf(findings);
        if (!caseId.equals(deadline.caseId())) {
            throw new InvalidValueException("deadline.caseId", deadline.caseId(),
                    "期限结果不属于办件 " + caseId + " / the deadline result belongs to another case than " + caseId);
        }
    }

    /** The overall deadline status (shorthand for {@code deadline().status()}). */
    public DeadlineStatus status() {
        return deadline.status();
    }

    /** Whether a rule with this id reported a finding about the case. */
    public boolean hasFinding(String ruleId) {
        return findings.stream().anyMatch(f -> f.ruleId().equals(ruleId));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("办件 / case ").append(caseId).append(" @").append(locality).append(": ").append(deadline.status())
                .append(", 截止 / due ").append(deadline.governing().dueDate())
                .append(" (日历 / calendar ").append(calendarVersion).append(", 规则 / rules ").append(ruleSetVersion)
                .append(")");
        for (Finding f : findings) {
            sb.append("\n  ").append(f);
        }
        return sb.toString();
    }
}
