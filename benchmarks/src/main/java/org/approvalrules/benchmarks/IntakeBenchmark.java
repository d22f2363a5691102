package org.approvalrules.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.applicant.ApplicantId;
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
import org.approvalrules.core.rules.FactJudge;
import org.approvalrules.core.rules.LocalitySnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Two-end intake over a one-million-record log in random order: 200,000 applicants × 50 items, two years,
 * 70 % centre window, 10 % online, 15 % department, 5 % branch centres (half approved); 40 items moved in.
 * Measures one whole {@link IntakeDetector#detect} (grouping, pairing, facts judged by the bundled national
 * rules, findings sorted).
 */
@State(Scope.Benchmark)
public class IntakeBenchmark {

    static final int RECORDS = 1_000_000;

    private IntakeDetector detector;
    private FactJudge rules;
    private List<IntakeRecord> log;
    private List<ItemMove> moves;

    @Setup
    public void setUp() {
        LocalDate from = LocalDate.of(2004, 7, 1);
        detector = new IntakeDetector(new ParameterSet(Map.of(
                IntakeDetector.WINDOW_DAYS, new Parameter(IntakeDetector.WINDOW_DAYS, ParameterType.INT,
                        BilingualText.of("窗口", "window"), List.of(new DatedValue(from, 30, "bench", "-", 1)), "000000"),
                IntakeDetector.BRANCH_CENTRES, new Parameter(IntakeDetector.BRANCH_CENTRES, ParameterType.LIST,
                        BilingualText.of("分中心", "branches"), List.of(new DatedValue(from, List.of("公安分中心"), "bench", "-", 2)),
                        "000000"))));
        LocalitySnapshot national = EntryPointAccess.snapshot(ApprovalRules.builder().build(), DivisionCode.NATIONAL);
        Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
        rules = facts -> national.evaluate(facts, asOf);
        Random r = new Random(42);
        List<ApplicantId> who = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String first17 = "91450100" + String.format("%09d", i);
            who.add(ApplicantId.creditCode(first17 + ApplicantId.creditCodeCheckChar(first17)));
        }
        List<String> items = new ArrayList<>();
        moves = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add("1145000000000000" + String.format("%015d", i));
            if (i < 40) {
                moves.add(new ItemMove(items.get(i), LocalDate.of(2024, 1, 1).plusDays(r.nextInt(365)), i % 2 == 0));
            }
        }
        log = new ArrayList<>(RECORDS);
        LocalDateTime start = LocalDateTime.of(2024, 1, 1, 9, 0);
        for (int i = 0; i < RECORDS; i++) {
            int c = r.nextInt(100);
            AcceptanceChannel ch = c < 70 ? AcceptanceChannel.CENTRE_WINDOW : c < 80 ? AcceptanceChannel.ONLINE
                    : c < 95 ? AcceptanceChannel.DEPARTMENT : AcceptanceChannel.BRANCH_CENTRE;
            java.util.Optional<String> name = ch == AcceptanceChannel.BRANCH_CENTRE
                    ? java.util.Optional.of(r.nextBoolean() ? "公安分中心" : "街道服务点") : java.util.Optional.empty();
            log.add(new IntakeRecord("C" + i, items.get(r.nextInt(items.size())), who.get(r.nextInt(who.size())), ch, name,
                    start.plusMinutes(r.nextInt(730 * 24 * 60))));
        }
    }

    /** Detect over the whole log. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Finding> detectOneMillion() {
        return detector.detect(log, moves, rules);
    }
}
