package org.approvalrules.examples;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CaseEvaluation;

/**
 * The smallest program computing one deadline: a case accepted on 2025-09-26 for an item with 20 working days
 * statutory and 5 promised, across the 2025 National Day block, on the bundled national pack and calendar.
 */
public final class OneDeadline {
    private OneDeadline() {
    }

    public static void main(String[] args) {
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            DeadlineInput input = DeadlineInput.builder("C-1", LocalDateTime.parse("2025-09-26T10:30"), TimeLimit.workingDays(20))
                    .promised(TimeLimit.workingDays(5)).build();
            CaseEvaluation e = rules.locality(DivisionCode.NATIONAL)
                    .evaluate(List.of(input), OffsetDateTime.parse("2025-10-09T12:00+08:00").toInstant()).get(0);
            System.out.println("promised due 承诺到期 " + e.deadline().promised().orElseThrow().dueDate()
                    + ", statutory due 法定到期 " + e.deadline().statutory().dueDate() + ", status " + e.status());
        }
    }
}
