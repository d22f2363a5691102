package org.approvalrules.api.authorization;

import java.time.LocalDateTime;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * One recorded step of a case (steps.csv): which power it exercised, who, where and when. Immutable.
 *
 * @param caseNumber 办件编号
 * @param itemCode 实施编码
 * @param step 环节, the power exercised (acceptance, review, approval, certification, delivery …)
 * @param staffId 人员编号 of who performed it
 * @param place 地点
 * @param window 窗口, when performed at a window
 * @param at 时间 (Asia/Shanghai local time)
 */
public record StepRecord(String caseNumber, String itemCode, Power step, String staffId, StepPlace place,
        Optional<String> window, LocalDateTime at) {

    public StepRecord {
        ItemCodes.requireText(caseNumber, "step.caseNumber");
        ItemCodes.requireCode(itemCode, "step.itemCode");
        InvalidValueException.requireNonNull(step, "step.step");
        ItemCodes.requireText(staffId, "step.staffId");
        InvalidValueException.requireNonNull(place, "step.place");
        InvalidValueException.requireNonNull(window, "step.window");
        InvalidValueException.requireNonNull(at, "step.at");
    }
}
