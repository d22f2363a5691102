package org.approvalrules.api.cases;

import java.time.LocalDateTime;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * The acceptance of a case (受理): the moment that starts the clock. Immutable and thread-safe.
 *
 * @param time 受理时间 (local civil time of the locality)
 * @param unit 受理单位 (the accepting agency or window)
 * @param staff 受理人员 (who accepted it; compared with the window's authorised staff)
 * @param channel where it was accepted (not a GB/T 39046 field: derived by the embedder from 受理单位 or
 *     the intake system; needed to detect two-end intake)
 */
public record Acceptance(LocalDateTime time, String unit, String staff, AcceptanceChannel channel) {
    public Acceptance {
        InvalidValueException.requireNonNull(time, "acceptance.time");
        ItemCodes.requireText(unit, "acceptance.unit");
        ItemCodes.requireText(staff, "acceptance.staff");
        InvalidValueException.requireNonNull(channel, "acceptance.channel");
    }
}
