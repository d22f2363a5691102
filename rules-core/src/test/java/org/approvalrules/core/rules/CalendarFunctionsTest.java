package org.approvalrules.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CalendarFunctions;
import org.approvalrules.core.calendar.CalendarRepository;
import org.junit.jupiter.api.Test;

/** The rules' {@code calendar} functions against the bundled calendar data (national and Guangxi 450000). */
class CalendarFunctionsTest {
    static final DivisionCode COUNTY = DivisionCode.parse("451031");
    static final CalendarFunctions GUANGXI_COUNTY =
            CalendarFunctions.of(CalendarRepository.bundled().calendarFor(COUNTY, CoveragePolicy.STRICT));
    static final CalendarFunctions NATIONAL =
            CalendarFunctions.of(CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT));
    static final LocalDate SANYUESAN_2024 = LocalDate.parse("2024-04-11");

    @Test
    void sanyuesanIsALocalHolidayInGuangxiButAWorkingDayNationally() {
        assertThat(GUANGXI_COUNTY.isWorkingDay(SANYUESAN_2024)).isFalse();
        assertThat(GUANGXI_COUNTY.isHoliday(SANYUESAN_2024)).isTrue();
        assertThat(GUANGXI_COUNTY.isLocalHoliday(SANYUESAN_2024)).isTrue();
        assertThat(GUANGXI_COUNTY.kindOf(SANYUESAN_2024)).isEqualTo(DayKind.HOLIDAY);
        assertThat(GUANGXI_COUNTY.nameOf(SANYUESAN_2024)).isEqualTo("壮族三月三");
        assertThat(GUANGXI_COUNTY.layerOf(SANYUESAN_2024)).isEqualTo("450000");
        assertThat(GUANGXI_COUNTY.explain(SANYUESAN_2024).source()).hasValueSatisfying(s -> assertThat(s).contains("壮族三月三"));

        assertThat(NATIONAL.isWorkingDay(SANYUESAN_2024)).isTrue();
        assertThat(NATIONAL.isHoliday(SANYUESAN_2024)).isFalse();
        assertThat(NATIONAL.isLocalHoliday(SANYUESAN_2024)).isFalse();
        assertThat(NATIONAL.kindOf(SANYUESAN_2024)).isEqualTo(DayKind.WORKDAY);
        assertThat(NATIONAL.nameOf(SANYUESAN_2024)).isEmpty();
        assertThat(NATIONAL.layerOf(SANYUESAN_2024)).isEqualTo("000000");
    }

    @Test
    void aNationalHolidayIsAHolidayButNotALocalOne() {
        LocalDate nationalDay = LocalDate.parse("2024-10-01");
        assertThat(GUANGXI_COUNTY.isHoliday(nationalDay)).isTrue();
        assertThat(GUANGXI_COUNTY.isLocalHoliday(nationalDay)).isFalse();
        assertThat(GUANGXI_COUNTY.nameOf(nationalDay)).isEqualTo("国庆节");
        assertThat(GUANGXI_COUNTY.layerOf(nationalDay)).isEqualTo("000000");
        // an ordinary weekday: no name, and the layer is the calendar's own locality
        assertThat(GUANGXI_COUNTY.nameOf(LocalDate.parse("2024-04-10"))).isEmpty();
        assertThat(GUANGXI_COUNTY.layerOf(LocalDate.parse("2024-04-10"))).isEqualTo("451031");
        assertThat(GUANGXI_COUNTY.locality()).isEqualTo(COUNTY);
    }

    @Test
    void workingDayArithmeticSkipsTheLocalHolidayOnlyWhereItApplies() {
        LocalDate wed = LocalDate.parse("2024-04-10");
        LocalDate mon = LocalDate.parse("2024-04-15");
        // (Wed 4/10, Mon 4/15]: Guangxi has Thu 4/11 and Fri 4/12 off, so only Monday counts; nationally Thu, Fri, Mon
        assertThat(GUANGXI_COUNTY.workingDaysBetween(wed, mon)).isEqualTo(1);
        assertThat(NATIONAL.workingDaysBetween(wed, mon)).isEqualTo(3);
        assertThat(GUANGXI_COUNTY.workingDaysBetween(mon, wed)).isEqualTo(-1);
        assertThat(GUANGXI_COUNTY.plusWorkingDays(wed, 1)).isEqualTo(mon);
        assertThat(NATIONAL.plusWorkingDays(wed, 1)).isEqualTo(SANYUESAN_2024);
        assertThat(GUANGXI_COUNTY.minusWorkingDays(mon, 1)).isEqualTo(wed);
        assertThat(NATIONAL.minusWorkingDays(mon, 1)).isEqualTo(LocalDate.parse("2024-04-12"));
        assertThat(GUANGXI_COUNTY.nextOrSameWorkingDay(SANYUESAN_2024)).isEqualTo(mon);
        assertThat(NATIONAL.nextOrSameWorkingDay(SANYUESAN_2024)).isEqualTo(SANYUESAN_2024);
        assertThat(GUANGXI_COUNTY.plusWorkingDays(wed, 0)).isEqualTo(wed);
    }

    @Test
    void aCancelledNationalWorkingSaturdayIsAWeekendMadeSoByTheProvinceNotAHoliday() {
        LocalDate sat = LocalDate.parse("2022-04-02");   // national 清明节调休上班; Guangxi cancels it (壮族三月三)
        assertThat(NATIONAL.kindOf(sat)).isEqualTo(DayKind.ADJUSTED_WORKDAY);
        assertThat(NATIONAL.isWorkingDay(sat)).isTrue();
        assertThat(GUANGXI_COUNTY.kindOf(sat)).isEqualTo(DayKind.WEEKEND);
        assertThat(GUANGXI_COUNTY.isWorkingDay(sat)).isFalse();
        assertThat(GUANGXI_COUNTY.isLocalHoliday(sat)).isFalse();
        assertThat(GUANGXI_COUNTY.layerOf(sat)).isEqualTo("450000");
        assertThat(GUANGXI_COUNTY.nameOf(sat)).startsWith("壮族三月三");
    }

    @Test
    void theLocalHolidaysOfTheCountyAreExactlyTheHolidayRowsOfTheGuangxiDataFiles() throws IOException {
        Map<LocalDate, String> rows = new HashMap<>();
        for (String entry : resource("index.txt").split("\n")) {
            if (!entry.startsWith("450000/")) {
                continue;
            }
            for (String line : resource(entry.trim()).split("\n")) {
                String[] f = line.split(",", 4);
                if (f.length == 4 && f[1].equals("HOLIDAY")) {
                    rows.put(LocalDate.parse(f[0]), f[2]);
                }
            }
        }
        assertThat(rows).containsEntry(SANYUESAN_2024, "壮族三月三").hasSizeGreaterThan(10);
        Map<LocalDate, String> found = new HashMap<>();
        var guangxi = org.approvalrules.core.calendar.CalendarRepository.bundled()
                .layer(org.approvalrules.api.division.DivisionCode.of("450000")).orElseThrow();
        for (LocalDate d = LocalDate.parse("2014-01-01"); d.getYear() <= 2024; d = d.plusDays(1)) {
            if (!guangxi.coversYear(d.getYear())) {
                LocalDate day = d;
                assertThatThrownBy(() -> GUANGXI_COUNTY.isLocalHoliday(day)).as("uncovered %s", d)
                        .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("450000");
                continue;
            }
            if (GUANGXI_COUNTY.isLocalHoliday(d)) {
                found.put(d, GUANGXI_COUNTY.nameOf(d));
                assertThat(GUANGXI_COUNTY.layerOf(d)).isEqualTo("450000");
                assertThat(GUANGXI_COUNTY.isWorkingDay(d)).isFalse();
            }
            assertThat(NATIONAL.isLocalHoliday(d)).as("national %s", d).isFalse();
        }
        assertThat(found).isEqualTo(rows);
    }

    @Test
    void outsideTheCoverageAStrictCalendarThrowsAndNullIsRejected() {
        LocalDate future = LocalDate.parse("2031-04-11");
        assertThatThrownBy(() -> GUANGXI_COUNTY.isLocalHoliday(future)).isInstanceOf(CalendarCoverageException.class);
        assertThatThrownBy(() -> GUANGXI_COUNTY.isWorkingDay(future)).isInstanceOf(CalendarCoverageException.class);
        assertThatThrownBy(() -> CalendarFunctions.of(null)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("calendar");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CalendarFunctionsTest.class.getResourceAsStream("/org/approvalrules/calendar/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
