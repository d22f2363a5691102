package org.approvalrules.api.cases;

import java.time.LocalDateTime;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.item.ItemCodes;

/**
 * One step of a case's handling (办理环节), e.g. 审核, 审批, 制证. Immutable and thread-safe.
 * The containing {@link ApprovalCase} checks that a step does not end before it starts.
 *
 * @param name 环节名称
 * @param handler 处理人 (the person who acted; compared with the window persons authorised for the item and power)
 * @param start 环节开始时间 (local civil time)
 * @param end 环节结束时间; empty while the step is open
 * @param power the window power exercised in this step ({@link Power}), empty for steps that exercise none
 *     (e.g. payment); mapped by the embedder from 环节名称
 */
public record CaseStep(String name, String handler, LocalDateTime start, Optional<LocalDateTime> end,
        Optional<Power> power) {
    public CaseStep {
        ItemCodes.requireText(name, "step.name");
        ItemCodes.requireText(handler, "step.handler");
        InvalidValueException.requireNonNull(start, "step.start");
        InvalidValueException.requireNonNull(end, "step.end");
        InvalidValueException.requireNonNull(power, "step.power");
    }

    /** A finished step that exercised {@code power}. */
    public static CaseStep of(String name, String handler, LocalDateTime start, LocalDateTime end, Power power) {
        return new CaseStep(name, handler, start, Optional.of(end), Optional.of(power));
    }
}
