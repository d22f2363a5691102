package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-year coverage of recurring local layers (issue #15): STRICT refuses, PROVISIONAL flags and estimates. */
class LayerCoverageTest {

    private static final DivisionCode GUANGXI = DivisionCode.of("450000");
    private static final DivisionCode XINJIANG = DivisionCode.of("650000");
    private static final DivisionCode LHASA = DivisionCode.of("540100");
    private final CalendarRepository repo = CalendarRepository.bundled();

    @Test
    void guangxiSanyuesan2025IsRefusedInStrictModeNamingTheLayerAndYear() {
        CompiledCalendar strict = repo.calendarFor(GUANGXI, CoveragePolicy.STRICT);
        LocalDate sanyuesan = LocalDate.of(2025, 3, 31);
        assertThat(strict.covers(sanyuesan)).isFalse();
        assertThatThrownBy(() -> strict.kindOf(sanyuesan)).isInstanceOf(CalendarCoverageException.class)
                .hasMessageStartingWith("日历 CN-450000 的地方图层 450000（广西壮族自治区）未收录 2025 年")
                .hasMessageContaining("450000/2025.csv")
                .satisfies(e -> assertThat(((CalendarCoverageException) e).layer()).isEqualTo("450000"));
        assertThatThrownBy(() -> strict.isWorkingDay(sanyuesan)).isInstanceOf(CalendarCoverageException.class);
        assertThatThrownBy(() -> strict.explain(sanyuesan)).isInstanceOf(CalendarCoverageException.class);
        // the national calendar is unaffected, and a year before the holiday existed is covered
        assertThat(repo.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT).kindOf(sanyuesan)).isEqualTo(DayKind.WORKDAY);
        assertThat(strict.covers(LocalDate.of(2013, 4, 12))).isTrue();
        assertThat(strict.kindOf(LocalDate.of(2024, 4, 11))).isEqualTo(DayKind.HOLIDAY);
    }

    @Test
    void strictArithmeticNeverCrossesAnUncoveredYear() {
        CompiledCalendar strict = repo.calendarFor(GUANGXI, CoveragePolicy.STRICT);
        LocalDate dec2017 = LocalDate.of(2017, 12, 20);
        // both ends covered (2017, 2019) but the span crosses 2018, which the Guangxi layer lacks
        assertThatThrownBy(() -> strict.plusWorkingDays(dec2017, 300)).isInstanceOf(CalendarCoverageException.class)
                .hasMessageContaining("2018");
        assertThatThrownBy(() -> strict.workingDaysBetween(dec2017, LocalDate.of(2019, 3, 1)))
                .isInstanceOf(CalendarCoverageException.class);
        assertThatThrownBy(() -> strict.minusWorkingDays(LocalDate.of(2019, 1, 10), 30))
                .isInstanceOf(CalendarCoverageException.class);
        assertThat(strict.coversSpan(dec2017.toEpochDay(), LocalDate.of(2019, 3, 1).toEpochDay())).isFalse();
        assertThatThrownBy(() -> strict.requireSpan(dec2017.toEpochDay(), LocalDate.of(2019, 3, 1).toEpochDay()))
                .isInstanceOf(CalendarCoverageException.class);
        // inside one covered run the answers agree with the PROVISIONAL calendar (same data there)
        CompiledCalendar prov = repo.calendarFor(GUANGXI, CoveragePolicy.PROVISIONAL);
        for (int n = 0; n <= 200; n++) {
            LocalDate a = LocalDate.of(2019, 1, 2);
            assertThat(strict.plusWorkingDays(a, n)).isEqualTo(prov.plusWorkingDays(a, n));
            assertThat(strict.minusWorkingDays(LocalDate.of(2024, 12, 31), n)).isEqualTo(prov.minusWorkingDays(LocalDate.of(2024, 12, 31), n));
        }
        assertThat(strict.plusWorkingDays(dec2017, 5)).isEqualTo(prov.plusWorkingDays(dec2017, 5));
    }

    @Test
    void provisionalFlagsTheUncoveredYearAndEstimatesSanyuesan() {
        CompiledCalendar prov = repo.calendarFor(GUANGXI, CoveragePolicy.PROVISIONAL);
        DayExplanation e = prov.explain(LocalDate.of(2025, 3, 31));
        assertThat(e.kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(e.provisional()).isTrue();
        assertThat(e.name().orElseThrow()).startsWith("壮族三月三").contains("推算").contains("estimate");
        assertThat(e.layer()).isEqualTo("450000");
        assertThat(prov.kindOf(LocalDate.of(2025, 4, 1))).isEqualTo(DayKind.HOLIDAY);
        assertThat(prov.covers(LocalDate.of(2025, 4, 1))).isFalse();
        // a national day in the uncovered year keeps its notice but is flagged provisional too
        DayExplanation qingming = prov.explain(LocalDate.of(2025, 4, 4));
        assertThat(qingming.layer()).isEqualTo("000000");
        assertThat(qingming.provisional()).isTrue();
        // a covered year is not provisional
        assertThat(prov.explain(LocalDate.of(2024, 4, 11)).provisional()).isFalse();
        assertThat(prov.uncoveredYears()).containsKeys(2018, 2025, 2026).doesNotContainKeys(2013, 2017, 2024);
    }

    @Test
    void xinjiangEidIsEstimatedFromTheIslamicCalendar() {
        CompiledCalendar prov = repo.calendarFor(XINJIANG, CoveragePolicy.PROVISIONAL);
        DayExplanation e = prov.explain(LocalDate.of(2024, 4, 10));
        assertThat(e.kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(e.name().orElseThrow()).startsWith("肉孜节").contains("推算");
        assertThat(e.provisional()).isTrue();
        assertThatThrownBy(() -> repo.calendarFor(XINJIANG, CoveragePolicy.STRICT).kindOf(LocalDate.of(2024, 4, 10)))
                .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("650000").hasMessageContaining("2024");
        // the estimate rule reproduces the dates of notices that are bundled (to the day for these)
        assertThat(LocalHolidayEstimate.XINJIANG_EID.days(2023)).extracting(LocalHolidayEstimate.EstimatedDay::date)
                .contains(LocalDate.of(2023, 4, 22), LocalDate.of(2023, 6, 28), LocalDate.of(2023, 6, 29), LocalDate.of(2023, 6, 30));
        assertThat(LocalHolidayEstimate.ZHUANG_SANYUESAN.days(2024)).extracting(LocalHolidayEstimate.EstimatedDay::date)
                .containsExactly(LocalDate.of(2024, 4, 11), LocalDate.of(2024, 4, 12));
        assertThat(LocalHolidayEstimate.ZHUANG_SANYUESAN.days(2026)).extracting(LocalHolidayEstimate.EstimatedDay::date)
                .containsExactly(LocalDate.of(2026, 4, 19), LocalDate.of(2026, 4, 20));
    }

    @Test
    void lhasaDaysOutsideTheLosarEstimateAreStillFlagged() {
        CompiledCalendar prov = repo.calendarFor(LHASA, CoveragePolicy.PROVISIONAL);
        DayExplanation e = prov.explain(LocalDate.of(2024, 2, 26)); // after the estimated 藏历新年 (02-09 … 02-14)
        assertThat(e.provisional()).isTrue();
        assertThat(e.name()).isEmpty();
        assertThat(repo.calendarFor(LHASA, CoveragePolicy.STRICT).covers(LocalDate.of(2023, 2, 20))).isTrue();
        assertThatThrownBy(() -> repo.calendarFor(LHASA, CoveragePolicy.STRICT).kindOf(LocalDate.of(2024, 2, 26)))
                .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("540100");
    }

    @Test
    void versionsDifferWhenALocalYearIsAdded(@TempDir Path dir) throws IOException {
        Path gx = Files.createDirectories(dir.resolve("450000"));
        write(gx.resolve("layer.properties"), "name = 广西（测试）\nrecurring = yes\nrecurring.from = 2014\n");
        CalendarRepository none = repo.withLayersFrom(dir);
        String v0 = none.calendarFor(GUANGXI, CoveragePolicy.PROVISIONAL).version();
        write(gx.resolve("2025.csv"), "date,kind,name,source\n");
        CalendarRepository with2025 = repo.withLayersFrom(dir);
        assertThat(with2025.calendarFor(GUANGXI, CoveragePolicy.PROVISIONAL).version()).isNotEqualTo(v0);
        assertThat(with2025.calendarFor(GUANGXI, CoveragePolicy.STRICT).covers(LocalDate.of(2025, 3, 31))).isTrue();
        assertThat(none.calendarFor(GUANGXI, CoveragePolicy.STRICT).covers(LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(none.calendarFor(GUANGXI, CoveragePolicy.STRICT).covers(LocalDate.of(2013, 3, 31))).isTrue();
    }

    @Test
    void aFolderThatIsNotADivisionCodeIsAnError(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("guangxi"));
        assertThatThrownBy(() -> CalendarLayerLoader.loadDirectory(dir)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("guangxi").hasMessageContaining("行政区划代码");
    }

    @Test
    void aLocalHolidayOnANationalWorkingSaturdayWithoutCancelIsAnError(@TempDir Path dir) throws IOException {
        Path gx = Files.createDirectories(dir.resolve("450000"));
        write(gx.resolve("layer.properties"), "name = 广西（测试）\n");
        // 2024-02-04 is a national working Sunday (春节调休上班)
        write(gx.resolve("2024.csv"), "date,kind,name,source\n2024-02-03,HOLIDAY,测试,测试通知\n2024-02-04,HOLIDAY,测试,测试通知\n");
        assertThatThrownBy(() -> repo.withLayersFrom(dir)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("2024.csv").hasMessageContaining("3").hasMessageContaining("CANCEL_WORKDAY")
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3));
        write(gx.resolve("2024.csv"), "date,kind,name,source\n2024-10-05,ADJUSTED_WORKDAY,测试,测试通知\n");
        assertThatThrownBy(() -> repo.withLayersFrom(dir)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("国庆节");
    }

    @Test
    void recurringKeysAreValidated(@TempDir Path dir) throws IOException {
        Path gx = Files.createDirectories(dir.resolve("450000"));
        for (String bad : List.of("recurring = maybe\n", "recurring.from = 2014\n", "recurring = yes\nrecurring.from = 14\n",
                "recurring = yes\nestimate = moon\n", "estimate = zhuang-sanyuesan\n")) {
            write(gx.resolve("layer.properties"), "name = 广西（测试）\n" + bad);
            assertThatThrownBy(() -> CalendarLayerLoader.loadDirectory(dir)).as(bad).isInstanceOf(DataFormatException.class)
                    .satisfies(e -> assertThat(((DataFormatException) e).line()).isGreaterThan(1));
        }
    }

    @Test
    void nextYearsNationalFileAloneExtendsTheBundledNationalLayer(@TempDir Path dir) throws IOException {
        Path nat = Files.createDirectories(dir.resolve("calendar").resolve("000000"));
        write(nat.resolve("2027.csv"), "date,kind,name,source\n2027-01-01,HOLIDAY,元旦,测试通知\n");
        CalendarRepository next = repo.withLayersFrom(dir.resolve("calendar"));
        assertThat(next.coverage().end()).isEqualTo(LocalDate.of(2027, 12, 31));
        CompiledCalendar strict = next.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        assertThat(strict.kindOf(LocalDate.of(2027, 1, 1))).isEqualTo(DayKind.HOLIDAY);
        assertThat(strict.kindOf(LocalDate.of(2024, 10, 1))).as("bundled years kept").isEqualTo(DayKind.HOLIDAY);
        assertThat(next.layer(DivisionCode.NATIONAL).orElseThrow().name()).isEqualTo("全国");
        // Guangxi recurs: 2027 is not covered for it until its 2027 file exists
        assertThat(next.calendarFor(GUANGXI, CoveragePolicy.STRICT).covers(LocalDate.of(2027, 1, 4))).isFalse();
        // a replacement year file replaces that year only
        write(nat.resolve("2026.csv"), "date,kind,name,source\n2026-01-01,HOLIDAY,元旦,测试通知\n");
        CompiledCalendar replaced = repo.withLayersFrom(dir.resolve("calendar")).calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        assertThat(replaced.kindOf(LocalDate.of(2026, 2, 16))).isEqualTo(DayKind.WORKDAY);
        assertThat(replaced.version()).isNotEqualTo(strict.version());
    }

    @Test
    void addingTheMissingLocalYearListsTheEstimateCorrectionsAndTheCasesToRecompute(@TempDir Path dir) throws IOException {
        // a 2025 Guangxi file as a notice would give it: 3/31–4/1 off (the estimate said the same days) and, say, 4/2 too
        Path gx = Files.createDirectories(dir.resolve("450000"));
        write(gx.resolve("2025.csv"), "date,kind,name,source\n2025-03-31,HOLIDAY,壮族三月三,测试通知\n"
                + "2025-04-01,HOLIDAY,壮族三月三,测试通知\n2025-04-02,HOLIDAY,壮族三月三,测试通知\n");
        CompiledCalendar before = repo.calendarFor(GUANGXI, CoveragePolicy.PROVISIONAL);
        CompiledCalendar after = repo.withLayersFrom(dir).calendarFor(GUANGXI, CoveragePolicy.PROVISIONAL);
        CalendarDiff diff = CalendarDiff.between(before, after);
        assertThat(diff.changes()).extracting(CalendarDiff.DayChange::date).containsExactly(LocalDate.of(2025, 4, 2));
        assertThat(diff.newlyCovered()).containsExactly(org.approvalrules.api.calendar.DateRange.ofYears(2025, 2025));
        assertThat(diff.beforeVersion()).isNotEqualTo(diff.afterVersion());
        List<CalendarDiff.CaseSpan> cases = List.of(new CalendarDiff.CaseSpan("A", LocalDate.of(2025, 3, 20), LocalDate.of(2025, 4, 10)),
                new CalendarDiff.CaseSpan("B", LocalDate.of(2025, 5, 6), LocalDate.of(2025, 5, 20)),
                new CalendarDiff.CaseSpan("C", LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 20)));
        assertThat(diff.affected(cases)).extracting(a -> a.span().caseId()).containsExactly("A", "B");
    }

    private static void write(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }
}
