package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.approvalrules.api.calendar.CalendarProvider;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.junit.jupiter.api.Test;

class CalendarProvidersTest {

    private static final DivisionCode HAINAN = DivisionCode.parse("460000");

    /** A provider answering for one locality with a plain calendar. */
    private record Fixed(String name, int priority, DivisionCode locality, AtomicInteger asked) implements CalendarProvider {
        Fixed(String name, int priority, DivisionCode locality) {
            this(name, priority, locality, new AtomicInteger());
        }

        @Override
        public Optional<WorkingCalendar> calendarFor(DivisionCode code, CoveragePolicy policy) {
            asked.incrementAndGet();
            return code.equals(locality)
                    ? Optional.of(CompiledCalendar.builder(code, DateRange.ofYears(2024, 2024)).id(name).policy(policy).build())
                    : Optional.empty();
        }
    }

    @Test
    void theServiceLoaderFindsTheRegisteredTableProviderAndItWinsForItsLocality() {
        CalendarProviders providers = CalendarProviders.load();
        assertThat(providers.providers()).extracting(CalendarProvider::name).contains("test database table");

        CalendarProviders.Resolution r = providers.resolve(HAINAN, CoveragePolicy.STRICT);

        assertThat(r.provider().name()).isEqualTo("test database table");
        WorkingCalendar cal = r.calendar();
        assertThat(cal.kindOf(LocalDate.of(2024, 4, 11))).isEqualTo(DayKind.HOLIDAY);
        assertThat(cal.explain(LocalDate.of(2024, 4, 13)).source()).contains("db row 18");
        assertThat(cal.plusWorkingDays(LocalDate.of(2024, 4, 10), 2)).isEqualTo(LocalDate.of(2024, 4, 13));
    }

    @Test
    void theBundledProviderAnswersForEveryOtherLocality() {
        CalendarProviders providers = CalendarProviders.load();
        assertThat(providers.providers()).extracting(CalendarProvider::name)
                .containsExactly("test database table", "bundled national data / 内置数据");

        CalendarProviders.Resolution r = providers.resolve(DivisionCode.parse("450000"), CoveragePolicy.STRICT);

        assertThat(r.provider()).isInstanceOf(BundledCalendarProvider.class);
        assertThat(r.calendar().version())
                .isEqualTo(CalendarRepository.bundled().calendarFor(DivisionCode.parse("450000"), CoveragePolicy.STRICT).version());
        assertThat(r.calendar().explain(LocalDate.of(2024, 10, 1)).source()).isPresent();
    }

    @Test
    void anExplicitProviderAtTheBundledPriorityConflictsWithIt() {
        CalendarProviders providers = CalendarProviders.load().with(new Fixed("our own national table", 0, DivisionCode.NATIONAL));
        assertThatThrownBy(() -> providers.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT))
                .isInstanceOf(CalendarProviderConflictException.class)
                .hasMessageContaining("our own national table").hasMessageContaining("bundled national data");
    }

    @Test
    void aTieBetweenAnsweringProvidersNamesBoth() {
        CalendarProviders providers = CalendarProviders.load().with(new Fixed("second table", 10, HAINAN));
        assertThatThrownBy(() -> providers.calendarFor(HAINAN, CoveragePolicy.STRICT))
                .isInstanceOf(CalendarProviderConflictException.class)
                .hasMessageContaining("second table").hasMessageContaining("test database table")
                .hasMessageContaining("460000").hasMessageContaining("priority 10");
    }

    @Test
    void sameTopPriorityIsNoConflictWhenOnlyOneAnswers() {
        Fixed other = new Fixed("other province", 10, DivisionCode.parse("450000"));
        CalendarProviders providers = CalendarProviders.load().with(other);
        assertThat(providers.resolve(HAINAN, CoveragePolicy.STRICT).provider().name()).isEqualTo("test database table");
        assertThat(other.asked().get()).isEqualTo(1);
    }

    @Test
    void aHigherPriorityWinsAndLowerOnesAreNotAsked() {
        Fixed high = new Fixed("override", 50, HAINAN);
        Fixed low = new Fixed("fallback", -5, HAINAN);
        CalendarProviders providers = CalendarProviders.load().with(low, high);
        assertThat(providers.providers().get(0)).isSameAs(high);
        assertThat(providers.calendarFor(HAINAN, CoveragePolicy.PROVISIONAL).id()).isEqualTo("override");
        assertThat(low.asked().get()).isZero();
        // the policy reaches the provider
        assertThat(providers.calendarFor(HAINAN, CoveragePolicy.PROVISIONAL).policy()).isEqualTo(CoveragePolicy.PROVISIONAL);
    }

    @Test
    void noAnswerIsATypedErrorNamingTheProvidersAsked() {
        CalendarProviders providers = CalendarProviders.of(new Fixed("only Hainan", 0, HAINAN));
        assertThatThrownBy(() -> providers.calendarFor(DivisionCode.parse("650000"), CoveragePolicy.STRICT))
                .isInstanceOf(CalendarNotFoundException.class).hasMessageContaining("650000")
                .hasMessageContaining("only Hainan");
    }
}
