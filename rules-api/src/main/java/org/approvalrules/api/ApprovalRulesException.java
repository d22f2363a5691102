package org.approvalrules.api;

import org.approvalrules.api.privacy.Masking;

/**
 * Base of every exception the library throws on purpose. Each subtype is one kind of failure the
 * caller can act on, carries structured fields, and has a message in Chinese first, English alongside.
 *
 * <p>The message always goes through {@link Masking#mask(CharSequence)}: an identifier that a caller put into
 * a message (a shifted CSV column, a raw value) never reaches a log or a terminal in full.
 */
public abstract class ApprovalRulesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ApprovalRulesException(String message) {
        super(Masking.mask(message));
    }

    protected ApprovalRulesException(String message, Throwable cause) {
        super(Masking.mask(message), cause);
    }

    /**
     * For a subtype that builds its message from parts it has masked itself with {@link Masking#mask}
     * (so numbers such as line numbers stay readable): the message is used as given.
     */
    protected ApprovalRulesException(Throwable cause, String maskedMessage) {
        super(maskedMessage, cause);
    }
}
