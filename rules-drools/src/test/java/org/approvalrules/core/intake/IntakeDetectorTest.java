package org.approvalrules.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.rules.FactJudge;
import org.approvalrules.drools.TestJudges;
import org.junit.jupiter.api.Test;

class IntakeDetectorTest {

    static final ApplicantId FIRM = IntakeFixtures.FIRM;
    static final ApplicantId OTHER = IntakeFixtures.OTHER;
    static final String ITEM = "11450000MB0000001X4000111000001";
    static final ItemMove MOVED = new ItemMove(ITEM, LocalDate.of(2024, 3, 1), true);

    private final IntakeDetector detector = new IntakeDetector(IntakeFixtures.params());
    /** The national intake rules, reading the fixtures' parameters. */
    private static final FactJudge RULES = TestJudges.national(IntakeFixtures.params());

    static IntakeRecord rec(String no, ApplicantId who, AcceptanceChannel ch, String at) {
        return IntakeRecord.of(no, ITEM, who, ch, LocalDateTime.parse(at));
    }

    static IntakeRecord branch(String no, String name, String at) {
        return new IntakeRecord(no, ITEM, FIRM, AcceptanceChannel.BRANCH_CENTRE, Optional.of(name), LocalDateTime.parse(at));
    }

    private List<Finding> detect(IntakeRecord... rs) {
        return detector.detect(List.of(rs), List.of(MOVED), RULES);
    }

    private static List<String> ids(List<Finding> fs) {
        return fs.stream().map(f -> f.ruleId() + ":" + f.subject()).toList();
    }

    @Test
    void departmentIntakeOnTheMoveInDayIsFlaggedTheDayBeforeIsNot() {
        assertThat(ids(detect(rec("D1", FIRM, AcceptanceChannel.DEPARTMENT, "2024-02-29T16:59"))))
                .isEmpty();
        List<Finding> fs = detect(rec("D2", FIRM, AcceptanceChannel.DEPARTMENT, "2024-03-01T08:00"));
        assertThat(ids(fs)).containsExactly("intake.department-after-move-in:D2");
        Finding f = fs.get(0);
        assertThat(f.severity()).isEqualTo(Severity.RED);
        assertThat(f.message().zh()).contains("2024-03-01", "明进暗不进", "D2");
        assertThat(f.ruleSetVersion()).isEqualTo(TestJudges.version());
        assertThat(f.evidence()).containsEntry("movedIn", "2024-03-01");
    }

    @Test
    void anItemThatMayStillBeAcceptedAtTheDepartmentIsNotMoveInFlagged() {
        List<Finding> fs = detector.detect(List.of(rec("D1", FIRM, AcceptanceChannel.DEPARTMENT, "2024-05-01T10:00")),
                List.of(new ItemMove(ITEM, LocalDate.of(2024, 3, 1), false)), RULES);
        assertThat(fs).isEmpty();
    }

    @Test
    void twoEndWithinTheWindowBothOrdersAndExactlyAtTheWindow() {
        // 30 days either side of 2024-06-01 (2024-05-02, 2024-07-01) is two-end; 31 days (2024-05-01) is not
        assertThat(ids(detect(rec("W1", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2024-06-01T09:00"),
                rec("D1", FIRM, AcceptanceChannel.DEPARTMENT, "2024-02-01T09:00"),
                rec("D2", FIRM, AcceptanceChannel.DEPARTMENT, "2024-07-01T09:00")))
                .stream().filter(s -> s.startsWith("intake.two-end")).toList())
                .containsExactly("intake.two-end:D2");
        assertThat(ids(detect(rec("D3", FIRM, AcceptanceChannel.DEPARTMENT, "2024-05-01T09:00"),
                rec("W1", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2024-06-01T09:00")))
                .stream().filter(s -> s.startsWith("intake.two-end")).toList()).isEmpty();
        assertThat(ids(detect(rec("D4", FIRM, AcceptanceChannel.DEPARTMENT, "2024-05-02T09:00"),
                rec("W1", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2024-06-01T09:00")))
                .stream().filter(s -> s.startsWith("intake.two-end")).toList()).containsExactly("intake.two-end:D4");
    }

    @Test
    void theWindowIsTheOneInForceOnTheDepartmentRecordsDate() {
        // 2025: the county's 10 days apply; 11 days apart is no longer two-end
        assertThat(ids(detect(rec("D1", FIRM, AcceptanceChannel.DEPARTMENT, "2025-03-12T09:00"),
                rec("W1", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2025-03-01T09:00")))
                .stream().filter(s -> s.startsWith("intake.two-end")).toList()).isEmpty();
        List<Finding> fs = detect(rec("D1", FIRM, AcceptanceChannel.DEPARTMENT, "2025-03-11T09:00"),
                rec("W1", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2025-03-01T09:00"));
        Finding two = fs.stream().filter(f -> f.ruleId().equals(IntakeDetector.TWO_END)).findFirst().orElseThrow();
        assertThat(two.parameters()).containsEntry(IntakeDetector.WINDOW_DAYS, "10");
        assertThat(two.evidence()).containsEntry("centreCase", "W1")
                .containsEntry("gapDays", "10");
        assertThat(two.layer()).as("the layer of the rule, national").isEqualTo("000000");
        assertThat(two.message().zh()).doesNotContain(FIRM.value()).contains(FIRM.masked());
    }

    @Test
    void approvedBranchCentresAndOnlineAreTheCentreEndAnUnapprovedBranchIsTheDepartmentEnd() {
        assertThat(detect(branch("B1", "公安分中心", "2024-06-01T09:00"),
                rec("W1", FIRM, AcceptanceChannel.ONLINE, "2024-06-02T09:00"),
                rec("W2", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2024-06-03T09:00"))).isEmpty();
        assertThat(ids(detect(branch("B2", "某街道服务点", "2024-06-01T09:00"),
                rec("W1", FIRM, AcceptanceChannel.ONLINE, "2024-06-02T09:00"))))
                .containsExactly("intake.department-after-move-in:B2", "intake.two-end:B2");
    }

    @Test
    void differentApplicantsOrItemsNeverPair() {
        assertThat(ids(detect(rec("D1", OTHER, AcceptanceChannel.DEPARTMENT, "2024-02-10T09:00"),
                rec("W1", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2024-02-10T10:00")))).isEmpty();
        IntakeRecord otherItem = IntakeRecord.of("W2", ITEM + "9", FIRM, AcceptanceChannel.CENTRE_WINDOW,
                LocalDateTime.parse("2024-02-10T10:00"));
        assertThat(detect(rec("D1", FIRM, AcceptanceChannel.DEPARTMENT, "2024-02-10T09:00"), otherItem)).isEmpty();
    }

    @Test
    void theNearestCentreRecordIsCitedEarlierOnATie() {
        List<Finding> fs = detect(rec("W9", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2024-03-15T09:00"),
                rec("W1", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2024-03-05T09:00"),
                rec("W5", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2024-03-25T09:00"),
                rec("D1", FIRM, AcceptanceChannel.DEPARTMENT, "2024-03-10T09:00"));
        assertThat(fs).filteredOn(f -> f.ruleId().equals(IntakeDetector.TWO_END)).singleElement().satisfies(f -> assertThat(f.evidence()).containsEntry("centreCase", "W1")
                .containsEntry("gapDays", "5"));
    }

    @Test
    void findingsDoNotDependOnTheOrderOfTheLog() {
        List<IntakeRecord> log = new ArrayList<>(List.of(
                rec("D1", FIRM, AcceptanceChannel.DEPARTMENT, "2024-03-10T09:00"),
                rec("D2", FIRM, AcceptanceChannel.DEPARTMENT, "2024-04-10T09:00"),
                rec("W1", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2024-03-20T09:00"),
                rec("W2", FIRM, AcceptanceChannel.CENTRE_WINDOW, "2024-04-01T09:00"),
                rec("D3", OTHER, AcceptanceChannel.DEPARTMENT, "2024-04-01T09:00")));
        List<Finding> first = detector.detect(log, List.of(MOVED), RULES);
        assertThat(ids(first)).containsExactly("intake.department-after-move-in:D1", "intake.department-after-move-in:D2",
                "intake.department-after-move-in:D3", "intake.two-end:D1", "intake.two-end:D2");
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(log, new java.util.Random(i));
            assertThat(detector.detect(log, List.of(MOVED), RULES)).isEqualTo(first);
        }
    }

    @Test
    void badParametersAndRegistersAreTypedErrors() {
        assertThatThrownBy(() -> new IntakeDetector(new ParameterSet(Map.of())))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining(IntakeDetector.WINDOW_DAYS);
        assertThatThrownBy(() -> detector.session(List.of(MOVED, MOVED)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining(ITEM);
        IntakeDetector.Session s = detector.session(List.of());
        s.finish();
        assertThatThrownBy(() -> s.add(rec("D1", FIRM, AcceptanceChannel.DEPARTMENT, "2024-02-10T09:00")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IntakeRecord.of("B1", ITEM, FIRM, AcceptanceChannel.BRANCH_CENTRE,
                LocalDateTime.parse("2024-02-10T09:00"))).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("channelName");
    }

    @Test
    void aRecordDatedBeforeTheParametersFirstValueIsAnErrorNamingTheCase() {
        assertThatThrownBy(() -> detector.detect(List.of(rec("OLD-1", FIRM, AcceptanceChannel.DEPARTMENT, "2003-05-01T09:00")),
                List.of(new ItemMove(ITEM, LocalDate.of(2003, 1, 1), true)), RULES))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.value()).isEqualTo("OLD-1");
                    assertThat(e.getMessage()).contains("2003-05-01", IntakeDetector.WINDOW_DAYS);
                });
    }

    @Test
    void theMonthOfAnEpochDayIsLocalDatesForEveryDayOfFiveThousandYears() {
        long from = LocalDate.of(-2000, 1, 1).toEpochDay();
        long to = LocalDate.of(3000, 12, 31).toEpochDay();
        for (long day = from; day <= to; day++) {
            LocalDate d = LocalDate.ofEpochDay(day);
            int expected = Math.toIntExact(d.getYear() * 12L + d.getMonthValue() - 1);
            if (IntakeDetector.epochMonth(day) != expected) {
                assertThat(IntakeDetector.epochMonth(day)).as("month of %s", d).isEqualTo(expected);
            }
        }
    }
}
