package org.approvalrules.cli.command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.supervise.SupervisionResult;
import org.approvalrules.cli.Options;
import org.approvalrules.cli.RecordRun;
import org.approvalrules.core.rules.EntryPointAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules supervise --locality CODE --data DIR --as-of INSTANT --out DIR [--packs DIR]}: the
 * supervision job (电子监察) over a locality's data directory (docs/DATA-FORMAT.md) through the entry point. Writes
 * findings.jsonl, summary.json, rejects.csv (and report.html when the report writer is present) into {@code --out}.
 * Exit 0 when complete; 3 when records were rejected (the first line says INCOMPLETE / 不完整); 2 for bad input (a
 * missing or unreadable file, an unknown locality, data mixing localities, a broken pack), one line naming the file.
 * Progress on stderr when stderr is a terminal; a final summary line on stdout always; a run with rejects also says
 * so in one line on stderr, as every record run does.
 */
@Command(name = "supervise", description = "电子监察：对一个地区的数据目录做全部检查，输出 findings.jsonl、summary.json / "
        + "supervision: every check over a locality's data directory, writing findings.jsonl and summary.json")
public final class SuperviseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Locality locality;

    @Mixin
    Options.Packs packs;

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "数据目录（items、cases、events … 见 docs/DATA-FORMAT.md）/ data directory (docs/DATA-FORMAT.md)")
    Path data;

    /** The shared {@code --as-of}; required here (a supervision run is always as of a stated instant). */
    @Mixin
    Options.AsOf asOf;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "输出目录 / output directory")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant at = asOf.required(spec.commandLine(), java.time.ZoneId.of("Asia/Shanghai"));
        try (ApprovalRules rules = packs.rules()) {
            // with packs, a locality with no layer for itself or an ancestor is unknown (as for every command)
            EntryPointAccess.ruleSets(rules).repository().requireKnown(locality.code());
            ApprovalRules.Locality set = rules.locality(locality.code());
            SupervisionResult r = set.supervise(data, at, out, progress(err));
            print(stdout, r);
            stdout.println(summaryLine(r));
            stdout.flush();
            if (!r.complete()) {
                // as every record run that rejected lines: one line on stderr, exit 3
                err.println("未完成：" + r.casesEvaluated() + " 件已评估，" + r.rejectCount() + " 条记录被拒，见 " + r.rejectFile()
                        + " / INCOMPLETE: " + r.casesEvaluated() + " cases evaluated, " + r.rejectCount()
                        + " record(s) rejected, see " + r.rejectFile());
                err.flush();
                return RecordRun.EXIT_REJECTS;
            }
            return 0;
        }
    }

    /** Progress lines on {@code err} when stderr is a terminal, else nothing. */
    static Consumer<String> progress(PrintWriter err) {
        if (System.console() == null) {
            return line -> { };
        }
        long started = System.nanoTime();
        return line -> {
            err.printf("  [%5.1fs] %s%n", (System.nanoTime() - started) / 1e9, line);
            err.flush();
        };
    }

    /** The one final line. */
    public static String summaryLine(SupervisionResult r) {
        return (r.complete() ? "完整 / complete" : "不完整 / INCOMPLETE") + ": " + r.casesEvaluated() + " 件已评估 / cases evaluated, "
                + r.findingCount() + " 个问题 / findings, " + r.rejectCount() + " 条被拒 / rejected, " + r.notChecked().size()
                + " 个领域未检查 / domains not checked";
    }

    /** The headline numbers: completeness first, then records, findings, domains not checked, and the files. */
    public static void print(PrintWriter out, SupervisionResult r) {
        if (!r.complete()) {
            out.println("INCOMPLETE / 不完整：" + r.rejectCount() + " 条记录被拒，结果不完整（见 " + r.rejectFile() + "） / "
                    + r.rejectCount() + " record(s) rejected, the results are not complete (see " + r.rejectFile() + ")");
        } else {
            out.println("完整 / complete：无被拒记录 / no record rejected");
        }
        out.println("地区 / locality " + r.locality() + "；已评估办件 / cases evaluated " + String.format("%,d", r.casesEvaluated()));
        out.println("记录 / records: " + r.records());
        if (r.rejectCount() > 0) {
            out.println("被拒 / rejected: " + r.rejects());
        }
        out.println("问题 / findings: " + r.findingCount() + " " + r.findingsBySeverity());
        r.findingsByRule().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> out.printf("  %-45s %,d%n", e.getKey(), e.getValue()));
        for (SupervisionResult.NotChecked n : r.notChecked()) {
            out.println("未检查 / not checked: " + n.domain() + " — " + n.reasonZh() + " / " + n.reasonEn());
        }
        out.println("输出 / output: " + r.findingsJsonl() + ", " + r.summaryJson() + ", " + r.rejectFile());
        out.println(r.report().map(p -> "报告 / report: " + p)
                .orElse("报告 / report: 本版本未含报告生成器，未写 report.html / this build has no report writer, no report.html"));
        out.flush();
    }
}
