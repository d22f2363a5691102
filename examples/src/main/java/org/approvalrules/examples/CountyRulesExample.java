package org.approvalrules.examples;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CaseEvaluation;

/**
 * Embedding example: a Guangxi county evaluates a case with its own rule pack ({@code examples/packs}:
 * national → 450000 with the 三月三 calendar layer → 451031). Run from the repository root:
 * {@code java -cp ... org.approvalrules.examples.CountyRulesExample [PACKS_DIR]}.
 */
public final class CountyRulesExample {
    private CountyRulesExample() {
    }

    public static void main(String[] args) {
        Path packs = Path.of(args.length > 0 ? args[0] : "examples/packs");
        try (ApprovalRules rules = ApprovalRules.builder().packs(packs).build()) {   // build once, share
            DeadlineInput c = DeadlineInput.builder("451031-2024-000123", LocalDateTime.parse("2024-04-08T10:00"),
                    TimeLimit.workingDays(20)).promised(TimeLimit.workingDays(8)).build();   // or rules.evaluate(approvalCase, item)
            ApprovalRules.Locality county = rules.locality(DivisionCode.parse("451031"));   // the snapshot in service
            CaseEvaluation e = county.evaluate(List.of(c), Instant.parse("2024-04-18T02:00:00Z")).get(0);
            System.out.println(e.deadline().governing().dueDate() + " " + e.status());   // 三月三 days are not counted
            System.out.println("rules " + county.ruleSetVersion() + ", calendar " + county.calendarVersion());
            e.findings().forEach(System.out::println);   // rule id, layer, reference, versions, parameters, evidence
        }
    }
}
