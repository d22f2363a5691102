package org.approvalrules.core.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.core.csv.CsvLine;

/**
 * Reads intake logs and move-in registers from CSV (UTF-8, an optional BOM, a header line, fields quoted
 * with {@code "} where they hold commas). Columns are found by name, in any order, under the GB/T 39046
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
 * A log is streamed to a consumer: when a line is bad the exception stops the read, and a caller that feeds an
 * {@link IntakeDetector.Session} discards that session, so no partial result is reported.
 */
public final class IntakeLogReader {

    private static final int MAX_LINE = 8_192;

    private IntakeLogReader() {
    }

    /** Reads {@code file}, passing each record to {@code sink}; returns the number of records. */
    public static long read(Path file, Consumer<IntakeRecord> sink) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString(), sink);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 / cannot read " + file, e);
        }
    }

    /** Reads a log from {@code in} (named {@code file} in errors), passing each record to {@code sink}. */
    public static long read(Reader in, String file, Consumer<IntakeRecord> sink) {
        Lines lines = new Lines(in, file);
        Header h = lines.header(new String[][] {
            {"办件编号", "sblsh", "case_number"},
            {"实施编码", "sxbm", "item_code"},
            {"申请者证件号码", "applicant_id"},
            {"受理渠道", "channel"},
            {"受理时间", "slsj", "accepted"},
            {"渠道名称", "channel_name"}},
            5);
        long n = 0;
        for (List<String> row = lines.next(); row != null; row = lines.next()) {
            String caseNumber = h.text(row, 0, lines);
            String item = h.text(row, 1, lines);
            ApplicantId applicant = applicant(h.text(row, 2, lines), h.name(2), lines);
            AcceptanceChannel channel = channel(h.text(row, 3, lines), h.name(3), lines);
            LocalDateTime accepted = time(h.text(row, 4, lines), h.name(4), lines);
            Optional<String> name = h.optional(row, 5);
            try {
                sink.accept(new IntakeRecord(caseNumber, item, applicant, channel, name, accepted));
            } catch (InvalidValueException e) {
                throw lines.error(e.field(), e.value(), e.getMessage());
            }
            n++;
        }
        return n;
    }

    /** Reads a move-in register. */
    public static List<ItemMove> readMoves(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readMoves(r, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 / cannot read " + file, e);
        }
    }

    /** Reads a move-in register from {@code in} (named {@code file} in errors); each item at most once. */
    public static List<ItemMove> readMoves(Reader in, String file) {
        Lines lines = new Lines(in, file);
        Header h = lines.header(new String[][] {
            {"实施编码", "sxbm", "item_code"},
            {"进驻日期", "moved_in"},
            {"仅限中心受理", "centre_only"}},
            2);
        List<ItemMove> moves = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (List<String> row = lines.next(); row != null; row = lines.next()) {
            String item = h.text(row, 0, lines);
            LocalDate movedIn = time(h.text(row, 1, lines), h.name(1), lines).toLocalDate();
            boolean centreOnly = h.optional(row, 2).map(v -> bool(v, h.name(2), lines)).orElse(true);
            Integer before = seen.putIfAbsent(item, lines.line);
            if (before != null) {
                throw lines.error(h.name(0), item, "同一事项已在第 " + before + " 行 / the same item is already on line " + before);
            }
            moves.add(new ItemMove(item, movedIn, centreOnly));
        }
        return List.copyOf(moves);
    }

    private static ApplicantId applicant(String v, String field, Lines lines) {
        try {
            return ApplicantId.parse(v);
        } catch (InvalidValueException e) {
            throw lines.error(field, ApplicantId.mask(v), e.getMessage());
        }
    }

    private static AcceptanceChannel channel(String v, String field, Lines lines) {
        AcceptanceChannel c = parseChannel(v);
        if (c == null) {
            throw lines.error(field, v, UNKNOWN_CHANNEL);
        }
        return c;
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

    private static boolean bool(String v, String field, Lines lines) {
        switch (v.toLowerCase(Locale.ROOT)) {
            case "是", "1", "true", "y", "yes":
                return true;
            case "否", "0", "false", "n", "no":
                return false;
            default:
                throw lines.error(field, v, "应为 是 或 否 / expected yes or no");
        }
    }

    /** A permissively written local time (see the class comment), or an error naming the field. */
    static LocalDateTime time(String v, String field, Lines lines) {
        LocalDateTime t = parseTime(v);
        if (t == null) {
            throw lines.error(field, v, "无法识别的时间（例：2024-09-27T10:30 或 20240927T103000） / unrecognised time "
                    + "(e.g. 2024-09-27T10:30 or 20240927T103000)");
        }
        return t;
    }

    /** 2024-09-27, 2024/9/27, with an optional T or space and hh:mm[:ss[.fraction]]. */
    private static final Pattern SEPARATED = Pattern.compile(
            "(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?");
    /** 20240927, with an optional T and hhmm[ss]. */
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?");

    /** The local time {@code v} stands for, or null when it is none of the accepted forms. */
    public static LocalDateTime parseTime(String v) {
        String s = v.strip();
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

    /** Column positions found in a header line. */
    private record Header(int[] index, String[] names) {

        String name(int field) {
            return names[field];
        }

        String text(List<String> row, int field, Lines lines) {
            int i = index[field];
            String v = i < row.size() ? row.get(i).strip() : "";
            if (v.isEmpty()) {
                throw lines.error(names[field], v, "不能为空 / must not be empty");
            }
            return v;
        }

        Optional<String> optional(List<String> row, int field) {
            int i = index[field];
            if (i < 0 || i >= row.size() || row.get(i).isBlank()) {
                return Optional.empty();
            }
            return Optional.of(row.get(i).strip());
        }
    }

    /** CSV lines with their numbers. */
    private static final class Lines {
        private final BufferedReader in;
        private final String file;
        int line;

        Lines(Reader in, String file) {
            this.in = in instanceof BufferedReader b ? b : new BufferedReader(in);
            this.file = file;
        }

        /** Finds the columns; the first {@code required} of {@code fields} must be present. */
        Header header(String[][] fields, int required) {
            List<String> head = next();
            if (head == null) {
                throw error("header", "", "文件为空，缺少表头 / empty file, no header line");
            }
            int[] index = new int[fields.length];
            String[] names = new String[fields.length];
            for (int f = 0; f < fields.length; f++) {
                index[f] = -1;
                names[f] = fields[f][0];
                for (int c = 0; c < head.size(); c++) {
                    String h = head.get(c).strip().toLowerCase(Locale.ROOT);
                    for (String alias : fields[f]) {
                        if (h.equals(alias)) {
                            if (index[f] >= 0) {
                                throw error("header", head.get(c), "列重复 / column given twice");
                            }
                            index[f] = c;
                            names[f] = head.get(c).strip();
                        }
                    }
                }
                if (f < required && index[f] < 0) {
                    throw error("header", String.join(",", head), "缺少列 " + String.join(" / ", fields[f])
                            + " / missing column " + fields[f][fields[f].length - 1]);
                }
            }
            return new Header(index, names);
        }

        /** The next non-blank line's fields, or null at the end. */
        List<String> next() {
            try {
                String s;
                do {
                    s = in.readLine();
                    if (s == null) {
                        return null;
                    }
                    line++;
                    if (line == 1 && !s.isEmpty() && s.charAt(0) == '\uFEFF') {
                        s = s.substring(1);
                    }
                } while (s.isBlank());
                if (s.length() > MAX_LINE) {
                    throw error("line", s.substring(0, 40) + "…", "行过长（超过 " + MAX_LINE + " 个字符） / line longer than "
                            + MAX_LINE + " characters");
                }
                return CsvLine.split(s, file, line);
            } catch (CharacterCodingException e) {
                throw new DataFormatException(file, line + 1, null, null, "不是有效的 UTF-8 文本 / not valid UTF-8 text", e);
            } catch (IOException e) {
                throw new UncheckedIOException("无法读取 / cannot read " + file, e);
            }
        }

        DataFormatException error(String field, String value, String reason) {
            return new DataFormatException(file, line, field, value, reason);
        }
    }
}
