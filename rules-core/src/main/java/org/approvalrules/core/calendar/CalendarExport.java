package org.approvalrules.core.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;

/**
 * Writes a working calendar as CSV (one line per day) or as an iCalendar feed (RFC 5545) that
 * ordinary calendar apps subscribe to. Both are deterministic: the same calendar, range and stamp
 * give the same bytes. Stateless and thread-safe.
 */
public final class CalendarExport {

    private static final DateTimeFormatter ICS_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter ICS_STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private CalendarExport() {
    }

    /**
     * CSV: the header {@code date,kind,name,provisional}, then one {@code \n}-terminated line per day of
     * {@code range}; {@code kind} is the {@link DayKind} name, {@code name} the festival or local
     * holiday name (empty for ordinary days; an estimated local holiday says so), quoted per RFC 4180
     * only when it needs to be; {@code provisional} is {@code true} for a day outside the coverage or in
     * a year a recurring local layer lacks (recompute when its notice arrives), else {@code false}.
     * The calendar's policy applies: a STRICT calendar throws before anything is written if the
     * range leaves its coverage.
     */
    public static void csv(WorkingCalendar calendar, DateRange range, Appendable out) {
        requireArguments(calendar, range, out);
        requireAnswers(calendar, range);
        try {
            out.append("date,kind,name,provisional\n");
            for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
                DayExplanation e = calendar.explain(d);
                out.append(d.toString()).append(',').append(e.kind().name()).append(',')
                        .append(csvField(e.name().orElse(""))).append(',').append(String.valueOf(e.provisional())).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code s} as an RFC 4180 field: quoted, with quotes doubled, only if it holds a comma, quote or line break. */
    static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * iCalendar (RFC 5545): a VCALENDAR with PRODID, VERSION 2.0, CALSCALE GREGORIAN and
     * X-WR-CALNAME, and one all-day VEVENT per HOLIDAY or ADJUSTED_WORKDAY in {@code range} with a
     * stable UID (date, kind, locality), so a subscribed app updates rather than duplicates. CRLF line
     * endings; lines folded at 75 octets. {@code stamp} becomes every DTSTAMP (pass the injected clock's
     * instant, or a fixed one for reproducible files).
     */
    public static void ics(WorkingCalendar calendar, DateRange range, Instant stamp, Appendable out) {
        requireArguments(calendar, range, out);
        InvalidValueException.requireNonNull(stamp, "stamp");
        requireAnswers(calendar, range);
        String dtstamp = ICS_STAMP.format(stamp);
        String locality = calendar.locality().value();
        boolean provisional = !calendar.covers(range.start()) || !calendar.covers(range.end());
        try {
            line(out, "BEGIN:VCALENDAR");
            line(out, "PRODID:-//approval-rules//working-day calendar//ZH");
            line(out, "VERSION:2.0");
            line(out, "CALSCALE:GREGORIAN");
            line(out, "X-WR-CALNAME:" + text("工作日历 " + calendar.id() + " / working-day calendar"));
            line(out, "X-WR-TIMEZONE:" + calendar.zone().getId());
            line(out, "X-WR-CALDESC:" + text("行政区划 " + locality + "，日历版本 " + calendar.version() + "，范围 " + range
                    + (provisional ? "；覆盖范围 " + calendar.coverage() + " 之外按周末推定（临时）" : "")
                    + " / division " + locality + ", calendar version " + calendar.version() + ", range " + range
                    + (provisional ? "; outside coverage " + calendar.coverage() + " weekends only are assumed (provisional)" : "")));
            for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
                DayExplanation e = calendar.explain(d);
                if (e.kind() != DayKind.HOLIDAY && e.kind() != DayKind.ADJUSTED_WORKDAY) {
                    continue;
                }
                boolean off = e.kind() == DayKind.HOLIDAY;
                String name = e.name().orElse("");
                line(out, "BEGIN:VEVENT");
                line(out, "UID:" + ICS_DATE.format(d) + "-" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + "-"
                        + locality + "@approval-rules");
                line(out, "DTSTAMP:" + dtstamp);
                line(out, "DTSTART;VALUE=DATE:" + ICS_DATE.format(d));
                line(out, "DTEND;VALUE=DATE:" + ICS_DATE.format(d.plusDays(1)));
                line(out, "SUMMARY:" + text((name.isEmpty() ? "" : name + " ") + (off ? "休 / day off" : "班 / working day")));
                line(out, "DESCRIPTION:" + text((off ? "放假" : "调休上班") + "，层级 " + e.layer()
                        + e.source().map(s -> "，依据 " + s).orElse("") + " / " + (off ? "holiday" : "adjusted working day")
                        + ", layer " + e.layer() + e.source().map(s -> ", notice " + s).orElse("")));
                line(out, "CATEGORIES:" + (off ? "HOLIDAY" : "ADJUSTED_WORKDAY"));
                line(out, "TRANSP:" + (off ? "TRANSPARENT" : "OPAQUE"));
                line(out, "END:VEVENT");
            }
            line(out, "END:VCALENDAR");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks. */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n");
    }

    /** Writes one content line, folded so that no physical line exceeds 75 octets (UTF-8), then CRLF. */
    static void line(Appendable out, String content) throws IOException {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; // UTF-8 octets
            if (octets + n > limit) {
                out.append(CRLF).append(' ');
                octets = 1; // the leading space counts
            }
            out.append(content, i, i + Character.charCount(cp));
            octets += n;
            i += Character.charCount(cp);
        }
        out.append(CRLF);
    }

    private static void requireArguments(WorkingCalendar calendar, DateRange range, Appendable out) {
        InvalidValueException.requireNonNull(calendar, "calendar");
        InvalidValueException.requireNonNull(range, "range");
        InvalidValueException.requireNonNull(out, "out");
    }

    /** Asks both ends first, so that a STRICT calendar fails before anything is written. */
    /** Every day of the range, so that a STRICT calendar throws before anything is written (gaps included). */
    private static void requireAnswers(WorkingCalendar calendar, DateRange range) {
        for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
            calendar.kindOf(d);
        }
    }
}
