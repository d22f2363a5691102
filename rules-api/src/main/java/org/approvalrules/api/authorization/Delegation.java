package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * One power of one item delegated by a department to its window in the centre (窗口授权), by a document,
 * for a period. Immutable.
 *
 * @param department 部门编码 of the delegating department
 * @param itemCode 实施编码
 * @param power the power delegated
 * @param document 授权文件 (number or title)
 * @param from first day in force
 * @param to last day in force, empty while it lasts
 */
public record Delegation(String department, String itemCode, Power power, String document, LocalDate from,
        Optional<LocalDate> to) {

    public Delegation {
        ItemCodes.requireText(department, "delegation.department");
        ItemCodes.requireCode(itemCode, "delegation.itemCode");
        InvalidValueException.requireNonNull(power, "delegation.power");
        ItemCodes.requireText(document, "delegation.document");
        InvalidValueException.requireNonNull(from, "delegation.from");
        InvalidValueException.requireNonNull(to, "delegation.to");
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new InvalidValueException("delegation.to", to.get(),
                    "截止日期早于生效日期 " + from + " / ends before it starts (" + from + ")");
        }
    }

    /** Whether the delegation is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && to.map(t -> !date.isAfter(t)).orElse(true);
    }

    /** Whether this and {@code other} concern the same item and power and share at least one day. */
    public boolean overlaps(Delegation other) {
        return itemCode.equals(other.itemCode) && power == other.power
                && !to.map(t -> t.isBefore(other.from)).orElse(false)
                && !other.to.map(t -> t.isBefore(from)).orElse(false);
    }
}
