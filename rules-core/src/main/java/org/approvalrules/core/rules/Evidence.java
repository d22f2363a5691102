package org.approvalrules.core.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the evidence map of a finding (the figures its message states) from name/value pairs. */
public final class Evidence {
    private Evidence() {
    }

    /**
     * {@code of("charged", charged, "due", due)}: values as {@link String#valueOf(Object)}; an absent
     * value ({@code null}) leaves its name out.
     *
     * @throws IllegalArgumentException when the pairs do not pair up
     */
    public static Map<String, String> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("evidence needs name/value pairs");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                m.put(String.valueOf(namesAndValues[i]), String.valueOf(namesAndValues[i + 1]));
            }
        }
        return m;
    }
}
