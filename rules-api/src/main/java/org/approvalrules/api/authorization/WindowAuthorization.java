package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * What a department has delegated to its window in the centre for one service item (窗口授权), by a
 * delegation document, from a date. A later authorization of the same department and item replaces
 * an earlier one from its own date (a withdrawal is an authorization with fewer powers). Immutable and
 * thread-safe.
 *
 * @param department 进驻部门 (as named in the centre's tables)
 * @param itemCode 实施编码 of the item
 * @param powers the delegated powers (may be empty: the item is in the centre but nothing is delegated)
 * @param document 授权文件 (document number or title)
 * @param effectiveFrom first day the delegation is in force
 */
public record WindowAuthorization(String department, String itemCode, Set<Power> powers, String document,
        LocalDate effectiveFrom) {

    public WindowAuthorization {
        ItemCodes.requireText(department, "authorization.department");
        ItemCodes.requireCode(itemCode, "authorization.itemCode");
        InvalidValueException.requireNonNull(powers, "authorization.powers");
        if (powers.contains(null)) {
            throw new InvalidValueException("authorization.powers", powers, "不能包含空值 / must not contain null");
        }
        powers = powers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(powers));
        ItemCodes.requireText(document, "authorization.document");
        InvalidValueException.requireNonNull(effectiveFrom, "authorization.effectiveFrom");
    }

    /** Whether this authorization is in force on {@code date} (from {@link #effectiveFrom()} on). */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom);
    }

    /** Whether {@code power} is delegated by this authorization. */
    public boolean delegates(Power power) {
        return powers.contains(power);
    }
}
