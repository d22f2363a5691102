package org.approvalrules.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.deadline.CorrectionPolicy;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlineInputException;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.DeadlineStatus;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.ExtensionLimitException;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.RedReason;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.StartRule;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.deadline.TraceStep;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.core.calendar.CompiledCalendar;
import org.junit.jupiter.api.Test;

class DeadlineEngineTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final CompiledCalendar CAL = TestCalendars.national(CoveragePolicy.STRICT);
    private static final DeadlineEngine ENGINE = DeadlineEngine.INSTANCE;
    private static final DeadlinePolicy POLICY = DeadlinePolicy.DEFAULT;

    private static LocalDateTime t(String s) {
        return LocalDateTime.parse(s);
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    private static Instant at(String s) {
        return t(s).atZone(SHANGHAI).toInstant();
    }

    private static DeadlineInput.Builder nationalDay() {
        return DeadlineInput.builder("C-1", t("2024-09-27T10:30"), TimeLimit.workingDays(20)).promised(TimeLimit.workingDays(10));
    }

    private static DeadlineResult eval(DeadlineInput in, String asOf) {
        return ENGINE.evaluate(in, CAL, POLICY, at(asOf));
    }

    @Test
    void countsFromTheNextDayAcrossTheNationalDayBlock() {
        // day 1 = Sun 9/29 (adjusted working day), day 2 = 9/30, 10/1–7 off, day 3 = 10/8, ..., 10/12 (Sat) worked:
        // day 10 = 10/16, day 20 = 10/30
        DeadlineResult r = eval(nationalDay().build(), "2024-10-09T12:00");
        assertThat(r.startRule()).isEqualTo(StartRule.ACCEPTED_IN_OFFICE_HOURS);
        assertThat(r.countingBase()).isEqualTo(d("2024-09-27"));
        assertThat(r.statutory().dueDate()).isEqualTo(d("2024-10-30"));
        assertThat(r.statutory().dueInstant()).isEqualTo(at("2024-10-30T17:00"));
        assertThat(r.promised().orElseThrow().dueDate()).isEqualTo(d("2024-10-16"));
        // as of 10/9: counted 9/29, 9/30, 10/8, 10/9 = 4
        assertThat(r.governing().elapsedWorkingDays()).isEqualTo(4);
        assertThat(r.governing().remainingWorkingDays()).isEqualTo(6);
        assertThat(r.status()).isEqualTo(DeadlineStatus.ON_TRACK);
        assertThat(r.provisional()).isFalse();
        assertThat(r.findings()).isEmpty();
        assertThat(r.calendarVersion()).isEqualTo(CAL.version());
    }

    @Test
    void expertReviewStopsTheClockOverItsWorkingDays() {
        // [10/10, 10/15): 10/10, 10/11, 10/12 (adjusted Sat) and 10/14 are working days → +4
        DeadlineInput in = nationalDay().procedure(SpecialProcedure.of(ProcedureKind.EXPERT_REVIEW, t("2024-10-10T09:00"),
                t("2024-10-15T09:00"))).build();
        DeadlineResult r = eval(in, "2024-10-21T12:00");
        assertThat(r.statutory().dueDate()).isEqualTo(d("2024-11-05"));
        assertThat(r.statutory().suspendedWorkingDays()).isEqualTo(4);
        assertThat(r.promised().orElseThrow().dueDate()).isEqualTo(d("2024-10-22"));
        // as of 10/21: counted 9/29, 9/30, 10/8, 10/9, 10/15..18, 10/21 = 9 → 1 left of 10 → yellow (≤ 3)
        assertThat(r.governing().elapsedWorkingDays()).isEqualTo(9);
        assertThat(r.governing().remainingWorkingDays()).isEqualTo(1);
        assertThat(r.status()).isEqualTo(DeadlineStatus.YELLOW);
    }

    @Test
    void overlappingProceduresAreNotDoubleCounted() {
        DeadlineInput two = nationalDay()
                .procedure(SpecialProcedure.of(ProcedureKind.EXPERT_REVIEW, t("2024-10-10T09:00"), t("2024-10-15T09:00")))
                .procedure(SpecialProcedure.of(ProcedureKind.TESTING, t("2024-10-14T09:00"), t("2024-10-17T09:00"))).build();
        DeadlineInput one = nationalDay()
                .procedure(SpecialProcedure.of(ProcedureKind.EXPERT_REVIEW, t("2024-10-10T09:00"), t("2024-10-17T09:00"))).build();
        DeadlineResult a = eval(two, "2024-10-20T12:00");
        DeadlineResult b = eval(one, "2024-10-20T12:00");
        assertThat(a.statutory().dueDate()).isEqualTo(b.statutory().dueDate()).isEqualTo(d("2024-11-07"));
        assertThat(a.statutory().suspendedWorkingDays()).isEqualTo(6);
    }

    @Test
    void openProcedureKeepsTheCasePausedAsOfTheEvaluationDate() {
        DeadlineInput in = nationalDay().procedure(SpecialProcedure.open(ProcedureKind.HEARING, t("2024-10-10T09:00"))).build();
        DeadlineResult r = eval(in, "2024-10-16T12:00");
        assertThat(r.status()).isEqualTo(DeadlineStatus.PAUSED);
        // counted: 9/29, 9/30, 10/8, 10/9; paused 10/10..10/16 (5 working days incl. Sat 10/12); earliest due if resumed 10/17
        assertThat(r.governing().elapsedWorkingDays()).isEqualTo(4);
        assertThat(r.promised().orElseThrow().dueDate()).isEqualTo(d("2024-10-24"));
        // replaying before the hearing started: not yet known
        DeadlineResult before = eval(in, "2024-10-09T12:00");
        assertThat(before.status()).isEqualTo(DeadlineStatus.ON_TRACK);
        assertThat(before.promised().orElseThrow().dueDate()).isEqualTo(d("2024-10-16"));
    }

    @Test
    void afterHoursAndNonWorkingDayAcceptanceCountFromTheNextWorkingDay() {
        // Fri 9/27 17:30 → deemed accepted Sun 9/29 (an adjusted working day); day 1 = Mon 9/30
        DeadlineInput late = DeadlineInput.builder("C-2", t("2024-09-27T17:30"), TimeLimit.workingDays(1)).build();
        DeadlineResult r = eval(late, "2024-09-28T12:00");
        assertThat(r.startRule()).isEqualTo(StartRule.AFTER_HOURS_NEXT_WORKING_DAY);
        assertThat(r.countingBase()).isEqualTo(d("2024-09-29"));
        assertThat(r.statutory().dueDate()).isEqualTo(d("2024-09-30"));
        // Sat 10/19 → deemed Mon 10/21, day 1 Tue 10/22; with the policy off day 1 is Mon 10/21
        DeadlineInput weekend = DeadlineInput.builder("C-3", t("2024-10-19T10:00"), TimeLimit.workingDays(1)).build();
        assertThat(eval(weekend, "2024-10-19T12:00").statutory().dueDate()).isEqualTo(d("2024-10-22"));
        DeadlineResult off = ENGINE.evaluate(weekend, CAL, POLICY.withAfterHoursFromNextWorkingDay(false), at("2024-10-19T12:00"));
        assertThat(off.startRule()).isEqualTo(StartRule.ACCEPTANCE_DATE_AS_IS);
        assertThat(off.statutory().dueDate()).isEqualTo(d("2024-10-21"));
        // before opening on a working day: same day
        DeadlineInput early = DeadlineInput.builder("C-4", t("2024-10-21T07:30"), TimeLimit.workingDays(1)).build();
        DeadlineResult e = eval(early, "2024-10-21T12:00");
        assertThat(e.startRule()).isEqualTo(StartRule.BEFORE_OFFICE_HOURS_SAME_DAY);
        assertThat(e.statutory().dueDate()).isEqualTo(d("2024-10-22"));
    }

    @Test
    void calendarDayPeriodEndingOnAHolidayEndsOnTheNextWorkingDay() {
        // 9/20 + 15 days = Sat 10/5 (国庆节) → Tue 10/8
        DeadlineInput in = DeadlineInput.builder("C-5", t("2024-09-20T10:00"), TimeLimit.calendarDays(15)).build();
        DeadlineResult r = eval(in, "2024-09-21T10:00");
        assertThat(r.statutory().dueDate()).isEqualTo(d("2024-10-08"));
        // 9/20 + 10 days = Mon 9/30, a working day: stays
        DeadlineInput ten = DeadlineInput.builder("C-6", t("2024-09-20T10:00"), TimeLimit.calendarDays(10)).build();
        assertThat(eval(ten, "2024-09-21T10:00").statutory().dueDate()).isEqualTo(d("2024-09-30"));
    }

    @Test
    void immediateItemsAreDueAtTheEndOfBusinessOnTheAcceptanceDay() {
        DeadlineInput in = DeadlineInput.builder("C-7", t("2024-10-08T10:00"), TimeLimit.IMMEDIATE)
                .completed(t("2024-10-08T16:59")).build();
        DeadlineResult r = eval(in, "2024-10-09T10:00");
        assertThat(r.statutory().dueInstant()).isEqualTo(at("2024-10-08T17:00"));
        assertThat(r.status()).isEqualTo(DeadlineStatus.COMPLETED_ON_TIME);
        DeadlineInput evening = DeadlineInput.builder("C-8", t("2024-09-30T18:00"), TimeLimit.IMMEDIATE).build();
        assertThat(eval(evening, "2024-10-02T10:00").statutory().dueDate()).isEqualTo(d("2024-10-08"));
    }

    @Test
    void extensionsAddWorkingDaysAndTheLawCapsThem() {
        Extension ten = new Extension(10, Extension.Basis.ART_42_ORDINARY, "某局审批〔2024〕1号", d("2024-10-25"));
        DeadlineInput in = nationalDay().extension(ten).build();
        // 20 + 10: day 20 = 10/30, then 10/31, 11/1, 11/4..8, 11/11, 11/12, 11/13 → 11/13
        assertThat(eval(in, "2024-10-28T10:00").statutory().dueDate()).isEqualTo(d("2024-11-13"));
        assertThat(eval(in, "2024-10-28T10:00").statutory().extensionDays()).isEqualTo(10);
        // not yet approved as of 10/24
        assertThat(eval(in, "2024-10-24T10:00").statutory().dueDate()).isEqualTo(d("2024-10-30"));
        Extension five = new Extension(5, Extension.Basis.ART_42_ORDINARY, "某局审批〔2024〕2号", d("2024-10-26"));
        assertThatThrownBy(() -> nationalDay().extension(ten).extension(five).build())
                .isInstanceOf(ExtensionLimitException.class).hasMessageContaining("C-1").hasMessageContaining("15");
        Extension joint = new Extension(15, Extension.Basis.ART_42_JOINT, "某市政府〔2024〕3号", d("2024-10-26"));
        assertThatThrownBy(() -> nationalDay().extension(five).extension(joint).build())
                .isInstanceOf(ExtensionLimitException.class);
        assertThat(DeadlineInput.builder("C-9", t("2024-09-27T10:30"), TimeLimit.workingDays(45)).extension(joint).build()
                .extensionDays()).isEqualTo(15);
    }

    @Test
    void correctionPausesOrRestartsByPolicy() {
        // accepted 10/8; notice 10/10; corrected materials 10/15 (Tue)
        DeadlineInput in = DeadlineInput.builder("C-10", t("2024-10-08T10:00"), TimeLimit.workingDays(5))
                .correctionNotice(t("2024-10-10T10:00")).correctedMaterials(t("2024-10-15T10:00")).build();
        // PAUSE: counted 10/9, then [10/10, 10/15) off, 10/15(2), 16, 17, 18(5) → 10/18
        DeadlineResult pause = ENGINE.evaluate(in, CAL, POLICY.withCorrection(CorrectionPolicy.PAUSE), at("2024-10-16T10:00"));
        assertThat(pause.statutory().dueDate()).isEqualTo(d("2024-10-18"));
        // RESTART: base 10/15, day 1 = 10/16 … day 5 = 10/22
        DeadlineResult restart = ENGINE.evaluate(in, CAL, POLICY.withCorrection(CorrectionPolicy.RESTART), at("2024-10-16T10:00"));
        assertThat(restart.startRule()).isEqualTo(StartRule.CORRECTION_RESTART);
        assertThat(restart.statutory().dueDate()).isEqualTo(d("2024-10-22"));
        // materials not yet back: paused under both policies
        DeadlineResult waiting = ENGINE.evaluate(in, CAL, POLICY.withCorrection(CorrectionPolicy.RESTART), at("2024-10-14T10:00"));
        assertThat(waiting.status()).isEqualTo(DeadlineStatus.PAUSED);
    }

    @Test
    void lateCorrectionNoticeMeansAcceptedAtReceipt() {
        // received Fri 9/27; five working days: 9/29, 9/30, 10/8, 10/9, 10/10 → notice on 10/11 is late
        DeadlineInput in = DeadlineInput.builder("C-11", t("2024-10-21T10:00"), TimeLimit.workingDays(20))
                .materialsReceived(t("2024-09-27T10:00")).correctionNotice(t("2024-10-11T10:00"))
                .correctedMaterials(t("2024-10-18T10:00")).build();
        DeadlineResult r = eval(in, "2024-10-22T10:00");
        assertThat(r.startRule()).isEqualTo(StartRule.ART32_ACCEPTED_AT_RECEIPT);
        assertThat(r.countingBase()).isEqualTo(d("2024-09-27"));
        assertThat(r.statutory().dueDate()).isEqualTo(d("2024-10-30"));
        Finding f = r.findings().get(0);
        assertThat(f.ruleId()).isEqualTo("deadline.art32.late-correction-notice");
        assertThat(f.legalReference()).isEqualTo("行政许可法第三十二条");
        assertThat(f.layer()).isEqualTo("000000");
        assertThat(f.ruleSetVersion()).isEqualTo("engine-" + DeadlineEngine.VERSION + "+" + CAL.version());
        assertThat(f.evidence()).containsEntry("lastAllowedDay", "2024-10-10");
        // on the fifth working day it is in time
        DeadlineInput ok = in.toBuilder().correctionNotice(t("2024-10-10T16:00")).build();
        assertThat(eval(ok, "2024-10-22T10:00").findings()).isEmpty();
    }

    @Test
    void deliveryIsDueTenWorkingDaysAfterTheDecision() {
        // decided Mon 9/30 → 10/8, 9, 10, 11, 12, 14, 15, 16, 17, 18 → 10/18
        DeadlineInput in = nationalDay().decided(t("2024-09-30T10:00")).delivered(t("2024-10-21T09:00")).build();
        DeadlineResult r = eval(in, "2024-10-22T10:00");
        assertThat(r.deliveryDueDate()).contains(d("2024-10-18"));
        assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("deadline.art44.late-delivery");
        DeadlineInput onTime = nationalDay().decided(t("2024-09-30T10:00")).delivered(t("2024-10-18T16:00")).build();
        assertThat(eval(onTime, "2024-10-22T10:00").findings()).isEmpty();
        assertThat(eval(onTime, "2024-10-22T10:00").status()).isEqualTo(DeadlineStatus.COMPLETED_ON_TIME);
    }

    @Test
    void statusRedSaysWhetherTheStatutoryLimitIsPast() {
        DeadlineInput in = nationalDay().build();
        DeadlineResult pastPromised = eval(in, "2024-10-16T17:01");
        assertThat(pastPromised.status()).isEqualTo(DeadlineStatus.RED);
        assertThat(pastPromised.redReason()).contains(RedReason.PAST_PROMISED);
        assertThat(eval(in, "2024-10-16T17:00").status()).isEqualTo(DeadlineStatus.YELLOW);
        DeadlineResult pastStatutory = eval(in, "2024-10-31T09:00");
        assertThat(pastStatutory.redReason()).contains(RedReason.PAST_STATUTORY);
        assertThat(pastStatutory.statutory().remainingWorkingDays()).isEqualTo(-1);
    }

    @Test
    void completionExactlyAtTheDueInstantIsOnTime() {
        assertThat(eval(nationalDay().completed(t("2024-10-16T17:00")).build(), "2024-11-01T00:00").status())
                .isEqualTo(DeadlineStatus.COMPLETED_ON_TIME);
        DeadlineResult late = eval(nationalDay().completed(t("2024-10-16T17:00:01")).build(), "2024-11-01T00:00");
        assertThat(late.status()).isEqualTo(DeadlineStatus.COMPLETED_LATE);
        assertThat(late.statutory().status()).isEqualTo(DeadlineStatus.COMPLETED_ON_TIME);
        // a completion after the as-of instant is not yet known
        assertThat(eval(nationalDay().completed(t("2024-10-16T17:00")).build(), "2024-10-09T00:00").status())
                .isEqualTo(DeadlineStatus.ON_TRACK);
    }

    @Test
    void yellowThresholdsAreParameters() {
        DeadlineInput in = nationalDay().build();
        // as of 10/11: counted 9/29, 9/30, 10/8..11 = 6 of 10 → 4 left
        DeadlinePolicy none = POLICY.withYellow(OptionalInt.empty(), OptionalDouble.empty());
        DeadlinePolicy four = POLICY.withYellow(OptionalInt.of(4), OptionalDouble.empty());
        DeadlinePolicy share = POLICY.withYellow(OptionalInt.empty(), OptionalDouble.of(0.4));
        Instant asOf = at("2024-10-11T10:00");
        assertThat(ENGINE.evaluate(in, CAL, none, asOf).status()).isEqualTo(DeadlineStatus.ON_TRACK);
        assertThat(ENGINE.evaluate(in, CAL, four, asOf).status()).isEqualTo(DeadlineStatus.YELLOW);
        assertThat(ENGINE.evaluate(in, CAL, share, asOf).status()).isEqualTo(DeadlineStatus.YELLOW);
        assertThat(ENGINE.evaluate(in, CAL, POLICY.withYellow(OptionalInt.empty(), OptionalDouble.of(0.39)), asOf).status())
                .isEqualTo(DeadlineStatus.ON_TRACK);
    }

    @Test
    void clockGamingProducesFindings() {
        SpecialProcedure afterExpiry = new SpecialProcedure(ProcedureKind.APPRAISAL, t("2024-10-14T09:00"),
                Optional.of(t("2024-10-25T09:00")), Optional.of(t("2024-10-17T09:00")), "");
        DeadlineResult r = eval(nationalDay().procedure(afterExpiry).build(), "2024-10-28T10:00");
        // promised due 10/16 17:00 without it; recorded 10/17 → after expiry, and back-dated to 10/14
        assertThat(r.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("deadline.procedure.back-dated", "deadline.procedure.recorded-after-expiry");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().endsWith("after-expiry")).extracting(Finding::severity)
                .containsExactly(Severity.RED);
        SpecialProcedure atAcceptance = new SpecialProcedure(ProcedureKind.INSPECTION, t("2024-09-27T10:30"),
                Optional.of(t("2024-10-09T09:00")), Optional.of(t("2024-09-27T11:00")), "");
        assertThat(eval(nationalDay().procedure(atAcceptance).build(), "2024-10-10T10:00").findings())
                .extracting(Finding::ruleId).containsExactly("deadline.procedure.starts-at-acceptance");
        SpecialProcedure unknown = new SpecialProcedure(ProcedureKind.OTHER, t("2024-10-09T09:00"),
                Optional.of(t("2024-10-10T09:00")), Optional.empty(), "等待上级批复");
        DeadlineResult u = eval(nationalDay().procedure(unknown).build(), "2024-10-10T10:00");
        assertThat(u.findings()).extracting(Finding::ruleId).containsExactly("deadline.procedure.kind-not-recognised");
        assertThat(u.promised().orElseThrow().dueDate()).isEqualTo(d("2024-10-16"));
    }

    @Test
    void coverageIsStrictOrProvisional() {
        CompiledCalendar only2024 = TestCalendars.national(DateRange.ofYears(2024, 2024), CoveragePolicy.PROVISIONAL);
        DeadlineInput in = DeadlineInput.builder("C-12", t("2024-12-20T10:00"), TimeLimit.workingDays(20)).build();
        DeadlineResult r = ENGINE.evaluate(in, only2024, POLICY, at("2024-12-23T10:00"));
        assertThat(r.provisional()).isTrue();
        // weekends only in 2025: 12/23..27, 30, 31 (7), 1/1..3 (10), 6..10 (15), 13..17 (20) → 1/17
        assertThat(r.statutory().dueDate()).isEqualTo(d("2025-01-17"));
        assertThat(r.trace().steps(TraceStep.Kind.COVERAGE)).hasSize(1);
        CompiledCalendar strict = TestCalendars.national(DateRange.ofYears(2024, 2024), CoveragePolicy.STRICT);
        assertThatThrownBy(() -> ENGINE.evaluate(in, strict, POLICY, at("2024-12-23T10:00")))
                .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("2025");
        // with the real 2025 calendar the 元旦 day is not counted: → 1/20
        assertThat(eval(in, "2024-12-23T10:00").statutory().dueDate()).isEqualTo(d("2025-01-20"));
        assertThat(eval(in, "2024-12-23T10:00").provisional()).isFalse();
    }

    @Test
    void traceExplainsStartSkippedDaysProceduresAndThresholds() {
        DeadlineInput in = nationalDay()
                .procedure(SpecialProcedure.of(ProcedureKind.EXPERT_REVIEW, t("2024-10-10T09:00"), t("2024-10-15T09:00")))
                .extension(new Extension(3, Extension.Basis.ART_42_ORDINARY, "某局审批〔2024〕7号", d("2024-10-20")))
                .build();
        DeadlineResult r = eval(in, "2024-10-21T12:00");
        String text = r.trace().toString();
        assertThat(text).contains("次日起算").contains("国庆节").contains("国办发明电〔2023〕7号")
                .contains("调休上班").contains("专家评审").contains("行政许可法第四十五条").contains("某局审批〔2024〕7号")
                .contains("行政许可法第四十二条第一款").contains("剩余≤3个工作日或剩余≤20%");
        List<TraceStep> skipped = r.trace().steps(TraceStep.Kind.SKIPPED_DAYS);
        assertThat(skipped).anySatisfy(s -> {
            assertThat(s.from()).isEqualTo(d("2024-10-01"));
            assertThat(s.to()).isEqualTo(d("2024-10-07"));
            assertThat(s.legalReference()).contains("国办发明电〔2023〕7号");
        });
        assertThat(r.trace().steps(TraceStep.Kind.SUSPENSION)).hasSize(1);
        assertThat(r.trace()).isSameAs(r.trace());
    }

    @Test
    void clockOverloadUsesTheInjectedClock() {
        Clock clock = Clock.fixed(at("2024-10-09T12:00"), SHANGHAI);
        assertThat(ENGINE.evaluate(nationalDay().build(), CAL, POLICY, clock))
                .isEqualTo(eval(nationalDay().build(), "2024-10-09T12:00"));
    }

    @Test
    void badInputNamesTheCaseAndTheField() {
        assertThatThrownBy(() -> nationalDay().applied(t("2024-09-28T10:00")).build())
                .isInstanceOf(DeadlineInputException.class).hasMessageContaining("C-1").hasMessageContaining("accepted");
        assertThatThrownBy(() -> nationalDay().completed(t("2024-09-26T10:00")).build())
                .isInstanceOf(DeadlineInputException.class).hasMessageContaining("C-1 completed");
        assertThatThrownBy(() -> nationalDay().decided(t("2024-09-26T10:00")).build())
                .isInstanceOf(DeadlineInputException.class).hasMessageContaining("decided");
        assertThatThrownBy(() -> nationalDay().procedure(SpecialProcedure.of(ProcedureKind.HEARING, t("2024-09-26T10:00"),
                t("2024-09-30T10:00"))).build()).isInstanceOf(DeadlineInputException.class)
                .hasMessageContaining("procedures[0].start");
        assertThatThrownBy(() -> SpecialProcedure.of(ProcedureKind.HEARING, t("2024-10-10T10:00"), t("2024-10-09T10:00")))
                .hasMessageContaining("procedure.resumed");
        assertThatThrownBy(() -> nationalDay().correctedMaterials(t("2024-10-09T10:00")).build())
                .isInstanceOf(DeadlineInputException.class).hasMessageContaining("correctedMaterials");
        assertThatThrownBy(() -> nationalDay().delivered(t("2024-10-09T10:00")).build())
                .isInstanceOf(DeadlineInputException.class).hasMessageContaining("delivered");
        assertThatThrownBy(() -> TimeLimit.workingDays(-1)).hasMessageContaining("timeLimit.amount");
        assertThatThrownBy(() -> TimeLimit.parse("20 FORTNIGHTS")).hasMessageContaining("timeLimit.unit");
        assertThatThrownBy(() -> DeadlineInput.builder(" ", t("2024-09-27T10:30"), TimeLimit.workingDays(20)).build())
                .hasMessageContaining("caseId");
    }
}
