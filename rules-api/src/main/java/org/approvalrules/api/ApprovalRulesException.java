package org.approvalrules.api;

/**
 * Base of every exception the library throws on purpose. Each subtype is one kind of failure the
 * caller can act on, carries structured fields, and has a message in Chinese first, English alongside.
 */
public abstract class ApprovalRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ApprovalRulesException(String message) {
        super(message);
    }

    protected ApprovalRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
