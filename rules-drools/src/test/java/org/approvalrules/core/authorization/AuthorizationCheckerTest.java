package org.approvalrules.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.authorization.AuthorizationReport;
import org.approvalrules.api.authorization.AuthorizationTables;
import org.approvalrules.api.authorization.AuthorizedPerson;
import org.approvalrules.api.authorization.ChiefRepresentative;
import org.approvalrules.api.authorization.DelegationRateFact;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.WindowAuthorization;
import org.approvalrules.api.authorization.WindowOpeningFact;
import org.approvalrules.api.authorization.WindowSchedule.WeeklyPattern;
import org.approvalrules.api.authorization.WindowSchedule;
import org.approvalrules.api.authorization.WindowStaffing;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.kpi.Ratio;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;
import org.approvalrules.core.rules.FactJudge;
import org.approvalrules.drools.TestJudges;
import org.junit.jupiter.api.Test;

class AuthorizationCheckerTest {
    static final WorkingCalendar NATIONAL = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
    static final LocalDate D = LocalDate.of(2024, 9, 30);
    static final Set<Power> ALL = EnumSet.allOf(Power.class);

    private static final ParameterSet PARAMS = TestParameters.national().set();
    private final AuthorizationChecker checker = new AuthorizationChecker(PARAMS);
    /** The national authorization rules, reading the test's parameters. */
    private static final FactJudge RULES = TestJudges.national(PARAMS);

    /** Delegation rates by department and power, and the national rules' findings on them. */
    record Delegation(Map<String, Map<Power, Ratio>> rates, List<Finding> findings) {
    }

    static Delegation delegation(ParameterSet params, AuthorizationTables tables, LocalDate on) {
        List<DelegationRateFact> facts = new AuthorizationChecker(params).rates(tables, on);
        Map<String, Map<Power, Ratio>> rates = new TreeMap<>();
        facts.forEach(f -> rates.computeIfAbsent(f.department(), d -> new EnumMap<>(Power.class))
                .put(f.power(), new Ratio(f.numerator(), f.denominator())));
        return new Delegation(rates, TestJudges.national(params).judge(facts));
    }

    private static List<Finding> judge(List<? extends RuleFact> facts) {
        return RULES.judge(facts);
    }

    private List<Finding> signedOutsideWindow(ApprovalCase c, AuthorizationTables t) {
        return judge(checker.signatures(c, t));
    }

    /** {@code n} items of {@code dept}, the first {@code withApproval} of which delegate every power, the others all but approval. */
    static List<WindowAuthorization> items(String dept, int n, int withApproval) {
        List<WindowAuthorization> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Set<Power> p = EnumSet.allOf(Power.class);
            if (i >= withApproval) {
                p.remove(Power.APPROVAL);
            }
            out.add(new WindowAuthorization(dept, "ITEM-" + i, p, "县市监发〔2024〕1号", LocalDate.of(2024, 1, 1)));
        }
        return out;
    }

    private static List<String> ids(List<Finding> f) {
        return f.stream().map(Finding::ruleId).toList();
    }

    @Test
    void exactlyEightyPercentMeetsTheApprovalTargetAndOneItemLessDoesNot() {
        Delegation ok = delegation(PARAMS, AuthorizationTables.of(items("市场监管局", 10, 8)), D);
        assertThat(ok.rates().get("市场监管局").get(Power.APPROVAL)).isEqualTo(new Ratio(8, 10));
        assertThat(ok.findings()).isEmpty();

        Delegation low = delegation(PARAMS, AuthorizationTables.of(items("市场监管局", 10, 7)), D);
        assertThat(low.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(AuthorizationChecker.RATE_BELOW_TARGET);
            assertThat(f.severity()).isEqualTo(Severity.YELLOW);
            assertThat(f.subject()).isEqualTo("市场监管局");
            assertThat(f.message().zh()).startsWith("“市场监管局”审批权授权率 7/10").contains("80%");
            assertThat(f.message().en()).contains("approval delegation rate 7/10");
            assertThat(f.parameters()).containsEntry("authorization.target.approval", "0.8");
            assertThat(f.layer()).isEqualTo("000000");
            assertThat(f.ruleSetVersion()).isEqualTo(TestJudges.version());
            assertThat(f.legalReference()).isEqualTo("文件0");
        });
    }

    @Test
    void aHundredPercentTargetIsMissedByOneItem() {
        List<WindowAuthorization> t = new ArrayList<>(items("水利局", 5, 5));
        t.set(4, new WindowAuthorization("水利局", "ITEM-4", EnumSet.complementOf(EnumSet.of(Power.LITIGATION)), "文", LocalDate.of(2024, 1, 1)));
        Delegation r = delegation(PARAMS, AuthorizationTables.of(t), D);
        assertThat(r.rates().get("水利局").get(Power.LITIGATION)).isEqualTo(new Ratio(4, 5));
        assertThat(r.findings()).singleElement().satisfies(f -> assertThat(f.message().zh()).contains("应诉代理权").contains("100%"));
    }

    @Test
    void aDelegationCountsFromItsEffectiveDateNotTheDayBefore() {
        LocalDate from = LocalDate.of(2024, 10, 8);
        List<WindowAuthorization> t = new ArrayList<>(items("环保局", 2, 0));
        t.add(new WindowAuthorization("环保局", "ITEM-0", ALL, "环发〔2024〕9号", from));
        t.add(new WindowAuthorization("环保局", "ITEM-1", ALL, "环发〔2024〕9号", from));
        AuthorizationTables tables = AuthorizationTables.of(t);
        assertThat(delegation(PARAMS, tables, from.minusDays(1)).rates().get("环保局").get(Power.APPROVAL)).isEqualTo(new Ratio(0, 2));
        assertThat(delegation(PARAMS, tables, from).rates().get("环保局").get(Power.APPROVAL)).isEqualTo(new Ratio(2, 2));
        assertThat(delegation(PARAMS, tables, from).findings()).isEmpty();
        // before any authorization the department has no items in the centre: nothing to rate
        assertThat(delegation(PARAMS, tables, LocalDate.of(2023, 12, 31)).rates()).isEmpty();
    }

    @Test
    void targetsAreChosenByTheAssessedDate() {
        ParameterSet local = TestParameters.national()
                .with("authorization.target.approval", ParameterType.DECIMAL, "510600",
                        "2004-07-01", new BigDecimal("0.8"), "2025-01-01", new BigDecimal("0.95")).set();
        AuthorizationTables t = AuthorizationTables.of(items("住建局", 20, 18)); // 90 %
        assertThat(delegation(local, t, LocalDate.of(2024, 12, 31)).findings()).isEmpty();
        assertThat(delegation(local, t, LocalDate.of(2025, 1, 1)).findings()).singleElement().satisfies(f -> {
            assertThat(f.layer()).as("the layer of the rule (the value's layer is in the parameter set)").isEqualTo("000000");
            assertThat(f.parameters()).containsEntry("authorization.target.approval", "0.95");
            assertThat(f.legalReference()).isEqualTo("文件2");
        });
    }

    @Test
    void aTargetOutsideZeroToOneIsADataError() {
        ParameterSet bad = TestParameters.national()
                .with("authorization.target.review", ParameterType.DECIMAL, "451031", "2004-07-01", new BigDecimal("80")).set();
        assertThatThrownBy(() -> delegation(bad, AuthorizationTables.of(items("税务局", 1, 1)), D))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("p.yaml:1").hasMessageContaining("authorization.target.review");
    }

    @Test
    void chiefRepresentativeMissingWithoutApprovalPowerOrNotFullTime() {
        List<WindowAuthorization> t = new ArrayList<>(items("公安局", 1, 1));
        t.addAll(items("卫健委", 1, 1));
        t.addAll(items("教育局", 1, 1));
        t.addAll(items("交通局", 1, 1));
        ApplicantId id = ApplicantId.parse("11010519491231002X");
        List<ChiefRepresentative> chiefs = List.of(
                new ChiefRepresentative("卫健委", "王五", Optional.of(id), "卫发〔2024〕3号", LocalDate.of(2024, 1, 1), false, true),
                new ChiefRepresentative("教育局", "赵六", Optional.empty(), "教发〔2024〕2号", LocalDate.of(2024, 1, 1), true, false),
                new ChiefRepresentative("交通局", "钱七", Optional.empty(), "交发〔2024〕5号", LocalDate.of(2024, 1, 1), true, true),
                new ChiefRepresentative("公安局", "孙八", Optional.empty(), "公发〔2024〕8号", D.plusDays(1), true, true));
        List<Finding> f = judge(checker.chiefRepresentatives(new AuthorizationTables(t, chiefs, List.of(), List.of()), D));
        // departments in code-point order (交 < 公 < 卫 < 教); 交通局 is in order
        assertThat(f).extracting(Finding::ruleId, Finding::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuthorizationChecker.CHIEF_MISSING, "公安局"),
                org.assertj.core.groups.Tuple.tuple(AuthorizationChecker.CHIEF_WITHOUT_APPROVAL, "卫健委"),
                org.assertj.core.groups.Tuple.tuple(AuthorizationChecker.CHIEF_NOT_FULL_TIME, "教育局"));
        assertThat(f.get(0).severity()).isEqualTo(Severity.RED);
        assertThat(f).allSatisfy(x -> assertThat(x.toString()).doesNotContain("11010519491231002X"));
        assertThat(chiefs.get(0).toString()).doesNotContain("11010519491231002X");
        // the next day the appointment is in force
        assertThat(ids(judge(checker.chiefRepresentatives(new AuthorizationTables(t, chiefs, List.of(), List.of()), D.plusDays(1)))))
                .doesNotContain(AuthorizationChecker.CHIEF_MISSING);
    }

    @Test
    void aWeekdaysOnlyWindowMustOpenOnTheAdjustedWorkingSaturday() {
        // 2024-09-14 (Sat) was a working day (中秋节调休, 国办发明电〔2023〕7号); 09-16/17 were off
        WindowSchedule weekdays = WindowSchedule.of("市场监管局", WeeklyPattern.weekdays(LocalDate.of(2024, 1, 1), WindowStaffing.FULL_DAY));
        WindowOpeningFact o = checker.windowOpening(weekdays, NATIONAL, LocalDate.of(2024, 9, 9), LocalDate.of(2024, 9, 20));
        assertThat(o.workingDays()).isEqualTo(9);
        assertThat(o.closedDays()).containsExactly(LocalDate.of(2024, 9, 14));
        assertThat(o.halfDays()).isEmpty();
        assertThat(new Ratio(o.staffedAllDay(), o.judgedDays())).isEqualTo(new Ratio(8, 9));
        assertThat(judge(List.of(o))).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(AuthorizationChecker.WINDOW_NOT_OPEN);
            assertThat(f.severity()).isEqualTo(Severity.RED);
            assertThat(f.message().zh()).contains("2024-09-14").contains("9 个工作日");
        });

        WindowSchedule opensThatSaturday = new WindowSchedule("市场监管局", weekdays.patterns(),
                Map.of(LocalDate.of(2024, 9, 14), WindowStaffing.FULL_DAY));
        assertThat(judge(List.of(checker.windowOpening(opensThatSaturday, NATIONAL, LocalDate.of(2024, 9, 9), LocalDate.of(2024, 9, 20)))))
                .isEmpty();
    }

    @Test
    void twoDaysAWeekAndMorningsOnlyAreReported() {
        WindowSchedule s = new WindowSchedule("安监局", List.of(
                new WeeklyPattern(LocalDate.of(2024, 1, 1), Map.of(DayOfWeek.TUESDAY, WindowStaffing.FULL_DAY,
                        DayOfWeek.THURSDAY, WindowStaffing.MORNING))), Map.of());
        WindowOpeningFact o = checker.windowOpening(s, NATIONAL, LocalDate.of(2024, 11, 4), LocalDate.of(2024, 11, 8));
        assertThat(o.closedDays()).containsExactly(LocalDate.of(2024, 11, 4), LocalDate.of(2024, 11, 6), LocalDate.of(2024, 11, 8));
        assertThat(o.halfDays()).containsExactly(LocalDate.of(2024, 11, 7));
        assertThat(new Ratio(o.staffedAllDay(), o.judgedDays())).isEqualTo(new Ratio(1, 5));

        WindowSchedule morningsOnly = WindowSchedule.of("药监局", WeeklyPattern.weekdays(LocalDate.of(2024, 1, 1), WindowStaffing.MORNING));
        assertThat(judge(List.of(checker.windowOpening(morningsOnly, NATIONAL, LocalDate.of(2024, 11, 4), LocalDate.of(2024, 11, 8)))))
                .singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.YELLOW));
    }

    @Test
    void daysBeforeTheFirstPatternAreNotJudgedAndAHolidayNeedNotOpen() {
        WindowSchedule s = WindowSchedule.of("税务局", WeeklyPattern.weekdays(LocalDate.of(2024, 10, 8), WindowStaffing.FULL_DAY));
        // 2024-10-01..07 National Day holiday, 09-29 (Sun) and 10-12 (Sat) working days
        WindowOpeningFact o = checker.windowOpening(s, NATIONAL, LocalDate.of(2024, 9, 29), LocalDate.of(2024, 10, 12));
        assertThat(o.unknownDays()).containsExactly(LocalDate.of(2024, 9, 29), LocalDate.of(2024, 9, 30));
        assertThat(o.closedDays()).containsExactly(LocalDate.of(2024, 10, 12));
        assertThat(o.workingDays()).isEqualTo(2 + 4 + 1);
    }

    private static ApprovalCase caseWithStep(String handler, Power power, LocalDateTime signed) {
        return ApprovalCase.builder("C-1").itemCode("ITEM-0").locality(DivisionCode.parse("451031"))
                .applicant(ApplicantId.parse("11010519491231002X"))
                .applied(signed.minusDays(3)).accepted(signed.minusDays(3), "中心窗口", "李四", AcceptanceChannel.CENTRE_WINDOW)
                .step("审批", handler, signed.minusHours(1), signed, power).build();
    }

    @Test
    void approvalSignedBySomeoneWithoutAGrantIsSignedOutsideTheWindow() {
        LocalDateTime signed = LocalDateTime.of(2024, 9, 30, 15, 0);
        AuthorizedPerson zhang = new AuthorizedPerson("市场监管局", "张三", Optional.of("ITEM-0"), EnumSet.of(Power.APPROVAL),
                LocalDate.of(2024, 9, 30), Optional.empty());
        AuthorizationTables t = new AuthorizationTables(items("市场监管局", 1, 1), List.of(), List.of(zhang), List.of());
        assertThat(signedOutsideWindow(caseWithStep("张三", Power.APPROVAL, signed), t)).isEmpty();
        List<Finding> f = signedOutsideWindow(caseWithStep("局长王某", Power.APPROVAL, signed), t);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo(AuthorizationChecker.SIGNED_OUTSIDE);
            assertThat(x.severity()).isEqualTo(Severity.RED);
            assertThat(x.subject()).isEqualTo("C-1");
            assertThat(x.message().zh()).contains("局长王某").contains("回局签批").contains("不是该事项审批权的窗口授权人员");
            assertThat(x.evidence()).containsEntry("step", "steps[0]");
            assertThat(x.parameters()).containsKey(AuthorizationChecker.SIGNED_POWERS);
        });
        // the grant starts on 09-30: the day before, 张三 was not yet authorised
        assertThat(signedOutsideWindow(caseWithStep("张三", Power.APPROVAL, signed.minusDays(1)), t)).hasSize(1);
        // review is not a checked power nationally
        assertThat(signedOutsideWindow(caseWithStep("局长王某", Power.REVIEW, signed), t)).isEmpty();
    }

    @Test
    void aStepOfAPowerNotDelegatedToTheWindowIsTheRateGapNotASignatureOutsideTheWindow() {
        // issue #12: the 80 % target lets about a fifth of items keep approval at the department; their approval
        // steps are counted in the rate (power-rate-below-target), never flagged as 回局签批
        LocalDateTime signed = LocalDateTime.of(2024, 9, 30, 15, 0);
        AuthorizedPerson zhang = new AuthorizedPerson("市场监管局", "张三", Optional.empty(), ALL, LocalDate.of(2024, 1, 1), Optional.empty());
        AuthorizationTables t = new AuthorizationTables(items("市场监管局", 1, 0), List.of(), List.of(zhang), List.of());
        assertThat(signedOutsideWindow(caseWithStep("张三", Power.APPROVAL, signed), t)).isEmpty();
        assertThat(signedOutsideWindow(caseWithStep("局长王某", Power.APPROVAL, signed), t)).isEmpty();
        assertThat(signedOutsideWindow(caseWithStep("张三", Power.CERTIFICATION, signed), t)).isEmpty();
        // an item no department has in the centre is not judged here
        AuthorizationTables other = new AuthorizationTables(List.of(new WindowAuthorization("市场监管局", "OTHER", ALL, "文", LocalDate.of(2024, 1, 1))),
                List.of(), List.of(zhang), List.of());
        assertThat(signedOutsideWindow(caseWithStep("局长王某", Power.APPROVAL, signed), other)).isEmpty();
    }

    @Test
    void aGrantForAnotherDepartmentOrAfterItsLastDayDoesNotCount() {
        LocalDateTime signed = LocalDateTime.of(2024, 9, 30, 15, 0);
        AuthorizedPerson otherDept = new AuthorizedPerson("税务局", "张三", Optional.empty(), ALL, LocalDate.of(2024, 1, 1), Optional.empty());
        AuthorizedPerson ended = new AuthorizedPerson("市场监管局", "李四", Optional.empty(), ALL, LocalDate.of(2024, 1, 1),
                Optional.of(LocalDate.of(2024, 9, 29)));
        AuthorizationTables t = new AuthorizationTables(items("市场监管局", 1, 1), List.of(), List.of(otherDept, ended), List.of());
        assertThat(signedOutsideWindow(caseWithStep("张三", Power.APPROVAL, signed), t)).hasSize(1);
        assertThat(signedOutsideWindow(caseWithStep("李四", Power.APPROVAL, signed), t)).hasSize(1);
        assertThat(signedOutsideWindow(caseWithStep("李四", Power.APPROVAL, signed.minusDays(1)), t)).isEmpty();
    }

    @Test
    void anUnknownPowerInTheCheckedListNamesTheParameterFile() {
        AuthorizationChecker bad = new AuthorizationChecker(TestParameters.national()
                .with(AuthorizationChecker.SIGNED_POWERS, ParameterType.LIST, "451031", "2004-07-01", List.of("SIGNING")).set());
        assertThatThrownBy(() -> bad.checkedPowers(D)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("p.yaml:1").hasMessageContaining("SIGNING");
    }

    @Test
    void checkParametersReportsEveryBadValueWithItsFileAndLine() {
        AuthorizationChecker.checkParameters(TestParameters.national().set());
        org.approvalrules.api.rules.RulePackException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.approvalrules.api.rules.RulePackException.class, () -> AuthorizationChecker.checkParameters(TestParameters.national()
                        .with("authorization.target.review", ParameterType.DECIMAL, "451031", "2004-07-01", new BigDecimal("0.9"),
                                "2025-01-01", new BigDecimal("1.5"))
                        .with(AuthorizationChecker.SIGNED_POWERS, ParameterType.LIST, "451031", "2004-07-01", List.of("APPROVAL", "SEAL"))
                        .set()));
        assertThat(e.getMessage()).contains("p.yaml:2").contains("1.5").contains("p.yaml:1").contains("SEAL");
    }

    @Test
    void duplicateAuthorizationsAreRejected() {
        WindowAuthorization a = new WindowAuthorization("市场监管局", "ITEM-0", ALL, "文", LocalDate.of(2024, 1, 1));
        assertThatThrownBy(() -> AuthorizationTables.of(List.of(a, a))).hasMessageContaining("市场监管局/ITEM-0/2024-01-01");
    }

    @Test
    void aLaterAuthorizationWithFewerPowersWithdrawsFromItsDate() {
        List<WindowAuthorization> t = List.of(
                new WindowAuthorization("市场监管局", "ITEM-0", ALL, "文1", LocalDate.of(2024, 1, 1)),
                new WindowAuthorization("市场监管局", "ITEM-0", EnumSet.of(Power.ACCEPTANCE), "文2", LocalDate.of(2024, 6, 1)));
        AuthorizationTables tables = AuthorizationTables.of(t);
        assertThat(tables.inForceOn(LocalDate.of(2024, 5, 31))).singleElement().extracting(WindowAuthorization::document).isEqualTo("文1");
        assertThat(tables.inForceOn(LocalDate.of(2024, 6, 1))).singleElement().extracting(WindowAuthorization::document).isEqualTo("文2");
    }

    @Test
    void checkCombinesEverything() {
        AuthorizationTables t = new AuthorizationTables(items("市场监管局", 10, 7), List.of(), List.of(),
                List.of(WindowSchedule.of("市场监管局", WeeklyPattern.weekdays(LocalDate.of(2024, 1, 1), WindowStaffing.FULL_DAY))));
        AuthorizationReport r = checker.check(t, NATIONAL, LocalDate.of(2024, 9, 1), D, true, RULES);
        assertThat(ids(r.findings())).containsExactly(AuthorizationChecker.RATE_BELOW_TARGET, AuthorizationChecker.CHIEF_MISSING,
                AuthorizationChecker.WINDOW_NOT_OPEN);
        assertThatThrownBy(() -> checker.check(t, NATIONAL, D, D.minusDays(1), true, RULES)).hasMessageContaining("to");
    }
}
