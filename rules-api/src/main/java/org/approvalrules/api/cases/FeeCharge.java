package org.approvalrules.api.cases;

import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.money.Money;

/**
 * A fee charged on a case (收费). Immutable and thread-safe.
 *
 * @param standardId 收费项目 / 收费标准 id (which published fee item and standard was applied, e.g.
 *     {@code "不动产登记费-住宅"}); matched against the fee rules
 * @param amount 收费金额 (old exchange field SFJE), zero when fully exempt, never negative
 * @param exemptionCode 减免依据 code (e.g. small and micro enterprise exemption), empty when none applied
 */
public record FeeCharge(String standardId, Money amount, Optional<String> exemptionCode) {
    public FeeCharge {
        ItemCodes.requireText(standardId, "fee.standardId");
        InvalidValueException.requireNonNull(amount, "fee.amount");
        InvalidValueException.requireNonNull(exemptionCode, "fee.exemptionCode");
        if (amount.isNegative()) {
            throw new InvalidValueException("fee.amount", amount, "收费金额不能为负 / a fee must not be negative");
        }
        if (exemptionCode.isPresent() && exemptionCode.get().isBlank()) {
            throw new InvalidValueException("fee.exemptionCode", exemptionCode.get(),
                    "减免代码不能为空白 / an exemption code must not be blank");
        }
    }

    /** A fee without exemption. */
    public static FeeCharge of(String standardId, Money amount) {
        return new FeeCharge(standardId, amount, Optional.empty());
    }
}
