package org.approvalrules.api.fee;

import java.util.regex.Pattern;
import org.approvalrules.api.InvalidValueException;

/**
 * The ids of fee standards, components and exemptions: lower-case ASCII words joined by {@code '.'} or
 * {@code '-'}, e.g. {@code real-estate.residential}, so that they can be part of parameter ids
 * ({@code fee.real-estate.residential.registration.per-unit}).
 */
public final class FeeIds {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    private FeeIds() {
    }

    /** Returns {@code id} when well formed, else throws naming {@code field}. */
    public static String require(String id, String field) {
        InvalidValueException.requireNonNull(id, field);
        if (id.length() > 80 || !ID.matcher(id).matches()) {
            throw new InvalidValueException(field, id, "编号须为小写字母、数字，以“.”或“-”连接，如 real-estate.residential / an id "
                    + "is lower-case ASCII words joined by '.' or '-', e.g. real-estate.residential");
        }
        return id;
    }

    /** Whether {@code id} is well formed. */
    public static boolean isWellFormed(String id) {
        return id != null && id.length() <= 80 && ID.matcher(id).matches();
    }
}
