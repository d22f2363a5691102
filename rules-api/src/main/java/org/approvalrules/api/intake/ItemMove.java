package org.approvalrules.api.intake;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * An entry of the register of items moved into the government service centre (事项进驻清单). Immutable.
 *
 * @param itemCode 实施编码 of the item
 * @param movedIn the first day the item is handled in the centre (进驻日期)
 * @param centreOnly whether, from that day, the item may be accepted only through the centre (its windows,
 *     approved branch centres and online channels); a department-office acceptance is then 明进暗不进
 */
public record ItemMove(String itemCode, LocalDate movedIn, boolean centreOnly) {

    public ItemMove {
        ItemCodes.requireText(itemCode, "itemCode");
        InvalidValueException.requireNonNull(movedIn, "movedIn");
    }
}
