package org.approvalrules.api.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import org.approvalrules.api.ExactRatio;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * One month of one item in the move-in register: its cases accepted at the department end and at the centre end on or
 * after its move-in date (each case number counted once). The volume signal compares the department's share with a
 * dated parameter. Immutable.
 *
 * @param itemCode 实施编码
 * @param month the month
 * @param department cases accepted at the department end
 * @param centre cases accepted at the centre end
 */
public record IntakeVolumeFact(String itemCode, YearMonth month, long department, long centre) implements RuleFact {

    public IntakeVolumeFact {
        ItemCodes.requireText(itemCode, "volume.itemCode");
        InvalidValueException.requireNonNull(month, "volume.month");
        if (department < 0 || centre < 0) {
            throw new InvalidValueException("volume.count", Math.min(department, centre), "件数不能为负 / counts must be >= 0");
        }
    }

    /** Cases at both ends. */
    public long total() {
        return department + centre;
    }

    /** The department end's share of the cases (0 when there are none), to four places. */
    public BigDecimal departmentShare() {
        return total() == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(department).divide(BigDecimal.valueOf(total()), 4, RoundingMode.HALF_UP);
    }

    /** Whether the department's share is above {@code share} (exactly: department / total > share). */
    public boolean above(BigDecimal share) {
        return total() > 0 && ExactRatio.compare(department, total(), share) > 0;
    }

    @Override
    public String subject() {
        return itemCode + "@" + month;
    }

    /** The first day of the month: parameters are read on it. */
    @Override
    public LocalDate factDate() {
        return month.atDay(1);
    }
}
