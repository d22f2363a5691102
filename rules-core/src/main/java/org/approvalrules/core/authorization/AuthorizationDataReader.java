package org.approvalrules.core.authorization;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.AuthorizationData.Part;
import org.approvalrules.api.authorization.CatalogueItem;
import org.approvalrules.api.authorization.Delegation;
import org.approvalrules.api.authorization.EndReason;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.RosterDays;
import org.approvalrules.api.authorization.StaffRole;
import org.approvalrules.api.authorization.StaffSpell;
import org.approvalrules.api.authorization.StepPlace;
import org.approvalrules.api.authorization.StepRecord;
import org.approvalrules.api.authorization.WindowRoster;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.csv.CsvHeader;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;
import org.approvalrules.core.intake.IntakeLogReader;
import org.approvalrules.core.records.ItemColumns;
import org.approvalrules.core.records.Rejects;

/**
 * Reads a supervision data directory's authorization files into {@link AuthorizationData}: {@code items.csv},
 * {@code delegations.csv}, {@code staff.csv}, {@code schedules.csv} and {@code steps.csv} (columns and
 * headers in docs/AUTHORIZATION.md "Records"), each optional (a missing file is a part not given, so not
 * checked). Through {@link CsvReader}: UTF-8 ± BOM or GB18030, headers by English or Chinese name in any
 * order, unknown columns ignored. Dates {@code 2024-09-27} or {@code 2024/9/27}; times as in docs/INTAKE.md;
 * enumerations by constant name or Chinese label; several powers or weekdays separated by {@code ;}.
 *
 * <p>Every file is read to the end. A bad line (a bad value; a delegation whose item is not in items.csv or
 * belongs to another department; a delegation overlapping an earlier one of the same item and power;
 * impossible hours; a step dated before its case was accepted — per {@code cases.csv} {@code accepted} when
 * that file is there, else the case's acceptance step) goes to the {@link Rejects} with file, line, field
 * and reason, and is left out; strict rejects stop at the first. A file that cannot be read as a whole (not
 * found after all, bad encoding, missing column) is a {@link DataFormatException}. A {@code .jsonl} file
 * instead of a {@code .csv} is refused with a clear error (not read yet).
 */
public final class AuthorizationDataReader {

    static final CsvColumn ITEM = CsvColumn.required("实施编码", "item_code", "sxbm");
    static final CsvColumn DEPARTMENT = CsvColumn.required("部门编码", "department", "部门");

    static final CsvColumn POWER = CsvColumn.required("权力", "power");
    static final CsvColumn DOCUMENT = CsvColumn.required("授权文件", "document");
    static final CsvColumn FROM = CsvColumn.required("起始日期", "from", "生效日期");
    static final CsvColumn TO = CsvColumn.optional("截止日期", "to");

    static final CsvColumn STAFF_ID = CsvColumn.required("人员编号", "staff_id");
    static final CsvColumn NAME = CsvColumn.required("姓名", "name");
    static final CsvColumn ROLE = CsvColumn.required("角色", "role");
    static final CsvColumn WINDOW = CsvColumn.optional("窗口", "window");
    static final CsvColumn APPOINTMENT = CsvColumn.optional("任命文件", "appointment_document");
    static final CsvColumn END_REASON = CsvColumn.optional("离岗原因", "end_reason");
    static final CsvColumn POWERS = CsvColumn.optional("权力", "powers");

    static final CsvColumn ROSTER_WINDOW = CsvColumn.required("窗口", "window");
    static final CsvColumn DAYS = CsvColumn.required("开放日", "days");
    static final CsvColumn OPENS = CsvColumn.optional("开始", "opens");
    static final CsvColumn CLOSES = CsvColumn.optional("结束", "closes");

    static final CsvColumn CASE = CsvColumn.required("办件编号", "case_number", "sblsh");
    static final CsvColumn STEP = CsvColumn.required("环节", "step");
    static final CsvColumn STEP_STAFF = CsvColumn.required("人员编号", "staff_id");
    static final CsvColumn PLACE = CsvColumn.required("地点", "place");
    static final CsvColumn AT = CsvColumn.required("时间", "at");
    static final CsvColumn ACCEPTED = CsvColumn.required("受理时间", "accepted", "slsj");

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private AuthorizationDataReader() {
    }

    /** A value read from a line, with the line (for checks across files). */
    private record Lined<T>(T value, CsvRow row, CsvHeader header) {
    }

    /**
     * Reads the authorization files of {@code dir} (each optional).
     *
     * @throws DataFormatException when a file cannot be read as a whole, or (strict) at the first bad line
     */
    public static AuthorizationData read(Path dir, Rejects rejects) {
        return read(dir, null, rejects);
    }

    /**
     * Reads the authorization files of {@code dir} (each optional) with a catalogue already read by the caller (the
     * supervision job reads items.csv once per run): {@code items.csv} is then not read again.
     *
     * @param known the catalogue's items (each item once), or null to read {@code items.csv} of {@code dir}
     * @throws DataFormatException when a file cannot be read as a whole, or (strict) at the first bad line
     */
    public static AuthorizationData read(Path dir, List<CatalogueItem> known, Rejects rejects) {
        InvalidValueException.requireNonNull(dir, "dir");
        InvalidValueException.requireNonNull(rejects, "rejects");
        if (known != null) {
            Set<Part> parts = EnumSet.of(Part.ITEMS);
            for (Part p : Part.values()) {
                if (p != Part.ITEMS && present(dir, p.file())) {
                    parts.add(p);
                }
            }
            Map<String, String> departments = new HashMap<>();
            known.forEach(i -> departments.put(i.itemCode(), i.department()));
            return parts(dir, parts, List.copyOf(known), departments, rejects);
        }
        Set<Part> given = EnumSet.noneOf(Part.class);
        for (Part p : Part.values()) {
            if (present(dir, p.file())) {
                given.add(p);
            }
        }
        List<Lined<CatalogueItem>> items = given.contains(Part.ITEMS) ? rows(dir, "items.csv", List.of(ItemColumns.ITEM_CODE,
                ItemColumns.DEPARTMENT, ItemColumns.DEPARTMENT_NAME, ItemColumns.IN_CENTRE_FROM), AuthorizationDataReader::item,
                rejects) : List.of();
        Map<String, String> departments = new HashMap<>();
        List<CatalogueItem> catalogue = new ArrayList<>();
        for (Lined<CatalogueItem> i : items) {
            if (departments.putIfAbsent(i.value().itemCode(), i.value().department()) != null) {
                rejects.reject(i.header().error(i.row(), ItemColumns.ITEM_CODE, i.value().itemCode(),
                        "事项编码重复 / duplicate item code"));
            } else {
                catalogue.add(i.value());
            }
        }
        return parts(dir, given, catalogue, departments, rejects);
    }

    /** The files other than items.csv, against the catalogue's items and their departments. */
    private static AuthorizationData parts(Path dir, Set<Part> given, List<CatalogueItem> catalogue,
            Map<String, String> departments, Rejects rejects) {
        List<Delegation> delegations = given.contains(Part.DELEGATIONS)
                ? delegations(dir, given.contains(Part.ITEMS) ? departments : null, rejects) : List.of();
        List<StaffSpell> staff = given.contains(Part.STAFF) ? values(rows(dir, "staff.csv", List.of(STAFF_ID, NAME, DEPARTMENT,
                ROLE, WINDOW, APPOINTMENT, FROM, TO, END_REASON, POWERS), AuthorizationDataReader::staff, rejects)) : List.of();
        List<WindowRoster> rosters = given.contains(Part.SCHEDULES) ? values(rows(dir, "schedules.csv", List.of(ROSTER_WINDOW,
                DEPARTMENT, DAYS, OPENS, CLOSES, FROM, TO), AuthorizationDataReader::roster, rejects)) : List.of();
        List<StepRecord> steps = given.contains(Part.STEPS) ? steps(dir, rejects) : List.of();
        return new AuthorizationData(catalogue, delegations, staff, rosters, steps, given);
    }

    private static boolean present(Path dir, String csv) {
        Path c = dir.resolve(csv);
        Path j = dir.resolve(csv.replaceAll("\\.csv$", ".jsonl"));
        if (Files.exists(j)) {
            throw new DataFormatException(j.getFileName().toString(), 0, null, null, Files.exists(c)
                    ? "与 " + csv + " 同时存在，只能给出其一 / given together with " + csv + ": give one of them"
                    : "授权检查暂不读取 .jsonl，请给出 " + csv + " / the authorization checks do not read .jsonl yet: give " + csv);
        }
        return Files.exists(c);
    }

    private static <T> List<T> values(List<Lined<T>> rows) {
        return rows.stream().map(Lined::value).toList();
    }

    private static <T> List<Lined<T>> rows(Path dir, String file, List<CsvColumn> columns,
            java.util.function.BiFunction<CsvHeader, CsvRow, T> parse, Rejects rejects) {
        List<Lined<T>> out = new ArrayList<>();
        try (CsvReader lines = CsvReader.open(dir.resolve(file), file, CsvReader.Syntax.PLAIN)) {
            CsvHeader h = CsvHeader.read(lines, columns, true);
            for (CsvRow row = lines.next(); row != null; row = lines.next()) {
                try {
                    h.checkWidth(row);
                    out.add(new Lined<>(parse.apply(h, row), row, h));
                } catch (DataFormatException e) {
                    rejects.reject(e);
                } catch (InvalidValueException e) {
                    rejects.reject(row.error(String.valueOf(e.value()), e.getMessage()));
                }
            }
        }
        return out;
    }

    private static CatalogueItem item(CsvHeader h, CsvRow row) {
        return new CatalogueItem(code(h, row, ItemColumns.ITEM_CODE), h.require(row, ItemColumns.DEPARTMENT),
                h.optional(row, ItemColumns.DEPARTMENT_NAME), optionalDate(h, row, ItemColumns.IN_CENTRE_FROM));
    }

    private static List<Delegation> delegations(Path dir, Map<String, String> departments, Rejects rejects) {
        List<Lined<Delegation>> rows = rows(dir, "delegations.csv", List.of(DEPARTMENT, ITEM, POWER, DOCUMENT, FROM, TO),
                (h, row) -> new Delegation(h.require(row, DEPARTMENT), code(h, row, ITEM), power(h, row, POWER),
                        h.require(row, DOCUMENT), date(h, row, FROM), optionalDate(h, row, TO)), rejects);
        List<Lined<Delegation>> kept = new ArrayList<>();
        for (Lined<Delegation> d : rows) {
            String problem = departments == null ? null : AuthorizationData.catalogueProblem(d.value(), departments);
            if (problem != null) {
                rejects.reject(d.header().error(d.row(), ITEM, d.value().itemCode(), problem));
            } else {
                kept.add(d);
            }
        }
        Map<String, List<Lined<Delegation>>> byKey = new HashMap<>();
        for (Lined<Delegation> d : kept) {
            byKey.computeIfAbsent(d.value().itemCode() + "|" + d.value().power(), k -> new ArrayList<>()).add(d);
        }
        List<Lined<Delegation>> refused = new ArrayList<>();
        for (List<Lined<Delegation>> same : byKey.values()) {
            same.sort(Comparator.comparing((Lined<Delegation> d) -> d.value().from()).thenComparing(d -> d.row().line()));
            List<Lined<Delegation>> accepted = new ArrayList<>();
            for (Lined<Delegation> d : same) {
                Optional<Lined<Delegation>> clash = accepted.stream().filter(a -> a.value().overlaps(d.value())).findFirst();
                if (clash.isPresent()) {
                    refused.add(d);
                    rejects.reject(d.header().error(d.row(), FROM, d.value().from().toString(),
                            AuthorizationData.overlapReason(clash.get().value()) + "（第 " + clash.get().row().line()
                                    + " 行 / line " + clash.get().row().line() + "）"));
                } else {
                    accepted.add(d);
                }
            }
        }
        return kept.stream().filter(d -> !refused.contains(d)).map(Lined::value).toList();
    }

    private static StaffSpell staff(CsvHeader h, CsvRow row) {
        Optional<LocalDate> to = optionalDate(h, row, TO);
        Optional<EndReason> reason = h.optional(row, END_REASON).map(v -> label(EndReason.class, v, h, row, END_REASON));
        if (reason.isPresent() && to.isEmpty()) {
            throw h.error(row, END_REASON, reason.get().name(), "有离岗原因却无截止日期 / an end reason needs an end date");
        }
        return new StaffSpell(h.require(row, STAFF_ID), h.require(row, NAME), h.require(row, DEPARTMENT),
                label(StaffRole.class, h.require(row, ROLE), h, row, ROLE), h.optional(row, WINDOW), h.optional(row, APPOINTMENT),
                date(h, row, FROM), to, reason, powers(h, row));
    }

    private static WindowRoster roster(CsvHeader h, CsvRow row) {
        String days = h.require(row, DAYS);
        RosterDays d = rosterDays(days).orElseThrow(() -> h.error(row, DAYS, days,
                "应为 EVERY_WORKING_DAY/每个工作日、以 ; 分隔的星期（MON;TUE 或 周一;周二）或一个日期 / expected EVERY_WORKING_DAY, "
                        + "weekdays separated by ; (MON;TUE) or a date"));
        Optional<LocalTime> opens = time(h, row, OPENS);
        Optional<LocalTime> closes = time(h, row, CLOSES);
        if (opens.isPresent() != closes.isPresent()) {
            throw h.error(row, opens.isPresent() ? CLOSES : OPENS, "", "开始与结束须同时给出 / opens and closes go together");
        }
        if (opens.isEmpty() && d.kind() != RosterDays.Kind.DATE) {
            throw h.error(row, OPENS, "", "只有指定日期的行可以不写时间（当日不开放）/ only a date row may omit the hours (closed that day)");
        }
        if (opens.isPresent() && !closes.get().isAfter(opens.get())) {
            throw h.error(row, CLOSES, closes.get().toString(), "结束时间须晚于开始时间 " + opens.get() + " / closes must be after opens "
                    + opens.get());
        }
        return new WindowRoster(h.require(row, ROSTER_WINDOW), h.require(row, DEPARTMENT), d, opens, closes, date(h, row, FROM),
                optionalDate(h, row, TO));
    }

    /** The day set {@code text} names, or empty when it is none. */
    public static Optional<RosterDays> rosterDays(String text) {
        String s = text.strip();
        if (s.equalsIgnoreCase("EVERY_WORKING_DAY") || s.equals("每个工作日")) {
            return Optional.of(RosterDays.EVERY_WORKING_DAY);
        }
        Optional<LocalDate> date = parseDate(s);
        if (date.isPresent()) {
            return Optional.of(RosterDays.on(date.get()));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : s.split(";")) {
            Optional<DayOfWeek> d = AuthorizationCsv.weekday(part);
            if (d.isEmpty()) {
                return Optional.empty();
            }
            days.add(d.get());
        }
        return Optional.of(RosterDays.weekdays(days));
    }

    private static List<StepRecord> steps(Path dir, Rejects rejects) {
        Map<String, LocalDateTime> cases = new HashMap<>();
        boolean fromCases = Files.exists(dir.resolve("cases.csv"));
        if (fromCases) {
            // only case_number and accepted are read here (the supervise job reads and rejects the rest)
            for (Lined<Map.Entry<String, LocalDateTime>> c : rows(dir, "cases.csv", List.of(CASE, ACCEPTED),
                    (h, row) -> Map.entry(h.require(row, CASE), stepTime(h, row, ACCEPTED)), Rejects.continuing(r -> { }))) {
                cases.merge(c.value().getKey(), c.value().getValue(), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        List<Lined<StepRecord>> rows = rows(dir, "steps.csv", List.of(CASE, ITEM, STEP, STEP_STAFF, PLACE, WINDOW, AT),
                (h, row) -> new StepRecord(h.require(row, CASE), code(h, row, ITEM), power(h, row, STEP),
                        h.require(row, STEP_STAFF), label(StepPlace.class, h.require(row, PLACE), h, row, PLACE),
                        h.optional(row, WINDOW), stepTime(h, row, AT)), rejects);
        Map<String, LocalDateTime> accepted = new HashMap<>(AuthorizationData.acceptances(values(rows)));
        if (fromCases) {
            accepted.putAll(cases);
        }
        List<StepRecord> out = new ArrayList<>(rows.size());
        List<Lined<StepRecord>> early = new ArrayList<>();
        for (Lined<StepRecord> s : rows) {
            LocalDateTime a = accepted.get(s.value().caseNumber());
            if (a != null && s.value().at().isBefore(a)) {
                early.add(s);
            } else {
                out.add(s.value());
            }
        }
        for (Lined<StepRecord> s : early) {
            rejects.reject(s.header().error(s.row(), AT, s.value().at().toString(),
                    AuthorizationData.beforeCaseReason(accepted.get(s.value().caseNumber()))));
        }
        return out;
    }

    private static String code(CsvHeader h, CsvRow row, CsvColumn c) {
        String v = h.require(row, c);
        if (!org.approvalrules.api.item.ItemCodes.isWellFormed(v)) {
            throw h.error(row, c, v, "编码须为数字、大写字母或连字符 / a code is ASCII digits, upper-case letters or hyphens");
        }
        return v;
    }

    private static Power power(CsvHeader h, CsvRow row, CsvColumn c) {
        String v = h.require(row, c);
        return parsePower(v).orElseThrow(() -> h.error(row, c, v, "未知权力，应为 " + List.of(Power.values())
                + " 或其中文名 / unknown power, expected one of " + List.of(Power.values()) + " or its Chinese name"));
    }

    /** The power {@code v} names: its constant name, its Chinese name ({@code 审批权}) or that without 权 ({@code 审批}). */
    public static Optional<Power> parsePower(String v) {
        String s = v.strip();
        for (Power p : Power.values()) {
            if (p.name().equalsIgnoreCase(s) || p.chineseName().equals(s) || p.chineseName().equals(s + "权")) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Set<Power> powers(CsvHeader h, CsvRow row) {
        Set<Power> out = EnumSet.noneOf(Power.class);
        for (String part : h.optional(row, POWERS).orElse("").split(";")) {
            if (!part.isBlank()) {
                out.add(parsePower(part).orElseThrow(() -> h.error(row, POWERS, part.strip(), "未知权力 / unknown power, expected one of "
                        + List.of(Power.values()))));
            }
        }
        return out;
    }

    private static <E extends Enum<E> & Labelled> E label(Class<E> type, String v, CsvHeader h, CsvRow row, CsvColumn c) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.strip()) || e.chineseName().equals(v.strip())) {
                return e;
            }
        }
        throw h.error(row, c, v, "未知取值，应为 / unknown value, expected one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name() + " " + e.chineseName()).toList());
    }

    private static LocalDate date(CsvHeader h, CsvRow row, CsvColumn c) {
        String v = h.require(row, c);
        return parseDate(v).orElseThrow(() -> h.error(row, c, v, "日期应为 2024-09-27 或 2024/9/27 / a date is 2024-09-27 or 2024/9/27"));
    }

    private static Optional<LocalDate> optionalDate(CsvHeader h, CsvRow row, CsvColumn c) {
        return h.optional(row, c).isPresent() ? Optional.of(date(h, row, c)) : Optional.empty();
    }

    /** {@code 2024-09-27} or {@code 2024/9/27}; empty when neither or not a real date. */
    public static Optional<LocalDate> parseDate(String v) {
        Matcher m = DATE.matcher(v.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(CsvHeader h, CsvRow row, CsvColumn c) {
        Optional<String> v = h.optional(row, c);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(v.get());
        try {
            if (m.matches()) {
                int hour = Integer.parseInt(m.group(1));
                int minute = Integer.parseInt(m.group(2));
                return Optional.of(hour == 24 && minute == 0 && m.group(3) == null ? LocalTime.MAX
                        : LocalTime.of(hour, minute, m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
            }
        } catch (DateTimeException e) {
            // falls through to the error below
        }
        throw h.error(row, c, v.get(), "不可能的时间，应为 00:00–24:00 的 HH:MM / impossible time, expected HH:MM within 00:00–24:00");
    }

    private static LocalDateTime stepTime(CsvHeader h, CsvRow row, CsvColumn c) {
        String v = h.require(row, c);
        LocalDateTime t = IntakeLogReader.parseTime(v);
        if (t == null) {
            throw h.error(row, c, v, "无法识别的时间（例：2024-09-27T10:30 或 2024-09-27 10:30:00） / unrecognised time "
                    + "(e.g. 2024-09-27T10:30 or 2024-09-27 10:30:00)");
        }
        return t;
    }
}
