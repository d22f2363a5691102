package org.approvalrules.api;

import java.math.BigDecimal;

/**
 * Exact comparison of a ratio of two counts with a decimal target, the one way the facts compare rates, averages
 * and shares with their parameters: {@code numerator / denominator} against {@code value} is decided by the sign of
 * {@code numerator − value × denominator}, so no division and no rounding can move a figure across its target
 * (e.g. 2/3 against 0.6667). Callers guarantee {@code denominator > 0}.
 */
public final class ExactRatio {
    private ExactRatio() {
    }

    /**
     * Negative, zero or positive as {@code numerator / denominator} is below, equal to or above {@code value}
     * (for {@code denominator > 0}).
     *
     * @throws InvalidValueException when {@code value} is null
     */
    public static int compare(long numerator, long denominator, BigDecimal value) {
        InvalidValueException.requireNonNull(value, "value");
        return BigDecimal.valueOf(numerator).compareTo(value.multiply(BigDecimal.valueOf(denominator)));
    }
}
