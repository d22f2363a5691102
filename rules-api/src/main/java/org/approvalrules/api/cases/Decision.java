package org.approvalrules.api.cases;

import java.time.LocalDateTime;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;

/**
 * The decision on a case (审批决定). Immutable and thread-safe.
 *
 * @param time 决定时间 (local civil time)
 * @param outcome approved (准予) or refused (不予)
 * @param reasons 理由: required (not blank) on refusal (Art. 38: a refusal states its reasons), may be empty on
 *     approval
 */
public record Decision(LocalDateTime time, Outcome outcome, String reasons) {

    /** 审批结果. */
    public enum Outcome implements Labelled {
        /** 准予许可 / 予以办理. */
        APPROVED("准予", "approved"),
        /** 不予许可 / 不予办理. */
        REFUSED("不予", "refused");

        private final BilingualText label;

        Outcome(String chineseName, String englishName) {
            this.label = BilingualText.of(chineseName, englishName);
        }

        @Override
        public BilingualText label() {
            return label;
        }
    }

    public Decision {
        InvalidValueException.requireNonNull(time, "decision.time");
        InvalidValueException.requireNonNull(outcome, "decision.outcome");
        InvalidValueException.requireNonNull(reasons, "decision.reasons");
        if (outcome == Outcome.REFUSED && reasons.isBlank()) {
            throw new InvalidValueException("decision.reasons", reasons,
                    "不予许可必须说明理由（行政许可法第三十八条）/ a refusal must state its reasons (Art. 38)");
        }
    }

    /** An approval without stated reasons. */
    public static Decision approved(LocalDateTime time) {
        return new Decision(time, Outcome.APPROVED, "");
    }

    /** A refusal with its reasons. */
    public static Decision refused(LocalDateTime time, String reasons) {
        return new Decision(time, Outcome.REFUSED, reasons);
    }
}
