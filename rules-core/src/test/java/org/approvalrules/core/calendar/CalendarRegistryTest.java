package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarRegistryTest {

    private static final DivisionCode COUNTY = DivisionCode.of("451031");
    private static final LocalDate COUNTY_DAY = LocalDate.of(2024, 6, 3);

    @Test
    void aBrokenReloadKeepsThePreviousCalendarInService(@TempDir Path dir) throws IOException {
        CalendarRegistry registry = CalendarRegistry.bundled();
        assertThat(registry.current()).isSameAs(CalendarRepository.bundled());
        assertThat(registry.calendarFor(COUNTY, CoveragePolicy.STRICT).kindOf(COUNTY_DAY)).isEqualTo(DayKind.WORKDAY);

        Path layer = Files.createDirectories(dir.resolve("451031").resolve("calendar"));
        Files.writeString(layer.resolve("layer.properties"), "name = 某县\n", StandardCharsets.UTF_8);
        Path file = layer.resolve("2024.csv");
        Files.writeString(file, "date,kind,name,source\n2024-06-03,HOLIDAY,县庆,某县通知\n", StandardCharsets.UTF_8);
        CalendarRepository first = registry.reload(dir);
        assertThat(registry.current()).isSameAs(first);
        assertThat(registry.calendarFor(COUNTY, CoveragePolicy.STRICT).kindOf(COUNTY_DAY)).isEqualTo(DayKind.HOLIDAY);

        // an edit breaks the file: the reload fails with file and line, the previous calendar stays
        Files.writeString(file, "date,kind,name,source\n2024-06-03,HOLIDAY,县庆,某县通知\n2024-06-04,HOLIDAY,县庆\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> registry.reload(dir)).isInstanceOfSatisfying(DataFormatException.class, e -> {
            assertThat(e.file()).isEqualTo(file.toString());
            assertThat(e.line()).isEqualTo(3);
        });
        assertThat(registry.current()).isSameAs(first);
        assertThat(registry.calendarFor(COUNTY, CoveragePolicy.STRICT).kindOf(COUNTY_DAY)).isEqualTo(DayKind.HOLIDAY);
        assertThat(registry.calendarFor(COUNTY, CoveragePolicy.STRICT).kindOf(COUNTY_DAY.plusDays(1))).isEqualTo(DayKind.WORKDAY);

        // fixed: the new version goes into service; removing the layer goes back to the bundled data
        Files.writeString(file, "date,kind,name,source\n2024-06-04,HOLIDAY,县庆,某县通知\n", StandardCharsets.UTF_8);
        registry.reload(dir);
        assertThat(registry.calendarFor(COUNTY, CoveragePolicy.STRICT).kindOf(COUNTY_DAY)).isEqualTo(DayKind.WORKDAY);
        assertThat(registry.calendarFor(COUNTY, CoveragePolicy.STRICT).kindOf(COUNTY_DAY.plusDays(1))).isEqualTo(DayKind.HOLIDAY);
        Files.delete(file);
        Files.delete(layer.resolve("layer.properties"));
        registry.reload(dir);
        assertThat(registry.current().layers()).isEqualTo(CalendarRepository.bundled().layers());
    }
}
