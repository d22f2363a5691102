package org.approvalrules.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.division.UnknownDivisionException;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;

/**
 * Reads calendar layers (format: docs/CALENDAR-DATA.md) from the classpath or from a directory.
 * Every problem is a {@link DataFormatException} with file, line, field and value; nothing is
 * returned unless every file of every layer parsed.
 *
 * <p>This class checks each file on its own. Checks that need the parent layers (a cancelled
 * working day must be one) are made by {@link CalendarRepository} when it composes the layers.
 */
public final class CalendarLayerLoader {

    /** Classpath folder of the bundled layers. */
    public static final String BUNDLED_ROOT = "org/approvalrules/calendar/";
    /** Index of the bundled files (classpath folders cannot be listed), one relative path a line. */
    public static final String BUNDLED_INDEX = BUNDLED_ROOT + "index.txt";
    /** Name of a layer's properties file. */
    public static final String LAYER_PROPERTIES = "layer.properties";
    /** Header of every year file. */
    public static final String HEADER = "date,kind,name,source";

    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.csv");
    private static final Pattern CODE_DIR = Pattern.compile("\\d{6}");

    private CalendarLayerLoader() {
    }

    /** One file of a layer: its name within the layer, the path shown in errors, and its bytes. */
    private record LayerFile(String name, String shown, byte[] bytes) {
    }

    /** Loads the layers bundled in rules-core, listed in {@link #BUNDLED_INDEX}. */
    public static Map<DivisionCode, CalendarLayer> loadBundled() {
        ClassLoader cl = CalendarLayerLoader.class.getClassLoader();
        byte[] indexBytes = resource(cl, BUNDLED_INDEX);
        String index = decode(indexBytes, "classpath:" + BUNDLED_INDEX);
        Map<String, List<LayerFile>> byCode = new TreeMap<>();
        String[] lines = index.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String rel = lines[i].strip();
            if (rel.isEmpty() || rel.startsWith("#")) {
                continue;
            }
            int slash = rel.indexOf('/');
            if (slash < 0 || rel.indexOf('/', slash + 1) >= 0) {
                throw new DataFormatException("classpath:" + BUNDLED_INDEX, i + 1, "path", rel,
                        "索引行应为 代码/文件名 / an index line must be CODE/FILE");
            }
            String shown = "classpath:" + BUNDLED_ROOT + rel;
            byte[] bytes = resource(cl, BUNDLED_ROOT + rel);
            if (bytes == null) {
                throw new DataFormatException("classpath:" + BUNDLED_INDEX, i + 1, "path", rel,
                        "索引列出的文件不存在 / the index lists a file that does not exist");
            }
            byCode.computeIfAbsent(rel.substring(0, slash), k -> new ArrayList<>())
                    .add(new LayerFile(rel.substring(slash + 1), shown, bytes));
        }
        Map<DivisionCode, CalendarLayer> layers = new TreeMap<>();
        for (Map.Entry<String, List<LayerFile>> e : byCode.entrySet()) {
            CalendarLayer layer = parseLayer(e.getKey(), "classpath:" + BUNDLED_ROOT + e.getKey(), e.getValue());
            layers.put(layer.code(), layer);
        }
        return layers;
    }

    /**
     * Loads every layer under {@code dir}: each sub-directory named by a 6-digit division code is a
     * layer; its files are in {@code <code>/calendar/} when that folder exists, else in
     * {@code <code>/} itself. A code folder with neither a {@code layer.properties} nor a year file
     * is not a calendar layer (e.g. a rule pack without calendar) and is skipped. A folder whose name
     * is not a division code is an error naming it (hidden folders, starting with a dot, and plain
     * files are ignored).
     */
    public static Map<DivisionCode, CalendarLayer> loadDirectory(Path dir) {
        return loadDirectory(dir, Map.of());
    }

    /**
     * As {@link #loadDirectory(Path)}, where a code folder WITHOUT {@code layer.properties} whose code is a
     * layer of {@code held} adds its year files to that layer (a year file replaces the held layer's file of
     * the same year; the properties are kept). So {@code 000000/2027.csv} alone adds next year's national
     * arrangement to the bundled national layer. A folder with {@code layer.properties} replaces the layer as
     * a whole.
     */
    public static Map<DivisionCode, CalendarLayer> loadDirectory(Path dir, Map<DivisionCode, CalendarLayer> held) {
        InvalidValueException.requireNonNull(dir, "dir");
        InvalidValueException.requireNonNull(held, "held");
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir.toString(), 0, "dir", dir.toString(),
                    "日历目录不存在或不是目录 / calendar directory does not exist or is not a directory");
        }
        Map<DivisionCode, CalendarLayer> layers = new TreeMap<>();
        for (Path codeDir : list(dir)) {
            String code = codeDir.getFileName().toString();
            if (!Files.isDirectory(codeDir) || code.startsWith(".")) {
                continue;
            }
            if (!CODE_DIR.matcher(code).matches()) {
                throw new DataFormatException(codeDir.toString(), 0, "divisionCode", code,
                        "图层目录下的文件夹名必须是6位行政区划代码 / a folder under a layers directory must be named by a "
                                + "6-digit division code");
            }
            Path layerDir = Files.isDirectory(codeDir.resolve("calendar")) ? codeDir.resolve("calendar") : codeDir;
            List<LayerFile> files = new ArrayList<>();
            for (Path f : list(layerDir)) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && (name.equals(LAYER_PROPERTIES) || name.endsWith(".csv"))) {
                    try {
                        files.add(new LayerFile(name, f.toString(), Files.readAllBytes(f)));
                    } catch (IOException e) {
                        throw new DataFormatException(f.toString(), 0, null, null,
                                "无法读取文件 / cannot read file: " + e.getMessage(), e);
                    }
                }
            }
            if (!files.isEmpty()) {
                boolean hasProps = files.stream().anyMatch(f -> f.name().equals(LAYER_PROPERTIES));
                CalendarLayer base = hasProps ? null : held.get(DivisionCode.parse(code));
                CalendarLayer layer = base != null ? addYears(base, layerDir.toString(), files)
                        : parseLayer(code, layerDir.toString(), files);
                layers.put(layer.code(), layer);
            }
        }
        return layers;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new DataFormatException(dir.toString(), 0, null, null, "无法列出目录 / cannot list directory: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(ClassLoader cl, String name) {
        try (InputStream in = cl.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(byte[] bytes, String shown) {
        if (bytes == null) {
            throw new DataFormatException(shown, 0, null, null, "资源不存在 / resource missing");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            s = s.startsWith("\uFEFF") ? s.substring(1) : s;
            return s.replace("\r\n", "\n").replace('\r', '\n');
        } catch (CharacterCodingException e) {
            throw new DataFormatException(shown, 0, "encoding", null, "文件不是 UTF-8 编码 / file is not UTF-8", e);
        }
    }

    private static CalendarLayer parseLayer(String codeText, String origin, List<LayerFile> files) {
        DivisionCode code;
        try {
            code = UnknownDivisionException.requireKnownProvince(DivisionCode.parse(codeText));
        } catch (InvalidValueException e) {
            throw new DataFormatException(origin, 0, "divisionCode", codeText, e.getMessage(), e);
        }
        LayerFile props = files.stream().filter(f -> f.name().equals(LAYER_PROPERTIES)).findFirst()
                .orElseThrow(() -> new DataFormatException(origin + "/" + LAYER_PROPERTIES, 0, null, null,
                        "图层缺少 layer.properties（至少需要 name）/ layer has no layer.properties (name is required)"));
        Map<String, Entry> p = parseProperties(props);
        Entry nameEntry = p.get("name");
        if (nameEntry == null || nameEntry.value().isBlank()) {
            throw new DataFormatException(props.shown(), nameEntry == null ? 0 : nameEntry.line(), "name", null,
                    "layer.properties 必须给出图层名称 name / layer.properties must set name");
        }
        Optional<OfficeHours> hours = Optional.empty();
        Entry h = p.get("office-hours");
        if (h != null) {
            try {
                hours = Optional.of(OfficeHours.parse(h.value()));
            } catch (InvalidValueException e) {
                throw new DataFormatException(props.shown(), h.line(), "office-hours", h.value(),
                        "办公时间格式错误，应为 HH:MM-HH:MM / malformed office hours, expected HH:MM-HH:MM: " + e.getMessage(), e);
            }
        }
        Optional<ZoneId> zone = Optional.empty();
        Entry z = p.get("zone");
        if (z != null) {
            try {
                zone = Optional.of(ZoneId.of(z.value()));
            } catch (DateTimeException e) {
                throw new DataFormatException(props.shown(), z.line(), "zone", z.value(), "未知时区 / unknown time zone", e);
            }
        }
        Optional<Integer> recurringFrom = Optional.empty();
        Entry r = p.get("recurring");
        Entry rf = p.get("recurring.from");
        boolean recurring = false;
        if (r != null) {
            if (!r.value().equals("yes") && !r.value().equals("no")) {
                throw new DataFormatException(props.shown(), r.line(), "recurring", r.value(),
                        "recurring 应为 yes 或 no / recurring must be yes or no");
            }
            recurring = r.value().equals("yes");
        }
        if (rf != null) {
            if (!recurring || !rf.value().matches("\\d{4}")) {
                throw new DataFormatException(props.shown(), rf.line(), "recurring.from", rf.value(),
                        "recurring.from 须为四位年份且 recurring = yes / recurring.from must be a 4-digit year with recurring = yes");
            }
            recurringFrom = Optional.of(Integer.parseInt(rf.value()));
        } else if (recurring) {
            recurringFrom = Optional.of(Integer.MIN_VALUE);
        }
        if (recurring && code.equals(DivisionCode.NATIONAL)) {
            throw new DataFormatException(props.shown(), r.line(), "recurring", r.value(),
                    "全国图层的覆盖范围即其年度文件，不用 recurring / the national layer covers its year files; recurring is for local layers");
        }
        LocalHolidayEstimate estimate = LocalHolidayEstimate.NONE;
        Entry est = p.get("estimate");
        if (est != null) {
            try {
                estimate = LocalHolidayEstimate.ofKey(est.value());
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(props.shown(), est.line(), "estimate", est.value(),
                        "未知的推算规则（允许 zhuang-sanyuesan, xinjiang-eid, none）/ unknown estimate rule "
                                + "(allowed: zhuang-sanyuesan, xinjiang-eid, none)", e);
            }
            if (!recurring && estimate != LocalHolidayEstimate.NONE) {
                throw new DataFormatException(props.shown(), est.line(), "estimate", est.value(),
                        "只有 recurring = yes 的图层才能推算节日 / only a recurring layer can estimate its holidays");
            }
        }
        SortedMap<String, String> notes = new TreeMap<>();
        p.forEach((k, v) -> {
            if (!k.equals("name") && !k.equals("office-hours") && !k.equals("zone") && !k.startsWith("recurring")
                    && !k.equals("estimate")) {
                notes.put(k, v.value());
            }
        });
        TreeSet<Integer> years = new TreeSet<>();
        TreeMap<LocalDate, LayerDay> days = new TreeMap<>();
        parseYears(files, code, years, days);
        return new CalendarLayer(code, nameEntry.value(), hours, zone, years, days, notes, origin, recurringFrom, estimate);
    }

    /** Parses every year file of {@code files} (skipping layer.properties) into {@code years} and {@code days}. */
    private static void parseYears(List<LayerFile> files, DivisionCode code, TreeSet<Integer> years, TreeMap<LocalDate, LayerDay> days) {
        for (LayerFile f : files) {
            if (f.name().equals(LAYER_PROPERTIES)) {
                continue;
            }
            var m = YEAR_FILE.matcher(f.name());
            if (!m.matches()) {
                throw new DataFormatException(f.shown(), 0, "file", f.name(),
                        "年度文件名应为 YYYY.csv / a year file must be named YYYY.csv");
            }
            int year = Integer.parseInt(m.group(1));
            years.add(year);
            parseYear(f, year, code, days);
        }
    }

    /** {@code base} with the year files of {@code files} added, each replacing base's year of the same number. */
    private static CalendarLayer addYears(CalendarLayer base, String origin, List<LayerFile> files) {
        TreeSet<Integer> years = new TreeSet<>(base.years());
        TreeSet<Integer> replaced = new TreeSet<>();
        TreeMap<LocalDate, LayerDay> added = new TreeMap<>();
        parseYears(files, base.code(), replaced, added);
        years.addAll(replaced);
        TreeMap<LocalDate, LayerDay> days = new TreeMap<>();
        base.days().forEach((d, v) -> {
            if (!replaced.contains(d.getYear())) {
                days.put(d, v);
            }
        });
        days.putAll(added);
        return new CalendarLayer(base.code(), base.name(), base.officeHours(), base.zone(), years, days, base.notes(),
                origin + " + " + base.origin(), base.recurringFrom(), base.estimate());
    }

    private record Entry(String value, int line) {
    }

    private static final List<String> KEY_PREFIXES = List.of("note.", "source", "office-hours.", "name.");

    private static Map<String, Entry> parseProperties(LayerFile f) {
        String text = decode(f.bytes(), f.shown());
        Map<String, Entry> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new DataFormatException(f.shown(), i + 1, null, line, "应为 键=值 / expected key=value");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            boolean known = key.equals("name") || key.equals("office-hours") || key.equals("zone")
                    || key.equals("recurring") || key.equals("recurring.from") || key.equals("estimate")
                    || KEY_PREFIXES.stream().anyMatch(key::startsWith);
            if (!known) {
                throw new DataFormatException(f.shown(), i + 1, key, value,
                        "未知的键（允许 name, name.*, office-hours, office-hours.*, zone, recurring, recurring.from, estimate, "
                                + "source*, note.*）/ unknown key (allowed: name, name.*, office-hours, office-hours.*, zone, "
                                + "recurring, recurring.from, estimate, source*, note.*)");
            }
            Entry prev = out.put(key, new Entry(value, i + 1));
            if (prev != null) {
                throw new DataFormatException(f.shown(), i + 1, key, value,
                        "键重复（第 " + prev.line() + " 行已有）/ duplicate key (also on line " + prev.line() + ")");
            }
        }
        return out;
    }

    private static void parseYear(LayerFile f, int year, DivisionCode code, Map<LocalDate, LayerDay> days) {
        try (CsvReader reader = CsvReader.of(f.bytes(), f.shown(), CsvReader.Syntax.HASH_COMMENTS)) {
            parseYear(f, reader, year, code, days);
        }
    }

    private static void parseYear(LayerFile f, CsvReader reader, int year, DivisionCode code, Map<LocalDate, LayerDay> days) {
        boolean header = false;
        for (CsvRow row = reader.next(); row != null; row = reader.next()) {
            int ln = row.line();
            List<String> cols = row.values();
            if (!header) {
                String line = String.join(",", cols).strip();
                if (!line.equals(HEADER)) {
                    throw new DataFormatException(f.shown(), ln, "header", line,
                            "首行（注释之外）必须是 " + HEADER + " / the first non-comment line must be " + HEADER);
                }
                header = true;
                continue;
            }
            if (cols.size() != 4) {
                throw new DataFormatException(f.shown(), ln, null, null,
                        "应有4列 date,kind,name,source，实有 " + cols.size() + " 列 / expected 4 columns, found " + cols.size());
            }
            LocalDate date;
            try {
                date = LocalDate.parse(cols.get(0).strip());
            } catch (DateTimeParseException e) {
                throw new DataFormatException(f.shown(), ln, "date", cols.get(0),
                        "日期格式错误，应为 YYYY-MM-DD / malformed date, expected YYYY-MM-DD", e);
            }
            if (date.getYear() != year) {
                throw new DataFormatException(f.shown(), ln, "date", cols.get(0),
                        "日期不属于本年度文件 " + year + ".csv / date is outside its year file " + year + ".csv");
            }
            LayerDayKind kind;
            String kindText = cols.get(1).strip();
            try {
                kind = LayerDayKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(f.shown(), ln, "kind", kindText,
                        "未知类型，应为 HOLIDAY、ADJUSTED_WORKDAY 或（仅地方图层）CANCEL_WORKDAY / unknown kind, expected "
                                + "HOLIDAY, ADJUSTED_WORKDAY or (local layers only) CANCEL_WORKDAY");
            }
            if (kind == LayerDayKind.CANCEL_WORKDAY && code.equals(DivisionCode.NATIONAL)) {
                throw new DataFormatException(f.shown(), ln, "kind", kindText,
                        "全国图层不能取消调休上班（直接删去该行）/ the national layer cannot cancel a working day (delete the row instead)");
            }
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (kind == LayerDayKind.ADJUSTED_WORKDAY && !weekend) {
                throw new DataFormatException(f.shown(), ln, "date", cols.get(0),
                        "调休上班日必须是周六或周日，" + date + " 是 " + date.getDayOfWeek()
                                + " / an adjusted working day must be a Saturday or Sunday, " + date + " is a " + date.getDayOfWeek());
            }
            if (kind == LayerDayKind.CANCEL_WORKDAY && !weekend) {
                throw new DataFormatException(f.shown(), ln, "date", cols.get(0),
                        "只能取消周末的调休上班日；工作日放假请用 HOLIDAY / only a weekend working day can be cancelled; "
                                + "use HOLIDAY to give a weekday off");
            }
            String name = cols.get(2).strip();
            String source = cols.get(3).strip();
            if (name.isEmpty()) {
                throw new DataFormatException(f.shown(), ln, "name", name, "缺少节日名称 / festival name missing");
            }
            if (source.isEmpty()) {
                throw new DataFormatException(f.shown(), ln, "source", source,
                        "每行必须注明依据的通知 / every row must cite its notice");
            }
            LayerDay prev = days.get(date);
            if (prev != null) {
                throw new DataFormatException(f.shown(), ln, "date", cols.get(0),
                        "同一日期重复出现（第 " + prev.line() + " 行为 " + prev.kind() + "），一天不能既放假又上班 / duplicate date (line "
                                + prev.line() + " says " + prev.kind() + "): a day cannot be both off and working");
            }
            days.put(date, new LayerDay(date, kind, name, source, f.shown(), ln));
        }
        if (!header) {
            throw new DataFormatException(f.shown(), 0, "header", null, "缺少表头 " + HEADER + " / header " + HEADER + " missing");
        }
    }

}
