package org.approvalrules.api.intake;

import java.time.LocalDateTime;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;
import org.approvalrules.api.item.ItemCodes;

/**
 * A result or certificate issued for a case (办结 / 出证), from a results register ({@code results.csv}). The
 * intake rules compare it with the case's acceptance records (体外循环) and with where its steps happened (前店后厂).
 * Immutable.
 *
 * @param caseNumber 办件编号
 * @param itemCode 实施编码
 * @param kind result (办结) or certificate (出证)
 * @param place where it was issued
 * @param issuedAt when (local time of the locality)
 */
public record ResultRecord(String caseNumber, String itemCode, Kind kind, HandlingPlace place, LocalDateTime issuedAt) {

    public ResultRecord {
        ItemCodes.requireText(caseNumber, "result.caseNumber");
        ItemCodes.requireText(itemCode, "result.itemCode");
        InvalidValueException.requireNonNull(kind, "result.kind");
        InvalidValueException.requireNonNull(place, "result.place");
        InvalidValueException.requireNonNull(issuedAt, "result.issuedAt");
    }

    /** What was issued. */
    public enum Kind implements Labelled {
        /** 办结: the decision (result) of the case. */
        RESULT("办结", "result"),
        /** 出证: a licence or certificate. */
        CERTIFICATE("出证", "certificate");

        private final BilingualText label;

        Kind(String zh, String en) {
            this.label = BilingualText.of(zh, en);
        }

        @Override
        public BilingualText label() {
            return label;
        }

        /** The kind {@code text} names by constant name (any case) or Chinese name, or null. */
        public static Kind parse(String text) {
            return Labelled.byName(Kind.class, text);
        }
    }
}
