package org.approvalrules.core.fee;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.FeeCharge;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.fee.ChargeRecord;
import org.approvalrules.api.fee.CollectionMethod;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.api.fee.FeeAuditLine;
import org.approvalrules.api.fee.FeeChargeFact;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.fee.QuantityKind;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.core.rules.FactJudge;

/**
 * The audit of a fee register: each {@link ChargeRecord} assessed with the standard in force on its date and judged
 * by the locality's fee rules, one {@link FeeAuditLine} per record in the order given. One case's charges are taken
 * together (a second charge in an exclusive group: 信息处理费 by request and by page). A record naming a standard the
 * catalogue does not know, or giving a quantity the standard does not count, is rejected with the reason and not
 * judged. When the service item of a record is not known, the item's own checks (是否收费, in the centre on the
 * date, collection) are not made and the line says so ({@link FeeAuditLine#itemChecked()}). Immutable and thread-safe.
 */
public final class FeeAuditor {
    private final FeeParameters schedule;
    private final FeeChecker checker;
    private final FactJudge rules;

    /** An auditor assessing with {@code schedule} and judging with {@code rules}. */
    public FeeAuditor(FeeParameters schedule, FactJudge rules) {
        this.schedule = InvalidValueException.requireNonNull(schedule, "schedule");
        this.checker = new FeeChecker(new FeeCalculator(schedule));
        this.rules = InvalidValueException.requireNonNull(rules, "rules");
    }

    /**
     * The audit of {@code charges}; {@code items} gives the service item of a record when known (e.g. through the
     * case's item code in the catalogue).
     */
    public List<FeeAuditLine> audit(List<ChargeRecord> charges, Function<ChargeRecord, Optional<ServiceItem>> items) {
        InvalidValueException.requireNonNull(charges, "charges");
        InvalidValueException.requireNonNull(items, "items");
        FeeAuditLine[] out = new FeeAuditLine[charges.size()];
        Map<String, List<Integer>> byCase = new LinkedHashMap<>();
        List<FeeCheck> checks = new ArrayList<>();
        boolean[] itemKnown = new boolean[charges.size()];
        for (int i = 0; i < charges.size(); i++) {
            ChargeRecord c = InvalidValueException.requireNonNull(charges.get(i), "charges[" + i + "]");
            checks.add(null);
            if (schedule.catalog().standard(c.standardId()).isEmpty()) {
                out[i] = rejected(c, BilingualText.of("未知收费标准 " + c.standardId() + "，可选 " + ids(),
                        "unknown fee standard " + c.standardId() + "; known: " + ids()));
                continue;
            }
            Optional<ServiceItem> item = InvalidValueException.requireNonNull(items.apply(c), "item");
            itemKnown[i] = item.isPresent();
            FeeCheck check = check(c, item.orElseGet(() -> unknownItem(c)), item.isPresent());
            try {
                checker.fact(check);
            } catch (InvalidValueException e) {
                out[i] = rejected(c, BilingualText.of(e.getMessage(), e.getMessage()));
                continue;
            }
            checks.set(i, check);
            byCase.computeIfAbsent(c.caseNumber().orElse("\u0000" + i), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> group : byCase.values()) {
            List<FeeChargeFact> facts = checker.facts(group.stream().map(checks::get).toList());
            for (int k = 0; k < group.size(); k++) {
                int i = group.get(k);
                FeeChargeFact f = facts.get(k);
                out[i] = new FeeAuditLine(charges.get(i), f.assessment().map(FeeAssessment::due), rules.judge(List.of(f)),
                        itemKnown[i], Optional.empty());
            }
        }
        return List.of(out);
    }

    private String ids() {
        return String.join(", ", schedule.catalog().standards().stream().map(FeeCatalog.StandardDefinition::id).toList());
    }

    private static FeeAuditLine rejected(ChargeRecord c, BilingualText why) {
        return new FeeAuditLine(c, Optional.empty(), List.of(), false, Optional.of(why));
    }

    /** The check of one record against {@code item} (where and how it was collected only when the item is known). */
    private FeeCheck check(ChargeRecord c, ServiceItem item, boolean known) {
        Optional<FeeStandard> standard = schedule.standard(c.standardId(), c.date());
        Map<QuantityKind, Integer> quantities = new LinkedHashMap<>();
        int prior = 0;
        if (standard.isPresent()) {
            QuantityKind main = standard.get().primaryQuantity();
            if (c.quantity().isPresent()) {
                quantities.put(main, c.quantity().get());
            } else if (main == QuantityKind.REQUESTS) {
                quantities.put(main, 1);
            }
            prior = c.priorInMonth();
        }
        FeeRequest request = new FeeRequest(c.standardId(), quantities, c.applicant(), c.evidence(), c.date(), prior);
        AcceptanceChannel where = c.place().orElse(c.collectedThrough().filter(m -> m == CollectionMethod.DEPARTMENT)
                .map(m -> AcceptanceChannel.DEPARTMENT).orElse(AcceptanceChannel.CENTRE_WINDOW));
        return new FeeCheck(c.subject(), item, FeeCharge.of(c.standardId(), c.charged()), request,
                known ? where : AcceptanceChannel.CENTRE_WINDOW, known ? c.collectedThrough() : Optional.empty());
    }

    /** Stands for an item not known: it charges a fee and was never in the centre, so no item check can fire. */
    private static ServiceItem unknownItem(ChargeRecord c) {
        return ServiceItem.builder("UNKNOWN", "未知事项 / unknown item").basicCode("UNKNOWN").department("UNKNOWN")
                .statutoryLimit(TimeLimit.workingDays(20)).promisedLimit(TimeLimit.workingDays(20))
                .fee("收费标准 " + c.standardId()).build();
    }
}
