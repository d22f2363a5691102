package org.approvalrules.api.deadline;

/**
 * The extensions of a case add up to more than Art. 42 allows (10 working days; 15 for
 * joint/centralised handling), or mix the two bases.
 */
public class ExtensionLimitException extends DeadlineInputException {
    private static final long serialVersionUID = 1L;

    public ExtensionLimitException(String caseId, Object value, String reason) {
        super(caseId, "extensions", value, reason);
    }
}
