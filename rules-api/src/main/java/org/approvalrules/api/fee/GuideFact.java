package org.approvalrules.api.fee;

import java.time.LocalDate;
import java.util.List;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * A service guide as the 八公开 rule sees it: the item and the fields it does not publish (from the Jakarta
 * Validation of its {@link ServiceGuide}). Immutable.
 *
 * @param itemCode 实施编码
 * @param department 部门编码 (may be blank)
 * @param missing the fields not published, each {@code 中文 / English}, in a stable order
 * @param asOf the date of the check
 */
public record GuideFact(String itemCode, String department, List<BilingualText> missing, LocalDate asOf) implements RuleFact {

    public GuideFact {
        ItemCodes.requireText(itemCode, "guide.itemCode");
        InvalidValueException.requireNonNull(department, "guide.department");
        missing = List.copyOf(InvalidValueException.requireNonNull(missing, "guide.missing"));
        InvalidValueException.requireNonNull(asOf, "guide.asOf");
    }

    /** Whether any of the eight fields is not published. */
    public boolean incomplete() {
        return !missing.isEmpty();
    }

    /** The missing fields in Chinese, e.g. {@code 设定依据、收费标准}. */
    public String missingZh() {
        return String.join("、", missing.stream().map(BilingualText::zh).toList());
    }

    /** The missing fields in English. */
    public String missingEn() {
        return String.join(", ", missing.stream().map(BilingualText::en).toList());
    }

    @Override
    public String subject() {
        return itemCode;
    }

    @Override
    public LocalDate factDate() {
        return asOf;
    }
}
