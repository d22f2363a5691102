package org.approvalrules.api.cases;

import org.approvalrules.api.InvalidValueException;

/**
 * An approval case's record is inconsistent (events out of order, a field missing). Names the case
 * number (办件编号) as well as the field and value, so a batch import can point at the offending record.
 */
public class InvalidCaseException extends InvalidValueException {
    private static final long serialVersionUID = 1L;
    private final String caseNumber;

    /**
     * @param caseNumber 办件编号 of the offending case
     * @param field the field, e.g. {@code "acceptance.time"}
     * @param value the offending value
     * @param reason "中文 / English"
     */
    public InvalidCaseException(String caseNumber, String field, Object value, String reason) {
        super(field, value, reason);
        this.caseNumber = caseNumber;
    }

    /** The case number (办件编号). */
    public String caseNumber() {
        return caseNumber;
    }

    @Override
    public String getMessage() {
        return "办件/case " + caseNumber + ": " + super.getMessage();
    }
}
