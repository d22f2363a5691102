package org.approvalrules.cli.command;

import org.approvalrules.cli.Options;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.FeeCharge;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.ExemptionEvidence;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeLine;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.fee.QuantityKind;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.money.Money;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.core.rules.EntryPointAccess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code approval-rules fee}: what one fee standard charges, with the locality's parameters in force on
 * the date, line by line; with {@code --charged}, the findings on that charge. Without {@code --date}
 * today's date in Asia/Shanghai is used. Exit code 0 when assessed (findings are output, not errors),
 * 2 for bad input.
 */
@Command(name = "fee", sortOptions = false, mixinStandardHelpOptions = true,
        subcommands = {FeeQuoteCommand.class, FeeAuditCommand.class},
        description = {"按收费标准计算应收费用，并可核查实收金额 / assess a fee standard and optionally check a charge",
                "示例 / example: fee --standard real-estate.residential --quantity 3 --date 2024-05-06 --charged 110",
                "子命令 / subcommands: fee quote（计算应收 / what is due）, fee audit（核查收费记录 / audit a fee register）",
                "输出格式 / --format: text（默认 / default）| json"})
public final class FeeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RequestOptions request;

    @Option(names = "--charged", paramLabel = "AMOUNT", description = "实收金额（元），给出时核查 / amount charged in yuan: check it")
    String charged;

    @Option(names = "--collected-through", paramLabel = "CHANNEL", defaultValue = "CENTRE_WINDOW", description = "收费地点 / "
            + "where it was collected: CENTRE_WINDOW | BRANCH_CENTRE | ONLINE | DEPARTMENT (default ${DEFAULT-VALUE}); "
            + "the item is taken to be in the centre")
    String collectedThrough;

    @Option(names = "--item-free", description = "事项目录载明不收费（是否收费=0）/ the item's catalogue entry says 是否收费 = 0")
    boolean itemFree;

    @Mixin
    Options.Locality locality;

    @Mixin
    Options.Packs packs;

    @Mixin
    Options.Format output;

    /** The options that describe one request, shared by {@code fee} and {@code fee quote}. */
    public static final class RequestOptions {
        @Option(names = "--standard", paramLabel = "ID", description = "收费标准编号，如 real-estate.residential、"
                + "gov-info.per-page / fee standard id, e.g. real-estate.residential, gov-info.per-page")
        String standard;

        @Option(names = "--quantity", paramLabel = "N", description = "主要计量数：不动产登记为证书本数，信息处理费为本次申请件数或页数，其他为件数 / "
                + "the standard's main count: certificates, requests of this application, pages, or pieces")
        Integer quantity;

        @Option(names = "--prior-in-month", paramLabel = "N", defaultValue = "0", description = "同一申请人当月此前已申请件数（按件计收） / "
                + "the applicant's earlier requests this month, for a standard counted per applicant per month (default 0)")
        int priorInMonth;

        @Option(names = "--applicant-category", paramLabel = "C", defaultValue = "INDIVIDUAL", description = "申请人类别 / "
                + "applicant: INDIVIDUAL | MINIMUM_INCOME_HOUSEHOLD | SMALL_MICRO_ENTERPRISE | INDIVIDUAL_BUSINESS | "
                + "OTHER_ORGANISATION (default ${DEFAULT-VALUE})")
        String category;

        @Option(names = "--evidence", paramLabel = "E", split = ",", description = "已留存的减免凭证 / evidence on file: "
                + "WRITTEN_PLEDGE, SUPPORTING_DOCUMENTS, BUSINESS_LICENCE, MINIMUM_INCOME_CERTIFICATE (comma-separated)")
        List<String> evidence;

        @Option(names = "--date", paramLabel = "DATE", description = "取值日期（办件日期）/ the case's date whose values apply")
        LocalDate date;

        /** The request on {@code on} (the date given, else the caller's default), its standard checked in force. */
        FeeRequest toRequest(CommandSpec spec, ApprovalRules.Locality here, LocalDate on) {
            if (standard == null) {
                throw new ParameterException(spec.commandLine(), "缺少 --standard / --standard is required");
            }
            ApplicantCategory applicant = parse(spec, ApplicantCategory.class, "--applicant-category", category);
            Set<ExemptionEvidence> onFile = EnumSet.noneOf(ExemptionEvidence.class);
            for (String e : evidence == null ? List.<String>of() : evidence) {
                onFile.add(parse(spec, ExemptionEvidence.class, "--evidence", e));
            }
            FeeStandard s = here.feeStandard(standard, on).orElseThrow(() -> new InvalidValueException("--standard", standard,
                    here.feeStandardEnded(standard, on).map(last -> "该收费标准已于" + last + "后停止收费 / this standard ended after "
                            + last).orElse("该日期（" + on + "）没有生效的收费标准，可选 / no fee standard in force on " + on
                            + " with this id; known: " + String.join(", ", here.feeStandardIds()))));
            Map<QuantityKind, Integer> quantities = new HashMap<>();
            if (quantity != null) {
                quantities.put(s.primaryQuantity(), quantity);
            } else if (s.primaryQuantity() == QuantityKind.REQUESTS) {
                quantities.put(QuantityKind.REQUESTS, 1);
            }
            return new FeeRequest(standard, quantities, applicant, onFile, on, priorInMonth);
        }
    }

    private final Clock clock;

    public FeeCommand() {
        this(Clock.system(ZoneId.of("Asia/Shanghai")));
    }

    public FeeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        String format = output.require(spec, "text", "json");
        AcceptanceChannel channel = parse(spec, AcceptanceChannel.class, "--collected-through", collectedThrough);
        Money chargedAmount = charged == null ? null : Money.of(charged.strip());
        LocalDate on = request.date != null ? request.date : LocalDate.now(clock);
        DivisionCode code = locality.code();
        ApprovalRules.Builder b = packs.builder();
        try (ApprovalRules rules = b.build()) {
            EntryPointAccess.ruleSets(rules).repository().requireKnown(code);
            ApprovalRules.Locality here = rules.locality(code);
            FeeRequest r = request.toRequest(spec, here, on);
            FeeAssessment a = here.quoteFee(r);
            List<Finding> findings = List.of();
            if (chargedAmount != null) {
                ServiceItem item = item(a.standard(), on);
                findings = here.checkFees(List.of(new FeeCheck("命令行 / command line", item,
                        FeeCharge.of(request.standard, chargedAmount), r, channel)));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(DeadlineJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json(a, chargedAmount, findings)));
            } else {
                text(out, a, chargedAmount, findings);
            }
            out.flush();
        }
        return 0;
    }

    /** The item the command line stands for: in the centre, charging this standard unless --item-free. */
    private ServiceItem item(FeeStandard s, LocalDate on) {
        ServiceItem.Builder ib = ServiceItem.builder("CLI", s.name().zh()).basicCode("CLI").department("命令行")
                .statutoryLimit(TimeLimit.workingDays(20)).promisedLimit(TimeLimit.workingDays(20)).inCentreSince(on);
        return (itemFree ? ib.noFee(null) : ib.fee(s.legalBasis())).build();
    }

    static <E extends Enum<E>> E parse(CommandSpec spec, Class<E> type, String option, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": 无效取值 " + value + "，可选 " + List.of(type.getEnumConstants())
                    + " / invalid value " + value + ", expected one of " + List.of(type.getEnumConstants()));
        }
    }

    static void text(PrintWriter out, FeeAssessment a, Money charged, List<Finding> findings) {
        FeeStandard s = a.standard();
        out.println("收费标准 / standard: " + s.id() + "  " + s.name());
        out.println("收费依据 / legal basis: " + s.legalBasis() + "  层 / layer " + s.layer() + "  日期 / date " + a.request().date());
        if (a.request().priorInMonth() > 0) {
            out.println("当月此前已申请 / earlier requests this month: " + a.request().priorInMonth());
        }
        for (FeeLine l : a.lines()) {
            out.printf("  %-56s %10s%s%n", l.description(), l.amount(),
                    l.exemptionCode().isPresent() ? "  → 0.00（减免 / waived " + l.exemptionCode().get() + "）" : "");
        }
        out.println("应收 / by the standard " + a.gross() + "  减免 / waived " + a.exempted() + "  应缴 / due " + a.due());
        a.exemption().ifPresent(e -> out.println("减免 / exemption: " + e.code() + " " + e.name() + "（" + e.basis() + "）"));
        if (a.evidenceMissing()) {
            out.println("注意：未留存减免凭证（可为 " + a.exemption().orElseThrow().acceptedEvidenceText().zh() + "） / note: no evidence on file "
                    + "(any of: " + a.exemption().orElseThrow().acceptedEvidenceText().en() + ")");
        }
        if (charged != null) {
            out.println("实收 / charged " + charged + (findings.isEmpty() ? "：符合标准 / as due" : ""));
            findings.forEach(f -> out.println("  [" + f.severity() + "] " + f.ruleId() + "  " + f.message() + "（" + f.legalReference() + "）"));
        }
    }

    static ObjectNode json(FeeAssessment a, Money charged, List<Finding> findings) {
        ObjectNode n = DeadlineJson.MAPPER.createObjectNode();
        FeeStandard s = a.standard();
        n.put("standard", s.id());
        n.put("name_zh", s.name().zh());
        n.put("name_en", s.name().en());
        n.put("legalBasis", s.legalBasis());
        n.put("layer", s.layer());
        n.put("date", a.request().date().toString());
        n.put("applicant", a.request().applicant().name());
        n.put("priorInMonth", a.request().priorInMonth());
        ArrayNode lines = n.putArray("lines");
        for (FeeLine l : a.lines()) {
            ObjectNode x = lines.addObject();
            x.put("component", l.componentId());
            x.put("quantity", l.quantity().name());
            x.put("from", l.fromUnit());
            x.put("to", l.toUnit());
            x.put("rate", l.rate().toString());
            x.put("amount", l.amount().toString());
            x.put("due", l.due().toString());
            l.exemptionCode().ifPresent(c -> x.put("exemption", c));
            x.put("reference", l.reference());
            x.put("description_zh", l.description().zh());
            x.put("description_en", l.description().en());
        }
        n.put("gross", a.gross().toString());
        n.put("exempted", a.exempted().toString());
        n.put("due", a.due().toString());
        a.exemption().ifPresent(e -> n.put("exemption", e.code()));
        n.put("evidenceMissing", a.evidenceMissing());
        ObjectNode params = n.putObject("parameters");
        s.parameters().forEach(params::put);
        if (charged != null) {
            n.put("charged", charged.toString());
            n.set("findings", FindingsJson.toJson(findings));
        }
        return n;
    }
}
