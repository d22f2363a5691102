package org.approvalrules.api.fee;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.money.Money;

/**
 * One recorded charge as a fee register lists it (a line of {@code charges.csv}, docs/FEES.md "Audit"):
 * what was charged under which standard, for what quantity, to whom, with what on file, and how. The audit
 * ({@code ApprovalRules.Locality#auditFees}) assesses it with the standard in force on its date. Immutable.
 *
 * @param id 收费编号, unique in the register
 * @param line the line of the register it was read from (0 when not read from a file)
 * @param caseNumber 办件编号, when known (one case's charges are judged together)
 * @param standardId 收费标准
 * @param date the date whose standard applies (the case's acceptance date)
 * @param quantity the standard's main count ({@link FeeStandard#primaryQuantity()}: certificates, requests,
 *     pages or pieces); empty for the default (one piece, one request)
 * @param priorInMonth 当月已申请: the applicant's earlier requests that month, for a standard counted per
 *     applicant per month; 0 otherwise
 * @param applicant 申请人类别
 * @param evidence 减免证明 on file (may be empty)
 * @param charged 实收金额, yuan, whole fen, not negative
 * @param collectedThrough 收费方式, when recorded
 * @param place 收费地点, when recorded
 */
public record ChargeRecord(String id, int line, Optional<String> caseNumber, String standardId, LocalDate date,
        Optional<Integer> quantity, int priorInMonth, ApplicantCategory applicant, Set<ExemptionEvidence> evidence,
        Money charged, Optional<CollectionMethod> collectedThrough, Optional<AcceptanceChannel> place) {

    public ChargeRecord {
        ItemCodes.requireText(id, "charge.id");
        ItemCodes.requireText(standardId, "charge.standard");
        InvalidValueException.requireNonNull(caseNumber, "charge.caseNumber");
        InvalidValueException.requireNonNull(date, "charge.date");
        InvalidValueException.requireNonNull(quantity, "charge.quantity");
        InvalidValueException.requireNonNull(applicant, "charge.applicantCategory");
        InvalidValueException.requireNonNull(evidence, "charge.evidence");
        InvalidValueException.requireNonNull(charged, "charge.charged");
        InvalidValueException.requireNonNull(collectedThrough, "charge.collectedThrough");
        InvalidValueException.requireNonNull(place, "charge.place");
        if (line < 0) {
            throw new InvalidValueException("charge.line", line, "行号不能为负 / a line number must not be negative");
        }
        quantity.ifPresent(q -> {
            if (q < 0 || q > FeeRequest.MAX_QUANTITY) {
                throw new InvalidValueException("charge.quantity", q,
                        "数量须在0至" + FeeRequest.MAX_QUANTITY + "之间 / a quantity must be 0.." + FeeRequest.MAX_QUANTITY);
            }
        });
        if (priorInMonth < 0 || priorInMonth > FeeRequest.MAX_QUANTITY) {
            throw new InvalidValueException("charge.priorInMonth", priorInMonth,
                    "当月已申请件数须在0至" + FeeRequest.MAX_QUANTITY + "之间 / prior requests must be 0.." + FeeRequest.MAX_QUANTITY);
        }
        if (charged.isNegative()) {
            throw new InvalidValueException("charge.charged", charged, "实收金额不能为负 / the amount charged must not be negative");
        }
        evidence = evidence.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(evidence));
    }

    /** The subject findings are about: the case number, else the charge id. */
    public String subject() {
        return caseNumber.orElse(id);
    }
}
