package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.division.UnknownDivisionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarRepositoryTest {

    private static final DivisionCode GUANGXI = DivisionCode.of("450000");
    private static final DivisionCode LHASA = DivisionCode.of("540100");
    private static final DivisionCode XINJIANG = DivisionCode.of("650000");

    private final CalendarRepository repo = CalendarRepository.bundled();

    @Test
    void bundledCoversThePublishedYearsAndShipsTheLocalLayers() {
        assertThat(repo.coverage()).isEqualTo(DateRange.ofYears(2004, 2026));
        assertThat(repo.layers()).containsExactlyInAnyOrder(DivisionCode.NATIONAL, GUANGXI, LHASA, XINJIANG);
        assertThat(CalendarRepository.bundled()).isSameAs(repo);
        assertThat(repo.calendarFor(GUANGXI, CoveragePolicy.STRICT)).isSameAs(repo.calendarFor(GUANGXI, CoveragePolicy.STRICT));
    }

    @Test
    void guangxiSanyuesan2024IsOffOnlyInGuangxi() {
        CompiledCalendar national = repo.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        CompiledCalendar guangxi = repo.calendarFor(GUANGXI, CoveragePolicy.STRICT);
        for (LocalDate d : new LocalDate[] {LocalDate.of(2024, 4, 11), LocalDate.of(2024, 4, 12)}) {
            assertThat(national.kindOf(d)).isEqualTo(DayKind.WORKDAY);
            assertThat(guangxi.kindOf(d)).isEqualTo(DayKind.HOLIDAY);
            assertThat(guangxi.explain(d).layer()).isEqualTo("450000");
            assertThat(guangxi.explain(d).name().orElseThrow()).contains("壮族三月三");
        }
        // Wed 2024-04-10 + 1 working day: Thursday nationally, Monday 4/15 in Guangxi
        assertThat(national.plusWorkingDays(LocalDate.of(2024, 4, 10), 1)).isEqualTo(LocalDate.of(2024, 4, 11));
        assertThat(guangxi.plusWorkingDays(LocalDate.of(2024, 4, 10), 1)).isEqualTo(LocalDate.of(2024, 4, 15));
        // the national days stay in force in Guangxi
        assertThat(guangxi.kindOf(LocalDate.of(2024, 10, 1))).isEqualTo(DayKind.HOLIDAY);
        assertThat(guangxi.explain(LocalDate.of(2024, 10, 1)).layer()).isEqualTo("000000");
    }

    @Test
    void guangxi2022CancelsTheNationalWorkingSaturday() {
        LocalDate d = LocalDate.of(2022, 4, 2);
        assertThat(repo.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT).kindOf(d)).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        CompiledCalendar guangxi = repo.calendarFor(GUANGXI, CoveragePolicy.STRICT);
        assertThat(guangxi.kindOf(d)).isEqualTo(DayKind.WEEKEND);
        assertThat(guangxi.isWorkingDay(d)).isFalse();
        assertThat(guangxi.explain(d).layer()).isEqualTo("450000");
        assertThat(guangxi.explain(d).name().orElseThrow()).contains("取消");
    }

    @Test
    void guangxi2017AddsALocalWorkingSaturdayAndTakesTheNationalOneOff() {
        CompiledCalendar guangxi = repo.calendarFor(GUANGXI, CoveragePolicy.STRICT);
        assertThat(guangxi.kindOf(LocalDate.of(2017, 4, 1))).as("national working Saturday cancelled").isEqualTo(DayKind.WEEKEND);
        assertThat(guangxi.isWorkingDay(LocalDate.of(2017, 4, 1))).isFalse();
        assertThat(guangxi.kindOf(LocalDate.of(2017, 4, 8))).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        CompiledCalendar national = repo.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        assertThat(national.kindOf(LocalDate.of(2017, 4, 1))).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(national.kindOf(LocalDate.of(2017, 4, 8))).isEqualTo(DayKind.WEEKEND);
    }

    @Test
    void aCountyBelowGuangxiInheritsTheProvinceLayer() {
        DivisionCode county = DivisionCode.of("451031");
        CompiledCalendar c = repo.calendarFor(county, CoveragePolicy.STRICT);
        assertThat(c.locality()).isEqualTo(county);
        assertThat(c.kindOf(LocalDate.of(2024, 4, 11))).isEqualTo(DayKind.HOLIDAY);
        assertThat(c.explain(LocalDate.of(2024, 4, 11)).layer()).isEqualTo("450000");
        assertThat(repo.layersFor(county)).extracting(CalendarLayer::code).containsExactly(DivisionCode.NATIONAL, GUANGXI);
    }

    @Test
    void lhasaWorksTheWeekendBeforeLosar2023() {
        CompiledCalendar lhasa = repo.calendarFor(LHASA, CoveragePolicy.STRICT);
        assertThat(lhasa.kindOf(LocalDate.of(2023, 2, 18))).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(lhasa.kindOf(LocalDate.of(2023, 2, 19))).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(lhasa.kindOf(LocalDate.of(2023, 2, 20))).isEqualTo(DayKind.HOLIDAY);
        assertThat(lhasa.kindOf(LocalDate.of(2023, 2, 26))).isEqualTo(DayKind.HOLIDAY);
        // a county of Lhasa inherits; another Tibetan city does not
        assertThat(repo.calendarFor(DivisionCode.of("540102"), CoveragePolicy.STRICT).kindOf(LocalDate.of(2023, 2, 20)))
                .isEqualTo(DayKind.HOLIDAY);
        assertThat(repo.calendarFor(DivisionCode.of("540200"), CoveragePolicy.STRICT).kindOf(LocalDate.of(2023, 2, 20)))
                .isEqualTo(DayKind.WORKDAY);
    }

    @Test
    void xinjiangHasItsFestivalsAndItsOwnOfficeHours() {
        CompiledCalendar xj = repo.calendarFor(XINJIANG, CoveragePolicy.STRICT);
        assertThat(xj.kindOf(LocalDate.of(2025, 3, 31))).isEqualTo(DayKind.HOLIDAY);
        assertThat(xj.kindOf(LocalDate.of(2025, 6, 10))).isEqualTo(DayKind.HOLIDAY);
        assertThat(xj.explain(LocalDate.of(2025, 6, 10)).name().orElseThrow()).contains("古尔邦节");
        assertThat(xj.officeHours(LocalDate.of(2025, 6, 11))).isEqualTo(OfficeHours.parse("10:00-19:30"));
        assertThat(repo.calendarFor(GUANGXI, CoveragePolicy.STRICT).officeHours(LocalDate.of(2025, 6, 11)))
                .isEqualTo(OfficeHours.DEFAULT);
    }

    @Test
    void unknownProvinceIsRejectedAndStrictCoverageEndsIn2026() {
        assertThatThrownBy(() -> repo.calendarFor(DivisionCode.of("990000"), CoveragePolicy.STRICT))
                .isInstanceOf(UnknownDivisionException.class).hasMessageContaining("990000");
        assertThatThrownBy(() -> repo.calendarFor(DivisionCode.of("160100"), CoveragePolicy.STRICT))
                .isInstanceOf(UnknownDivisionException.class);
        // a known province without a layer is the national calendar for that locality
        CompiledCalendar beijing = repo.calendarFor(DivisionCode.of("110000"), CoveragePolicy.STRICT);
        assertThat(beijing.kindOf(LocalDate.of(2024, 4, 11))).isEqualTo(DayKind.WORKDAY);
        assertThatThrownBy(() -> beijing.kindOf(LocalDate.of(2027, 1, 4))).isInstanceOf(CalendarCoverageException.class)
                .hasMessageContaining("2027");
        CompiledCalendar provisional = repo.calendarFor(DivisionCode.of("110000"), CoveragePolicy.PROVISIONAL);
        assertThat(provisional.explain(LocalDate.of(2027, 1, 4)).provisional()).isTrue();
    }

    @Test
    void fiveWorkingDaysFromTheFridayBeforeNationalDay2024() {
        CompiledCalendar national = repo.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        // 9/29 (Sun, adjusted), 9/30, then 10/8, 10/9, 10/10
        assertThat(national.plusWorkingDays(LocalDate.of(2024, 9, 27), 5)).isEqualTo(LocalDate.of(2024, 10, 10));
    }

    @Test
    void aLayerFromADirectoryReplacesTheBundledOneAndLeavesTheOriginalUsable(@TempDir Path dir) throws IOException {
        Path gx = Files.createDirectories(dir.resolve("450000").resolve("calendar"));
        write(gx.resolve("layer.properties"), "name = 广西（测试）\noffice-hours = 08:30-17:30\n");
        write(gx.resolve("2024.csv"), "date,kind,name,source\n2024-04-15,HOLIDAY,测试假日,测试通知\n");
        Path county = Files.createDirectories(dir.resolve("451031"));
        write(county.resolve("layer.properties"), "name = 某县\n");
        write(county.resolve("2024.csv"), "# a county's own day\ndate,kind,name,source\n2024-04-16,HOLIDAY,县庆,某县通知\n");

        CalendarRepository next = repo.withLayersFrom(dir);
        assertThat(next).isNotSameAs(repo);
        assertThat(next.layers()).contains(DivisionCode.of("451031"));
        CompiledCalendar c = next.calendarFor(DivisionCode.of("451031"), CoveragePolicy.STRICT);
        assertThat(c.kindOf(LocalDate.of(2024, 4, 11))).as("bundled Guangxi layer replaced as a whole").isEqualTo(DayKind.WORKDAY);
        assertThat(c.kindOf(LocalDate.of(2024, 4, 15))).isEqualTo(DayKind.HOLIDAY);
        assertThat(c.kindOf(LocalDate.of(2024, 4, 16))).isEqualTo(DayKind.HOLIDAY);
        assertThat(c.explain(LocalDate.of(2024, 4, 16)).layer()).isEqualTo("451031");
        assertThat(c.officeHours(LocalDate.of(2024, 4, 17))).isEqualTo(OfficeHours.parse("08:30-17:30"));
        assertThat(next.version()).isNotEqualTo(repo.version());
        // the original is untouched
        assertThat(repo.calendarFor(GUANGXI, CoveragePolicy.STRICT).kindOf(LocalDate.of(2024, 4, 11))).isEqualTo(DayKind.HOLIDAY);
        assertThat(repo.layers()).doesNotContain(DivisionCode.of("451031"));
    }

    @Test
    void aCancellationOfADayThatIsNotAWorkingDayAboveIsRejected(@TempDir Path dir) throws IOException {
        Path gx = Files.createDirectories(dir.resolve("450000"));
        write(gx.resolve("layer.properties"), "name = 广西\n");
        write(gx.resolve("2024.csv"), "date,kind,name,source\n2024-04-13,CANCEL_WORKDAY,三月三,测试\n");
        assertThatThrownBy(() -> repo.withLayersFrom(dir)).isInstanceOfSatisfying(DataFormatException.class, e -> {
            assertThat(e.file()).endsWith("2024.csv");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.value()).contains("2024-04-13");
        }).hasMessageContaining("not a working day in the parent layers");
    }

    @Test
    void aLocalYearOutsideTheNationalCoverageIsRejected(@TempDir Path dir) throws IOException {
        Path gx = Files.createDirectories(dir.resolve("450000"));
        write(gx.resolve("layer.properties"), "name = 广西\n");
        write(gx.resolve("2027.csv"), "date,kind,name,source\n2027-04-09,HOLIDAY,壮族三月三,测试\n");
        assertThatThrownBy(() -> repo.withLayersFrom(dir)).isInstanceOfSatisfying(DataFormatException.class,
                e -> assertThat(e.value()).contains("2027")).hasMessageContaining("2027.csv");
    }

    static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
