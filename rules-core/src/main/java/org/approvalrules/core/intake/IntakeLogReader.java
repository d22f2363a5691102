package org.approvalrules.core.intake;

import java.io.Reader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.applicant.IdType;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.csv.CsvHeader;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;
import org.approvalrules.core.records.Rejects;

/**
 * Reads intake logs and move-in registers from CSV through {@link CsvReader} (RFC 4180 quoting, UTF-8 with or without
 * BOM or GB18030, a header line). Columns are found by name, in any order, under the GB/T 39046
 * name, the old exchange name or an English name:
 *
 * <table>
 *   <caption>intake log columns</caption>
 *   <tr><th>field</th><th>accepted headers</th></tr>
 *   <tr><td>case number</td><td>办件编号, SBLSH, case_number</td></tr>
 *   <tr><td>item code</td><td>实施编码, SXBM, item_code</td></tr>
 *   <tr><td>applicant id</td><td>申请者证件号码, applicant_id</td></tr>
 *   <tr><td>channel</td><td>受理渠道, channel: 中心窗口/窗口/CENTRE_WINDOW, 分中心/BRANCH_CENTRE, 部门/DEPARTMENT,
 *       网上/电脑端/移动端/ONLINE</td></tr>
 *   <tr><td>channel name (optional)</td><td>渠道名称, channel_name</td></tr>
 *   <tr><td>acceptance time</td><td>受理时间, SLSJ, accepted</td></tr>
 * </table>
 * and for the move-in register: 实施编码/SXBM/item_code, 进驻日期/moved_in, and optionally
 * 仅限中心受理/centre_only (是/否, 1/0, true/false; default 是).
 *
 * <p>Times are read permissively ({@code 2024-09-27T10:30}, {@code 2024-09-27 10:30:00}, {@code 2024/09/27 10:30},
 * {@code 20240927T103000}, {@code 20240927103000}, {@code 202409271030}, or a date alone, taken as 00:00) and
 * anything else is rejected. Every error is a {@link DataFormatException} naming the file, line, field and value.
 * A log is streamed to a consumer, one record at a time; a bad line goes to the {@link Rejects} given (strict: the
 * exception stops the read, and a caller that feeds an {@link IntakeDetector.Session} discards that session, so no
 * partial result is reported; continuing: the line is rejected with its line, field and reason and the read goes
 * on). The move-in register is always strict.
 */
public final class IntakeLogReader {

    static final CsvColumn CASE = CsvColumn.required("办件编号", "sblsh", "case_number");
    static final CsvColumn ITEM = CsvColumn.required("实施编码", "sxbm", "item_code");
    static final CsvColumn APPLICANT = CsvColumn.required("申请者证件号码", "applicant_id");
    static final CsvColumn CHANNEL = CsvColumn.required("受理渠道", "channel");
    static final CsvColumn ACCEPTED = CsvColumn.required("受理时间", "slsj", "accepted");
    static final CsvColumn CHANNEL_NAME = CsvColumn.optional("渠道名称", "channel_name");
    /** 证件类型: decides how the applicant's number is read (codes, names: {@link IdType}); optional. */
    static final CsvColumn ID_TYPE = CsvColumn.optional("申请者证件类型", "证件类型", "id_type");
    private static final List<CsvColumn> LOG = List.of(CASE, ITEM, APPLICANT, CHANNEL, ACCEPTED, CHANNEL_NAME, ID_TYPE);

    static final CsvColumn MOVED_ITEM = CsvColumn.required("实施编码", "sxbm", "item_code");
    static final CsvColumn MOVED_IN = CsvColumn.required("进驻日期", "in_centre_from", "moved_in");
    static final CsvColumn CENTRE_ONLY = CsvColumn.optional("仅限中心受理", "centre_only");
    static final CsvColumn DEPARTMENT = CsvColumn.optional("部门编码", "department");
    private static final List<CsvColumn> MOVES = List.of(MOVED_ITEM, MOVED_IN, CENTRE_ONLY, DEPARTMENT);

    private IntakeLogReader() {
    }

    /** Reads {@code file}, passing each record to {@code sink}; the first bad line stops the read. */
    public static long read(Path file, Consumer<IntakeRecord> sink) {
        return read(file, sink, Rejects.strict());
    }

    /**
     * Streams {@code file}, passing each record to {@code sink} and each bad line to {@code rejects}; returns the number
     * of records passed. A missing or unreadable file, a bad header, an encoding or quoting error stop the read in
     * either mode.
     */
    public static long read(Path file, Consumer<IntakeRecord> sink, Rejects rejects) {
        try (IntakeRows rows = IntakeRows.open(file, LOG)) {
            return read(rows.header(), () -> rows.next(rejects), sink, rejects);
        }
    }

    /** Reads a log from {@code in} (named {@code file} in errors), passing each record to {@code sink}; strict. */
    public static long read(Reader in, String file, Consumer<IntakeRecord> sink) {
        try (CsvReader r = CsvReader.of(in, file, CsvReader.Syntax.PLAIN)) {
            return read(CsvHeader.read(r, LOG, true), r::next, sink, Rejects.strict());
        }
    }

    /** A source of rows: {@link CsvReader#next()} or {@link IntakeRows#next} (null at the end). */
    interface RowSource {
        CsvRow next();
    }

    /**
     * Reads every row of {@code rows} with {@code parse}: each good record to {@code sink}, each bad line (a
     * {@link DataFormatException} from the source or from {@code parse}) to {@code rejects}. Returns the records passed.
     */
    static <T> long readAll(CsvHeader h, RowSource rows, RowParser<T> parse, Consumer<T> sink, Rejects rejects) {
        long n = 0;
        for (CsvRow row = rows.next(); row != null; row = rows.next()) {
            T record;
            try {
                record = parse.parse(h, row);
            } catch (DataFormatException e) {
                rejects.reject(e);
                continue;
            }
            sink.accept(record);
            n++;
        }
        return n;
    }

    /** Reads one row into a record, or throws a {@link DataFormatException} naming the field. */
    interface RowParser<T> {
        T parse(CsvHeader h, CsvRow row);
    }

    private static long read(CsvHeader h, RowSource rows, Consumer<IntakeRecord> sink, Rejects rejects) {
        Log log = new Log(h);
        return readAll(h, rows, (header, row) -> log.record(row), sink, rejects);
    }

    /** The columns of a log resolved once in its header, and the reading of one row. */
    private static final class Log {
        private final CsvHeader h;
        private final CsvHeader.Field caseNumber;
        private final CsvHeader.Field item;
        private final CsvHeader.Field applicant;
        private final CsvHeader.Field idType;
        private final CsvHeader.Field channel;
        private final CsvHeader.Field accepted;
        private final CsvHeader.Field channelName;

        Log(CsvHeader h) {
            this.h = h;
            caseNumber = h.field(CASE);
            item = h.field(ITEM);
            applicant = h.field(APPLICANT);
            idType = h.field(ID_TYPE);
            channel = h.field(CHANNEL);
            accepted = h.field(ACCEPTED);
            channelName = h.field(CHANNEL_NAME);
        }

        IntakeRecord record(CsvRow row) {
            h.checkWidth(row);
            String caseNo = caseNumber.require(row);
            String code = item.require(row);
            ApplicantId who = applicant(row);
            AcceptanceChannel ch = channel(row);
            LocalDateTime at = time(accepted, row);
            Optional<String> name = Optional.ofNullable(channelName.value(row));
            try {
                return new IntakeRecord(caseNo, code, who, ch, name, at);
            } catch (InvalidValueException e) {
                throw new DataFormatException(row.file(), row.line(), e.field(), e.value(), e.getMessage(), e);
            }
        }

        private ApplicantId applicant(CsvRow row) {
            String v = applicant.require(row);
            String t = idType.value(row);
            IdType type = t == null ? null : idType(row, t);
            try {
                return ApplicantId.parse(v, type);
            } catch (InvalidValueException e) {
                throw applicant.error(row, ApplicantId.mask(v), e.getMessage());
            }
        }

        private IdType idType(CsvRow row, String v) {
            try {
                return IdType.parse(v);
            } catch (InvalidValueException e) {
                throw idType.error(row, v, e.getMessage());
            }
        }

        private AcceptanceChannel channel(CsvRow row) {
            String v = channel.require(row);
            AcceptanceChannel c = parseChannel(v);
            if (c == null) {
                throw channel.error(row, v, UNKNOWN_CHANNEL);
            }
            return c;
        }

        /**
         * The time of {@link #ACCEPTED} as local seconds from 1970-01-01T00:00 into {@code at[0]} and nanoseconds into
         * {@code at[1]}: {@code 2024-09-27 10:30:00} and {@code 2024-09-27T10:30} read by digit positions, every other
         * form through {@link #parseTime}; an error naming the field when it is no time.
         */
        private void seconds(CsvRow row, long[] at) {
            String v = accepted.require(row);
            long s = commonSeconds(v);
            if (s != Long.MIN_VALUE) {
                at[0] = s;
                at[1] = 0;
                return;
            }
            LocalDateTime t = time(accepted, row);
            at[0] = t.toEpochSecond(java.time.ZoneOffset.UTC);
            at[1] = t.getNano();
        }
    }

    /**
     * Streams {@code file} into {@code scan} through {@link IntakeScan#add(String, String, ApplicantId,
     * AcceptanceChannel, String, long, int)}, without building an {@link IntakeRecord} and its time per line; each bad
     * line goes to {@code rejects} exactly as {@link #read(Path, Consumer, Rejects)} rejects it, and {@code progress}
     * is told each record passed. Returns the number of records passed. A CSV log is lexed on a second thread
     * ({@link RowPipe}) while this one parses and scans the rows before.
     */
    public static long read(Path file, IntakeScan scan, Rejects rejects, Runnable progress) {
        try (IntakeRows rows = IntakeRows.open(file, LOG);
                RowPipe pipe = rows.csv() ? new RowPipe(() -> rows.next(rejects), file.getFileName().toString()) : null) {
            CsvHeader h = rows.header();
            Log log = new Log(h);
            RowSource source = pipe != null ? pipe::next : () -> rows.next(rejects);
            long[] at = new long[2];
            long n = 0;
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                String caseNumber;
                String item;
                ApplicantId applicant;
                AcceptanceChannel channel;
                String name;
                try {
                    h.checkWidth(row);
                    caseNumber = log.caseNumber.require(row);
                    item = log.item.require(row);
                    applicant = log.applicant(row);
                    channel = log.channel(row);
                    log.seconds(row, at);
                    name = log.channelName.value(row);
                    try {
                        IntakeRecord.check(caseNumber, item, applicant, channel, Optional.ofNullable(name));
                    } catch (InvalidValueException e) {
                        throw new DataFormatException(row.file(), row.line(), e.field(), e.value(), e.getMessage(), e);
                    }
                } catch (DataFormatException e) {
                    rejects.reject(e);
                    continue;
                }
                scan.add(caseNumber, item, applicant, channel, name, at[0], (int) at[1]);
                progress.run();
                n++;
            }
            return n;
        }
    }

    /**
     * The local seconds of {@code 2024-09-27 10:30:00} or {@code 2024-09-27T10:30} (as {@link #common} reads them),
     * or {@link Long#MIN_VALUE} for anything else, including a date or time out of range.
     */
    static long commonSeconds(String s) {
        int n = s.length();
        if (n != 16 && n != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' ' && s.charAt(10) != 'T'
                || s.charAt(13) != ':' || n == 19 && s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = n == 19 ? digits(s, 17, 19) : 0;
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1
                || day > java.time.Month.of(month).length(java.time.Year.isLeap(year)) || hour > 23 || minute > 59
                || second > 59) {
            return Long.MIN_VALUE;
        }
        return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    /** {@link LocalDate#toEpochDay()} of a valid date, without the object. */
    private static long epochDay(long y, int month, int day) {
        long total = 365 * y;
        total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!java.time.Year.isLeap(y)) {
                total--;
            }
        }
        return total - 719_528L; // days from 0000-01-01 to 1970-01-01
    }

    /**
     * Reads a move-in register: {@code moves.csv}, or the item catalogue {@code items.csv} (its {@code in_centre_from}
     * column, where an empty cell means "not in the centre" and the row is skipped), CSV or JSON Lines.
     */
    public static List<ItemMove> readMoves(Path file) {
        List<ItemMove> moves = new ArrayList<>();
        readRegister(file, (item, move, department) -> moves.add(move));
        return List.copyOf(moves);
    }

    /** The department (部门编码 / {@code department}) of each item of a register that has that column; else empty. */
    public static Map<String, String> readDepartments(Path file) {
        Map<String, String> departments = new HashMap<>();
        readRegister(file, (item, move, department) -> department.ifPresent(d -> departments.put(item, d)));
        return departments;
    }

    private interface RegisterSink {
        void accept(String item, ItemMove move, Optional<String> department);
    }

    private static void readRegister(Path file, RegisterSink sink) {
        Rejects strict = Rejects.strict();
        try (IntakeRows rows = IntakeRows.open(file, MOVES)) {
            readRegister(rows.header(), () -> rows.next(strict), sink);
        }
    }

    private static void readRegister(CsvHeader h, RowSource rows, RegisterSink sink) {
        Map<String, Integer> seen = new HashMap<>();
        boolean catalogue = h.name(MOVED_IN).equalsIgnoreCase("in_centre_from");
        for (CsvRow next = rows.next(); next != null; next = rows.next()) {
            CsvRow row = next;
            h.checkWidth(row);
            String item = h.require(row, MOVED_ITEM);
            Integer before = seen.putIfAbsent(item, row.line());
            if (before != null) {
                throw h.error(row, MOVED_ITEM, item, "同一事项已在第 " + before + " 行 / the same item is already on line " + before);
            }
            if (catalogue && h.optional(row, MOVED_IN).isEmpty()) {
                continue; // the catalogue's item not in the centre
            }
            LocalDate movedIn = time(h, row, MOVED_IN).toLocalDate();
            boolean centreOnly = h.optional(row, CENTRE_ONLY).map(v -> bool(v, h, row)).orElse(true);
            sink.accept(item, new ItemMove(item, movedIn, centreOnly), h.optional(row, DEPARTMENT));
        }
    }

    /** Reads a move-in register from {@code in} (named {@code file} in errors); each item at most once. */
    public static List<ItemMove> readMoves(Reader in, String file) {
        List<ItemMove> moves = new ArrayList<>();
        try (CsvReader r = CsvReader.of(in, file, CsvReader.Syntax.PLAIN)) {
            readRegister(CsvHeader.read(r, MOVES, true), r::next, (item, move, department) -> moves.add(move));
        }
        return List.copyOf(moves);
    }

    /** Why a channel was not recognised (Chinese, then English). */
    public static final String UNKNOWN_CHANNEL = "未知受理渠道（应为 中心窗口、分中心、部门 或 网上） / unknown channel "
            + "(expected CENTRE_WINDOW, BRANCH_CENTRE, DEPARTMENT or ONLINE)";

    /** The channel {@code v} names (any of the names in the class comment), or null when it names none. */
    public static AcceptanceChannel parseChannel(String v) {
        switch (v.toUpperCase(Locale.ROOT)) {
            case "中心窗口", "窗口", "CENTRE_WINDOW":
                return AcceptanceChannel.CENTRE_WINDOW;
            case "分中心", "BRANCH_CENTRE":
                return AcceptanceChannel.BRANCH_CENTRE;
            case "部门", "DEPARTMENT":
                return AcceptanceChannel.DEPARTMENT;
            case "网上", "电脑端", "移动端", "ONLINE":
                return AcceptanceChannel.ONLINE;
            default:
                return null;
        }
    }

    private static boolean bool(String v, CsvHeader h, CsvRow row) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "是", "1", "true", "y", "yes":
                return true;
            case "否", "0", "false", "n", "no":
                return false;
            default:
                throw h.error(row, CENTRE_ONLY, v, "应为 是 或 否 / expected yes or no");
        }
    }

    /** A permissively written local time (see the class comment), or an error naming the field. */
    static LocalDateTime time(CsvHeader h, CsvRow row, CsvColumn c) {
        return time(h.field(c), row);
    }

    /** A permissively written local time in column {@code c} (see the class comment), or an error naming the field. */
    static LocalDateTime time(CsvHeader.Field c, CsvRow row) {
        String v = c.require(row);
        LocalDateTime t = parseTime(v);
        if (t == null) {
            throw c.error(row, v, "无法识别的时间（例：2024-09-27T10:30 或 20240927T103000） / unrecognised time "
                    + "(e.g. 2024-09-27T10:30 or 20240927T103000)");
        }
        return t;
    }

    /**
     * The two forms of nearly every log, {@code 2024-09-27 10:30:00} and {@code 2024-09-27T10:30}, read without a
     * regular expression; null for anything else (then the patterns decide).
     */
    private static LocalDateTime common(String s) {
        long seconds = commonSeconds(s);
        return seconds == Long.MIN_VALUE ? null : LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** 2024-09-27, 2024/9/27, with an optional T or space and hh:mm[:ss[.fraction]]. */
    private static final Pattern SEPARATED = Pattern.compile(
            "(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?");
    /** 20240927, with an optional T and hhmm[ss]. */
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?");

    /** The local time {@code v} stands for, or null when it is none of the accepted forms. */
    public static LocalDateTime parseTime(String v) {
        String s = v.strip();
        LocalDateTime common = common(s);
        if (common != null) {
            return common;
        }
        Matcher m = SEPARATED.matcher(s);
        boolean separated = m.matches();
        if (!separated) {
            m = COMPACT.matcher(s);
            if (!m.matches()) {
                return null;
            }
        }
        int hourGroup = separated ? 5 : 4;
        try {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(separated ? 3 : 2)),
                    Integer.parseInt(m.group(separated ? 4 : 3)));
            if (m.group(hourGroup) == null) {
                return d.atStartOfDay();
            }
            String sec = m.group(hourGroup + 2);
            String fraction = separated ? m.group(8) : null;
            int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
            return d.atTime(LocalTime.of(Integer.parseInt(m.group(hourGroup)), Integer.parseInt(m.group(hourGroup + 1)),
                    sec == null ? 0 : Integer.parseInt(sec), nanos));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
