package org.approvalrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.LimitResult;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.core.deadline.DeadlineEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules deadline}: the due dates of one case, or of a CSV batch of cases (to
 * recompute in-flight deadlines after a calendar change).
 *
 * <p>Batch CSV: a header line naming the columns (any order) {@code id,accepted,limit,unit} and
 * optionally {@code promised,procedures,extend,as_of}; one case per line; no quoting (no field
 * contains a comma); blank lines and lines starting with {@code #} are skipped. {@code procedures}
 * holds procedures separated by {@code ;}, each {@code START/END:KIND} as for {@code --procedure}.
 * A bad row is reported on stderr as {@code file:line: field: reason (value)}, skipped, and the batch
 * continues; the exit code is then 2. A bad header stops the batch at once.
 */
@Command(name = "deadline", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"计算办件办结期限 / compute the deadlines of a case (行政许可法第三十二、四十二、四十四、四十五、八十二条)",
                "示例 / example: deadline --accepted 2024-09-27T10:30 --limit 20 --unit WORKING_DAYS --promised 10 "
                        + "--procedure 2024-10-10/2024-10-15:EXPERT_REVIEW --as-of 2024-10-21T12:00"})
final class DeadlineCommand implements Callable<Integer> {

    private static final String CLI_EXTENSION_REFERENCE = "命令行 --extend / command line";

    @Spec
    CommandSpec spec;

    @Option(names = "--accepted", paramLabel = "DATETIME", description = "受理时间 / acceptance, local time e.g. 2024-09-27T10:30")
    String accepted;

    @Option(names = "--limit", paramLabel = "N", description = "法定时限 / statutory limit amount (0 for IMMEDIATE)")
    Integer limit;

    @Option(names = "--unit", paramLabel = "UNIT", description = "WORKING_DAYS | CALENDAR_DAYS | IMMEDIATE")
    String unit;

    @Option(names = "--locality", paramLabel = "CODE", defaultValue = "000000", description = "行政区划代码 / division code (default ${DEFAULT-VALUE})")
    String locality;

    @Option(names = "--promised", paramLabel = "N", description = "承诺时限（同单位）/ promised limit, same unit")
    Integer promised;

    @Option(names = "--procedure", paramLabel = "START/END:KIND",
            description = "特别程序 / special procedure, e.g. 2024-10-10/2024-10-15:EXPERT_REVIEW (END empty = still open; dates or date-times)")
    List<String> procedures = new ArrayList<>();

    @Option(names = "--extend", paramLabel = "N", description = "延长工作日 / extension in working days (≤10 Art. 42 §1; 11..15 Art. 42 §2)")
    Integer extend;

    @Option(names = "--as-of", paramLabel = "INSTANT",
            description = "评估时点 / evaluate as of: ISO instant (2024-10-21T04:00:00Z), local date-time or date; default: now")
    String asOf;

    @Option(names = "--coverage", defaultValue = "STRICT", description = "STRICT | PROVISIONAL outside the published years (default ${DEFAULT-VALUE})")
    CoveragePolicy coverage;

    @Option(names = "--packs", paramLabel = "DIR",
            description = "规则包目录：按受理日的地方参数计算，发现来自规则包 / rule packs: compute with the locality's parameters "
                    + "on the acceptance date; findings come from the pack's rules")
    Path packs;

    @Option(names = "--batch", paramLabel = "FILE.csv", description = "批量计算 / one case per CSV line (columns id,accepted,limit,unit[,promised,procedures,extend,as_of])")
    Path batch;

    @Option(names = "--format", defaultValue = "text", description = "text | json | jsonl (default ${DEFAULT-VALUE})")
    String format;

    private final Clock clock;

    DeadlineCommand() {
        this(Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    DeadlineCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        if (!List.of("text", "json", "jsonl").contains(format)) {
            throw new ParameterException(spec.commandLine(), "--format: text, json 或 jsonl / expected text, json or jsonl, was " + format);
        }
        DivisionCode code = DivisionCode.parse(locality);
        try (ApprovalRules rules = packs == null ? null
                : ApprovalRules.builder().packs(packs).coverage(coverage).clock(clock).build()) {
            Evaluator evaluator = rules == null ? engineAlone(code) : (in, at) -> rules.evaluate(code, in, at);
            WorkingCalendar calendar = rules == null ? CalendarRepository.bundled().calendarFor(code, coverage)
                    : rules.calendar(code);
            return run(evaluator, calendar);
        }
    }

    /** One case's deadline and findings: from the engine alone, or through the locality's rule packs. */
    @FunctionalInterface
    private interface Evaluator {
        CaseEvaluation evaluate(DeadlineInput input, Instant asOf);
    }

    /** Without {@code --packs}: the engine with {@link DeadlinePolicy#DEFAULT} and its built-in findings. */
    private Evaluator engineAlone(DivisionCode code) {
        WorkingCalendar calendar = CalendarRepository.bundled().calendarFor(code, coverage);
        return (in, at) -> {
            DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, calendar, DeadlinePolicy.DEFAULT, at);
            return new CaseEvaluation(r.caseId(), code, r, r.findings(), DeadlinePolicy.DEFAULT, r.calendarVersion(),
                    DeadlineEngine.ruleSetVersion(calendar));
        };
    }

    private Integer run(Evaluator evaluator, WorkingCalendar calendar) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (batch != null) {
            if (accepted != null || limit != null || unit != null) {
                throw new ParameterException(spec.commandLine(), "--batch 不能与 --accepted/--limit/--unit 同用 / --batch excludes --accepted, --limit, --unit");
            }
            return runBatch(evaluator, calendar, out);
        }
        if (accepted == null || limit == null || unit == null) {
            throw new ParameterException(spec.commandLine(), "需要 --accepted、--limit、--unit（或 --batch）/ --accepted, --limit and --unit are required (or --batch)");
        }
        Instant at = asOf != null ? parseAsOf("as-of", asOf, calendar.zone()) : clock.instant();
        DeadlineInput input = input("CLI", accepted, Integer.toString(limit), unit,
                promised == null ? null : promised.toString(), procedures, extend == null ? null : extend.toString());
        CaseEvaluation e = evaluator.evaluate(input, at);
        if (format.equals("text")) {
            printText(out, input, e, calendar.zone());
        } else if (format.equals("json")) {
            out.println(DeadlineJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                    DeadlineJson.toJson(null, e.deadline(), e.findings(), calendar.zone())));
        } else {
            out.println(DeadlineJson.MAPPER.writeValueAsString(DeadlineJson.toJson(null, e.deadline(), e.findings(), calendar.zone())));
        }
        out.flush();
        return 0;
    }

    // ---------------------------------------------------------------- batch

    private int runBatch(Evaluator evaluator, WorkingCalendar calendar, PrintWriter out) throws IOException {
        String file = batch.toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(batch, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DataFormatException(file, 0, null, null, "无法读取文件 / cannot read the file: " + e.getMessage(), e);
        }
        int headerLine = 0;
        while (headerLine < lines.size() && (lines.get(headerLine).isBlank() || lines.get(headerLine).startsWith("#"))) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            throw new DataFormatException(file, 0, null, null, "文件为空，缺少表头 / empty file: header id,accepted,limit,unit expected");
        }
        Map<String, Integer> col = header(file, headerLine + 1, lines.get(headerLine));
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        int done = 0;
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            try {
                String[] f = line.split(",", -1);
                if (f.length != col.size()) {
                    throw new DataFormatException(file, lineNo, null, line,
                            "列数 " + f.length + " 与表头 " + col.size() + " 不符 / " + f.length + " fields, header has " + col.size());
                }
                String id = cell(f, col, "id");
                if (id == null) {
                    throw new DataFormatException(file, lineNo, "id", "", "办件编号为空 / empty id");
                }
                CaseEvaluation e = evaluateRow(file, lineNo, id, f, col, evaluator, calendar);
                DeadlineResult r = e.deadline();
                if (format.equals("text")) {
                    out.println(id + "\t" + summary(r.statutory()) + r.promised().map(p -> "\t" + summary(p)).orElse("")
                            + "\t" + r.status() + (r.provisional() ? "\tPROVISIONAL" : ""));
                } else {
                    out.println(DeadlineJson.MAPPER.writeValueAsString(DeadlineJson.toJson(id, r, e.findings(), calendar.zone())));
                }
                done++;
            } catch (DataFormatException e) {
                failed++;
                err.println("错误 / error: " + e.getMessage());
            }
        }
        out.flush();
        if (failed > 0) {
            err.println("批量：" + done + " 件完成，" + failed + " 行出错已跳过 / batch: " + done + " case(s) done, " + failed
                    + " bad line(s) skipped");
            err.flush();
            return 2;
        }
        return 0;
    }

    private static Map<String, Integer> header(String file, int lineNo, String line) {
        Map<String, Integer> col = new HashMap<>();
        String[] h = line.split(",", -1);
        List<String> known = List.of("id", "accepted", "limit", "unit", "promised", "procedures", "extend", "as_of");
        for (int i = 0; i < h.length; i++) {
            String name = h[i].trim();
            if (!known.contains(name)) {
                throw new DataFormatException(file, lineNo, "header", name, "未知列 / unknown column; known: " + known);
            }
            if (col.put(name, i) != null) {
                throw new DataFormatException(file, lineNo, "header", name, "重复列 / duplicate column");
            }
        }
        for (String required : known.subList(0, 4)) {
            if (!col.containsKey(required)) {
                throw new DataFormatException(file, lineNo, "header", line, "缺少列 " + required + " / missing column " + required);
            }
        }
        return col;
    }

    private static String cell(String[] f, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        if (i == null) {
            return null;
        }
        String v = f[i].trim();
        return v.isEmpty() ? null : v;
    }

    private CaseEvaluation evaluateRow(String file, int lineNo, String id, String[] f, Map<String, Integer> col,
            Evaluator evaluator, WorkingCalendar calendar) {
        String field = "row";
        try {
            String procs = cell(f, col, "procedures");
            List<String> ps = procs == null ? List.of() : List.of(procs.split(";"));
            field = "as_of";
            String rowAsOf = cell(f, col, "as_of");
            Instant at = rowAsOf != null ? parseAsOf("as_of", rowAsOf, calendar.zone())
                    : asOf != null ? parseAsOf("as-of", asOf, calendar.zone()) : clock.instant();
            field = "row";
            DeadlineInput in = input(id, orEmpty(cell(f, col, "accepted"), "accepted"), orEmpty(cell(f, col, "limit"), "limit"),
                    orEmpty(cell(f, col, "unit"), "unit"), cell(f, col, "promised"), ps, cell(f, col, "extend"));
            return evaluator.evaluate(in, at);
        } catch (InvalidValueException e) {
            throw new DataFormatException(file, lineNo, e.field(), e.value(), "办件 " + id + " / case " + id + ": " + reason(e), e);
        } catch (ApprovalRulesException e) {
            throw new DataFormatException(file, lineNo, field, null, "办件 " + id + " / case " + id + ": " + e.getMessage(), e);
        }
    }

    /** The reason part of an {@link InvalidValueException} message (without its field and value). */
    private static String reason(InvalidValueException e) {
        String m = e.getMessage();
        int from = m.startsWith(e.field() + ": ") ? e.field().length() + 2 : 0;
        int to = m.lastIndexOf(" (值/value:");
        return to > from ? m.substring(from, to) : m;
    }

    private static String orEmpty(String v, String field) {
        if (v == null) {
            throw new InvalidValueException(field, "", "必填列为空 / required column is empty");
        }
        return v;
    }

    // ---------------------------------------------------------------- parsing

    /** Builds the input from textual fields (shared by the single and the batch form). */
    static DeadlineInput input(String id, String acceptedText, String limitText, String unitText, String promisedText,
            List<String> procedureTexts, String extendText) {
        LocalDateTime acc = dateTime("accepted", acceptedText);
        LimitUnit u;
        try {
            u = LimitUnit.valueOf(unitText.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("unit", unitText, "未知时限单位 / unknown unit, expected WORKING_DAYS, CALENDAR_DAYS or IMMEDIATE");
        }
        TimeLimit statutory = new TimeLimit(integer("limit", limitText), u);
        DeadlineInput.Builder b = DeadlineInput.builder(id, acc, statutory);
        if (promisedText != null) {
            b.promised(new TimeLimit(integer("promised", promisedText), u));
        }
        for (String p : procedureTexts) {
            b.procedure(procedure(p.trim()));
        }
        if (extendText != null) {
            int n = integer("extend", extendText);
            Extension.Basis basis = n <= Extension.Basis.ART_42_ORDINARY.maxWorkingDays() ? Extension.Basis.ART_42_ORDINARY
                    : Extension.Basis.ART_42_JOINT;
            b.extension(new Extension(n, basis, CLI_EXTENSION_REFERENCE, acc.toLocalDate()));
        }
        return b.build();
    }

    /** {@code START/END:KIND}; START and END are dates or local date-times; END empty = still open. */
    static SpecialProcedure procedure(String text) {
        int colon = text.lastIndexOf(':');
        int slash = text.indexOf('/');
        if (colon < 0 || slash < 0 || slash > colon) {
            throw new InvalidValueException("procedure", text, "格式应为 起/止:种类 / expected START/END:KIND, e.g. 2024-10-10/2024-10-15:EXPERT_REVIEW");
        }
        ProcedureKind kind;
        try {
            kind = ProcedureKind.valueOf(text.substring(colon + 1).trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("procedure.kind", text.substring(colon + 1),
                    "未知特别程序种类 / unknown procedure kind; one of " + List.of(ProcedureKind.values()));
        }
        LocalDateTime start = dateTime("procedure.start", text.substring(0, slash));
        String end = text.substring(slash + 1, colon).trim();
        Optional<LocalDateTime> resumed = end.isEmpty() ? Optional.empty() : Optional.of(dateTime("procedure.resumed", end));
        return new SpecialProcedure(kind, start, resumed, Optional.empty(), kind == ProcedureKind.OTHER ? "命令行 / command line" : "");
    }

    /** A local date-time, or a date (start of day). */
    private static LocalDateTime dateTime(String field, String text) {
        String s = text.trim();
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, s, "日期时间格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM / expected YYYY-MM-DD or YYYY-MM-DDTHH:MM");
        }
    }

    private static int integer(String field, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, text, "不是整数 / not an integer");
        }
    }

    /** An ISO instant ({@code …Z} or with offset), a local date-time, or a date (end of that day is NOT assumed: start of day). */
    static Instant parseAsOf(String field, String text, ZoneId zone) {
        String s = text.trim();
        try {
            if (s.endsWith("Z")) {
                return Instant.parse(s);
            }
            if (s.length() > 16 && (s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10)) {
                return OffsetDateTime.parse(s).toInstant();
            }
            return dateTime(field, s).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, s, "时点格式错误 / expected an ISO instant, a local date-time or a date");
        }
    }

    // ---------------------------------------------------------------- text

    private static String summary(LimitResult l) {
        return l.dueDate() + " " + l.status();
    }

    private static void printText(PrintWriter out, DeadlineInput in, CaseEvaluation e, ZoneId zone) {
        DeadlineResult r = e.deadline();
        out.println("办件 / case " + r.caseId() + "：受理 / accepted " + in.accepted() + "，日历 / calendar " + r.calendarId() + "@"
                + r.calendarVersion() + "，截至 / as of " + DeadlineJson.instant(r.asOf(), zone));
        printLimit(out, "法定 / statutory", r.statutory(), zone);
        r.promised().ifPresent(p -> printLimit(out, "承诺 / promised ", p, zone));
        out.println("状态 / status: " + r.status() + r.redReason().map(x -> " (" + x + ")").orElse("")
                + (r.provisional() ? "  临时推定 / PROVISIONAL" : ""));
        r.deliveryDueDate().ifPresent(d -> out.println("送达期限 / delivery due: " + d));
        e.findings().forEach(f -> out.println("发现 / finding: " + f));
        out.println("依据 / trace:");
        for (String line : r.trace().toString().split("\n")) {
            out.println("  " + line);
        }
    }

    private static void printLimit(PrintWriter out, String label, LimitResult l, ZoneId zone) {
        out.println(label + " " + l.limit() + (l.extensionDays() > 0 ? " +" + l.extensionDays() : "") + ": 截止 / due "
                + DeadlineJson.instant(l.dueInstant(), zone) + "，已用 / used " + l.elapsedWorkingDays() + "，剩余 / remaining "
                + l.remainingWorkingDays() + (l.suspendedWorkingDays() > 0 ? "，暂停 / suspended " + l.suspendedWorkingDays() : "")
                + " → " + l.status());
    }
}
