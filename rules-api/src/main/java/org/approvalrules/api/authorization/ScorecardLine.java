package org.approvalrules.api.authorization;

import java.math.BigDecimal;
import java.util.Optional;
import org.approvalrules.api.ExactRatio;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * One line of a locality's scorecard (e.g. Deyang's "590": 5个100%、1个90%和1个0), from the dated parameter
 * {@code authorization.scorecard}: a measure, its target, and the value measured from the records, or
 * none when the authorization records cannot measure it (then it is reported as not measured, never as met).
 * Immutable.
 *
 * @param measure the measure id ({@code items-in-centre}, {@code power.<name>}, {@code signed-outside-window}, or
 *     another a different report measures)
 * @param target the target: a least share 0..1, or for a count measure the most allowed
 * @param atMost whether the target is a maximum (a count), not a least share
 * @param numerator the count measured (the share's numerator), when measured
 * @param denominator the share's denominator (1 for a count), when measured
 * @param measured whether the authorization records measure it
 */
public record ScorecardLine(String measure, BigDecimal target, boolean atMost, long numerator, long denominator,
        boolean measured) {

    public ScorecardLine {
        ItemCodes.requireText(measure, "scorecard.measure");
        InvalidValueException.requireNonNull(target, "scorecard.target");
        if (measured && (denominator < 1 || numerator < 0 || !atMost && numerator > denominator)) {
            throw new InvalidValueException("scorecard", numerator + "/" + denominator, "计量值无效 / invalid measurement");
        }
    }

    /** The value measured: a share 0..1, or a count; empty when not measured. */
    public Optional<BigDecimal> value() {
        if (!measured) {
            return Optional.empty();
        }
        return Optional.of(atMost ? BigDecimal.valueOf(numerator)
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, java.math.RoundingMode.HALF_EVEN));
    }

    /** Whether the target is met, compared exactly; empty when not measured. */
    public Optional<Boolean> met() {
        if (!measured) {
            return Optional.empty();
        }
        return Optional.of(atMost ? BigDecimal.valueOf(numerator).compareTo(target) <= 0
                : ExactRatio.compare(numerator, denominator, target) >= 0);
    }
}
