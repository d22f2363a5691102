package org.approvalrules.testkit.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.time.YearMonth;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
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
            DateRange.of(LocalDate.of(2024, 4, 1), LocalDate.of(2025, 3, 31)), BRANCHES, 60, true);
    /** Short logs in one quarter: months with ten or more cases of an item, for the volume signal. */
    static final Gen<List<IntakeRecord>> DENSE = IntakeGens.logs(WHO, ITEMS,
            DateRange.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 8, 31)), BRANCHES, 80, true);

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

    /**
     * The reference, by the definitions and nothing cleverer: records of one applicant, item and case number are one
     * case (centre-end when any record is, dated by its earliest record of that end); 明进暗不进 for each such case
     * whose earliest department-end record is of a centre-only item on or after its move-in day, unless the centre
     * also exported it; 两头受理 for each department-end case of an item required in the centre that day with the
     * nearest centre-end case (earlier, then lower number, on a tie) within the window; the volume signal per
     * registered item and month from the move-in day (national: more than half of at least 10 cases).
     */
    static Set<String> naive(List<IntakeRecord> log) {
        Set<String> out = new TreeSet<>();
        Map<String, ItemMove> moves = new HashMap<>();
        MOVES.forEach(m -> moves.put(m.itemCode(), m));
        // one case: applicant, item, case number → is it centre-end, and its day
        Map<List<String>, boolean[]> centre = new HashMap<>();
        Map<List<String>, LocalDate> day = new HashMap<>();
        for (IntakeRecord r : log) {
            List<String> key = List.of(r.applicant().value(), r.itemCode(), r.caseNumber());
            centre.computeIfAbsent(key, k -> new boolean[1])[0] |= !departmentEnd(r);
        }
        for (IntakeRecord r : log) {
            List<String> key = List.of(r.applicant().value(), r.itemCode(), r.caseNumber());
            if (centre.get(key)[0] == !departmentEnd(r)) {
                day.merge(key, r.acceptedAt().toLocalDate(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        for (List<String> c : centre.keySet()) {
            IntakeRecord first = null;
            for (IntakeRecord r : log) {
                if (List.of(r.applicant().value(), r.itemCode(), r.caseNumber()).equals(c) && departmentEnd(r)
                        && moves.containsKey(r.itemCode())) {
                    boolean earlier = first == null || r.acceptedAt().isBefore(first.acceptedAt())
                            || r.acceptedAt().equals(first.acceptedAt()) && r.channel().compareTo(first.channel()) < 0;
                    first = earlier ? r : first;
                }
            }
            if (first != null && !centre.get(c)[0] && required(first.itemCode(), first.acceptedAt().toLocalDate())) {
                out.add(IntakeDetector.DEPARTMENT_AFTER_MOVE_IN + " " + c.get(2));
            }
        }
        for (List<String> d : centre.keySet()) {
            LocalDate dDay = day.get(d);
            if (centre.get(d)[0] || !required(d.get(1), dDay)) {
                continue;
            }
            int window = dDay.isBefore(CHANGE) ? 30 : 7;
            List<String> best = null;
            for (List<String> c : centre.keySet()) {
                if (!centre.get(c)[0] || !c.get(0).equals(d.get(0)) || !c.get(1).equals(d.get(1))) {
                    continue;
                }
                long gap = Math.abs(day.get(c).toEpochDay() - dDay.toEpochDay());
                long bestGap = best == null ? Long.MAX_VALUE : Math.abs(day.get(best).toEpochDay() - dDay.toEpochDay());
                boolean better = gap < bestGap || gap == bestGap && (day.get(c).isBefore(day.get(best))
                        || day.get(c).equals(day.get(best)) && c.get(2).compareTo(best.get(2)) < 0);
                if (better) {
                    best = c;
                }
            }
            if (best != null && Math.abs(day.get(best).toEpochDay() - dDay.toEpochDay()) <= window) {
                out.add(IntakeDetector.TWO_END + " " + d.get(2) + " " + best.get(2));
            }
        }
        Map<String, int[]> volume = new TreeMap<>();
        centre.forEach((k, isCentre) -> {
            ItemMove m = moves.get(k.get(1));
            if (m != null && !day.get(k).isBefore(m.movedIn())) {
                volume.computeIfAbsent(k.get(1) + "@" + YearMonth.from(day.get(k)), x -> new int[2])[isCentre[0] ? 1 : 0]++;
            }
        });
        volume.forEach((k, n) -> {
            if (n[0] + n[1] >= 10 && n[0] * 2 > n[0] + n[1]) {
                out.add(IntakeDetector.VOLUME + " " + k);
            }
        });
        return out;
    }

    static boolean required(String item, LocalDate day) {
        return MOVES.stream().anyMatch(m -> m.itemCode().equals(item) && m.centreOnly() && !day.isBefore(m.movedIn()));
    }

    static boolean departmentEnd(IntakeRecord r) {
        return r.channel() == AcceptanceChannel.DEPARTMENT || r.channel() == AcceptanceChannel.BRANCH_CENTRE
                && !(r.channelName().orElseThrow().equals("公安分中心") && !r.acceptedAt().toLocalDate().isBefore(APPROVED));
    }

    static Set<String> keys(List<Finding> fs) {
        Set<String> out = new TreeSet<>();
        for (Finding f : fs) {
            if (f.ruleId().equals(IntakeDetector.VOLUME)) {
                out.add(f.ruleId() + " " + f.subject());
                continue;
            }
            String centre = f.evidence().get("centreCase");
            out.add(f.ruleId() + " " + f.subject() + (centre != null ? " " + centre : ""));
        }
        return out;
    }

    @Test
    void findingsEqualTheNaiveReference() {
        Property.forAll(LOGS).tries(400).holds("detector = naive reference",
                log -> keys(detect(log)).equals(naive(log)));
        Property.forAll(DENSE).tries(200).holds("detector = naive reference (dense logs)",
                log -> keys(detect(log)).equals(naive(log)));
    }

    @Test
    void findingsDoNotDependOnHowTheLogIsSplitAcrossFiles() {
        Property.forAll(LOGS).tries(200).holds("split into files in any order", log -> {
            Random random = new Random(log.size() * 31L + 7);
            int files = 1 + random.nextInt(4);
            List<List<IntakeRecord>> parts = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                parts.add(new ArrayList<>());
            }
            log.forEach(r -> parts.get(random.nextInt(files)).add(r));
            Collections.shuffle(parts, random);
            List<IntakeRecord> fed = new ArrayList<>();
            parts.forEach(fed::addAll);
            return detect(fed).equals(detect(log));
        });
    }

    @Test
    void addingARecordNeverRemovesAFindingOfAnotherCase() {
        Gen<IntakeRecord> extra = IntakeGens.logs(WHO, ITEMS, DateRange.of(LocalDate.of(2024, 4, 1),
                LocalDate.of(2025, 3, 31)), BRANCHES, 1).filter(l -> l.size() == 1).map(l -> l.get(0));
        Property.forAll(Gen.zip(LOGS, extra, (log, r) -> {
            List<IntakeRecord> more = new ArrayList<>(log);
            more.add(new IntakeRecord("X" + r.caseNumber(), r.itemCode(), r.applicant(), r.channel(), r.channelName(),
                    r.acceptedAt()));
            return List.of(log, more);
        })).tries(300).holds("monotone for the findings on cases", pair -> {
            Set<String> before = caseFindings(detect(pair.get(0)));
            Set<String> after = caseFindings(detect(pair.get(1)));
            return after.containsAll(before);
        });
    }

    /** Rule and subject of the findings on a case (the volume signal is on an item's month, not a case). */
    static Set<String> caseFindings(List<Finding> fs) {
        Set<String> out = new TreeSet<>();
        fs.stream().filter(f -> !f.ruleId().equals(IntakeDetector.VOLUME)).forEach(f -> out.add(f.ruleId() + " " + f.subject()));
        return out;
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
    void theGeneratedLogsDoExerciseEveryRuleAndCopies() {
        int[] seen = new int[4];
        Property.forAll(LOGS).tries(200).check("collect", log -> {
            Set<String> n = naive(log);
            seen[0] += n.stream().anyMatch(s -> s.startsWith(IntakeDetector.TWO_END + " ")) ? 1 : 0;
            seen[1] += n.stream().anyMatch(s -> s.startsWith(IntakeDetector.DEPARTMENT_AFTER_MOVE_IN)) ? 1 : 0;
            seen[3] += log.stream().map(IntakeRecord::caseNumber).distinct().count() < log.size() ? 1 : 0;
        });
        Property.forAll(DENSE).tries(200).check("collect", log ->
                seen[2] += naive(log).stream().anyMatch(s -> s.startsWith(IntakeDetector.VOLUME)) ? 1 : 0);
        assertThat(seen[0]).as("logs with two-end intake").isGreaterThan(20);
        assertThat(seen[1]).as("logs with after-move-in intake").isGreaterThan(20);
        assertThat(seen[2]).as("dense logs with the volume signal").isGreaterThan(20);
        assertThat(seen[3]).as("logs with one case in two exports").isGreaterThan(20);
    }
}
