package org.approvalrules.cli.command;

import org.approvalrules.cli.AsyncLines;
import org.approvalrules.cli.Options;
import org.approvalrules.cli.RecordRun;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.Callable;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.intake.IntakeFiles;
import org.approvalrules.core.intake.IntakeReport;
import org.approvalrules.core.json.FindingsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules intake --log FILE... --moves FILE [--results FILE...] [--steps FILE] [--channels FILE]}:
 * two-end intake (两头受理, 明进暗不进), handling outside the system (体外循环), front-office intake (前店后厂) and the
 * monthly volume signal, with the locality's parameters. Logs are streamed; a bad line of a log, results or steps
 * file goes to the reject file and the run exits 3 (with {@code --strict}: stops with exit 2), see {@link RecordRun}.
 * An unreadable file, a bad header, a bad move-in register or channels list, or a bad option exits 2 naming file,
 * line and field. Prints the findings and a summary per rule, item and department; {@code --out DIR} also writes
 * {@code intake-findings.jsonl} and {@code intake-summary.json} there.
 */
@Command(name = "intake", description = {"两头受理检查：明进暗不进、两头受理、体外循环、前店后厂、部门端受理占比 / two-end intake: "
        + "department intake after moving in, both ends, handling outside the system, front-office intake, department share",
        "--format text（默认）或 jsonl（每条问题一行） / --format text (default) or jsonl (one finding a line)"})
public final class IntakeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--log", required = true, arity = "1..*", paramLabel = "FILE",
            description = "受理记录 CSV 或 JSON Lines（办件编号,实施编码,申请者证件号码,[证件类型,]受理渠道,[渠道名称,]受理时间；"
                    + "或 SBLSH/SXBM/SLSJ），可多个 / intake logs, CSV or JSON Lines, one or more")
    List<Path> logs;

    @Option(names = "--moves", required = true, paramLabel = "FILE",
            description = "事项进驻清单（实施编码,进驻日期[,仅限中心受理][,部门编码]；或 items.csv） / move-in register (or items.csv)")
    Path moves;

    @Option(names = "--results", arity = "1..*", paramLabel = "FILE",
            description = "出件记录（办件编号,实施编码,[类型,]出件地点,出件时间） / results and certificates issued")
    List<Path> results = List.of();

    @Option(names = "--steps", paramLabel = "FILE", description = "办理环节（办件编号,实施编码,环节,地点,时间） / steps of cases")
    Path steps;

    @Option(names = "--channels", paramLabel = "FILE",
            description = "批准的渠道（渠道名称,类型,起始日期[,截止日期]） / approved branch centres and online portals")
    Path channels;

    @Mixin
    Options.Locality locality;

    @Mixin
    Options.Packs packs;

    /** {@code --format text} (default) or {@code jsonl} (one finding a line). */
    @Mixin
    Options.Format format;

    @Option(names = "--out", paramLabel = "DIR",
            description = "另写 intake-findings.jsonl 与 intake-summary.json 到该目录 / also write the findings and summary there")
    Path outDir;

    @Mixin
    RecordRun records;

    @Override
    public Integer call() {
        boolean jsonl = format.require(spec, "text", "jsonl").equals("jsonl");
        DivisionCode code = locality.code();
        IntakeFiles files = new IntakeFiles(logs, moves, results, Optional.ofNullable(steps), Optional.ofNullable(channels));
        boolean severalFiles = logs.size() > 1 || !results.isEmpty() || steps != null;
        Path input = outDir != null ? outDir.resolve("intake") : logs.get(0);
        if (outDir != null) {
            try {
                Files.createDirectories(outDir);
            } catch (IOException e) {
                throw new DataFormatException(outDir.toString(), 0, null, null, "无法创建输出目录 / cannot create the output "
                        + "directory: " + e.getMessage(), e);
            }
        }
        // findings are streamed (never all held): through a buffer, so that the masked output is not flushed per line
        PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut(), 1 << 16), false);
        try (ApprovalRules rules = packs.rules();
                RecordRun.Session run = records.start(input, spec.commandLine().getErr(), severalFiles);
                BufferedWriter saved = outDir == null ? null : open(outDir.resolve("intake-findings.jsonl"))) {
            ApprovalRules.Locality set = rules.locality(code);
            Consumer<IntakeReport> header = read -> {
                if (!jsonl) {
                    String incomplete = run.incomplete("条记录已读", "record(s) read", read.logRecords());
                    if (incomplete != null) {
                        out.println(incomplete);
                    }
                    out.printf("受理记录 / records %d，进驻事项 / moved items %d，地区 / locality %s，规则集 / rule set %s%n",
                            read.logRecords(), read.movedItems(), code, set.ruleSetVersion());
                }
            };
            IntakeReport report;
            if (jsonl) {
                // each line made while the findings are judged, on the judging threads; the merged lines masked and
                // written on a thread of their own while the merge goes on
                try (AsyncLines lines = new AsyncLines(line -> {
                    out.println(line);
                    if (saved != null) {
                        write(saved, line);
                    }
                }, "intake-write")) {
                    report = files.scan(set::scanIntake, run.rejects(), n -> run.read(), header, FindingsJson::line,
                            lines);
                }
            } else {
                report = files.scan(set::scanIntake, run.rejects(), n -> run.read(), header, f -> {
                    out.println("  " + f.severity() + " " + f.ruleId() + " " + f.subject() + ": " + f.message().zh());
                    out.println("      " + f.message().en() + " 〔" + f.legalReference() + "〕");
                    if (saved != null) {
                        write(saved, FindingsJson.line(f));
                    }
                });
            }
            if (!jsonl) {
                summary(out, report);
            }
            out.flush();
            if (outDir != null) {
                write(report, set.ruleSetVersion(), code);
            }
            return run.summary("条记录已读", "record(s) read", report.logRecords());
        } catch (IOException e) {
            throw cannotWrite(e);
        } finally {
            out.flush();
        }
    }

    private static void summary(PrintWriter out, IntakeReport report) {
        out.println("汇总（规则、事项、部门） / summary (rule, item, department):");
        report.byRule().forEach((rule, n) -> {
            out.printf("  %s %d%n", rule, n);
            report.counts().stream().filter(c -> c.rule().equals(rule)).forEach(c -> out.printf("      %s %s %d%n",
                    c.item().isEmpty() ? "-" : c.item(), c.department().isEmpty() ? "-" : c.department(), c.count()));
        });
        for (IntakeReport.NotChecked n : report.notChecked()) {
            out.println("未检查 / not checked: " + n.rule() + " — " + n.reasonZh() + " / " + n.reasonEn());
        }
        out.printf("发现问题 / findings: %d%n", report.total());
    }

    private BufferedWriter open(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    private void write(BufferedWriter w, String line) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }

    private DataFormatException cannotWrite(IOException e) {
        return new DataFormatException(outDir.toString(), 0, null, null, "无法写入输出目录 / cannot write the output directory: "
                + e.getMessage(), e);
    }

    private void write(IntakeReport report, String version, DivisionCode code) {
        ObjectMapper json = FindingsJson.mapper();
        ObjectNode summary = json.createObjectNode();
        summary.put("locality", code.toString());
        summary.put("ruleSetVersion", version);
        summary.put("complete", report.complete());
        summary.put("rejected", report.rejected());
        ObjectNode recordsNode = summary.putObject("records");
        report.records().forEach((file, n) -> recordsNode.put(Path.of(file).getFileName().toString(), n));
        ObjectNode byRule = summary.putObject("byRule");
        report.byRule().forEach(byRule::put);
        ArrayNode intake = summary.putArray("intake");
        for (IntakeReport.Count c : report.counts()) {
            intake.addObject().put("rule", c.rule()).put("item", c.item()).put("department", c.department()).put("count", c.count());
        }
        ArrayNode notChecked = summary.putArray("notChecked");
        for (IntakeReport.NotChecked n : report.notChecked()) {
            notChecked.addObject().put("rule", n.rule()).put("reasonZh", n.reasonZh()).put("reasonEn", n.reasonEn());
        }
        try {
            Files.writeString(outDir.resolve("intake-summary.json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
    }
}
