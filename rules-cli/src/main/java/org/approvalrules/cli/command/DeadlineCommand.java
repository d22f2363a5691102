package org.approvalrules.cli.command;

import org.approvalrules.cli.Options;
import org.approvalrules.cli.RecordRun;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.LimitResult;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.csv.CsvHeader;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;
import org.approvalrules.api.rules.CaseEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules deadline}: the due dates of one case, or of a CSV batch of cases (to
 * recompute in-flight deadlines after a calendar change).
 *
 * <p>Batch CSV (read by {@code core.csv.CsvReader}, streamed): a header line naming the columns (any order)
 * {@code id,accepted,limit,unit} and optionally {@code promised,procedures,extend,as_of}; one case per record;
 * RFC 4180 quoting; blank lines and lines starting with {@code #} are skipped. {@code procedures}
 * holds procedures separated by {@code ;}, each {@code START/END:KIND} as for {@code --procedure}.
 * A bad row goes to the reject file and the batch continues, exiting 3 (see {@link RecordRun}); with
 * {@code --strict} it stops the batch with exit 2. A bad header, an encoding or quoting error stop the batch at once.
 */
@Command(name = "deadline", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"计算办件办结期限 / compute the deadlines of a case (行政许可法第三十二、四十二、四十四、四十五、八十二条)",
                "示例 / example: deadline --accepted 2024-09-27T10:30 --limit 20 --unit WORKING_DAYS --promised 10 "
                        + "--procedure 2024-10-10/2024-10-15:EXPERT_REVIEW --as-of 2024-10-21T12:00",
                "输出格式 / --format: text（默认 / default）| json | jsonl"})
public final class DeadlineCommand implements Callable<Integer> {

    private static final String CLI_EXTENSION_REFERENCE = "命令行 --extend / command line";

    @Spec
    CommandSpec spec;

    @Option(names = "--accepted", paramLabel = "DATETIME", description = "受理时间 / acceptance, local time e.g. 2024-09-27T10:30")
    String accepted;

    @Option(names = "--limit", paramLabel = "N", description = "法定时限 / statutory limit amount (0 for IMMEDIATE)")
    Integer limit;

    @Option(names = "--unit", paramLabel = "UNIT", description = "WORKING_DAYS | CALENDAR_DAYS | IMMEDIATE")
    String unit;

    @Mixin
    Options.Locality locality;

    @Option(names = "--promised", paramLabel = "N", description = "承诺时限（同单位）/ promised limit, same unit")
    Integer promised;

    @Option(names = "--procedure", paramLabel = "START/END:KIND",
            description = "特别程序 / special procedure, e.g. 2024-10-10/2024-10-15:EXPERT_REVIEW (END empty = still open; dates or date-times)")
    List<String> procedures = new ArrayList<>();

    @Option(names = "--extend", paramLabel = "N", description = "延长工作日 / extension in working days (≤10 Art. 42 §1; 11..15 Art. 42 §2)")
    Integer extend;

    @Mixin
    Options.AsOf asOf;

    @Option(names = "--coverage", defaultValue = "STRICT", description = "STRICT | PROVISIONAL outside the published years (default ${DEFAULT-VALUE})")
    CoveragePolicy coverage;

    @Mixin
    Options.Packs packs;


    @Option(names = "--batch", paramLabel = "FILE.csv", description = "批量计算 / one case per CSV line (columns id,accepted,limit,unit[,promised,procedures,extend,as_of])")
    Path batch;

    @Mixin
    Options.Format output;

    private String format;

    @Option(names = "--no-trace", description = "JSON 输出不含计算依据 / leave the trace out of json and jsonl output")
    boolean noTrace;

    @Mixin
    RecordRun records;

    private final Clock clock;

    public DeadlineCommand() {
        this(Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    public DeadlineCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        format = output.require(spec, "text", "json", "jsonl");
        // one path: the entry point over the bundled national pack, or over --packs; the calendar layers of
        // --calendars on top of either
        ApprovalRules.Builder builder = packs.builder().coverage(coverage).clock(clock);
        try (ApprovalRules rules = builder.build()) {
            DivisionCode code = locality.code();
            WorkingCalendar calendar = rules.calendar(code);
            return run((in, at) -> rules.evaluate(code, in, requireNotBeforeAcceptance(in, at, calendar.zone())), calendar);
        }
    }

    /** {@code at}, unless it lies before the case's acceptance: a deadline cannot be assessed before the case exists. */
    static Instant requireNotBeforeAcceptance(DeadlineInput in, Instant at, ZoneId zone) {
        if (at.isBefore(in.accepted().atZone(zone).toInstant())) {
            throw new InvalidValueException("as-of", DeadlineJson.instant(at, zone),
                    "评估时点早于受理时间 " + in.accepted() + " / the as-of instant is before the acceptance " + in.accepted());
        }
        return at;
    }

    /** One case's deadline and findings, through the entry point. */
    @FunctionalInterface
    private interface Evaluator {
        CaseEvaluation evaluate(DeadlineInput input, Instant asOf);
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
        Instant at = asOf.instant(clock, calendar.zone());
        DeadlineInput input = input("CLI", accepted, Integer.toString(limit), unit,
                promised == null ? null : promised.toString(), procedures, extend == null ? null : extend.toString());
        CaseEvaluation e = evaluator.evaluate(input, at);
        if (format.equals("text")) {
            printText(out, input, e, calendar.zone());
        } else if (format.equals("json")) {
            out.println(DeadlineJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                    json(null, e, calendar.zone())));
        } else {
            out.println(DeadlineJson.MAPPER.writeValueAsString(json(null, e, calendar.zone())));
        }
        out.flush();
        return 0;
    }

    // ---------------------------------------------------------------- batch

    private static final CsvColumn ID = CsvColumn.required("id");
    private static final CsvColumn ACCEPTED = CsvColumn.required("accepted");
    private static final CsvColumn LIMIT = CsvColumn.required("limit");
    private static final CsvColumn UNIT = CsvColumn.required("unit");
    private static final CsvColumn PROMISED = CsvColumn.optional("promised");
    private static final CsvColumn PROCEDURES = CsvColumn.optional("procedures");
    private static final CsvColumn EXTEND = CsvColumn.optional("extend");
    private static final CsvColumn AS_OF = CsvColumn.optional("as_of");
    private static final List<CsvColumn> COLUMNS = List.of(ID, ACCEPTED, LIMIT, UNIT, PROMISED, PROCEDURES, EXTEND, AS_OF);

    private int runBatch(Evaluator evaluator, WorkingCalendar calendar, PrintWriter lineFlushed) throws IOException {
        String file = batch.toString();
        // one write per 64 KiB, not per case (the command's own writer flushes every line)
        PrintWriter out = new PrintWriter(new BufferedWriter(lineFlushed, 1 << 16), false);
        PrintWriter err = spec.commandLine().getErr();
        long done = 0;
        try (CsvReader reader = CsvReader.open(batch, file, CsvReader.Syntax.HASH_COMMENTS);
                RecordRun.Session run = records.start(batch, err)) {
            CsvHeader h = CsvHeader.read(reader, COLUMNS, false);
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                run.read();
                CaseEvaluation e;
                try {
                    h.checkWidth(row);
                    e = evaluateRow(h, row, evaluator, calendar);
                } catch (DataFormatException bad) {
                    run.rejects().reject(bad);
                    continue;
                }
                DeadlineResult r = e.deadline();
                String id = h.require(row, ID);
                if (format.equals("text")) {
                    out.println(id + "\t" + summary(r.statutory()) + r.promised().map(p -> "\t" + summary(p)).orElse("")
                            + "\t" + r.status() + (r.provisional() ? "\tPROVISIONAL" : ""));
                } else {
                    out.println(DeadlineJson.MAPPER.writeValueAsString(json(id, e, calendar.zone())));
                }
                done++;
            }
            out.flush();
            return run.summary("件完成", "case(s) done", done);
        } finally {
            out.flush();
        }
    }

    /** The JSON of one evaluation, without its trace under {@code --no-trace}. */
    private ObjectNode json(String id, CaseEvaluation e, ZoneId zone) {
        ObjectNode json = DeadlineJson.toJson(id, e.deadline(), e.findings(), zone);
        if (noTrace) {
            json.remove("trace");
        }
        return json;
    }

    private static String cell(CsvHeader h, CsvRow row, CsvColumn c) {
        return h.optional(row, c).orElse(null);
    }

    private CaseEvaluation evaluateRow(CsvHeader h, CsvRow row, Evaluator evaluator, WorkingCalendar calendar) {
        String id = h.require(row, ID);
        String file = row.file();
        int lineNo = row.line();
        String field = "row";
        try {
            String procs = cell(h, row, PROCEDURES);
            List<String> ps = procs == null ? List.of() : List.of(procs.split(";"));
            field = "as_of";
            String rowAsOf = cell(h, row, AS_OF);
            Instant at = rowAsOf != null ? Options.AsOf.parse("as_of", rowAsOf, calendar.zone())
                    : asOf.instant(clock, calendar.zone());
            field = "row";
            DeadlineInput in = input(id, h.require(row, ACCEPTED), h.require(row, LIMIT), h.require(row, UNIT),
                    cell(h, row, PROMISED), ps, cell(h, row, EXTEND));
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
