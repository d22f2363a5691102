package org.approvalrules.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.csv.CsvHeader;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarDiff;
import org.approvalrules.core.calendar.CalendarDiff.AffectedCase;
import org.approvalrules.core.calendar.CalendarDiff.CaseSpan;
import org.approvalrules.core.calendar.CalendarDiff.DayChange;
import org.approvalrules.core.calendar.CalendarExport;
import org.approvalrules.core.calendar.CalendarLayer;
import org.approvalrules.core.calendar.CalendarProviders;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.cli.Options;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code approval-rules calendar export|check}: a locality's working-day calendar as CSV or iCalendar,
 * and the explanation of one day. Calendars come from the registered providers (the bundled data
 * unless an embedder registered its own), or from the bundled data plus the layers under
 * {@code --layers DIR}.
 */
@Command(name = "calendar", description = "工作日历：导出、查询某日、比对变更 / working-day calendar: export, check one day, diff after a change",
        mixinStandardHelpOptions = true, subcommands = {CalendarCommand.Export.class, CalendarCommand.Check.class, CalendarCommand.Diff.class,
                CalendarCommand.Import.class})
public final class CalendarCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The calendar options of {@code export} and {@code check} (each also takes {@code --locality} from
     * {@link Options.RequiredLocality}), and the lookup of the calendar they name.
     */
    static final class Source {
        @Option(names = {"--calendars", "--layers"}, paramLabel = "DIR",
                description = "加载该目录下的日历图层（每个行政区划代码一个文件夹；000000 为全国图层；无 layer.properties 的文件夹只补充年度文件）"
                        + " / load calendar layers from DIR (one folder per division code, 000000 the national layer; a folder"
                        + " without layer.properties only adds its year files, e.g. 000000/2027.csv)")
        Path layers;

        @Option(names = "--provisional",
                description = "覆盖范围之外按周末推定（结果标为临时）/ outside the coverage assume weekends only (marked provisional)")
        boolean provisional;

        /** The calendar, where it came from, and the layer names when known. */
        record Resolved(WorkingCalendar calendar, String provider, Optional<CalendarRepository> repository) {
            String layerName(String code) {
                return repository.flatMap(r -> r.layer(DivisionCode.parse(code))).map(CalendarLayer::name)
                        .orElse(code.equals(DivisionCode.NATIONAL.value()) ? "全国 / national" : "");
            }
        }

        Resolved resolve(DivisionCode code) {
            CoveragePolicy policy = provisional ? CoveragePolicy.PROVISIONAL : CoveragePolicy.STRICT;
            if (layers != null) {
                CalendarRepository repo = CalendarRepository.bundled().withLayersFrom(layers);
                return new Resolved(repo.calendarFor(code, policy), "内置数据 + 图层目录 / bundled data + layers from " + layers,
                        Optional.of(repo));
            }
            CalendarProviders.Resolution r = CalendarProviders.load().resolve(code, policy);
            return new Resolved(r.calendar(), r.provider().name(), Optional.of(CalendarRepository.bundled()));
        }
    }

    static LocalDate parseDate(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, text, "日期格式应为 YYYY-MM-DD / a date must be YYYY-MM-DD");
        }
    }

    /** {@code calendar export}: one CSV line per day, or an iCalendar feed of holidays and adjusted working days. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"导出工作日历（CSV 或 iCalendar）/ export the calendar as CSV or iCalendar (ICS)",
                    "输出格式 / --format: csv（默认 / default）| ics"})
    static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Options.RequiredLocality locality;

        @Mixin
        Source source;

        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "起始日（含）/ first day")
        String from;

        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "截止日（含）/ last day")
        String to;

        @Mixin
        Options.Format output;

        private final Clock clock;

        Export() {
            this(Clock.system(ZoneId.of("Asia/Shanghai")));
        }

        /** With the clock that stamps ICS files (DTSTAMP). */
        Export(Clock clock) {
            this.clock = clock;
        }

        @Override
        public Integer call() {
            String format = output.require(spec, "csv", "ics");
            DateRange range = DateRange.of(parseDate(from, "--from"), parseDate(to, "--to"));
            Source.Resolved r = source.resolve(locality.code());
            WorkingCalendar cal = r.calendar();
            StringBuilder out = new StringBuilder();
            if (format.equals("ics")) {
                CalendarExport.ics(cal, range, clock.instant(), out);
            } else {
                CalendarExport.csv(cal, range, out);
            }
            if (!coversAll(cal, range)) {
                spec.commandLine().getErr().println("注意 / note: " + range + " 超出日历 " + cal.id() + " 的覆盖范围 "
                        + cal.coverage() + "，范围外按周末推定（临时结果，通知发布后须重新导出）/ leaves the coverage of "
                        + cal.id() + ": outside it weekends only are assumed (provisional; export again when the notice is published)");
            }
            PrintWriter w = spec.commandLine().getOut();
            w.print(out);
            w.flush();
            return 0;
        }
    }

    /** Whether every day of {@code range} is covered (no provisional day). */
    static boolean coversAll(WorkingCalendar cal, DateRange range) {
        for (LocalDate d = range.start(); !d.isAfter(range.end()); d = d.plusDays(1)) {
            if (!cal.covers(d)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code calendar diff}: the days whose kind changes when the layers under {@code --layers DIR}
     * are added to the bundled data (or to {@code --before DIR}), and which cases of
     * {@code --cases FILE} (CSV {@code id,start,due}) must have their deadlines recomputed.
     */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = "加入图层后哪些日子变了、哪些办件须重算期限 / which days change when layers are added, and which cases to recompute")
    static final class Diff implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Options.RequiredLocality locality;

        @Option(names = "--layers", required = true, paramLabel = "DIR", description = "新的图层目录 / the new layers")
        Path layers;

        @Option(names = "--before", paramLabel = "DIR",
                description = "变更前的图层目录（默认仅内置数据）/ the layers before (default: bundled data only)")
        Path before;

        @Option(names = "--cases", paramLabel = "FILE",
                description = "在办件 CSV：id,start,due / in-flight cases, CSV with columns id,start,due")
        Path cases;

        @Override
        public Integer call() throws IOException {
            DivisionCode code = locality.code();
            CalendarRepository base = CalendarRepository.bundled();
            CalendarRepository old = before == null ? base : base.withLayersFrom(before);
            List<CaseSpan> spans = cases == null ? List.of() : readCases(cases);
            CalendarDiff diff = CalendarDiff.between(
                    old.calendarFor(code, CoveragePolicy.PROVISIONAL),
                    old.withLayersFrom(layers).calendarFor(code, CoveragePolicy.PROVISIONAL));
            PrintWriter out = spec.commandLine().getOut();
            out.println("日历变更 / calendar diff " + diff.beforeId() + "@" + diff.beforeVersion() + " → " + diff.afterId() + "@"
                    + diff.afterVersion() + ": " + diff.changes().size() + " 天变化 / days changed");
            for (DayChange c : diff.changes()) {
                out.println("  " + c);
            }
            for (DateRange r : diff.newlyCovered()) {
                out.println("新覆盖 / newly covered: " + r + "（此前为临时推定 / results there were provisional）");
            }
            if (cases != null) {
                List<AffectedCase> affected = diff.affected(spans);
                out.println("须重算的办件 / cases to recompute: " + affected.size() + " / " + spans.size());
                for (AffectedCase a : affected) {
                    List<String> why = new ArrayList<>();
                    if (!a.changes().isEmpty()) {
                        why.add(a.changes().stream().map(c -> c.date() + " " + c.oldKind() + " → " + c.newKind()).toList().toString());
                    }
                    if (a.provisionalResolved()) {
                        why.add("不再是临时结果 / no longer provisional");
                    }
                    out.println("  " + a.span().caseId() + " " + a.span().start() + ".." + a.span().due() + ": " + String.join("; ", why));
                }
            }
            out.flush();
            return 0;
        }

        private static final CsvColumn CASE_ID = CsvColumn.required("id");
        private static final CsvColumn CASE_START = CsvColumn.required("start");
        private static final CsvColumn CASE_DUE = CsvColumn.required("due");

        private static List<CaseSpan> readCases(Path file) {
            List<CaseSpan> spans = new ArrayList<>();
            try (CsvReader reader = CsvReader.open(file, file.toString(), CsvReader.Syntax.PLAIN)) {
                CsvHeader h = CsvHeader.read(reader, List.of(CASE_ID, CASE_START, CASE_DUE), false);
                for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                    h.checkWidth(row);
                    try {
                        spans.add(new CaseSpan(h.require(row, CASE_ID),
                                parseDate(h.require(row, CASE_START), "start"), parseDate(h.require(row, CASE_DUE), "due")));
                    } catch (InvalidValueException e) {
                        throw new DataFormatException(file.toString(), row.line(), e.field(), e.value(), e.getMessage(), e);
                    }
                }
            }
            return spans;
        }
    }

    /** {@code calendar check}: what kind of day a date is, why, which layer and which notice. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "说明某一天：类型、原因、图层、依据通知 / explain one day: kind, why, which layer, which notice")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Options.RequiredLocality locality;

        @Mixin
        Source source;

        @Parameters(index = "0", paramLabel = "DATE", description = "日期 / date, YYYY-MM-DD")
        String date;

        @Override
        public Integer call() {
            LocalDate d = parseDate(date, "DATE");
            Source.Resolved r = source.resolve(locality.code());
            WorkingCalendar cal = r.calendar();
            DayExplanation e = cal.explain(d);
            PrintWriter out = spec.commandLine().getOut();
            out.println(d + " " + d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA) + " / "
                    + d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "，" + cal.locality()
                    + (r.layerName(cal.locality().value()).isEmpty() ? "" : " " + r.layerName(cal.locality().value())));
            out.println("类型 / kind: " + kindZh(e.kind()) + " / " + e.kind() + "，"
                    + (e.kind().isWorking() ? "上班 / working day" : "不上班 / day off"));
            out.println("原因 / why: " + why(e));
            String layerName = r.layerName(e.layer());
            out.println("图层 / layer: " + e.layer() + (layerName.isEmpty() ? "" : " " + layerName));
            out.println("依据 / notice: " + e.source().orElse("无（普通日）/ none (ordinary day)"));
            if (e.provisional()) {
                String gap = cal instanceof org.approvalrules.core.calendar.CompiledCalendar c
                        ? c.uncoveredYears().getOrDefault(d.getYear(), "") : "";
                if (gap.isEmpty()) {
                    out.println("临时推定 / provisional: 日历未收录 " + d.getYear() + " 年放假安排，按周末推定，通知发布后须重新计算 / the "
                            + d.getYear() + " arrangement is not in the calendar: weekends only assumed, recompute when the notice is published");
                } else {
                    out.println("临时推定 / provisional: 地方图层 " + gap + " 未收录 " + d.getYear() + " 年的通知，本日按全国安排"
                            + (e.name().filter(n -> n.contains("推算")).isPresent() ? "及推算的地方节日" : "") + "临时推定，通知发布后须重新计算"
                            + " / local layer " + gap + " has no " + d.getYear() + " notice: the national arrangement"
                            + (e.name().filter(n -> n.contains("推算")).isPresent() ? " and an estimated local holiday are" : " is")
                            + " assumed, recompute when the notice is published");
                }
            }
            out.println("日历 / calendar: " + cal.id() + "，版本 / version " + cal.version() + "，覆盖 / coverage "
                    + cal.coverage() + "，" + cal.policy() + "，来源 / provider: " + r.provider());
            out.flush();
            return 0;
        }

        static String kindZh(DayKind k) {
            return switch (k) {
                case WORKDAY -> "工作日";
                case WEEKEND -> "周末";
                case HOLIDAY -> "节假日";
                case ADJUSTED_WORKDAY -> "调休上班日";
            };
        }

        static String why(DayExplanation e) {
            String name = e.name().orElse("");
            return switch (e.kind()) {
                case WORKDAY -> name.isEmpty() ? "普通工作日（周一至周五）/ ordinary weekday"
                        : "工作日：" + name + " / working day: " + name;
                case WEEKEND -> name.isEmpty() ? "普通周末 / ordinary weekend"
                        : "周末，调休上班已被取消：" + name + " / weekend: the working day was cancelled for " + name;
                case HOLIDAY -> "放假：" + name + " / day off: " + name;
                case ADJUSTED_WORKDAY -> "调休上班：" + name + " / adjusted working day: " + name;
            };
        }
    }

    /**
     * {@code calendar import}: the text of a State Council holiday notice (UTF-8) into the national year file
     * {@code YYYY.csv}; rows dated in the year before (元旦 in late December) are listed on stderr for that
     * year's file. Nothing is written unless the whole notice was read and checked.
     */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "把国务院办公厅放假通知文本转换为全国图层年度文件 / turn a State Council holiday notice into the national year file")
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--notice", required = true, paramLabel = "FILE.txt",
                description = "通知全文（UTF-8 或 GB18030）；可重复：先主通知，再同年的调整/延长通知 / the notice text (UTF-8 or GB18030); repeat for a later "
                        + "adjustment or extension notice of the same year")
        List<Path> notices;

        @Option(names = "--year", required = true, paramLabel = "YYYY", description = "通知所安排的年份 / the year the notice arranges")
        int year;

        @Option(names = "--source", paramLabel = "TEXT",
                description = "依据列（默认为通知的文号，其次为标题）；可重复，与 --notice 依次对应 / the source column (default: the "
                        + "notice's number, else its title); repeat to match each --notice")
        List<String> sources;

        @Option(names = "--out", paramLabel = "FILE", description = "写入该文件（默认标准输出）/ write to FILE (default stdout)")
        Path out;

        @Override
        public Integer call() throws IOException {
            List<org.approvalrules.core.calendar.NoticeImporter.NoticeText> texts = new ArrayList<>();
            for (int i = 0; i < notices.size(); i++) {
                Path f = notices.get(i);
                String text = org.approvalrules.core.csv.CsvReader.readText(f, f.toString());
                Optional<String> src = sources != null && i < sources.size() ? Optional.of(sources.get(i)) : Optional.empty();
                texts.add(new org.approvalrules.core.calendar.NoticeImporter.NoticeText(f.toString(), text, src));
            }
            var imported = org.approvalrules.core.calendar.NoticeImporter.importNotices(year, texts);
            String csv = imported.csv();
            if (out != null) {
                Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
                Files.writeString(tmp, csv, StandardCharsets.UTF_8);
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                spec.commandLine().getOut().print(csv);
                spec.commandLine().getOut().flush();
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("已导入 / imported " + imported.rows().size() + " 行 / rows for " + year
                    + (out != null ? " → " + out : "") + "；法定假日依据 / statutory days per "
                    + org.approvalrules.core.calendar.NoticeImporter.statuteFor(year).name());
            if (!imported.previousYearRows().isEmpty()) {
                err.println("以下各行属于 " + (year - 1) + ".csv，请加入该文件 / these rows belong to " + (year - 1) + ".csv: add them there");
                for (var r : imported.previousYearRows()) {
                    err.println(r.date() + "," + r.kind() + "," + r.name() + "," + r.source());
                }
            }
            err.flush();
            return 0;
        }
    }
}
