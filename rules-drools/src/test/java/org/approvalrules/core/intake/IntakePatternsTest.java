package org.approvalrules.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.intake.ApprovedChannel;
import org.approvalrules.api.intake.HandlingPlace;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeRegisters;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.intake.ResultRecord;
import org.approvalrules.api.intake.StepRecord;
import org.approvalrules.core.rules.FactJudge;
import org.approvalrules.drools.TestJudges;
import org.junit.jupiter.api.Test;

/**
 * The false alarms of issue #13 and their look-alikes (same case number in two exports, items allowed at the
 * department, unapproved online portals, approved channels from a channels list), and the patterns 体外循环, 前店后厂
 * and the volume signal, each judged by the national rules.
 */
class IntakePatternsTest {

    static final ApplicantId FIRM = IntakeFixtures.FIRM;
    static final ApplicantId OTHER = IntakeFixtures.OTHER;
    static final String ITEM = "11450000MB0000001X4000111000001";
    static final String FREE_ITEM = "11450000MB0000001X4000111000002";
    static final List<ItemMove> MOVES = List.of(new ItemMove(ITEM, LocalDate.of(2024, 3, 1), true),
            new ItemMove(FREE_ITEM, LocalDate.of(2024, 3, 1), false));

    private final IntakeDetector detector = new IntakeDetector(IntakeFixtures.params());
    private static final FactJudge RULES = TestJudges.national(IntakeFixtures.params());

    static IntakeRecord rec(String no, String item, AcceptanceChannel ch, String at) {
        return IntakeRecord.of(no, item, FIRM, ch, LocalDateTime.parse(at));
    }

    static IntakeRecord named(String no, AcceptanceChannel ch, String name, String at) {
        return new IntakeRecord(no, ITEM, FIRM, ch, Optional.of(name), LocalDateTime.parse(at));
    }

    static ResultRecord result(String no, String item, HandlingPlace place, String at) {
        return new ResultRecord(no, item, ResultRecord.Kind.RESULT, place, LocalDateTime.parse(at));
    }

    static StepRecord step(String no, Power p, HandlingPlace place, String at) {
        return new StepRecord(no, ITEM, p, place, LocalDateTime.parse(at));
    }

    private List<Finding> detect(IntakeRegisters registers, IntakeRecord... rs) {
        return detector.detect(List.of(rs), registers, RULES);
    }

    private List<String> ids(IntakeRegisters registers, IntakeRecord... rs) {
        return detect(registers, rs).stream().map(f -> f.ruleId() + ":" + f.subject()).toList();
    }

    private List<String> ids(IntakeRecord... rs) {
        return ids(IntakeRegisters.of(MOVES), rs);
    }

    @Test
    void theSameCaseNumberInTheCentreAndTheDepartmentExportIsOneCentreCase() {
        assertThat(ids(rec("2024-0001", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-01T09:00"),
                rec("2024-0001", ITEM, AcceptanceChannel.DEPARTMENT, "2024-05-01T09:30"))).isEmpty();
        // the look-alike: two case numbers are two cases, both ends
        assertThat(ids(rec("2024-0001", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-01T09:00"),
                rec("2024-0002", ITEM, AcceptanceChannel.DEPARTMENT, "2024-05-01T09:30")))
                .containsExactly("intake.department-after-move-in:2024-0002", "intake.two-end:2024-0002");
    }

    @Test
    void aDepartmentCaseInTwoExportsIsFlaggedOnceFromItsEarliestRecord() {
        List<Finding> fs = detect(IntakeRegisters.of(MOVES), rec("D1", ITEM, AcceptanceChannel.DEPARTMENT, "2024-05-02T09:00"),
                rec("D1", ITEM, AcceptanceChannel.DEPARTMENT, "2024-05-01T09:00"),
                rec("W1", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-03T09:00"));
        assertThat(fs).extracting(f -> f.ruleId() + ":" + f.subject())
                .containsExactly("intake.department-after-move-in:D1", "intake.two-end:D1");
        assertThat(fs.get(0).evidence()).containsEntry("acceptedOn", "2024-05-01");
        assertThat(fs.get(1).evidence()).containsEntry("gapDays", "2");
    }

    @Test
    void anItemTheRegisterAllowsAtTheDepartmentIsNeverTwoEnd() {
        assertThat(ids(rec("D1", FREE_ITEM, AcceptanceChannel.DEPARTMENT, "2024-05-01T09:00"),
                rec("W1", FREE_ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-02T09:00"))).isEmpty();
        // an item not in the register, and a centre-only item before its move-in day, are not two-end either
        assertThat(ids(rec("D1", "OTHER-ITEM", AcceptanceChannel.DEPARTMENT, "2024-05-01T09:00"),
                rec("W1", "OTHER-ITEM", AcceptanceChannel.CENTRE_WINDOW, "2024-05-02T09:00"))).isEmpty();
        assertThat(ids(rec("D1", ITEM, AcceptanceChannel.DEPARTMENT, "2024-02-29T09:00"),
                rec("W1", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-03-01T09:00"))).isEmpty();
        // the look-alike: the centre-only item on its move-in day
        assertThat(ids(rec("D1", ITEM, AcceptanceChannel.DEPARTMENT, "2024-03-01T09:00"),
                rec("W1", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-02-29T09:00")))
                .containsExactly("intake.department-after-move-in:D1", "intake.two-end:D1");
    }

    @Test
    void aNamedOnlinePortalNotApprovedIsTheDepartmentEnd() {
        IntakeRegisters withPortal = new IntakeRegisters(MOVES, List.of(), List.of(),
                List.of(new ApprovedChannel("一体化平台", AcceptanceChannel.ONLINE, LocalDate.of(2020, 1, 1), Optional.empty())));
        List<Finding> fs = detect(withPortal, named("N1", AcceptanceChannel.ONLINE, "县市场监管局网站", "2024-05-01T09:00"),
                rec("W1", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-02T09:00"));
        assertThat(fs).extracting(f -> f.ruleId() + ":" + f.subject())
                .containsExactly("intake.department-after-move-in:N1", "intake.two-end:N1");
        assertThat(fs.get(0).message().zh()).contains("未经批准的网上渠道“县市场监管局网站”");
        // look-alikes: the approved portal, an online record without a name, and a named portal when no approved
        // online channel is known at all, are the centre end
        assertThat(ids(withPortal, named("N1", AcceptanceChannel.ONLINE, "一体化平台", "2024-05-01T09:00"),
                rec("W1", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-02T09:00"))).isEmpty();
        assertThat(ids(withPortal, rec("N1", ITEM, AcceptanceChannel.ONLINE, "2024-05-01T09:00"),
                rec("W1", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-02T09:00"))).isEmpty();
        assertThat(ids(named("N1", AcceptanceChannel.ONLINE, "县市场监管局网站", "2024-05-01T09:00"),
                rec("W1", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-02T09:00"))).isEmpty();
    }

    @Test
    void aBranchCentreIsApprovedOnTheDaysOfTheChannelsList() {
        IntakeRegisters approved = new IntakeRegisters(MOVES, List.of(), List.of(), List.of(new ApprovedChannel("新区分中心",
                AcceptanceChannel.BRANCH_CENTRE, LocalDate.of(2024, 1, 1), Optional.of(LocalDate.of(2024, 6, 30)))));
        assertThat(ids(approved, named("B1", AcceptanceChannel.BRANCH_CENTRE, "新区分中心", "2024-06-30T16:00"))).isEmpty();
        assertThat(ids(approved, named("B2", AcceptanceChannel.BRANCH_CENTRE, "新区分中心", "2024-07-01T09:00")))
                .containsExactly("intake.department-after-move-in:B2");
    }

    @Test
    void aResultWithoutAnyAcceptanceRecordOrBeforeItIsOutsideTheSystem() {
        IntakeRegisters results = new IntakeRegisters(MOVES, List.of(
                result("R1", ITEM, HandlingPlace.DEPARTMENT, "2024-05-10T10:00"),
                result("R2", ITEM, HandlingPlace.WINDOW, "2024-05-10T10:00"),
                result("R3", ITEM, HandlingPlace.WINDOW, "2024-05-10T10:00"),
                result("R4", FREE_ITEM, HandlingPlace.DEPARTMENT, "2024-05-10T10:00"),
                result("R5", ITEM, HandlingPlace.DEPARTMENT, "2024-02-20T10:00"),
                result("R6", ITEM, HandlingPlace.DEPARTMENT, "2024-05-10T10:00")), List.of(), List.of());
        List<Finding> fs = detect(results,
                rec("R2", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-12T09:00"),
                rec("R3", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-10T10:00"),
                IntakeRecord.of("R6", ITEM, OTHER, AcceptanceChannel.DEPARTMENT, LocalDateTime.parse("2024-05-02T09:00")));
        // R1: no record; R2: recorded two days after its result. Not: R3 (accepted at the minute of the result), R4
        // (an item allowed at the department), R5 (issued before the move-in day), R6 (accepted, at the department)
        assertThat(fs).extracting(f -> f.ruleId() + ":" + f.subject()).containsExactly(
                "intake.department-after-move-in:R6", "intake.outside-system:R1", "intake.outside-system:R2");
        Finding r2 = fs.get(2);
        assertThat(r2.severity()).isEqualTo(Severity.RED);
        assertThat(r2.evidence()).containsEntry("acceptedAt", "2024-05-12T09:00").containsEntry("channel", "CENTRE_WINDOW");
        assertThat(r2.message().zh()).contains("体外循环", "2024-05-12T09:00");
        assertThat(fs.get(1).message().zh()).contains("各受理系统均无其受理记录");
    }

    @Test
    void aCentreCaseDecidedAndIssuedAtTheDepartmentIsFrontOffice() {
        List<StepRecord> steps = new ArrayList<>();
        for (String no : List.of("F1", "F2", "F3", "F4", "F5")) {
            steps.add(step(no, Power.REVIEW, HandlingPlace.DEPARTMENT, "2024-05-02T09:00"));
            steps.add(step(no, Power.APPROVAL, no.equals("F2") ? HandlingPlace.WINDOW : HandlingPlace.DEPARTMENT,
                    "2024-05-03T09:00"));
        }
        steps.add(step("F4", Power.DELIVERY, HandlingPlace.DEPARTMENT, "2024-05-04T09:00"));
        IntakeRegisters registers = new IntakeRegisters(MOVES, List.of(
                result("F1", ITEM, HandlingPlace.DEPARTMENT, "2024-05-04T09:00"),
                result("F2", ITEM, HandlingPlace.DEPARTMENT, "2024-05-04T09:00"),
                result("F3", ITEM, HandlingPlace.WINDOW, "2024-05-04T09:00")), steps, List.of());
        List<Finding> fs = detect(registers, rec("F1", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-01T09:00"),
                rec("F2", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-01T09:00"),
                rec("F3", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-01T09:00"),
                rec("F4", FREE_ITEM, AcceptanceChannel.ONLINE, "2024-05-01T09:00"),
                rec("F5", ITEM, AcceptanceChannel.CENTRE_WINDOW, "2024-05-01T09:00"));
        // F1: both steps and the result at the department; F4: the result by its delivery step. Not: F2 (approved at
        // the window), F3 (issued at the window), F5 (no result place known)
        assertThat(fs).extracting(f -> f.ruleId() + ":" + f.subject())
                .containsExactly("intake.front-office:F1", "intake.front-office:F4");
        assertThat(fs.get(0).severity()).isEqualTo(Severity.YELLOW);
        assertThat(fs.get(0).evidence()).containsEntry("decisionSteps", "2").containsEntry("resultPlace", "DEPARTMENT");
        // a case accepted at the department end is not front-office (it is 明进暗不进)
        assertThat(ids(registers, rec("F1", ITEM, AcceptanceChannel.DEPARTMENT, "2024-05-01T09:00")))
                .filteredOn(id -> id.endsWith(":F1")).containsExactly("intake.department-after-move-in:F1");
    }

    @Test
    void theVolumeSignalCountsCasesPerItemAndMonthFromTheMoveInDay() {
        List<IntakeRecord> log = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            log.add(IntakeRecord.of("FD" + i, FREE_ITEM, i == 0 ? FIRM : OTHER, AcceptanceChannel.DEPARTMENT,
                    LocalDateTime.parse("2024-05-0" + (i + 1) + "T09:00")));
        }
        log.add(IntakeRecord.of("FW0", FREE_ITEM, FIRM, AcceptanceChannel.CENTRE_WINDOW, LocalDateTime.parse("2024-05-20T09:00")));
        // before the move-in day: not counted; in May, 3 of 4 cases at the department end (share 0.75 > 0.5)
        log.add(IntakeRecord.of("FD9", FREE_ITEM, FIRM, AcceptanceChannel.DEPARTMENT, LocalDateTime.parse("2024-02-20T09:00")));
        List<Finding> fs = detector.detect(log, IntakeRegisters.of(MOVES), RULES);
        assertThat(fs).extracting(f -> f.ruleId() + ":" + f.subject())
                .containsExactly("intake.department-volume:" + FREE_ITEM + "@2024-05");
        assertThat(fs.get(0).evidence()).containsEntry("departmentCases", "3").containsEntry("centreCases", "1")
                .containsEntry("share", "0.7500");
        assertThat(fs.get(0).parameters()).containsEntry(IntakeDetector.VOLUME_SHARE, "0.5");
        // look-alikes: the centre's copy of a department-exported case makes it one centre case (2 of 4: not above
        // 0.5); three cases are fewer than the 4 a month needs
        List<IntakeRecord> copied = new ArrayList<>(log);
        copied.add(IntakeRecord.of("FD2", FREE_ITEM, OTHER, AcceptanceChannel.CENTRE_WINDOW, LocalDateTime.parse("2024-05-03T09:00")));
        assertThat(detector.detect(copied, IntakeRegisters.of(MOVES), RULES)).isEmpty();
        assertThat(detector.detect(log.subList(0, 3), IntakeRegisters.of(MOVES), RULES)).isEmpty();
    }
}
