package org.approvalrules.benchmarks;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.AuthorizationScorecard;
import org.approvalrules.api.authorization.CatalogueItem;
import org.approvalrules.api.authorization.Delegation;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.RosterDays;
import org.approvalrules.api.authorization.StaffRole;
import org.approvalrules.api.authorization.StaffSpell;
import org.approvalrules.api.authorization.StepPlace;
import org.approvalrules.api.authorization.StepRecord;
import org.approvalrules.api.authorization.WindowRoster;
import org.approvalrules.api.division.DivisionCode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Window authorization measured from a province-sized set of records (issue #12): 100 departments × 1,000
 * catalogue items (95 % in the centre), each in-centre item's seven powers delegated with probability 0.9
 * (about 600,000 delegations), 100 windows rostered every working day (every tenth Monday to Friday only),
 * 1,200 staff spells, and 1,000,000 case steps over the four weeks ending on the assessed day (five steps a
 * case; a tenth of the approvals signed at the department). Measures one whole
 * {@code Locality.authorizationReport} through the entry point with the bundled national rules: rates, chiefs,
 * staff, 回局签批, measured opening and roster coverage computed and judged.
 */
@State(Scope.Benchmark)
public class AuthorizationBenchmark {

    static final int DEPARTMENTS = 100;
    static final int ITEMS_PER_DEPARTMENT = 1_000;
    static final int STEPS = 1_000_000;
    static final LocalDate AS_OF = LocalDate.of(2024, 10, 31);

    private ApprovalRules rules;
    private ApprovalRules.Locality national;
    private AuthorizationData data;

    @Setup
    public void setUp() {
        rules = ApprovalRules.builder().build();
        national = rules.locality(DivisionCode.NATIONAL);
        long before = usedHeap();
        data = records(new Random(12));
        long after = usedHeap();
        System.out.printf("%nrecords: %,d items, %,d delegations, %,d staff, %,d roster rows, %,d steps; about %,d MB of heap%n",
                data.items().size(), data.delegations().size(), data.staff().size(), data.rosters().size(), data.steps().size(),
                (after - before) >> 20);
    }

    @TearDown
    public void tearDown() {
        rules.close();
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    static AuthorizationData records(Random r) {
        LocalDate moved = LocalDate.of(2020, 1, 1);
        List<CatalogueItem> items = new ArrayList<>();
        List<Delegation> delegations = new ArrayList<>();
        List<StaffSpell> staff = new ArrayList<>();
        List<WindowRoster> rosters = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            String dep = "D" + d;
            for (int i = 0; i < ITEMS_PER_DEPARTMENT; i++) {
                String code = "I-" + d + "-" + i;
                boolean in = r.nextInt(100) < 95;
                items.add(new CatalogueItem(code, dep, Optional.empty(), in ? Optional.of(moved.plusDays(r.nextInt(1000))) : Optional.empty()));
                if (in) {
                    for (Power p : Power.values()) {
                        if (r.nextInt(10) < 9) {
                            delegations.add(new Delegation(dep, code, p, "授〔2020〕" + d + "号", moved, Optional.empty()));
                        }
                    }
                }
            }
            String window = "W" + d;
            staff.add(new StaffSpell("S" + d + "-0", "首席" + d, dep, StaffRole.CHIEF_REPRESENTATIVE, Optional.of(window),
                    d % 7 == 0 ? Optional.empty() : Optional.of("任〔2020〕" + d + "号"), moved, Optional.empty(), Optional.empty(),
                    EnumSet.of(Power.APPROVAL)));
            for (int s = 1; s <= 11; s++) {
                boolean ended = s == 11;
                staff.add(new StaffSpell("S" + d + "-" + s, "窗口" + d + "-" + s, dep, StaffRole.WINDOW, Optional.of(window), Optional.empty(),
                        moved, ended ? Optional.of(moved.plusMonths(r.nextInt(24))) : Optional.empty(),
                        ended ? Optional.of(r.nextBoolean() ? org.approvalrules.api.authorization.EndReason.ROTATED
                                : org.approvalrules.api.authorization.EndReason.RECALLED) : Optional.empty(),
                        EnumSet.allOf(Power.class)));
            }
            rosters.add(new WindowRoster(window, dep, d % 10 == 0
                    ? RosterDays.weekdays(EnumSet.range(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY)) : RosterDays.EVERY_WORKING_DAY,
                    Optional.of(LocalTime.of(9, 0)), Optional.of(LocalTime.of(17, 0)), moved, Optional.empty()));
        }
        List<StepRecord> steps = new ArrayList<>(STEPS);
        Power[] flow = {Power.ACCEPTANCE, Power.REVIEW, Power.APPROVAL, Power.CERTIFICATION, Power.DELIVERY};
        LocalDateTime first = AS_OF.minusDays(27).atTime(9, 0);
        for (int c = 0; steps.size() < STEPS; c++) {
            int d = r.nextInt(DEPARTMENTS);
            String item = "I-" + d + "-" + r.nextInt(ITEMS_PER_DEPARTMENT);
            LocalDateTime at = first.plusDays(r.nextInt(24)).plusMinutes(r.nextInt(420));
            String caseNumber = "2024-" + c;
            for (Power p : flow) {
                boolean atDepartment = p == Power.APPROVAL && r.nextInt(10) == 0;
                steps.add(new StepRecord(caseNumber, item, p, "S" + d + "-" + (1 + r.nextInt(10)),
                        atDepartment ? StepPlace.DEPARTMENT : StepPlace.WINDOW, atDepartment ? Optional.empty() : Optional.of("W" + d), at));
                at = at.plusHours(1);
            }
        }
        return AuthorizationData.of(items, delegations, staff, rosters, steps);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public AuthorizationScorecard provinceReport() {
        return national.authorizationReport(data, AS_OF);
    }
}
