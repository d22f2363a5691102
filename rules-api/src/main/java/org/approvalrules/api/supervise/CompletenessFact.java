package org.approvalrules.api.supervise;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * Evidence that cases are not all recorded (少录不录, 体外循环), computed from a locality's records. Immutable.
 *
 * @param kind what was found
 * @param subject a department code ({@link Kind#CASE_NUMBER_GAP}) or a case number (the others)
 * @param department the department concerned
 * @param date the day the evidence belongs to (last day of the gap's year, the result's day, the decision day)
 * @param count how many case numbers are missing (gap), 1 otherwise
 * @param detail what to look at, e.g. {@code "2026-000117…2026-000119"}, or a time
 */
public record CompletenessFact(Kind kind, String subject, String department, LocalDate date, long count, String detail)
        implements RuleFact {

    /** The kinds of completeness evidence. */
    public enum Kind {
        /** 办件编号断号: numbers missing from a department's sequence within a year. */
        CASE_NUMBER_GAP,
        /** 有办结结果或出证记录而无办件记录. */
        RESULT_WITHOUT_CASE,
        /** 办件在办结之后才录入（补录）. */
        RECORDED_AFTER_DECISION
    }

    public CompletenessFact {
        InvalidValueException.requireNonNull(kind, "completeness.kind");
        ItemCodes.requireText(subject, "completeness.subject");
        ItemCodes.requireText(department, "completeness.department");
        InvalidValueException.requireNonNull(date, "completeness.date");
        InvalidValueException.requireNonNull(detail, "completeness.detail");
        if (count < 1) {
            throw new InvalidValueException("completeness.count", count, "至少为1（" + subject + "）/ must be at least 1 ("
                    + subject + ")");
        }
    }

    /** Whether this is a gap in case numbers. */
    public boolean gap() {
        return kind == Kind.CASE_NUMBER_GAP;
    }

    /** Whether this is a result or certificate without a recorded case. */
    public boolean resultWithoutCase() {
        return kind == Kind.RESULT_WITHOUT_CASE;
    }

    /** Whether this is a case recorded after its decision. */
    public boolean recordedAfterDecision() {
        return kind == Kind.RECORDED_AFTER_DECISION;
    }

    @Override
    public LocalDate factDate() {
        return date;
    }
}
