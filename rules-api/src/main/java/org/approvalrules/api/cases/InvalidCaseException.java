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

    /**
     * Re-throws a failure from building one of a case's parts (a step, a special procedure, an extension,
     * a fee) as a failure of the case: the field becomes {@code part + "." + e.field()}, e.g.
     * {@code specialProcedures[1].procedure.resumed}, and the message names the case number.
     *
     * @param caseNumber 办件编号
     * @param part where the part sits in the case, e.g. {@code "specialProcedures[1]"}
     * @param e the part's own failure (its value is kept as is, so it stays masked)
     */
    public static InvalidCaseException inCase(String caseNumber, String part, InvalidValueException e) {
        String prefix = e.field() + ": ";
        String suffix = " (值/value: \"" + e.value() + "\")";
        String m = e.getMessage();
        String reason = m.startsWith(prefix) && m.endsWith(suffix)
                ? m.substring(prefix.length(), m.length() - suffix.length()) : m;
        InvalidCaseException wrapped = new InvalidCaseException(caseNumber, part + "." + e.field(), e.value(), reason);
        wrapped.initCause(e);
        return wrapped;
    }

    /** The case number (办件编号). */
    public String caseNumber() {
        return caseNumber;
    }

    @Override
    public String getMessage() {
        return "办件/case " + org.approvalrules.api.privacy.Masking.mask(caseNumber) + ": " + super.getMessage();
    }
}
