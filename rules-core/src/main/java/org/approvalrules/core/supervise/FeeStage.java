package org.approvalrules.core.supervise;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.FeeCharge;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.ExemptionEvidence;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.fee.QuantityKind;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.money.Money;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.records.Rejects;
import org.approvalrules.core.supervise.SupervisionData.CaseRecord;
import org.approvalrules.core.supervise.SupervisionData.CatalogueItem;

/**
 * Fees (收费) through today's entry point, {@code Locality.checkFees}: each row of {@code charges} becomes a
 * {@link FeeCheck} — the case's item from the catalogue (in the centre from {@code in_centre_from}, charging when it
 * lists fee standards), the charge, and the request (the standard's primary quantity as the fee command reads it; for
 * a count of requests in the month, {@code prior_in_month} + {@code quantity}), collected through the centre unless
 * {@code collected_through} is DEPARTMENT or ONLINE — judged one case at a time. A row naming an unknown case or a
 * standard not in force that day is rejected. Without {@code charges} the domain is not checked. The fee domain's own
 * reader (issue #14) replaces this class when it lands.
 */
final class FeeStage implements SupervisionStage {
    static final CsvColumn ID = CsvColumn.required("id", "收费编号");
    static final CsvColumn CASE = CsvColumn.required("case_number", "办件编号");
    static final CsvColumn STANDARD = CsvColumn.required("standard", "收费标准");
    static final CsvColumn DATE = CsvColumn.required("date", "日期");
    static final CsvColumn QUANTITY = CsvColumn.optional("quantity", "数量");
    static final CsvColumn PRIOR = CsvColumn.optional("prior_in_month", "当月已申请");
    static final CsvColumn CATEGORY = CsvColumn.optional("applicant_category", "申请人类别");
    static final CsvColumn EVIDENCE = CsvColumn.optional("evidence", "减免证明");
    static final CsvColumn CHARGED = CsvColumn.required("charged", "实收金额");
    static final CsvColumn THROUGH = CsvColumn.optional("collected_through", "收费方式");
    static final List<CsvColumn> COLUMNS = List.of(ID, CASE, STANDARD, DATE, QUANTITY, PRIOR, CATEGORY, EVIDENCE, CHARGED,
            THROUGH, CsvColumn.optional("place", "收费地点"));

    @Override
    public String domain() {
        return "fees";
    }

    @Override
    public void run(SupervisionRun run) {
        Optional<SupervisionFiles.Source> src = SupervisionFiles.find(run.data, "charges");
        if (src.isEmpty()) {
            run.notChecked(domain(), "无 charges 文件：未检查收费", "no charges file: fees were not checked");
            return;
        }
        Map<String, CaseRecord> cases = new HashMap<>(run.cases.size() * 2);
        run.cases.forEach(c -> cases.put(c.number(), c));
        Map<String, List<FeeCheck>> byCase = new LinkedHashMap<>();
        Rejects rejects = run.rejectsOf(src.get().name());
        long n = SupervisionFiles.read(src.get(), COLUMNS, rejects, row -> {
            FeeCheck check = check(run, cases, row);
            byCase.computeIfAbsent(check.subject(), k -> new ArrayList<>()).add(check);
        });
        run.counted(src.get().name(), n);
        Map<List<String>, Map<String, Object>> rows = new LinkedHashMap<>();
        for (List<FeeCheck> checks : byCase.values()) {
            List<Finding> found = run.locality.checkFees(checks);
            run.write(found);
            String dep = cases.get(checks.get(0).subject()).department();
            for (Finding f : found) {
                Map<String, Object> m = rows.computeIfAbsent(List.of(f.ruleId(), dep), k -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("rule", f.ruleId());
                    r.put("department", dep);
                    r.put("count", 0L);
                    r.put("amountYuan", BigDecimal.ZERO.setScale(2));
                    return r;
                });
                m.merge("count", 1L, (a, b) -> (Long) a + (Long) b);
                m.put("amountYuan", ((BigDecimal) m.get("amountYuan")).add(amount(f)));
            }
        }
        rows.values().forEach(m -> m.put("amountYuan", ((BigDecimal) m.get("amountYuan")).toPlainString()));
        run.section("fees").addAll(rows.values());
    }

    /** The amount a finding is about: charged − due when both are given, else the amount charged, else 0. */
    private static BigDecimal amount(Finding f) {
        Map<String, String> e = f.evidence();
        try {
            if (e.containsKey("charged") && e.containsKey("due")) {
                return new BigDecimal(e.get("charged")).subtract(new BigDecimal(e.get("due"))).abs().setScale(2);
            }
            return e.containsKey("charged") ? new BigDecimal(e.get("charged")).setScale(2) : BigDecimal.ZERO.setScale(2);
        } catch (NumberFormatException ex) {
            return BigDecimal.ZERO.setScale(2);
        }
    }

    private static FeeCheck check(SupervisionRun run, Map<String, CaseRecord> cases, SupervisionFiles.Row row) {
        row.require(ID);
        String caseNumber = row.require(CASE);
        CaseRecord c = cases.get(caseNumber);
        if (c == null) {
            throw row.error(CASE, caseNumber, "cases 中无此办件 / no such case in cases");
        }
        CatalogueItem item = run.items.get(c.item());
        if (item == null) {
            throw row.error(CASE, caseNumber, "该办件的事项不在事项目录中 / the case's item is not in the catalogue");
        }
        String standard = row.require(STANDARD);
        java.time.LocalDate date = Values.date(row, DATE).orElseThrow();
        FeeStandard s = run.locality.feeStandard(standard, date).orElseThrow(() -> row.error(STANDARD, standard,
                "该日期没有生效的此收费标准 / no fee standard with this id in force that day"));
        Map<QuantityKind, Integer> quantities = new EnumMap<>(QuantityKind.class);
        Optional<Integer> q = Values.integer(row, QUANTITY, 0, FeeRequest.MAX_QUANTITY);
        int prior = Values.integer(row, PRIOR, 0, FeeRequest.MAX_QUANTITY).orElse(0);
        QuantityKind primary = s.primaryQuantity();
        if (q.isPresent()) {
            quantities.put(primary, primary == QuantityKind.REQUESTS_IN_MONTH ? prior + q.get() : q.get());
        }
        ApplicantCategory category = Values.enumeration(row, CATEGORY, ApplicantCategory.class)
                .orElse(ApplicantCategory.INDIVIDUAL);
        Set<ExemptionEvidence> evidence = EnumSet.noneOf(ExemptionEvidence.class);
        for (String e : Values.list(row, EVIDENCE)) {
            try {
                evidence.add(ExemptionEvidence.valueOf(e));
            } catch (IllegalArgumentException ex) {
                throw row.error(EVIDENCE, e, "未知减免证明，应为 / unknown evidence, expected one of "
                        + java.util.Arrays.toString(ExemptionEvidence.values()));
            }
        }
        AcceptanceChannel through = switch (row.optional(THROUGH).orElse("UNIFIED")) {
            case "DEPARTMENT", "部门", "部门收费" -> AcceptanceChannel.DEPARTMENT;
            case "ONLINE", "网上", "网上缴费" -> AcceptanceChannel.ONLINE;
            default -> AcceptanceChannel.CENTRE_WINDOW;
        };
        Money charged;
        try {
            charged = Money.of(row.require(CHARGED));
        } catch (InvalidValueException e) {
            throw row.error(CHARGED, row.require(CHARGED), e.getMessage());
        }
        try {
            ServiceItem.Builder b = ServiceItem.builder(item.code(), item.name()).basicCode(item.code())
                    .department(item.department()).statutoryLimit(item.statutory())
                    .promisedLimit(item.promised().orElse(item.statutory()));
            item.inCentreFrom().ifPresent(b::inCentreSince);
            b = item.feeStandards().isEmpty() ? b.noFee(null) : b.fee(s.legalBasis());
            return new FeeCheck(caseNumber, b.build(), FeeCharge.of(standard, charged),
                    new FeeRequest(standard, quantities, category, evidence, date), through);
        } catch (InvalidValueException e) {
            throw new DataFormatException(row.file(), row.line(), e.field(), e.value(), e.getMessage(), e);
        }
    }
}
