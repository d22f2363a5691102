package org.approvalrules.api.cases;

import java.time.LocalDateTime;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;

/**
 * Delivery of the result to the applicant (办理结果送达; Art. 44: within 10 working days of the decision).
 * Immutable and thread-safe.
 *
 * @param time 送达时间 (local civil time)
 * @param certificateNumber 结果证照编号 (licence or certificate number), empty when the result is not a certificate
 *     (e.g. a refusal letter)
 */
public record Delivery(LocalDateTime time, Optional<String> certificateNumber) {
    public Delivery {
        InvalidValueException.requireNonNull(time, "delivery.time");
        InvalidValueException.requireNonNull(certificateNumber, "delivery.certificateNumber");
        if (certificateNumber.isPresent() && certificateNumber.get().isBlank()) {
            throw new InvalidValueException("delivery.certificateNumber", certificateNumber.get(),
                    "结果证照编号不能为空白 / a certificate number must not be blank");
        }
    }
}
