package org.approvalrules.api.fee;

import java.util.List;
import java.util.Optional;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.money.Money;

/**
 * The audit of one {@link ChargeRecord}: what was due by the standard in force on its date, and the findings of
 * the locality's fee rules. A record the audit cannot assess (a standard id the catalogue does not know, a
 * quantity the standard does not count) is not judged: {@code rejected} says why, and it has no findings.
 * Immutable.
 *
 * @param charge the record
 * @param due what is due for it (empty when rejected or when no standard is in force on its date)
 * @param findings the findings (empty when as due, or rejected)
 * @param itemChecked whether the service item was known, so that the item's own checks (是否收费, in the centre
 *     on the date) were made; when false only the standard's checks were
 * @param rejected why the record could not be judged
 */
public record FeeAuditLine(ChargeRecord charge, Optional<Money> due, List<Finding> findings, boolean itemChecked,
        Optional<BilingualText> rejected) {

    public FeeAuditLine {
        InvalidValueException.requireNonNull(charge, "audit.charge");
        InvalidValueException.requireNonNull(due, "audit.due");
        InvalidValueException.requireNonNull(rejected, "audit.rejected");
        findings = List.copyOf(InvalidValueException.requireNonNull(findings, "audit.findings"));
        if (rejected.isPresent() && (!findings.isEmpty() || due.isPresent())) {
            throw new InvalidValueException("audit.rejected", rejected.get(),
                    "被拒记录没有应收金额和问题 / a rejected record has no due amount and no findings");
        }
    }
}
