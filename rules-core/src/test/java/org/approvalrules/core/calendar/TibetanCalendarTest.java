package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.junit.jupiter.api.Test;

/**
 * The Phugpa arithmetic (Janson, "Tibetan Calendar Mathematics") against dates announced by the Tibet Autonomous
 * Region's almanac office and other sources listed in docs/notices/tibet/losar-dates.md, and the {@code tibet-losar}
 * estimate in the Lhasa calendar.
 */
class TibetanCalendarTest {

    /** Losar → the gap to 春节 the source states (0 same day, 1 a day, 30 a month). docs/notices/tibet/losar-dates.md. */
    private static final Map<LocalDate, Integer> KNOWN_LOSAR = Map.ofEntries(
            Map.entry(LocalDate.of(2013, 2, 11), 1), // Tibet Foundation
            Map.entry(LocalDate.of(2017, 2, 27), 30), // 天文历算研究所 via 中国西藏旅游网 2016-11-17
            Map.entry(LocalDate.of(2018, 2, 16), 0), // 天文历算研究所 (2019-12-03 article)
            Map.entry(LocalDate.of(2019, 2, 5), 0), // same article
            Map.entry(LocalDate.of(2020, 2, 24), 30), // same article
            Map.entry(LocalDate.of(2021, 2, 12), 0), // 西藏日报 2020-11-03
            Map.entry(LocalDate.of(2022, 3, 3), 30), // 西藏商报 2021-11-12
            Map.entry(LocalDate.of(2023, 2, 21), 30), // 中国西藏网 2022-11-29
            Map.entry(LocalDate.of(2024, 2, 10), 0), // Buddha Weekly
            Map.entry(LocalDate.of(2025, 2, 28), 30), // She Yün; Lhasa 2025 notice starts the day before
            Map.entry(LocalDate.of(2026, 2, 18), 1)); // 中国西藏新闻网 2026-01-14

    private static final DivisionCode LHASA = DivisionCode.of("540100");

    @Test
    void losarMatchesTheAnnouncedDatesIncludingYearsADayAndAMonthAfterSpringFestival() {
        for (Map.Entry<LocalDate, Integer> e : KNOWN_LOSAR.entrySet()) {
            LocalDate known = e.getKey();
            assertThat(TibetanCalendar.losar(known.getYear())).as("Losar %s", known.getYear()).isEqualTo(known);
            assertThat(ChronoUnit.DAYS.between(springFestival(known.getYear()), known))
                    .as("gap to 春节 %s", known.getYear()).isEqualTo(e.getValue().longValue());
        }
        assertThat(KNOWN_LOSAR.values()).contains(0, 1, 30);
    }

    @Test
    void otherAlmanacDaysIncludingASkippedDateAndThePapersExample() {
        // Janson's revision date: Wednesday 8, month 11, Water-Snake year = 2014-01-08
        assertThat(TibetanCalendar.dateOf(2013, 11, 8)).contains(LocalDate.of(2014, 1, 8));
        // 工布新年 10/1, 普兰新年 11/1 of the Iron-Mouse year (西藏日报 2020-11-03)
        assertThat(TibetanCalendar.dateOf(2020, 10, 1)).contains(LocalDate.of(2020, 11, 16));
        assertThat(TibetanCalendar.dateOf(2020, 11, 1)).contains(LocalDate.of(2020, 12, 15));
        // 农事新年 12/1 is a 差日 (skipped date), kept on the 2nd = 2021-01-14
        assertThat(TibetanCalendar.dateOf(2020, 12, 1)).isEmpty();
        assertThat(TibetanCalendar.dateOf(2020, 12, 2)).contains(LocalDate.of(2021, 1, 14));
        // 雪顿节 6/30
        assertThat(TibetanCalendar.dateOf(2020, 6, 30)).contains(LocalDate.of(2020, 8, 19));
        assertThat(TibetanCalendar.dateOf(2021, 6, 30)).contains(LocalDate.of(2021, 8, 8));
        assertThat(TibetanCalendar.dateOf(2023, 6, 30)).contains(LocalDate.of(2023, 8, 16));
    }

    @Test
    void monthCountInvertsThePapersSolarMonthFormulaOverTheWholeRange() {
        // exhaustive sweep: every main month 1900-2200 maps back to its (year, month); a doubled month's leap month
        // (n - 1) has the same solar-month number and every other predecessor the one before
        for (int y = 1900; y <= 2200; y++) {
            for (int m = 1; m <= 12; m++) {
                long n = TibetanCalendar.mainMonthCount(y, m);
                long x = TibetanCalendar.solarMonthOf(n);
                assertThat(x).isEqualTo(12L * (y - 806) + m);
                assertThat(TibetanCalendar.solarMonthOf(n + 1)).isEqualTo(x + 1);
                long before = TibetanCalendar.solarMonthOf(n - 1);
                assertThat(before).isEqualTo(TibetanCalendar.isDoubled(y, m) ? x : x - 1);
            }
        }
    }

    @Test
    void leapMonthsComeAboutEveryThirtyTwoOrThirtyThreeMonthsAndDaysAreNeverOutOfOrder() {
        int previous = -1;
        int index = 0;
        for (int y = 1950; y <= 2100; y++) {
            for (int m = 1; m <= 12; m++, index++) {
                if (TibetanCalendar.isDoubled(y, m)) {
                    if (previous >= 0) {
                        assertThat(index - previous).as("%s-%s", y, m).isBetween(32, 33);
                    }
                    previous = index;
                }
            }
        }
        // 2019 had a doubled first month (two months 1): Losar is the first day of the leap month
        assertThat(TibetanCalendar.isDoubled(2019, 1)).isTrue();
        assertThat(TibetanCalendar.losar(2019)).isEqualTo(LocalDate.of(2019, 2, 5));
        assertThat(TibetanCalendar.dateOf(2019, 1, 1)).get().matches(d -> d.isAfter(LocalDate.of(2019, 3, 1)));
        // every lunar day ends on the same or a later civil day than the one before, at most two days later, and each
        // year has 354..385 days
        for (int y = 2000; y <= 2030; y++) {
            long last = TibetanCalendar.julianDay(30, TibetanCalendar.mainMonthCount(y - 1, 12));
            for (long n = TibetanCalendar.mainMonthCount(y - 1, 12) + 1; n <= TibetanCalendar.mainMonthCount(y, 12); n++) {
                for (int d = 1; d <= 30; d++) {
                    long jd = TibetanCalendar.julianDay(d, n);
                    assertThat(jd - last).as("%s n=%s d=%s", y, n, d).isBetween(0L, 2L);
                    last = jd;
                }
            }
            assertThat(ChronoUnit.DAYS.between(TibetanCalendar.losar(y), TibetanCalendar.losar(y + 1))).isBetween(354L, 385L);
        }
    }

    @Test
    void badArgumentsAreRefusedWithAMessage() {
        assertThatThrownBy(() -> TibetanCalendar.dateOf(2024, 13, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("13");
        assertThatThrownBy(() -> TibetanCalendar.dateOf(2024, 1, 31)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("31");
        assertThatThrownBy(() -> TibetanCalendar.losar(1066)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1066");
    }

    @Test
    void theEstimateReproducesTheDaysOffOfBothBundledNoticesWhereTheyAgree() {
        assertThat(LocalHolidayEstimate.ofKey("tibet-losar")).isEqualTo(LocalHolidayEstimate.TIBET_LOSAR);
        assertThat(LocalHolidayEstimate.TIBET_LOSAR.days(2025)).extracting(LocalHolidayEstimate.EstimatedDay::date)
                .containsExactly(LocalDate.of(2025, 2, 27), LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 4));
        CalendarLayer lhasa = CalendarRepository.bundled().layer(LHASA).orElseThrow();
        assertThat(lhasa.estimate()).isEqualTo(LocalHolidayEstimate.TIBET_LOSAR);
        for (int year : new int[] {2023, 2025}) {
            for (LocalHolidayEstimate.EstimatedDay e : LocalHolidayEstimate.TIBET_LOSAR.days(year)) {
                assertThat(e.name()).isEqualTo("藏历新年" + LocalHolidayEstimate.ESTIMATE_MARK);
                assertThat(lhasa.days().get(e.date())).as("%s", e.date()).isNotNull()
                        .matches(d -> d.kind() == LayerDayKind.HOLIDAY);
            }
        }
    }

    @Test
    void aProvisionalLhasaCalendarOfAnUncoveredYearMarksTheEstimatedDaysWhileStrictRefuses() {
        CalendarRepository repo = CalendarRepository.bundled();
        CompiledCalendar prov = repo.calendarFor(LHASA, CoveragePolicy.PROVISIONAL);
        // 2024: Losar 02-10 = 春节; 02-09 (藏历除夕, a national working Friday) is the one day the estimate adds
        DayExplanation eve = prov.explain(LocalDate.of(2024, 2, 9));
        assertThat(eve.kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(eve.name().orElseThrow()).isEqualTo("藏历新年" + LocalHolidayEstimate.ESTIMATE_MARK);
        assertThat(eve.provisional()).isTrue();
        assertThat(repo.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT).kindOf(LocalDate.of(2024, 2, 9)))
                .isEqualTo(DayKind.WORKDAY);
        // days of the national 春节 block keep the national answer, still provisional in Lhasa
        DayExplanation losar = prov.explain(LocalDate.of(2024, 2, 12));
        assertThat(losar.kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(losar.name().orElseThrow()).doesNotContain("推算");
        assertThat(losar.provisional()).isTrue();
        // the first working day after the estimate: a working day, provisional
        DayExplanation after = prov.explain(LocalDate.of(2024, 2, 19));
        assertThat(after.kind()).isEqualTo(DayKind.WORKDAY);
        assertThat(after.provisional()).isTrue();
        assertThatThrownBy(() -> repo.calendarFor(LHASA, CoveragePolicy.STRICT).kindOf(LocalDate.of(2024, 2, 9)))
                .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("540100").hasMessageContaining("2024");
        // covered years are untouched by the estimate
        DayExplanation notice = prov.explain(LocalDate.of(2023, 2, 26));
        assertThat(notice.provisional()).isFalse();
        assertThat(notice.name().orElseThrow()).isEqualTo("藏历新年");
    }

    private static LocalDate springFestival(int year) {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        ChineseCalendar c = new ChineseCalendar(TimeZone.getTimeZone(shanghai.getId()));
        for (LocalDate d = LocalDate.of(year, 1, 15); ; d = d.plusDays(1)) {
            c.setTimeInMillis(d.atTime(12, 0).atZone(shanghai).toInstant().toEpochMilli());
            if (c.get(Calendar.MONTH) == 0 && c.get(ChineseCalendar.IS_LEAP_MONTH) == 0 && c.get(Calendar.DAY_OF_MONTH) == 1) {
                return d;
            }
        }
    }

}
