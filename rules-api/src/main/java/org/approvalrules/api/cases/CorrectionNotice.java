package org.approvalrules.api.cases;

import java.time.LocalDateTime;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;

/**
 * A notice to correct incomplete materials (补正告知, Administrative Licensing Law Art. 32): all
 * corrections must be told in one go, on the spot or within 5 days of receipt, else the case counts as
 * accepted on receipt. Immutable and thread-safe; the containing {@link ApprovalCase} checks the order
 * received ≤ notified ≤ corrected.
 *
 * @param materialsReceived when the incomplete materials were received (材料接收时间)
 * @param notified when the applicant was told what to correct (补正告知时间)
 * @param correctedReceived when the corrected materials arrived (补正材料接收时间); empty while awaited
 */
public record CorrectionNotice(LocalDateTime materialsReceived, LocalDateTime notified,
        Optional<LocalDateTime> correctedReceived) {
    public CorrectionNotice {
        InvalidValueException.requireNonNull(materialsReceived, "correction.materialsReceived");
        InvalidValueException.requireNonNull(notified, "correction.notified");
        InvalidValueException.requireNonNull(correctedReceived, "correction.correctedReceived");
    }
}
