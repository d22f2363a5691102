package org.approvalrules.core.fee;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;

/** No fee standard with the id is in force on the date (unknown id, or not yet or no longer in force). */
public final class UnknownFeeStandardException extends InvalidValueException {
    private static final long serialVersionUID = 1L;

    /** The standard {@code id} was asked for on {@code date}. */
    public UnknownFeeStandardException(String id, LocalDate date) {
        super("standardId", id, "该日期（" + date + "）没有生效的收费标准 / no fee standard with this id is in force on " + date);
    }
}
