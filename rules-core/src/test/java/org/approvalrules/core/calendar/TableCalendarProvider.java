package org.approvalrules.core.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.calendar.CalendarProvider;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;

/**
 * An embedder's provider as the SPI expects one: its days come from a "database table" (here a CSV
 * resource with the table's columns), registered in src/test/resources/META-INF/services, priority 10.
 */
public final class TableCalendarProvider implements CalendarProvider {

    private final List<String[]> rows;

    public TableCalendarProvider() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TableCalendarProvider.class.getResourceAsStream("/calendar-table.csv"), StandardCharsets.UTF_8))) {
            this.rows = r.lines().skip(1).map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<WorkingCalendar> calendarFor(DivisionCode locality, CoveragePolicy policy) {
        List<String[]> mine = rows.stream().filter(row -> row[0].equals(locality.value())).toList();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        CompiledCalendar.Builder b = CompiledCalendar.builder(locality, DateRange.ofYears(2024, 2024)).policy(policy)
                .id("table-" + locality);
        for (String[] row : mine) {
            b.day(LocalDate.parse(row[1]), DayKind.valueOf(row[2]), row[3], locality.value(), row[4]);
        }
        return Optional.of(b.build());
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String name() {
        return "test database table";
    }
}
