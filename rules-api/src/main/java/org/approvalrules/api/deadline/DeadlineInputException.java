package org.approvalrules.api.deadline;

import org.approvalrules.api.InvalidValueException;

/**
 * A deadline input is inconsistent (acceptance before application, completion before acceptance,
 * extensions beyond the law…). Names the case id, the field and the offending value.
 */
public class DeadlineInputException extends InvalidValueException {
    private static final long serialVersionUID = 1L;
    private final String caseId;

    /**
     * @param caseId the case (办件编号)
     * @param field the field, e.g. {@code "completed"}
     * @param value the offending value
     * @param reason "中文 / English"
     */
    public DeadlineInputException(String caseId, String field, Object value, String reason) {
        super("case " + caseId + " " + field, value, reason);
        this.caseId = caseId;
    }

    /** The case the input belongs to. */
    public String caseId() {
        return caseId;
    }
}
