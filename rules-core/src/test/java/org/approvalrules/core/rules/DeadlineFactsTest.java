package org.approvalrules.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.CorrectionPolicy;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.junit.jupiter.api.Test;

class DeadlineFactsTest {
    static final DivisionCode BEIJING = DivisionCode.parse("110101");
    static final WorkingCalendar CAL = CalendarRepository.bundled().calendarFor(BEIJING, CoveragePolicy.STRICT);

    @Test
    void correctionNoticeAndDeliveryAreCountedInWorkingDaysOfTheCalendar() {
        // receipt Mon 2024-09-23; notice Wed 2024-10-09: 9/24-27, Sun 9/29 (adjusted workday), 9/30, 10/8, 10/9 = 8
        // decision 2024-10-10, delivery 2024-10-25: 10/11, Sat 10/12 (adjusted workday), 10/14-18, 10/21-25 = 12
        DeadlineInput in = DeadlineInput.builder("F-1", LocalDateTime.parse("2024-09-23T09:30"), TimeLimit.workingDays(20))
                .promised(TimeLimit.workingDays(10)).correctionNotice(LocalDateTime.parse("2024-10-09T09:00"))
                .decided(LocalDateTime.parse("2024-10-10T10:00")).delivered(LocalDateTime.parse("2024-10-25T10:00")).build();
        Instant asOf = Instant.parse("2024-10-28T02:00:00Z");
        DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, CAL, DeadlinePolicy.DEFAULT, asOf);
        CaseFacts f = DeadlineFacts.of(in, r, CAL, BEIJING);
        assertThat(f.correctionNoticeWorkingDays()).isEqualTo(8);
        assertThat(f.deliveryWorkingDays()).isEqualTo(12);
        assertThat(f.completed()).isTrue();
        assertThat(f.promisedLimit()).isEqualTo(TimeLimit.workingDays(10));
        assertThat(f.promisedRemainingWorkingDays()).isEqualTo(r.governing().remainingWorkingDays());
        assertThat(f.statutoryRemainingWorkingDays()).isEqualTo(r.statutory().remainingWorkingDays());
        assertThat(f.deadline()).containsSame(r);
        assertThat(f.withCompleted(false).deadline()).containsSame(r);
    }

    @Test
    void withoutNoticeOrDecisionTheFiguresAreMinusOneAndThePromisedLimitDefaultsToStatutory() {
        DeadlineInput in = DeadlineInput.builder("F-2", LocalDateTime.parse("2024-09-23T09:30"), TimeLimit.workingDays(20)).build();
        DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, CAL, DeadlinePolicy.DEFAULT, Instant.parse("2024-09-25T02:00:00Z"));
        CaseFacts f = DeadlineFacts.of(in, r, CAL, BEIJING);
        assertThat(f.correctionNoticeWorkingDays()).isEqualTo(-1);
        assertThat(f.deliveryWorkingDays()).isEqualTo(-1);
        assertThat(f.promisedLimit()).isEqualTo(f.statutoryLimit());
        assertThat(f.completed()).isFalse();
    }

    @Test
    void proceduresOfAKindThatDoesNotStopTheClockAreCountedAsUnrecognised() {
        DeadlineInput in = DeadlineInput.builder("F-3", LocalDateTime.parse("2024-09-23T09:30"), TimeLimit.workingDays(20))
                .procedure(SpecialProcedure.of(ProcedureKind.ON_SITE_SURVEY, LocalDateTime.parse("2024-09-24T09:00"),
                        LocalDateTime.parse("2024-09-26T09:00")))
                .build();
        Instant asOf = Instant.parse("2024-10-08T02:00:00Z");
        DeadlinePolicy noLocalKinds = new DeadlinePolicy(true, CorrectionPolicy.PAUSE, OptionalInt.of(3), OptionalDouble.empty(),
                Set.of());
        CaseFacts recognised = DeadlineFacts.of(in, DeadlineEngine.INSTANCE.evaluate(in, CAL, DeadlinePolicy.DEFAULT, asOf),
                CAL, BEIJING);
        CaseFacts unrecognised = DeadlineFacts.of(in, DeadlineEngine.INSTANCE.evaluate(in, CAL, noLocalKinds, asOf), CAL, BEIJING);
        assertThat(recognised.unrecognisedProcedures()).isZero();
        assertThat(unrecognised.unrecognisedProcedures()).isEqualTo(1);
        assertThat(unrecognised.promisedRemainingWorkingDays()).isLessThan(recognised.promisedRemainingWorkingDays());
    }

    @Test
    void handWrittenFactsHaveNoDeadlineResultAndACopyTakesOnlyTheCasesOwn() {
        LocalDateTime accepted = LocalDateTime.parse("2024-09-23T09:30");
        DeadlineInput in = DeadlineInput.builder("F-4", accepted, TimeLimit.workingDays(20)).build();
        DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, CAL, DeadlinePolicy.DEFAULT, Instant.parse("2024-09-25T02:00:00Z"));
        CaseFacts hand = CaseFacts.onTrack("F-4", BEIJING, accepted, TimeLimit.workingDays(20), TimeLimit.workingDays(20), 18, 18);
        assertThat(hand.deadline()).isEmpty();
        assertThat(hand.withDeadline(r).deadline()).containsSame(r);
        CaseFacts other = CaseFacts.onTrack("F-5", BEIJING, accepted, TimeLimit.workingDays(20), TimeLimit.workingDays(20), 18, 18);
        assertThatThrownBy(() -> other.withDeadline(r)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("F-5").hasMessageContaining("another case");
    }

    @Test
    void aResultOfAnotherCaseIsRejected() {
        DeadlineInput a = DeadlineInput.builder("A", LocalDateTime.parse("2024-09-23T09:30"), TimeLimit.workingDays(20)).build();
        DeadlineInput b = DeadlineInput.builder("B", LocalDateTime.parse("2024-09-23T09:30"), TimeLimit.workingDays(20)).build();
        DeadlineResult rb = DeadlineEngine.INSTANCE.evaluate(b, CAL, DeadlinePolicy.DEFAULT, Instant.parse("2024-09-25T02:00:00Z"));
        assertThatThrownBy(() -> DeadlineFacts.of(a, rb, CAL, BEIJING)).isInstanceOf(InvalidValueException.class);
    }
}
