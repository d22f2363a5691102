package org.approvalrules.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.fee.ChargeRecord;
import org.approvalrules.api.fee.FeeAuditLine;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.cli.Options;
import org.approvalrules.cli.RecordRun;
import org.approvalrules.core.fee.ChargesReader;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.core.rules.EntryPointAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules fee audit --charges FILE.csv [--locality CODE] [--packs DIR] --format jsonl}: every charge of a
 * fee register (docs/FEES.md "Audit") assessed with the standard in force on its date and judged by the locality's fee
 * rules; one output line per charge with {@code id}, {@code due}, {@code charged} and its findings. A bad line (or a
 * charge under a standard the catalogue does not know) goes to the reject file and the run exits 3 (with
 * {@code --strict}: stops, exit 2), see {@link RecordRun}. Without {@code --in-centre-since} the items are not known, so
 * the item checks (是否收费, collected in the centre, unified collection) are not made, and the output says so.
 */
@Command(name = "audit", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"核查收费记录：逐条计算应收并按收费规则报告问题 / audit a fee register: what each charge was due, and the "
                + "findings of the fee rules",
                "示例 / example: fee audit --charges charges.csv --format jsonl",
                "输出格式 / --format: jsonl（默认，每条收费一行 / default, one charge a line）| text"})
public final class FeeAuditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--charges", required = true, paramLabel = "FILE", description = "收费记录 CSV 或 JSONL（收费编号,收费标准,日期,数量,"
            + "当月已申请,申请人类别,减免证明,实收金额,收费方式…） / fee register: id,standard,date,quantity,prior_in_month,"
            + "applicant_category,evidence,charged,collected_through…")
    Path charges;

    @Option(names = "--in-centre-since", paramLabel = "DATE", description = "所有收费事项自该日起已进驻中心且收费（核查收费地点与统一收费）"
            + " / every item charged is in the centre since DATE and charges a fee: check where and how fees were collected")
    LocalDate inCentreSince;

    @Mixin
    Options.Locality locality;

    @Mixin
    Options.Packs packs;

    @Mixin
    Options.Format output;

    @Mixin
    RecordRun records;

    @Override
    public Integer call() throws Exception {
        boolean jsonl = output.require(spec, "jsonl", "text").equals("jsonl");
        PrintWriter out = spec.commandLine().getOut();
        try (ApprovalRules rules = packs.rules(); RecordRun.Session run = records.start(charges, spec.commandLine().getErr())) {
            EntryPointAccess.ruleSets(rules).repository().requireKnown(locality.code());
            ApprovalRules.Locality here = rules.locality(locality.code());
            List<ChargeRecord> read = new ArrayList<>();
            ChargesReader.read(charges, charges.toString(), r -> {
                run.read();
                read.add(r);
            }, run.rejects());
            List<FeeAuditLine> lines = here.auditFees(read, c -> Optional.ofNullable(inCentreSince).map(d -> item(c, d)));
            long judged = 0;
            long findings = 0;
            List<String> text = new ArrayList<>();
            for (FeeAuditLine l : lines) {
                if (l.rejected().isPresent()) {
                    run.rejects().reject(new DataFormatException(charges.toString(), l.charge().line(), "standard",
                            l.charge().standardId(), l.rejected().get().toString()));
                    continue;
                }
                judged++;
                findings += l.findings().size();
                if (jsonl) {
                    out.println(DeadlineJson.MAPPER.writeValueAsString(json(l)));
                } else {
                    text.add(l.charge().id() + "  应收 / due " + l.due().map(Object::toString).orElse("—") + "  实收 / charged "
                            + l.charge().charged() + (l.findings().isEmpty() ? "  符合标准 / as due" : ""));
                    for (Finding f : l.findings()) {
                        text.add("    [" + f.severity() + "] " + f.ruleId() + "  " + f.message() + "（" + f.legalReference() + "）");
                    }
                }
            }
            if (!jsonl) {
                String incomplete = run.incomplete("条收费已核查", "charge(s) audited", judged);
                if (incomplete != null) {
                    out.println(incomplete);
                }
                out.printf("收费 / charges %d，地区 / locality %s，规则集 / rule set %s%n", judged, locality.code(), here.ruleSetVersion());
                if (inCentreSince == null) {
                    out.println("未给出事项（--in-centre-since），未核查是否收费事项、收费地点与统一收费 / items not given (--in-centre-since): "
                            + "free items, where and how fees were collected not checked");
                }
                text.forEach(out::println);
                out.printf("发现问题 / findings: %d%n", findings);
            }
            out.flush();
            return run.summary("条收费已核查", "charge(s) audited", judged);
        }
    }

    /** One output line: {@code id, due, charged, itemChecked, findings} (findings in the common shape). */
    static ObjectNode json(FeeAuditLine l) {
        ObjectNode n = DeadlineJson.MAPPER.createObjectNode();
        n.put("id", l.charge().id());
        l.charge().caseNumber().ifPresent(c -> n.put("caseNumber", c));
        n.put("standard", l.charge().standardId());
        n.put("date", l.charge().date().toString());
        if (l.due().isPresent()) {
            n.put("due", l.due().get().toString());
        } else {
            n.putNull("due");
        }
        n.put("charged", l.charge().charged().toString());
        n.put("itemChecked", l.itemChecked());
        n.set("findings", FindingsJson.toJson(l.findings()));
        return n;
    }

    /** Every item is taken to charge a fee and to be in the centre since {@code since}. */
    private static ServiceItem item(ChargeRecord c, LocalDate since) {
        return ServiceItem.builder("CHARGES", "收费记录事项 / item of the fee register").basicCode("CHARGES").department("—")
                .statutoryLimit(TimeLimit.workingDays(20)).promisedLimit(TimeLimit.workingDays(20))
                .fee("收费标准 " + c.standardId()).inCentreSince(since).build();
    }
}
