package org.approvalrules.core.authorization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.authorization.AuthorizationTables;
import org.approvalrules.api.authorization.AuthorizedPerson;
import org.approvalrules.api.authorization.ChiefRepresentative;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.WindowAuthorization;
import org.approvalrules.api.authorization.WindowSchedule;
import org.approvalrules.api.authorization.WindowStaffing;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;

/**
 * Reads the authorization tables a centre keeps in a spreadsheet and saves as CSV (format:
 * docs/AUTHORIZATION.md). Columns are found by their header (Chinese or English, any order); UTF-8 (with or
 * without BOM, as Excel's "CSV UTF-8" writes) or, failing that, GB18030 (what Excel's plain "CSV" writes
 * on a Chinese system); dates {@code 2024-10-08} or {@code 2024/10/8}; yes/no as 是/否, Y/N, √/×, 1/0; blank lines and
 * lines starting with {@code #} are skipped. Every error is a {@link DataFormatException} with file,
 * line, column and value (identity numbers masked), and a file with an error yields nothing.
 */
public final class AuthorizationCsv {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");

    private AuthorizationCsv() {
    }

    /**
     * The authorization table: one row per department and item, one yes/no column per power. Columns
     * {@code 部门/department}, {@code 事项编码/item_code}, the seven powers ({@code 受理权/acceptance} …
     * {@code 应诉代理权/litigation}), {@code 授权文件/document}, {@code 生效日期/effective_from}; optional
     * {@code 事项名称/item_name} (not used).
     */
    public static List<WindowAuthorization> authorizations(String file, byte[] bytes) {
        Table t = Table.parse(file, bytes, List.of(DEPARTMENT, ITEM, DOCUMENT, EFFECTIVE), powerColumns(), List.of(ITEM_NAME));
        List<WindowAuthorization> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row r : t.rows()) {
            Set<Power> powers = EnumSet.noneOf(Power.class);
            for (Power p : Power.values()) {
                if (r.yesNo(POWER_COLUMNS.get(p))) {
                    powers.add(p);
                }
            }
            LocalDate from = r.date(EFFECTIVE);
            WindowAuthorization a = r.make(ITEM, () -> new WindowAuthorization(r.text(DEPARTMENT), r.text(ITEM), powers,
                    r.text(DOCUMENT), from));
            Integer prev = seen.put(a.department() + "\u0000" + a.itemCode() + "\u0000" + from, r.line());
            if (prev != null) {
                throw r.error(ITEM, a.itemCode(), "同一部门、事项、生效日期重复（见第 " + prev + " 行）/ duplicate department, item and date (see line " + prev + ")");
            }
            out.add(a);
        }
        return List.copyOf(out);
    }

    /**
     * Chief representatives: {@code 部门/department}, {@code 姓名/name}, {@code 任命文件/document},
     * {@code 任命日期/appointed_on}, {@code 审批决定权/approval_power} (yes/no), {@code 全职进驻/full_time} (yes/no);
     * optional {@code 身份证号/id_number} (checked, shown masked).
     */
    public static List<ChiefRepresentative> chiefs(String file, byte[] bytes) {
        Table t = Table.parse(file, bytes, List.of(DEPARTMENT, NAME, DOCUMENT, APPOINTED, APPROVAL_POWER, FULL_TIME), List.of(), List.of(ID_NUMBER));
        List<ChiefRepresentative> out = new ArrayList<>();
        for (Row r : t.rows()) {
            Optional<ApplicantId> id = r.optional(ID_NUMBER).map(s -> r.make(ID_NUMBER, () -> ApplicantId.parse(s)));
            LocalDate on = r.date(APPOINTED);
            boolean approval = r.yesNo(APPROVAL_POWER);
            boolean fullTime = r.yesNo(FULL_TIME);
            out.add(r.make(NAME, () -> new ChiefRepresentative(r.text(DEPARTMENT), r.text(NAME), id, r.text(DOCUMENT), on, approval, fullTime)));
        }
        return List.copyOf(out);
    }

    /**
     * Authorised window persons: {@code 部门/department}, {@code 处理人/handler} (as case steps record it),
     * {@code 权力/powers} (names separated by {@code ;} or {@code 、}, e.g. {@code 审批权;制证权} or
     * {@code APPROVAL;CERTIFICATION}), {@code 起始日期/from}; optional {@code 事项编码/item_code} (blank: every item of
     * the department) and {@code 截止日期/until}.
     */
    public static List<AuthorizedPerson> persons(String file, byte[] bytes) {
        Table t = Table.parse(file, bytes, List.of(DEPARTMENT, HANDLER, POWERS, FROM), List.of(), List.of(ITEM, UNTIL));
        List<AuthorizedPerson> out = new ArrayList<>();
        for (Row r : t.rows()) {
            Set<Power> powers = EnumSet.noneOf(Power.class);
            for (String name : r.text(POWERS).split("[;；、]")) {
                if (!name.isBlank()) {
                    powers.add(r.power(POWERS, name.strip()));
                }
            }
            LocalDate from = r.date(FROM);
            Optional<LocalDate> until = r.optional(UNTIL).map(s -> r.date(UNTIL));
            out.add(r.make(POWERS, () -> new AuthorizedPerson(r.text(DEPARTMENT), r.text(HANDLER), r.optional(ITEM), powers, from, until)));
        }
        return List.copyOf(out);
    }

    /**
     * Window schedules: {@code 部门/department}, {@code 星期或日期/day} (周一…周日, 星期一…, MON…SUN, or a date),
     * {@code 开放/staffing} ({@link WindowStaffing#parse}), {@code 生效日期/from} (required on weekday rows: the
     * weekday rows of one department with one date form a weekly pattern from that date, a weekday it does not
     * name being closed; blank on date rows, which are exceptions).
     */
    public static List<WindowSchedule> schedules(String file, byte[] bytes) {
        Table t = Table.parse(file, bytes, List.of(DEPARTMENT, DAY, STAFFING), List.of(), List.of(FROM));
        Map<String, TreeMap<LocalDate, Map<DayOfWeek, WindowStaffing>>> patterns = new LinkedHashMap<>();
        Map<String, Map<LocalDate, WindowStaffing>> exceptions = new HashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Row r : t.rows()) {
            String dep = r.text(DEPARTMENT);
            firstLine.putIfAbsent(dep, r.line());
            WindowStaffing s = r.make(STAFFING, () -> WindowStaffing.parse(r.text(STAFFING)));
            String dayText = r.text(DAY);
            Optional<DayOfWeek> weekday = weekday(dayText);
            patterns.computeIfAbsent(dep, d -> new TreeMap<>());
            if (weekday.isPresent()) {
                if (r.optional(FROM).isEmpty()) {
                    throw r.error(FROM, "", "按星期的行须填写生效日期 / a weekday row needs its first day");
                }
                Map<DayOfWeek, WindowStaffing> week = patterns.get(dep).computeIfAbsent(r.date(FROM), d -> new EnumMap<>(DayOfWeek.class));
                if (week.put(weekday.get(), s) != null) {
                    throw r.error(DAY, dayText, "同一部门、同一生效日期的星期重复 / weekday repeated for this department and date");
                }
            } else {
                LocalDate date = r.date(DAY);
                if (r.optional(FROM).isPresent()) {
                    throw r.error(FROM, r.text(FROM), "按日期的例外行不填生效日期 / a dated exception takes no first day");
                }
                if (exceptions.computeIfAbsent(dep, d -> new HashMap<>()).put(date, s) != null) {
                    throw r.error(DAY, dayText, "同一部门的日期重复 / date repeated for this department");
                }
            }
        }
        List<WindowSchedule> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<LocalDate, Map<DayOfWeek, WindowStaffing>>> e : patterns.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new DataFormatException(file, firstLine.get(e.getKey()), DEPARTMENT.zh(), e.getKey(),
                        "该部门只有例外日期，缺少按星期的安排 / only dated exceptions, no weekly rows for this department");
            }
            List<WindowSchedule.WeeklyPattern> ps = new ArrayList<>();
            e.getValue().forEach((from, days) -> ps.add(new WindowSchedule.WeeklyPattern(from, days)));
            out.add(new WindowSchedule(e.getKey(), ps, exceptions.getOrDefault(e.getKey(), Map.of())));
        }
        return List.copyOf(out);
    }

    /**
     * All tables from files (the authorization table required, the others optional), checked together
     * into one {@link AuthorizationTables}.
     */
    public static AuthorizationTables read(Path table, Optional<Path> chiefs, Optional<Path> persons, Optional<Path> schedules) {
        return new AuthorizationTables(authorizations(table.toString(), bytes(table)),
                chiefs.map(p -> chiefs(p.toString(), bytes(p))).orElse(List.of()),
                persons.map(p -> persons(p.toString(), bytes(p))).orElse(List.of()),
                schedules.map(p -> schedules(p.toString(), bytes(p))).orElse(List.of()));
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new DataFormatException(p.toString(), 0, null, null, "无法读取文件 / cannot read the file: " + e.getMessage(), e);
        }
    }

    /** A column: its Chinese header, English header, and other accepted spellings. */
    private record Column(String zh, String en, List<String> aliases) {
        static Column of(String zh, String en, String... aliases) {
            return new Column(zh, en, List.of(aliases));
        }

        boolean matches(String header) {
            String h = header.strip();
            return h.equals(zh) || h.equalsIgnoreCase(en) || aliases.contains(h);
        }

        String shown() {
            return zh + "/" + en;
        }
    }

    private static final Column DEPARTMENT = Column.of("部门", "department", "进驻部门");
    private static final Column ITEM = Column.of("事项编码", "item_code", "实施编码");
    private static final Column ITEM_NAME = Column.of("事项名称", "item_name");
    private static final Column DOCUMENT = Column.of("授权文件", "document", "任命文件", "文件");
    private static final Column EFFECTIVE = Column.of("生效日期", "effective_from");
    private static final Column NAME = Column.of("姓名", "name");
    private static final Column ID_NUMBER = Column.of("身份证号", "id_number", "身份证号码");
    private static final Column APPOINTED = Column.of("任命日期", "appointed_on");
    private static final Column APPROVAL_POWER = Column.of("审批决定权", "approval_power");
    private static final Column FULL_TIME = Column.of("全职进驻", "full_time");
    private static final Column HANDLER = Column.of("处理人", "handler");
    private static final Column POWERS = Column.of("权力", "powers");
    private static final Column FROM = Column.of("起始日期", "from", "生效日期");
    private static final Column UNTIL = Column.of("截止日期", "until");
    private static final Column DAY = Column.of("星期或日期", "day", "星期", "日期");
    private static final Column STAFFING = Column.of("开放", "staffing", "对外办公");
    private static final Map<Power, Column> POWER_COLUMNS = new EnumMap<>(Power.class);

    static {
        for (Power p : Power.values()) {
            String zh = p.chineseName();
            List<String> aliases = new ArrayList<>(List.of(zh.substring(0, zh.length() - 1)));
            if (p == Power.DELIVERY) {
                aliases.addAll(List.of("送达权", "送达"));
            }
            POWER_COLUMNS.put(p, new Column(zh, p.name().toLowerCase(Locale.ROOT), aliases));
        }
    }

    private static List<Column> powerColumns() {
        return List.copyOf(POWER_COLUMNS.values());
    }

    static Optional<DayOfWeek> weekday(String text) {
        String s = text.strip();
        String[] zh = {"一", "二", "三", "四", "五", "六", "日"};
        for (int i = 0; i < 7; i++) {
            DayOfWeek d = DayOfWeek.of(i + 1);
            if (s.equals("周" + zh[i]) || s.equals("星期" + zh[i]) || (i == 6 && (s.equals("周天") || s.equals("星期天")))
                    || s.equalsIgnoreCase(d.name()) || s.equalsIgnoreCase(d.name().substring(0, 3))) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** A parsed file: its header positions and rows. */
    private record Table(String file, Map<Column, Integer> positions, List<Row> rows) {
        static Table parse(String file, byte[] bytes, List<Column> required, List<Column> requiredToo, List<Column> optional) {
            Map<Column, Integer> pos = null;
            List<Row> rows = new ArrayList<>();
            List<Column> all = new ArrayList<>(required);
            all.addAll(requiredToo);
            all.addAll(optional);
            try (CsvReader reader = CsvReader.of(bytes, file, CsvReader.Syntax.HASH_COMMENTS)) {
                for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                    List<String> cells = row.values();
                    int line = row.line();
                    if (pos == null) {
                        pos = header(file, line, cells, all);
                        for (Column c : required) {
                            requireColumn(file, line, pos, c);
                        }
                        for (Column c : requiredToo) {
                            requireColumn(file, line, pos, c);
                        }
                        continue;
                    }
                    if (row.blank()) {
                        continue; // a row Excel keeps as ",,,,"
                    }
                    int width = pos.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
                    for (int k = width; k < cells.size(); k++) {
                        if (!cells.get(k).isBlank()) {
                            throw new DataFormatException(file, line, "column " + (k + 1), cells.get(k),
                                    "多出一列（字段中的逗号须加引号）/ more cells than header columns (quote a field that contains a comma)");
                        }
                    }
                    rows.add(new Row(file, line, pos, cells));
                }
            }
            if (pos == null) {
                throw new DataFormatException(file, 0, "header", null, "缺少表头 / the header line is missing");
            }
            return new Table(file, pos, rows);
        }

        private static void requireColumn(String file, int line, Map<Column, Integer> pos, Column c) {
            if (!pos.containsKey(c)) {
                throw new DataFormatException(file, line, "header", c.shown(), "缺少列 " + c.zh + " / column " + c.en + " is missing");
            }
        }

        private static Map<Column, Integer> header(String file, int line, List<String> cells, List<Column> all) {
            Map<Column, Integer> pos = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                String h = cells.get(i).strip();
                if (h.isEmpty()) {
                    continue;
                }
                Column found = all.stream().filter(c -> c.matches(h)).findFirst().orElseThrow(() -> new DataFormatException(file, line,
                        "header", h, "未知列名，可用 " + all.stream().map(Column::zh).toList() + " / unknown column, expected one of "
                                + all.stream().map(Column::en).toList()));
                if (pos.put(found, i) != null) {
                    throw new DataFormatException(file, line, "header", h, "列重复 / column repeated");
                }
            }
            return pos;
        }
    }

    /** One data row. */
    private record Row(String file, int line, Map<Column, Integer> positions, List<String> cells) {

        Optional<String> optional(Column c) {
            Integer i = positions.get(c);
            if (i == null || i >= cells.size()) {
                return Optional.empty();
            }
            String v = cells.get(i).strip();
            return v.isEmpty() ? Optional.empty() : Optional.of(v);
        }

        String text(Column c) {
            return optional(c).orElseThrow(() -> error(c, "", "不能为空 / must not be blank"));
        }

        LocalDate date(Column c) {
            String v = text(c);
            Matcher m = DATE.matcher(v);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    throw error(c, v, "日期不存在 / no such date");
                }
            }
            throw error(c, v, "日期格式应为 YYYY-MM-DD 或 YYYY/M/D / a date must be YYYY-MM-DD or YYYY/M/D");
        }

        boolean yesNo(Column c) {
            String v = text(c);
            switch (v.toUpperCase(Locale.ROOT)) {
                case "是", "Y", "YES", "1", "√", "✓", "有", "TRUE":
                    return true;
                case "否", "N", "NO", "0", "×", "✗", "无", "FALSE":
                    return false;
                default:
                    throw error(c, v, "应为 是/否（或 Y/N、√/×、1/0）/ expected yes or no (是/否, Y/N, √/×, 1/0)");
            }
        }

        Power power(Column c, String name) {
            for (Power p : Power.values()) {
                if (POWER_COLUMNS.get(p).matches(name) || p.name().equalsIgnoreCase(name)) {
                    return p;
                }
            }
            throw error(c, name, "未知权力，应为 受理权、审核权、审批权、协调处置权、制证权、办理结果送达权、应诉代理权 之一 / unknown power");
        }

        /** Builds a value, turning its validation error into a data error on this row. */
        <T> T make(Column c, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (InvalidValueException e) {
                throw new DataFormatException(file, line, c.shown() + " (" + e.field() + ")", e.value(), e.getMessage(), e);
            }
        }

        DataFormatException error(Column c, String value, String reason) {
            return new DataFormatException(file, line, c.shown(), value, reason);
        }
    }
}
