package org.approvalrules.api.fee;

import java.util.Optional;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.money.Money;

/**
 * One line of an assessment: units {@code fromUnit..toUnit} of one component at one rate, and what is due
 * for them after any exemption. Explains itself: the component, the band, the exemption, the reference.
 * Immutable and thread-safe.
 *
 * @param componentId the component, see {@link FeeComponent#id()}
 * @param description e.g. {@code 第11至30件，每件100.00元 / requests 11 to 30 at 100.00 each}
 * @param quantity what the units are
 * @param fromUnit first unit of the line (1-based)
 * @param toUnit last unit of the line, at least {@code fromUnit}
 * @param rate what each unit costs by the standard
 * @param amount {@code rate × units} by the standard
 * @param exemptionCode the exemption that waived the line, empty when none
 * @param due what is due for the line: {@code amount}, or zero when exempted
 * @param reference the document the line rests on (the exemption's when exempted, else the standard's)
 */
public record FeeLine(String componentId, BilingualText description, QuantityKind quantity, int fromUnit, int toUnit,
        Money rate, Money amount, Optional<String> exemptionCode, Money due, String reference) {

    public FeeLine {
        InvalidValueException.requireNonNull(componentId, "line.componentId");
        InvalidValueException.requireNonNull(description, "line.description");
        InvalidValueException.requireNonNull(quantity, "line.quantity");
        InvalidValueException.requireNonNull(rate, "line.rate");
        InvalidValueException.requireNonNull(amount, "line.amount");
        InvalidValueException.requireNonNull(exemptionCode, "line.exemptionCode");
        InvalidValueException.requireNonNull(due, "line.due");
        InvalidValueException.requireNonNull(reference, "line.reference");
        if (fromUnit < 1 || toUnit < fromUnit) {
            throw new InvalidValueException("line.units", fromUnit + ".." + toUnit, "单位区间无效 / invalid unit range");
        }
        if (!amount.equals(rate.times(toUnit - fromUnit + 1))) {
            throw new InvalidValueException("line.amount", amount, "金额须等于单价×数量 / amount must be rate × units");
        }
        if (!due.equals(exemptionCode.isPresent() ? Money.ZERO : amount)) {
            throw new InvalidValueException("line.due", due, "应收须为金额，减免时为零 / due is the amount, or zero when exempted");
        }
    }

    /** How many units the line covers. */
    public int units() {
        return toUnit - fromUnit + 1;
    }
}
