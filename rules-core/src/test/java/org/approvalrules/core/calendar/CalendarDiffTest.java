package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarDiff.AffectedCase;
import org.approvalrules.core.calendar.CalendarDiff.CaseSpan;
import org.approvalrules.core.calendar.CalendarDiff.DayChange;
import org.junit.jupiter.api.Test;

class CalendarDiffTest {

    private static final String NOTICE_2023 = "国办发明电〔2023〕7号";
    private static final String NOTICE_2024 = "国办发明电〔2024〕12号";

    /** National 2024 National Day block; 2025 Spring Festival block when {@code with2025}. */
    private static CompiledCalendar.Builder national(DivisionCode locality, boolean with2025) {
        CompiledCalendar.Builder b = CompiledCalendar
                .builder(locality, with2025 ? DateRange.ofYears(2024, 2025) : DateRange.ofYears(2024, 2024))
                .policy(CoveragePolicy.PROVISIONAL);
        for (int d = 1; d <= 7; d++) {
            b.day(LocalDate.of(2024, 10, d), DayKind.HOLIDAY, "国庆节", "000000", NOTICE_2023);
        }
        b.day(LocalDate.of(2024, 9, 29), DayKind.ADJUSTED_WORKDAY, "国庆节", "000000", NOTICE_2023);
        b.day(LocalDate.of(2024, 10, 12), DayKind.ADJUSTED_WORKDAY, "国庆节", "000000", NOTICE_2023);
        if (with2025) {
            b.day(LocalDate.of(2025, 1, 1), DayKind.HOLIDAY, "元旦", "000000", NOTICE_2024);
            for (LocalDate d = LocalDate.of(2025, 1, 28); !d.isAfter(LocalDate.of(2025, 2, 4)); d = d.plusDays(1)) {
                b.day(d, DayKind.HOLIDAY, "春节", "000000", NOTICE_2024);
            }
            b.day(LocalDate.of(2025, 1, 26), DayKind.ADJUSTED_WORKDAY, "春节", "000000", NOTICE_2024);
            b.day(LocalDate.of(2025, 2, 8), DayKind.ADJUSTED_WORKDAY, "春节", "000000", NOTICE_2024);
        }
        return b;
    }

    @Test
    void addingALocalHolidayListsItsDaysAndTheCasesSpanningThem() {
        CompiledCalendar before = national(DivisionCode.parse("450000"), false).build();
        CompiledCalendar after = national(DivisionCode.parse("450000"), false)
                .day(LocalDate.of(2024, 4, 11), DayKind.HOLIDAY, "壮族三月三", "450000", "test fixture")
                .day(LocalDate.of(2024, 4, 12), DayKind.HOLIDAY, "壮族三月三", "450000", "test fixture")
                .build();

        CalendarDiff diff = CalendarDiff.between(before, after);

        assertThat(diff.beforeVersion()).isEqualTo(before.version()).isNotEqualTo(diff.afterVersion());
        assertThat(diff.afterVersion()).isEqualTo(after.version());
        assertThat(diff.changes()).extracting(DayChange::date, DayChange::oldKind, DayChange::newKind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 4, 11), DayKind.WORKDAY, DayKind.HOLIDAY),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2024, 4, 12), DayKind.WORKDAY, DayKind.HOLIDAY));
        assertThat(diff.changes().get(0).newExplanation().layer()).isEqualTo("450000");
        assertThat(diff.changes().get(0).oldExplanation().provisional()).isFalse();
        assertThat(diff.newlyCovered()).isEmpty();

        CaseSpan spanning = new CaseSpan("A-1", LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 29));
        CaseSpan endingOnIt = new CaseSpan("A-2", LocalDate.of(2024, 3, 20), LocalDate.of(2024, 4, 11));
        CaseSpan later = new CaseSpan("A-3", LocalDate.of(2024, 4, 13), LocalDate.of(2024, 5, 20));
        List<AffectedCase> affected = diff.affected(List.of(spanning, endingOnIt, later));
        assertThat(affected).extracting(a -> a.span().caseId()).containsExactly("A-1", "A-2");
        assertThat(affected.get(0).changes()).hasSize(2);
        assertThat(affected.get(1).changes()).extracting(DayChange::date).containsExactly(LocalDate.of(2024, 4, 11));
        // and the recomputation really moves those deadlines
        assertThat(after.plusWorkingDays(LocalDate.of(2024, 4, 1), 20))
                .isEqualTo(before.plusWorkingDays(LocalDate.of(2024, 4, 1), 22));
    }

    @Test
    void publishingANewYearTurnsProvisionalDaysIntoCoveredOnes() {
        CompiledCalendar before = national(DivisionCode.NATIONAL, false).build();
        CompiledCalendar after = national(DivisionCode.NATIONAL, true).build();

        CalendarDiff diff = CalendarDiff.between(before, after);

        assertThat(diff.range()).isEqualTo(DateRange.ofYears(2024, 2025));
        assertThat(diff.newlyCovered()).containsExactly(DateRange.ofYears(2025, 2025));
        // every 2025 day where the notice differs from the weekends-only assumption, and no other
        assertThat(diff.changes()).hasSize(11).allSatisfy(c -> {
            assertThat(c.date().getYear()).isEqualTo(2025);
            assertThat(c.oldExplanation().provisional()).isTrue();
            assertThat(c.newExplanation().provisional()).isFalse();
            assertThat(c.newExplanation().source()).contains(NOTICE_2024);
            assertThat(c.oldKind()).isEqualTo(CompiledCalendar.ordinaryKind(c.date()));
        });
        assertThat(diff.changes()).filteredOn(c -> c.newKind() == DayKind.ADJUSTED_WORKDAY)
                .extracting(DayChange::date).containsExactly(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8));
        assertThat(diff.toString()).contains("2025-01-26 WEEKEND → ADJUSTED_WORKDAY 春节").contains("was provisional");

        CaseSpan intoSpringFestival = new CaseSpan("B-1", LocalDate.of(2025, 1, 20), LocalDate.of(2025, 2, 14));
        CaseSpan quietSummer = new CaseSpan("B-2", LocalDate.of(2025, 6, 2), LocalDate.of(2025, 6, 30));
        CaseSpan autumn2024 = new CaseSpan("B-3", LocalDate.of(2024, 9, 2), LocalDate.of(2024, 9, 30));
        List<AffectedCase> affected = diff.affected(List.of(intoSpringFestival, quietSummer, autumn2024));
        assertThat(affected).extracting(a -> a.span().caseId()).containsExactly("B-1", "B-2");
        assertThat(affected.get(0).changes()).hasSize(10);
        // nothing changed in June, but the deadline was provisional and now is not
        assertThat(affected.get(1).changes()).isEmpty();
        assertThat(affected.get(1).provisionalResolved()).isTrue();
    }

    @Test
    void aStrictCalendarBeforeItsNewYearIsReadAsTheAssumption() {
        CompiledCalendar before = national(DivisionCode.NATIONAL, false).policy(CoveragePolicy.STRICT).build();
        CompiledCalendar after = national(DivisionCode.NATIONAL, true).policy(CoveragePolicy.STRICT).build();
        assertThat(CalendarDiff.between(before, after).changes()).hasSize(11);
        // the other direction: the notice is withdrawn from the data, the same days change back
        assertThat(CalendarDiff.between(after, before).changes()).hasSize(11)
                .allSatisfy(c -> assertThat(c.newExplanation().provisional()).isTrue());
    }

    @Test
    void noChangeGivesAnEmptyDiff() {
        CompiledCalendar one = national(DivisionCode.NATIONAL, true).build();
        CompiledCalendar two = national(DivisionCode.NATIONAL, true).build();
        CalendarDiff diff = CalendarDiff.between(one, two);
        assertThat(one.version()).isEqualTo(two.version());
        assertThat(diff.isEmpty()).isTrue();
        assertThat(diff.newlyCovered()).isEmpty();
        assertThat(diff.affected(List.of(new CaseSpan("C-1", LocalDate.of(2025, 1, 2), LocalDate.of(2025, 3, 1)))))
                .isEmpty();
    }

    @Test
    void aSpanEndingBeforeItStartsIsRejected() {
        assertThatThrownBy(() -> new CaseSpan("D-1", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 1)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("D-1").hasMessageContaining("due");
    }
}
