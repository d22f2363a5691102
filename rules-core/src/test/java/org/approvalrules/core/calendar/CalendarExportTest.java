package org.approvalrules.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.junit.jupiter.api.Test;

class CalendarExportTest {

    private static CompiledCalendar calendar(CoveragePolicy policy) {
        return CompiledCalendar.builder(DivisionCode.parse("450000"), DateRange.ofYears(2024, 2024)).policy(policy)
                .day(LocalDate.of(2024, 9, 29), DayKind.ADJUSTED_WORKDAY, "国庆节", "000000", "国办发明电〔2023〕7号")
                .day(LocalDate.of(2024, 10, 1), DayKind.HOLIDAY, "国庆节", "000000", "国办发明电〔2023〕7号")
                .day(LocalDate.of(2024, 10, 2), DayKind.HOLIDAY, "A, \"quoted\" name", "450000", "notice; with, separators")
                .build();
    }

    @Test
    void csvHasTheHeaderAndOneLinePerDayQuotingOnlyWhenNeeded() {
        StringBuilder out = new StringBuilder();
        CalendarExport.csv(calendar(CoveragePolicy.STRICT), DateRange.parse("2024-09-28/2024-10-02"), out);
        assertThat(out.toString()).isEqualTo("""
                date,kind,name,provisional
                2024-09-28,WEEKEND,,false
                2024-09-29,ADJUSTED_WORKDAY,国庆节,false
                2024-09-30,WORKDAY,,false
                2024-10-01,HOLIDAY,国庆节,false
                2024-10-02,HOLIDAY,"A, ""quoted"" name",false
                """);
    }

    @Test
    void strictFailsBeforeWritingAnything() {
        StringBuilder out = new StringBuilder();
        assertThatThrownBy(() -> CalendarExport.csv(calendar(CoveragePolicy.STRICT), DateRange.parse("2024-12-30/2025-01-02"), out))
                .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("2025");
        assertThat(out).isEmpty();
    }

    @Test
    void icsIsValidRfc5545WithFoldedCrlfLines() {
        StringBuilder out = new StringBuilder();
        CalendarExport.ics(calendar(CoveragePolicy.STRICT), DateRange.parse("2024-09-28/2024-10-02"),
                Instant.parse("2026-11-23T08:00:00Z"), out);
        String ics = out.toString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nPRODID:").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        String[] physical = ics.split("\r\n");
        assertThat(physical).allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded.split("\r\n")).contains("VERSION:2.0", "CALSCALE:GREGORIAN",
                "UID:20241001-holiday-450000@approval-rules", "DTSTART;VALUE=DATE:20241001", "DTEND;VALUE=DATE:20241002",
                "DTSTAMP:20261123T080000Z", "SUMMARY:国庆节 休 / day off", "SUMMARY:国庆节 班 / working day",
                "SUMMARY:A\\, \"quoted\" name 休 / day off");
        assertThat(Arrays.stream(unfolded.split("\r\n")).filter(l -> l.equals("BEGIN:VEVENT"))).hasSize(3);
        assertThat(unfolded).contains("notice; with, separators".replace(";", "\\;").replace(",", "\\,"));
        assertThat(unfolded).contains("X-WR-CALNAME:");
        // some line really was folded (the Chinese descriptions are long)
        assertThat(ics).contains("\r\n ");
    }

    @Test
    void anIndependentRfc5545ParserReadsAndValidatesTheBundledYear() throws Exception {
        CompiledCalendar guangxi = CalendarRepository.bundled().calendarFor(DivisionCode.parse("450000"), CoveragePolicy.STRICT);
        StringBuilder out = new StringBuilder();
        CalendarExport.ics(guangxi, DateRange.ofYears(2024, 2024), Instant.parse("2026-11-23T08:00:00Z"), out);

        net.fortuna.ical4j.model.Calendar parsed = new net.fortuna.ical4j.data.CalendarBuilder()
                .build(new java.io.StringReader(out.toString()));

        net.fortuna.ical4j.validate.ValidationResult result = parsed.validate();
        assertThat(result.hasErrors()).as("%s", result).isFalse();
        java.util.List<net.fortuna.ical4j.model.component.VEvent> events = parsed.getComponents("VEVENT");
        long expected = guangxi.specialDays().values().stream()
                .filter(e -> e.date().getYear() == 2024 && (e.kind() == DayKind.HOLIDAY || e.kind() == DayKind.ADJUSTED_WORKDAY))
                .count();
        assertThat(events).hasSize((int) expected);
        net.fortuna.ical4j.model.component.VEvent sanyuesan = events.stream()
                .filter(e -> e.getDateTimeStart().get().getValue().equals("20240411")).findFirst().orElseThrow();
        // the parser unfolds and unescapes: the text is exactly what was written
        assertThat(sanyuesan.getSummary().get().getValue()).isEqualTo("壮族三月三 休 / day off");
        assertThat(sanyuesan.getDateTimeEnd().get().getValue()).isEqualTo("20240412");
        assertThat(sanyuesan.getUid().get().getValue()).isEqualTo("20240411-holiday-450000@approval-rules");
        assertThat(sanyuesan.getDescription().get().getValue()).contains("层级 450000").contains("layer 450000, notice ");
    }

    @Test
    void foldingNeverSplitsACharacter() throws Exception {
        StringBuilder out = new StringBuilder();
        String longText = "X:" + "壮族三月三".repeat(20);
        CalendarExport.line(out, longText);
        String[] parts = out.toString().split("\r\n");
        assertThat(String.join("", Arrays.stream(parts).map(p -> p.startsWith(" ") ? p.substring(1) : p).toList()))
                .isEqualTo(longText);
        assertThat(parts).allSatisfy(p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    }
}
