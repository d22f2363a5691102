package org.approvalrules.cli.command;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.AuthorizationScorecard;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.PowerRate;
import org.approvalrules.api.authorization.ScorecardLine;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.cli.Options;
import org.approvalrules.cli.RecordRun;
import org.approvalrules.core.authorization.AuthorizationDataReader;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.core.records.Reject;
import org.approvalrules.core.records.Rejects;
import org.approvalrules.core.rules.EntryPointAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules authorization report}: window authorization measured from a supervision data directory
 * (items.csv, delegations.csv, staff.csv, schedules.csv, steps.csv; docs/AUTHORIZATION.md "Records") as of a
 * day: the scorecard per department and power, then the findings in the common shape. A missing file is said
 * ("not checked"); bad lines go to the reject file (file, line, field, reason) and the run exits 3; with
 * {@code --strict} the first bad line stops it (exit 2).
 */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"按记录评估窗口授权：授权率计分卡、首席代表与人员、回局签批、实测开放、排班覆盖 / window authorization "
                + "measured from records: rate scorecard, chiefs and staff, 回局签批, measured opening, roster coverage",
                "示例 / example: authorization report --locality 451031 --data 数据目录 --as-of 2024-10-14 --format json",
                "--as-of：评估日（日期，或时点所在的日子）：目录、授权、人员与目标按该日；开放与排班取截至该日的四周 / the assessed day "
                        + "(a date, or the day of an instant); opening and rosters over the four weeks ending on it",
                "输出格式 / --format: text（默认 / default）| json"})
public final class AuthorizationReportCommand implements Callable<Integer> {

    /** The zone an {@code --as-of} instant is read in (the locality's, Asia/Shanghai). */
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Locality locality;

    @Mixin
    Options.Packs packs;

    @Option(names = "--data", paramLabel = "DIR", required = true,
            description = "监督数据目录（items.csv、delegations.csv、staff.csv、schedules.csv、steps.csv，缺少的文件不检查）/ "
                    + "supervision data directory (a missing file is not checked)")
    Path data;

    @Mixin
    Options.RequiredAsOf assessed;

    @Option(names = "--from", paramLabel = "DATE", description = "开放与排班期间首日（默认评估日前四周）/ first day measured for "
            + "opening and rosters (default: four weeks ending on --as-of)")
    LocalDate from;

    @Mixin
    Options.Format output;

    @Option(names = "--strict", description = "遇到第一条错误记录即停止（退出码 2） / stop at the first bad line (exit 2)")
    boolean strict;

    @Option(names = "--rejects", paramLabel = "FILE", description = "被拒记录文件（文件、行号、字段、原因；默认 <DIR>.rejects）/ "
            + "reject file: file, line, field, reason of each bad line (default <DIR>.rejects)")
    Path rejectFile;

    @Override
    public Integer call() throws IOException {
        String format = output.require(spec, "text", "json");
        if (!Files.isDirectory(data)) {
            throw new DataFormatException(data.toString(), 0, null, null, Files.exists(data)
                    ? "不是目录 / is not a directory" : "目录不存在 / directory not found");
        }
        LocalDate asOf = assessed.date(ZONE);
        LocalDate first = from != null ? from : org.approvalrules.core.authorization.AuthorizationAssessor.defaultFrom(asOf);
        if (asOf.isBefore(first)) {
            throw new ParameterException(spec.commandLine(), "--from 晚于 --as-of / --from is after --as-of: " + first + " > " + asOf);
        }
        DivisionCode code = locality.code();
        Path target = rejectFile != null ? rejectFile : data.toAbsolutePath().resolveSibling(data.toAbsolutePath().getFileName() + ".rejects");
        List<Reject> rejected = new ArrayList<>();
        AuthorizationData records;
        if (strict) {
            records = AuthorizationDataReader.read(data, Rejects.strict());
        } else {
            Files.deleteIfExists(target); // an earlier run's reject file must not be taken for this one's
            records = AuthorizationDataReader.read(data, Rejects.continuing(rejected::add));
            writeRejects(target, rejected);
        }
        try (ApprovalRules rules = packs.builder().build()) {
            EntryPointAccess.ruleSets(rules).repository().requireKnown(code);
            ApprovalRules.Locality here = rules.locality(code);
            AuthorizationScorecard r = here.authorizationReport(records, first, asOf);
            PrintWriter out = spec.commandLine().getOut();
            String incomplete = rejected.isEmpty() ? null : "未完成：" + rejected.size() + " 行被拒，见 " + target + " / INCOMPLETE: "
                    + rejected.size() + " line(s) rejected, see " + target;
            if (format.equals("json")) {
                out.println(DeadlineJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                        json(code, here, r, records, rejected, target)));
            } else {
                if (incomplete != null) {
                    out.println(incomplete);
                }
                printText(out, code, here, r);
            }
            out.flush();
            if (incomplete != null) {
                spec.commandLine().getErr().println(incomplete);
                spec.commandLine().getErr().flush();
                return RecordRun.EXIT_REJECTS;
            }
            return 0;
        }
    }

    private static void writeRejects(Path target, List<Reject> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            w.write("文件/file\t行/line\t字段/field\t原因/reason\n");
            for (Reject r : rejected) {
                w.write(r.file().replace('\t', ' ') + "\t" + r.tsv() + "\n");
            }
        } catch (IOException e) {
            throw new DataFormatException(target.toString(), 0, null, null, "无法写入被拒记录文件 / cannot write the reject file: "
                    + e.getMessage(), e);
        }
    }

    /** The scorecard as text: header, parts not checked, rates per department and power, scorecard, findings. */
    static void printText(PrintWriter out, DivisionCode code, ApprovalRules.Locality here, AuthorizationScorecard r) {
        out.println("窗口授权（按记录）/ window authorization from records  地区/locality " + code + "  评估日/as of " + r.asOf()
                + "  期间/period " + r.from() + " .. " + r.asOf() + "  日历/calendar " + here.calendar().id() + "@"
                + here.calendarVersion() + "  规则/rules " + here.ruleSetVersion());
        for (AuthorizationData.Part p : r.notChecked()) {
            out.println("未提供 " + p.file() + "，相关检查未做 / no " + p.file() + ": its checks were not made");
        }
        // departments sorted, the locality's line last
        Map<String, Map<Power, PowerRate>> byDept = new TreeMap<>(java.util.Comparator
                .comparing((String d) -> d.equals(PowerRate.LOCALITY)).thenComparing(d -> d));
        r.rates().forEach(x -> byDept.computeIfAbsent(x.department(), d -> new EnumMap<>(Power.class)).put(x.power(), x));
        if (!byDept.isEmpty()) {
            out.println("授权率（已授权/进驻事项，! 为低于目标）/ delegation rates (delegated / in-centre items, ! below target):");
            StringBuilder head = new StringBuilder("  " + AuthorizationCommand.pad("部门/dept", 14));
            for (Power p : Power.values()) {
                head.append(AuthorizationCommand.pad(p.chineseName().replace("办理结果", ""), 12));
            }
            out.println(head);
            byDept.forEach((dep, rates) -> {
                StringBuilder row = new StringBuilder("  " + AuthorizationCommand.pad(dep.equals(PowerRate.LOCALITY) ? "全地区/all" : dep, 14));
                for (Power p : Power.values()) {
                    PowerRate x = rates.get(p);
                    row.append(AuthorizationCommand.pad(x.numerator() + "/" + x.denominator() + (x.met() ? "" : "!"), 12));
                }
                out.println(row.toString().stripTrailing());
            });
            out.println("目标 / targets: " + String.join("  ", byDept.values().iterator().next().values().stream()
                    .map(x -> x.power().chineseName() + " " + x.target().toPlainString()).toList()));
            for (PowerRate x : r.rates()) {
                if (!x.department().equals(PowerRate.LOCALITY) && !x.missing().isEmpty()) {
                    out.println("  " + x.department() + " " + x.power().chineseName() + " 未授权事项 / items without it: "
                            + listed(x.missing()));
                }
            }
        }
        if (!r.departmentsWithoutItems().isEmpty()) {
            out.println("无进驻事项的部门（不计授权率）/ departments with no item in the centre (not rated): "
                    + String.join(", ", r.departmentsWithoutItems()));
        }
        if (!r.scorecard().isEmpty()) {
            out.println("计分卡 / scorecard (authorization.scorecard):");
            for (ScorecardLine l : r.scorecard()) {
                out.println("  " + AuthorizationCommand.pad(l.measure(), 28) + (l.atMost() ? "<= " : ">= ") + l.target().toPlainString()
                        + "  " + (l.measured() ? l.value().get().toPlainString() + (l.met().get() ? "  达标/met" : "  未达标/NOT met")
                                : "本报告不计量 / not measured by this report"));
            }
        }
        AuthorizationCommand.printFindings(out, r.findings());
    }

    private static String listed(List<String> items) {
        return items.size() <= 10 ? String.join(", ", items) : String.join(", ", items.subList(0, 10)) + " … (" + items.size() + ")";
    }

    private static ObjectNode json(DivisionCode code, ApprovalRules.Locality here, AuthorizationScorecard r, AuthorizationData data,
            List<Reject> rejected, Path target) {
        ObjectNode o = DeadlineJson.MAPPER.createObjectNode();
        o.put("locality", code.toString());
        o.put("asOf", r.asOf().toString());
        o.put("from", r.from().toString());
        o.put("ruleSetVersion", here.ruleSetVersion());
        o.put("calendarVersion", here.calendarVersion());
        o.put("complete", rejected.isEmpty());
        ObjectNode rej = o.putObject("rejects");
        rej.put("total", rejected.size());
        rej.put("file", rejected.isEmpty() ? null : target.toString());
        ObjectNode byFile = rej.putObject("byFile");
        rejected.forEach(x -> byFile.put(x.file(), byFile.path(x.file()).asInt(0) + 1));
        ObjectNode records = o.putObject("records");
        for (AuthorizationData.Part p : AuthorizationData.Part.values()) {
            if (data.has(p)) {
                records.put(p.file(), switch (p) {
                    case ITEMS -> data.items().size();
                    case DELEGATIONS -> data.delegations().size();
                    case STAFF -> data.staff().size();
                    case SCHEDULES -> data.rosters().size();
                    case STEPS -> data.steps().size();
                });
            }
        }
        ArrayNode notChecked = o.putArray("notChecked");
        for (AuthorizationData.Part p : r.notChecked()) {
            ObjectNode n = notChecked.addObject();
            n.put("domain", "authorization");
            n.put("file", p.file());
            n.put("reasonZh", "未提供 " + p.file());
            n.put("reasonEn", p.file() + " not given");
        }
        ArrayNode without = o.putArray("departmentsWithoutItems");
        r.departmentsWithoutItems().forEach(without::add);
        ArrayNode rates = o.putArray("authorization");
        for (PowerRate x : r.rates()) {
            ObjectNode n = rates.addObject();
            n.put("department", x.department());
            n.put("power", x.power().name());
            n.put("numerator", x.numerator());
            n.put("denominator", x.denominator());
            n.put("rate", x.rate());
            n.put("target", x.target());
            n.put("met", x.met());
            ArrayNode missing = n.putArray("missing");
            x.missing().forEach(missing::add);
        }
        ArrayNode card = o.putArray("scorecard");
        for (ScorecardLine l : r.scorecard()) {
            ObjectNode n = card.addObject();
            n.put("measure", l.measure());
            n.put("target", l.target());
            n.put("atMost", l.atMost());
            n.put("measured", l.measured());
            if (l.measured()) {
                n.put("value", l.value().get());
                n.put("met", l.met().get());
                n.put("numerator", l.numerator());
                n.put("denominator", l.denominator());
            }
        }
        o.set("findings", FindingsJson.toJson(r.findings()));
        return o;
    }
}
