package org.approvalrules.core.kpi;

import org.approvalrules.api.InvalidValueException;

/**
 * A KPI as numerator over denominator, so a supervisor can check it (and add it up across offices).
 * Immutable and thread-safe; {@code toString()} is {@code "87/100 (87.0%)"}.
 *
 * @param numerator what counted
 * @param denominator out of how many (0 means "no cases": {@link #value()} is NaN)
 */
public record Ratio(long numerator, long denominator) {

    public Ratio {
        if (denominator < 0) {
            throw new InvalidValueException("denominator", denominator, "分母不能为负 / denominator must not be negative");
        }
    }

    /** numerator / denominator, NaN when the denominator is 0. */
    public double value() {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    /** This ratio plus another (numerators and denominators added). */
    public Ratio plus(Ratio other) {
        return new Ratio(numerator + other.numerator, denominator + other.denominator);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator + (denominator == 0 ? " (—)" : String.format(" (%.1f%%)", 100 * value()));
    }
}
