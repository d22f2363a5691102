package org.approvalrules.api.authorization;

import java.math.BigDecimal;
import java.util.List;
import org.approvalrules.api.ExactRatio;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * One line of the authorization scorecard: a department's (or, with department {@value #LOCALITY}, the
 * locality's) delegation rate of one power on the assessed day, over its catalogue items in the centre,
 * with the target in force and the items still missing a delegation. Immutable.
 *
 * @param department 部门编码, or {@value #LOCALITY} for the whole locality
 * @param power the power
 * @param numerator in-centre items with the power delegated
 * @param denominator in-centre catalogue items (at least 1)
 * @param target the target in force (0..1)
 * @param missing the in-centre items without a delegation of the power, sorted
 */
public record PowerRate(String department, Power power, int numerator, int denominator, BigDecimal target,
        List<String> missing) {

    /** The department code of the locality-wide lines. */
    public static final String LOCALITY = "*";

    public PowerRate {
        ItemCodes.requireText(department, "rate.department");
        InvalidValueException.requireNonNull(power, "rate.power");
        InvalidValueException.requireNonNull(target, "rate.target");
        missing = List.copyOf(InvalidValueException.requireNonNull(missing, "rate.missing"));
        if (denominator < 1 || numerator < 0 || numerator > denominator || missing.size() != denominator - numerator) {
            throw new InvalidValueException("rate", numerator + "/" + denominator,
                    "须 0 ≤ 分子 ≤ 分母、分母 ≥ 1、缺授权事项数 = 分母 − 分子 / needs 0 ≤ numerator ≤ denominator ≥ 1 and "
                            + "missing = denominator − numerator (" + department + ")");
        }
        if (target.signum() < 0 || target.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidValueException("rate.target", target, "目标须在0到1之间 / a target lies in 0..1");
        }
    }

    /** The rate 0..1. */
    public double rate() {
        return (double) numerator / denominator;
    }

    /** Whether the rate meets the target, compared exactly (numerator ≥ target × denominator). */
    public boolean met() {
        return ExactRatio.compare(numerator, denominator, target) >= 0;
    }
}
