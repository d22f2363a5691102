package org.approvalrules.testkit.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.core.intake.IntakeDetector;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;
import org.approvalrules.core.rules.EntryPointAccess;
import org.approvalrules.core.rules.LocalitySnapshot;
import org.approvalrules.testkit.gen.Gen;
import org.approvalrules.testkit.gen.IntakeGens;
import org.approvalrules.testkit.gen.Property;
import org.junit.jupiter.api.Test;

/**
 * The detector against a naive O(n²) reference over random logs: the same findings (rule, department-end
 * case, cited centre case), whatever the order of the log.
 */
class IntakePropertiesTest {

    static final List<ApplicantId> WHO = IntakeGens.applicants(3);
    static final List<String> ITEMS = List.of("ITEM-A", "ITEM-B");
    static final List<String> BRANCHES = List.of("公安分中心", "某街道服务点");
    /** The window is 30 days until 2024-12-31, then 7; only 公安分中心 is approved, from 2024-07-01. */
    static final LocalDate CHANGE = LocalDate.of(2025, 1, 1);
    static final LocalDate APPROVED = LocalDate.of(2024, 7, 1);
    static final List<ItemMove> MOVES = List.of(new ItemMove("ITEM-A", LocalDate.of(2024, 6, 1), true),
            new ItemMove("ITEM-B", LocalDate.of(2024, 6, 1), false));
    static final Gen<List<IntakeRecord>> LOGS = IntakeGens.logs(WHO, ITEMS,
            DateRange.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31)), BRANCHES, 60);

    static ParameterSet params() {
        return new ParameterSet(Map.of(
                IntakeDetector.WINDOW_DAYS, new Parameter(IntakeDetector.WINDOW_DAYS, ParameterType.INT,
                        BilingualText.of("窗口", "window"), List.of(new DatedValue(LocalDate.of(2004, 7, 1), 30, "n", "f", 1),
                                new DatedValue(CHANGE, 7, "c", "f", 2)), "000000"),
                IntakeDetector.BRANCH_CENTRES, new Parameter(IntakeDetector.BRANCH_CENTRES, ParameterType.LIST,
                        BilingualText.of("分中心", "branches"), List.of(new DatedValue(LocalDate.of(2004, 7, 1), List.of(), "n", "f", 3),
                                new DatedValue(APPROVED, List.of("公安分中心"), "c", "f", 4)), "000000")));
    }

    private final IntakeDetector detector = new IntakeDetector(params());
    /**
     * The bundled national rules through the entry point (the intake rules read the window from the facts,
     * which the engine took from params()).
     */
    private static final LocalitySnapshot NATIONAL_RULES = EntryPointAccess.snapshot(ApprovalRules.builder().build(),
            DivisionCode.NATIONAL);

    private List<Finding> detect(List<IntakeRecord> log) {
        return detector.detect(log, MOVES, facts -> NATIONAL_RULES.evaluate(facts, Instant.parse("2030-01-01T00:00:00Z")));
    }

    /** The reference: every department-end record against every record, by the definitions. */
    static Set<String> naive(List<IntakeRecord> log) {
        Set<String> out = new TreeSet<>();
        for (IntakeRecord d : log) {
            LocalDate day = d.acceptedAt().toLocalDate();
            if (!departmentEnd(d)) {
                continue;
            }
            for (ItemMove m : MOVES) {
                if (m.itemCode().equals(d.itemCode()) && m.centreOnly() && !day.isBefore(m.movedIn())) {
                    out.add(IntakeDetector.DEPARTMENT_AFTER_MOVE_IN + " " + d.caseNumber());
                }
            }
            int window = day.isBefore(CHANGE) ? 30 : 7;
            IntakeRecord best = null;
            long bestGap = Long.MAX_VALUE;
            for (IntakeRecord c : log) {
                if (departmentEnd(c) || !c.applicant().equals(d.applicant()) || !c.itemCode().equals(d.itemCode())) {
                    continue;
                }
                long cDay = c.acceptedAt().toLocalDate().toEpochDay();
                long gap = Math.abs(cDay - day.toEpochDay());
                boolean better = best == null || gap < bestGap
                        || gap == bestGap && (cDay < best.acceptedAt().toLocalDate().toEpochDay()
                                || cDay == best.acceptedAt().toLocalDate().toEpochDay()
                                        && c.caseNumber().compareTo(best.caseNumber()) < 0);
                if (gap <= window && better) {
                    best = c;
                    bestGap = gap;
                }
            }
            if (best != null) {
                out.add(IntakeDetector.TWO_END + " " + d.caseNumber() + " " + best.caseNumber());
            }
        }
        return out;
    }

    static boolean departmentEnd(IntakeRecord r) {
        return r.channel() == AcceptanceChannel.DEPARTMENT || r.channel() == AcceptanceChannel.BRANCH_CENTRE
                && !(r.channelName().orElseThrow().equals("公安分中心") && !r.acceptedAt().toLocalDate().isBefore(APPROVED));
    }

    static Set<String> keys(List<Finding> fs) {
        Set<String> out = new TreeSet<>();
        for (Finding f : fs) {
            String centre = f.evidence().get("centreCase");
            out.add(f.ruleId() + " " + f.subject() + (centre != null ? " " + centre : ""));
        }
        return out;
    }

    @Test
    void findingsEqualTheNaiveReference() {
        Property.forAll(LOGS).tries(400).holds("detector = naive reference",
                log -> keys(detect(log)).equals(naive(log)));
    }

    @Test
    void findingsDoNotDependOnTheOrderOfTheLog() {
        Property.forAll(LOGS).tries(200).holds("order does not matter", log -> {
            List<Finding> first = detect(log);
            List<IntakeRecord> shuffled = new ArrayList<>(log);
            Collections.shuffle(shuffled, new Random(log.size()));
            return detect(shuffled).equals(first);
        });
    }

    @Test
    void theGeneratedLogsDoExerciseBothRules() {
        int[] seen = new int[2];
        Property.forAll(LOGS).tries(200).check("collect", log -> {
            Set<String> n = naive(log);
            seen[0] += n.stream().anyMatch(s -> s.startsWith(IntakeDetector.TWO_END + " ")) ? 1 : 0;
            seen[1] += n.stream().anyMatch(s -> s.startsWith(IntakeDetector.DEPARTMENT_AFTER_MOVE_IN)) ? 1 : 0;
        });
        assertThat(seen[0]).as("logs with two-end intake").isGreaterThan(20);
        assertThat(seen[1]).as("logs with after-move-in intake").isGreaterThan(20);
    }
}
