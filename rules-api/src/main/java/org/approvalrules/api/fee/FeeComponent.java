package org.approvalrules.api.fee;

import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * One part of a fee standard that counts one quantity, e.g. the registration fee per piece and the
 * certificate fee (证书工本费) per certificate of 不动产登记费. Immutable and thread-safe.
 *
 * @param id stable id within the standard, e.g. {@code "registration"}, {@code "certificate"}
 * @param name what it is, Chinese first
 * @param quantity what it counts
 * @param formula how the count becomes an amount
 */
public record FeeComponent(String id, BilingualText name, QuantityKind quantity, FeeFormula formula) {
    public FeeComponent {
        FeeIds.require(id, "component.id");
        InvalidValueException.requireNonNull(name, "component.name");
        ItemCodes.requireText(name.zh(), "component.name");
        InvalidValueException.requireNonNull(quantity, "component.quantity");
        InvalidValueException.requireNonNull(formula, "component.formula");
    }
}
