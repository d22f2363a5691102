package org.approvalrules.api.intake;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * A department-end acceptance and the nearest centre-end acceptance of the same applicant and item
 * (the earliest, then lowest case number, of the nearest days), with the two-end window in force on the
 * department-end record's date. Immutable.
 *
 * @param departmentCase the department-end case number, the subject of findings
 * @param departmentDay its acceptance date (the fact's date)
 * @param centreCase the centre-end case number
 * @param centreDay its acceptance date
 * @param itemCode the item
 * @param maskedApplicant the applicant's identifier, masked (never the full identifier)
 * @param windowDays the two-end window in force on {@code departmentDay} (parameter
 *     {@code intake.two-end.window-days})
 */
public record IntakePairFact(String departmentCase, LocalDate departmentDay, String centreCase, LocalDate centreDay,
        String itemCode, String maskedApplicant, int windowDays) implements RuleFact {

    public IntakePairFact {
        ItemCodes.requireText(departmentCase, "pair.departmentCase");
        InvalidValueException.requireNonNull(departmentDay, "pair.departmentDay");
        ItemCodes.requireText(centreCase, "pair.centreCase");
        InvalidValueException.requireNonNull(centreDay, "pair.centreDay");
        ItemCodes.requireText(itemCode, "pair.itemCode");
        ItemCodes.requireText(maskedApplicant, "pair.maskedApplicant");
        if (windowDays < 0) {
            throw new InvalidValueException("pair.windowDays", windowDays, "窗口天数不能为负 / the window must be >= 0 days");
        }
    }

    /** Days between the two acceptances (never negative). */
    public long gapDays() {
        return Math.abs(ChronoUnit.DAYS.between(departmentDay, centreDay));
    }

    @Override
    public String subject() {
        return departmentCase;
    }

    @Override
    public LocalDate factDate() {
        return departmentDay;
    }
}
