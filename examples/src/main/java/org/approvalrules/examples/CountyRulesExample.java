package org.approvalrules.examples;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.approvalrules.core.rules.DeadlineFacts;
import org.approvalrules.drools.RuleSetRegistry;

/**
 * Embedding example: a Guangxi county applies its own rule pack ({@code examples/packs}: national →
 * 450000 → 451031) to its cases. Run from the repository root:
 * {@code java -cp ... org.approvalrules.examples.CountyRulesExample [PACKS_DIR]}.
 */
public final class CountyRulesExample {
    private CountyRulesExample() {
    }

    /** Evaluates one case of county 451031 as of an instant and returns the findings. */
    public static List<Finding> evaluate(Path packs, DeadlineInput input, Instant asOf) {
        DivisionCode county = DivisionCode.parse("451031");
        // 1. the county's calendar: national + Guangxi 三月三 layer from the pack directory
        WorkingCalendar calendar = CalendarRepository.bundled().withLayersFrom(packs)
                .calendarFor(county, CoveragePolicy.STRICT);
        // 2. the deadline engine computes due dates, remaining days and clock-gaming checks
        DeadlineResult deadline = DeadlineEngine.INSTANCE.evaluate(input, calendar, DeadlinePolicy.DEFAULT, asOf);
        CaseFacts facts = DeadlineFacts.of(input, deadline, calendar, county);
        // 3. the county's rules (compiled once, cached by content hash) judge the case
        try (RuleSetRegistry rules = RuleSetRegistry.directory(packs)) {
            return rules.evaluate(county, List.of(facts), asOf);
        }
    }

    public static void main(String[] args) {
        Path packs = Path.of(args.length > 0 ? args[0] : "examples/packs");
        DeadlineInput input = DeadlineInput.builder("451031-2024-000123", LocalDateTime.parse("2024-04-08T10:00"),
                TimeLimit.workingDays(20)).promised(TimeLimit.workingDays(8)).build();
        for (Finding f : evaluate(packs, input, Instant.parse("2024-04-18T02:00:00Z"))) {
            System.out.println(f);
        }
    }
}
