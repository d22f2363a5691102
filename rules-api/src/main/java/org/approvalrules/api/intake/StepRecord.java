package org.approvalrules.api.intake;

import java.time.LocalDateTime;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.item.ItemCodes;

/**
 * One step of a case (办理环节) as exported to {@code steps.csv}: which power was exercised, where and when. The
 * intake rules use the places of the review and approval steps (前店后厂). Immutable.
 *
 * @param caseNumber 办件编号
 * @param itemCode 实施编码
 * @param step the power exercised in the step (环节)
 * @param place where it happened
 * @param at when (local time)
 */
public record StepRecord(String caseNumber, String itemCode, Power step, HandlingPlace place, LocalDateTime at) {

    public StepRecord {
        ItemCodes.requireText(caseNumber, "step.caseNumber");
        ItemCodes.requireText(itemCode, "step.itemCode");
        InvalidValueException.requireNonNull(step, "step.step");
        InvalidValueException.requireNonNull(place, "step.place");
        InvalidValueException.requireNonNull(at, "step.at");
    }

    /** Whether the step decides the case: review (审核) or approval (审批). */
    public boolean decision() {
        return step == Power.REVIEW || step == Power.APPROVAL;
    }
}
