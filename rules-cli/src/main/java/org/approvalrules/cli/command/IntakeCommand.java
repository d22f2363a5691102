package org.approvalrules.cli.command;

import org.approvalrules.cli.Options;
import org.approvalrules.cli.RecordRun;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.core.intake.IntakeLogReader;
import org.approvalrules.core.json.FindingsJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules intake --log FILE --moves FILE}: two-end intake (两头受理) in an intake log, with the
 * locality's parameters (window of days, approved branch centres). The log is streamed; a bad log line goes to the
 * reject file and the run exits 3 (with {@code --strict}: stops with exit 2), see {@link RecordRun}. A bad header,
 * move-in register or option exits 2 naming file, line and field.
 */
@Command(name = "intake", description = "两头受理检查：进驻后仍在部门受理、同一申请人同一事项两端受理 / two-end intake: "
        + "department intake after an item moved into the centre, the same applicant and item accepted at both ends")
public final class IntakeCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { text, jsonl }

    @Spec
    CommandSpec spec;

    @Option(names = "--log", required = true, description = "受理记录 CSV（办件编号,实施编码,申请者证件号码,[证件类型,]受理渠道,[渠道名称,]受理时间；"
            + "或 SBLSH/SXBM/SLSJ） / intake log CSV")
    Path log;

    @Option(names = "--moves", required = true, description = "事项进驻清单 CSV（实施编码,进驻日期[,仅限中心受理]） / move-in register CSV")
    Path moves;

    @Mixin
    Options.Locality locality;

    @Mixin
    Options.Packs packs;

    @Option(names = "--format", defaultValue = "text", description = "text 或 jsonl（每条问题一行） / text or jsonl (one finding a line)")
    Format format;

    @Mixin
    RecordRun records;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DivisionCode code = locality.code();
        List<ItemMove> register = IntakeLogReader.readMoves(moves);
        try (ApprovalRules rules = packs.rules(); RecordRun.Session run = records.start(log, spec.commandLine().getErr())) {
            ApprovalRules.Locality set = rules.locality(code);
            IntakeScan session = set.scanIntake(register);
            IntakeLogReader.read(log, r -> {
                run.read();
                session.add(r);
            }, run.rejects());
            List<Finding> findings = session.finish();
            String incomplete = run.incomplete("条记录已读", "record(s) read", session.records());
            if (format == Format.jsonl) {
                for (Finding f : findings) {
                    out.println(FindingsJson.line(f));
                }
            } else {
                if (incomplete != null) {
                    out.println(incomplete);
                }
                out.printf("受理记录 / records %d，进驻事项 / moved items %d，地区 / locality %s，规则集 / rule set %s%n",
                        session.records(), register.size(), code, set.ruleSetVersion());
                for (Finding f : findings) {
                    out.println("  " + f.severity() + " " + f.ruleId() + " " + f.subject() + ": " + f.message().zh());
                    out.println("      " + f.message().en() + " 〔" + f.legalReference() + "〕");
                }
                out.printf("发现问题 / findings: %d%n", findings.size());
            }
            out.flush();
            return run.summary("条记录已读", "record(s) read", session.records());
        }
    }
}
