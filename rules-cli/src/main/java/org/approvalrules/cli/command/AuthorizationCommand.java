package org.approvalrules.cli.command;

import org.approvalrules.cli.Options;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.authorization.AuthorizationReport;
import org.approvalrules.api.authorization.AuthorizationTables;
import org.approvalrules.api.authorization.DelegationRateFact;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.WindowOpeningFact;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.core.authorization.AuthorizationCsv;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.core.kpi.Ratio;
import org.approvalrules.core.rules.EntryPointAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules authorization}: delegation rates per department and power against the locality's
 * targets, chief representatives, and window opening on every working day of a period (docs/AUTHORIZATION.md).
 * Rates and chief representatives are assessed on {@code --to}; targets are the values in force that day.
 */
@Command(name = "authorization", sortOptions = false, mixinStandardHelpOptions = true,
        subcommands = AuthorizationReportCommand.class,
        description = {"窗口授权检查：授权率、首席代表、每个工作日对外办公 / window authorization: delegation rates, "
                + "chief representatives, window open every working day",
                "示例 / example: authorization --table 授权表.csv --chiefs 首席代表.csv --schedule 办公安排.csv "
                        + "--locality 451031 --from 2024-09-09 --to 2024-09-20",
                "按记录评估（授权率、回局签批、实测开放…）见子命令 report / from records (rates, 回局签批, measured opening …): "
                        + "the subcommand report",
                "输出格式 / --format: text（默认 / default）| json"})
public final class AuthorizationCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    // required, checked in call(): picocli would otherwise demand it before the subcommand report too
    @Option(names = "--table", paramLabel = "FILE.csv",
            description = "窗口授权表：每个事项一行，七项权力填 是/否（必填）/ authorization table, one row per item, yes/no per "
                    + "power (required)")
    Path table;

    @Option(names = "--chiefs", paramLabel = "FILE.csv", description = "首席代表表（省略则不检查首席代表）/ chief representatives (omitted: not checked)")
    Path chiefs;

    @Option(names = "--schedule", paramLabel = "FILE.csv", description = "窗口对外办公安排（省略则不检查开放）/ window schedules (omitted: opening not checked)")
    Path schedule;

    @Mixin
    Options.Locality locality;

    @Mixin
    Options.Packs packs;

    @Option(names = "--from", paramLabel = "DATE", description = "期间首日（默认 --to 所在月的第一天）/ first day (default: first of --to's month)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "期间末日，授权率按该日计算（默认今天）/ last day; rates are assessed on it (default: today)")
    LocalDate to;

    @Option(names = "--coverage", defaultValue = "STRICT", description = "STRICT | PROVISIONAL outside the published years (default ${DEFAULT-VALUE})")
    CoveragePolicy coverage;

    @Mixin
    Options.Format output;

    private final Clock clock;

    public AuthorizationCommand() {
        this(Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    public AuthorizationCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        String format = output.require(spec, "text", "json");
        if (table == null) {
            throw new ParameterException(spec.commandLine(), "缺少必填选项 / Missing required option: '--table=FILE.csv'");
        }
        LocalDate last = to != null ? to : LocalDate.now(clock);
        LocalDate first = from != null ? from : last.withDayOfMonth(1);
        if (last.isBefore(first)) {
            throw new ParameterException(spec.commandLine(), "--to 早于 --from / --to is before --from: " + first + " > " + last);
        }
        DivisionCode code = locality.code();
        AuthorizationTables tables = AuthorizationCsv.read(table, Optional.ofNullable(chiefs), Optional.empty(), Optional.ofNullable(schedule));
        ApprovalRules.Builder b = packs.builder().coverage(coverage).clock(clock);
        try (ApprovalRules rules = b.build()) {
            EntryPointAccess.ruleSets(rules).repository().requireKnown(code);
            ApprovalRules.Locality here = rules.locality(code);
            WorkingCalendar calendar = here.calendar();
            // without a chiefs file there is nothing to judge: every department would be "missing" one
            AuthorizationReport r = here.checkAuthorization(tables, first, last, chiefs != null);
            List<Finding> findings = r.findings();
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(DeadlineJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                        json(code, here.ruleSetVersion(), calendar, r, findings)));
            } else {
                printText(out, code, here.ruleSetVersion(), calendar, r, findings, chiefs != null, schedule != null);
            }
            out.flush();
        }
        return 0;
    }

    /** The report as text (also used by the demo). */
    public static void printText(PrintWriter out, DivisionCode code, String version, WorkingCalendar calendar, AuthorizationReport r,
            List<Finding> findings, boolean chiefsChecked, boolean openingChecked) {
        out.println("窗口授权检查 / window authorization  地区/locality " + code + "  期间/period " + r.from() + " .. " + r.to()
                + "  日历/calendar " + calendar.id() + "@" + calendar.version() + "  规则/rules " + version);
        out.println("授权率（" + r.to() + "，已授权事项/进驻事项）/ delegation rates on " + r.to() + " (items with the power / items in the centre):");
        StringBuilder head = new StringBuilder("  " + pad("部门/dept", 14));
        for (Power p : Power.values()) {
            head.append(pad(p.chineseName().replace("办理结果", ""), 12));
        }
        out.println(head);
        byDepartment(r).forEach((dep, rates) -> {
            StringBuilder row = new StringBuilder("  " + pad(dep, 14));
            for (Power p : Power.values()) {
                DelegationRateFact x = rates.get(p);
                row.append(pad(x.numerator() + "/" + x.denominator(), 12));
            }
            out.println(row.toString().stripTrailing());
        });
        if (openingChecked) {
            out.println("对外办公（全天开放的工作日/工作日，含调休上班日）/ window opening (working days staffed all day / working days, incl. 调休):");
            for (WindowOpeningFact o : r.opening()) {
                out.println("  " + o.department() + "  " + new Ratio(o.staffedAllDay(), o.judgedDays())
                        + (o.closedDays().isEmpty() ? "" : "  未开放/closed " + o.closedDays())
                        + (o.halfDays().isEmpty() ? "" : "  半天/half-day " + o.halfDays())
                        + (o.unknownDays().isEmpty() ? "" : "  无安排/no schedule " + o.unknownDays().size()));
            }
        } else {
            out.println("未提供 --schedule，未检查对外办公 / no --schedule: window opening not checked");
        }
        if (!chiefsChecked) {
            out.println("未提供 --chiefs，未检查首席代表 / no --chiefs: chief representatives not checked");
        }
        printFindings(out, findings);
    }

    /** The findings as text: severity, rule id and subject, the messages, the reference, layer and parameters. */
    static void printFindings(PrintWriter out, List<Finding> findings) {
        out.println("发现 / findings (" + findings.size() + "):");
        for (Finding f : findings) {
            out.println("  [" + f.severity() + "] " + f.ruleId() + "  " + f.subject());
            out.println("      " + f.message().zh());
            out.println("      " + f.message().en());
            out.println("      依据/reference: " + f.legalReference() + "  层/layer " + f.layer()
                    + (f.parameters().isEmpty() ? "" : "  参数/parameters " + f.parameters()));
        }
    }

    /** The delegation rates by department (sorted), then power. */
    static Map<String, Map<Power, DelegationRateFact>> byDepartment(AuthorizationReport r) {
        Map<String, Map<Power, DelegationRateFact>> out = new TreeMap<>();
        r.rates().forEach(f -> out.computeIfAbsent(f.department(), d -> new EnumMap<>(Power.class)).put(f.power(), f));
        return out;
    }

    /** {@code s} padded with spaces to {@code width} terminal columns (a CJK character takes two). */
    static String pad(String s, int width) {
        int w = s.codePoints().map(c -> c >= 0x1100 && Character.isIdeographic(c) || c >= 0xFF00 && c <= 0xFFEF ? 2 : 1).sum();
        return s + " ".repeat(Math.max(1, width - w));
    }

    private static ObjectNode json(DivisionCode code, String version, WorkingCalendar calendar, AuthorizationReport r,
            List<Finding> findings) {
        ObjectNode o = DeadlineJson.MAPPER.createObjectNode();
        o.put("locality", code.toString());
        o.put("from", r.from().toString());
        o.put("to", r.to().toString());
        o.put("ruleSetVersion", version);
        ObjectNode cal = o.putObject("calendar");
        cal.put("id", calendar.id());
        cal.put("version", calendar.version());
        ObjectNode rates = o.putObject("rates");
        byDepartment(r).forEach((dep, byPower) -> {
            ObjectNode d = rates.putObject(dep);
            for (Map.Entry<Power, DelegationRateFact> e : byPower.entrySet()) {
                ObjectNode x = d.putObject(e.getKey().name());
                x.put("numerator", e.getValue().numerator());
                x.put("denominator", e.getValue().denominator());
            }
        });
        ArrayNode opening = o.putArray("opening");
        for (WindowOpeningFact w : r.opening()) {
            ObjectNode x = opening.addObject();
            x.put("department", w.department());
            x.put("workingDays", w.workingDays());
            ArrayNode closed = x.putArray("closed");
            w.closedDays().forEach(d -> closed.add(d.toString()));
            ArrayNode half = x.putArray("halfDay");
            w.halfDays().forEach(d -> half.add(d.toString()));
            ArrayNode unknown = x.putArray("unknown");
            w.unknownDays().forEach(d -> unknown.add(d.toString()));
        }
        o.set("findings", FindingsJson.toJson(findings));
        return o;
    }
}
