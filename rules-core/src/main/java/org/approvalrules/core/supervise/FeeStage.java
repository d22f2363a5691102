package org.approvalrules.core.supervise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.fee.ChargeRecord;
import org.approvalrules.api.fee.FeeAuditLine;
import org.approvalrules.api.fee.ServiceGuide;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.core.fee.ChargesReader;
import org.approvalrules.core.supervise.SupervisionData.CaseRecord;
import org.approvalrules.core.supervise.SupervisionData.CatalogueItem;

/**
 * Fees (收费) through the fee domain's own entry point: {@code charges} read by {@link ChargesReader} (bad lines
 * rejected), audited by {@code Locality.auditFees} — each charge with the standard in force on its date, its case's
 * service item from the catalogue (in the centre from {@code in_centre_from}, charging when it lists fee standards) —
 * and the 八公开 service guides of {@code items} (read with the catalogue, {@code GuideReader.guide}) checked by
 * {@code Locality.checkGuides} when the catalogue has the guide columns. A charge naming no known case, or a standard the catalogue does not know, is rejected with its line.
 * Without {@code charges} the fee audit is not checked; without the guide columns the guide check is not.
 */
final class FeeStage implements SupervisionStage {

    @Override
    public String domain() {
        return "fees";
    }

    @Override
    public void run(SupervisionRun run) {
        guides(run);
        Optional<SupervisionFiles.Source> src = SupervisionFiles.find(run.data, "charges");
        if (src.isEmpty()) {
            run.notChecked(domain(), "无 charges 文件：未检查收费", "no charges file: fees were not checked");
            return;
        }
        String name = src.get().name();
        Map<String, CaseRecord> cases = run.caseByNumber();
        List<ChargeRecord> charges = new ArrayList<>();
        var rejects = run.rejectsOf(name);
        ChargesReader.read(src.get().path(), name, c -> {
            if (c.caseNumber().isPresent() && !cases.containsKey(c.caseNumber().get())) {
                rejects.reject(new DataFormatException(name, c.line(), "case_number", c.caseNumber().get(),
                        "cases 中无此办件 / no such case in cases"));
            } else {
                charges.add(c);
            }
        }, rejects);
        Map<String, ServiceItem> items = new HashMap<>();
        List<FeeAuditLine> lines = run.locality.auditFees(charges, c -> c.caseNumber().map(cases::get)
                .map(k -> items.computeIfAbsent(k.item(), code -> item(run.items.get(code)))));
        Map<List<String>, Map<String, Object>> rows = new LinkedHashMap<>();
        long judged = 0;
        for (FeeAuditLine line : lines) {
            if (line.rejected().isPresent()) {
                rejects.reject(new DataFormatException(name, line.charge().line(), "standard", line.charge().standardId(),
                        line.rejected().get().toString()));
                continue;
            }
            judged++;
            String dep = line.charge().caseNumber().map(cases::get).map(CaseRecord::department).orElse("");
            run.write(line.findings(), dep.isEmpty() ? null : dep);
            for (Finding f : line.findings()) {
                Map<String, Object> m = rows.computeIfAbsent(List.of(f.ruleId(), dep), k -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("rule", f.ruleId());
                    r.put("department", dep);
                    r.put("count", 0L);
                    r.put("amountYuan", BigDecimal.ZERO.setScale(2));
                    return r;
                });
                m.merge("count", 1L, (a, b) -> (Long) a + (Long) b);
                m.put("amountYuan", ((BigDecimal) m.get("amountYuan")).add(amount(f, line)));
            }
        }
        run.counted(name, judged);
        rows.values().forEach(m -> m.put("amountYuan", ((BigDecimal) m.get("amountYuan")).toPlainString()));
        run.section("fees").addAll(rows.values());
    }

    /** The 八公开 check of the catalogue's guide columns (read with the catalogue), when it has them. */
    private static void guides(SupervisionRun run) {
        if (!run.absentGuideColumns.isEmpty()) {
            run.notChecked("fees.guides", "事项目录缺少办事指南列 " + run.absentGuideColumns + "：未检查八公开",
                    "the catalogue lacks the guide columns " + run.absentGuideColumns
                            + ": the eight published fields were not checked");
            return;
        }
        List<ServiceGuide> guides = run.items.values().stream().map(CatalogueItem::guide).flatMap(Optional::stream).toList();
        run.write(run.locality.checkGuides(guides, run.asOfDate));
    }

    /** The catalogue item as the fee rules see it (in the centre from its date; charging when it lists standards). */
    private static ServiceItem item(CatalogueItem item) {
        try {
            ServiceItem.Builder b = ServiceItem.builder(item.code(), item.name()).basicCode(item.code())
                    .department(item.department()).statutoryLimit(item.statutory())
                    .promisedLimit(item.promised().orElse(item.statutory()));
            item.inCentreFrom().ifPresent(b::inCentreSince);
            b = item.feeStandards().isEmpty() ? b.noFee(null) : b.fee(String.join("；", item.feeStandards()));
            return b.build();
        } catch (InvalidValueException e) {
            throw new IllegalStateException("catalogue item " + item.code() + " was accepted by the reader: " + e.getMessage(), e);
        }
    }

    /**
     * The rules on the amount of a charge (national pack, fees.drl: at most one of them holds for a charge); the
     * others (collection place and method, exemption evidence) are about the whole charge.
     */
    private static final java.util.Set<String> AMOUNT_RULES = java.util.Set.of("fee.no-legal-basis",
            "fee.free-item-charged", "fee.exemption-not-granted", "fee.over-standard", "fee.under-standard");

    /**
     * The amount a finding is about, from its audit line: for a rule on the amount, the difference between the
     * amount charged and the amount due (all of it when nothing is due or no standard is in force); for another
     * rule, the amount charged.
     */
    static BigDecimal amount(Finding f, FeeAuditLine line) {
        org.approvalrules.api.money.Money charged = line.charge().charged();
        if (!AMOUNT_RULES.contains(f.ruleId())) {
            return charged.yuanAmount();
        }
        org.approvalrules.api.money.Money d = charged.minus(line.due().orElse(org.approvalrules.api.money.Money.ZERO));
        return (d.isNegative() ? d.negate() : d).yuanAmount();
    }
}
