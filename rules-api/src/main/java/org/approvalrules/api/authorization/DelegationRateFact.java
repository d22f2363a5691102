package org.approvalrules.api.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import org.approvalrules.api.ExactRatio;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * A department's delegation rate of one power on one date (授权率): of the department's items in the
 * centre that day ({@code denominator}), how many have the power delegated to the window
 * ({@code numerator}). Rules compare it with the dated target {@link #targetParameter()}. Immutable.
 *
 * @param department 进驻部门, the subject of findings
 * @param power the power counted
 * @param numerator items whose window holds the power (0..denominator)
 * @param denominator the department's items in the centre on {@code date} (at least 1)
 * @param date the date assessed: authorizations and targets in force that day
 */
public record DelegationRateFact(String department, Power power, int numerator, int denominator, LocalDate date)
        implements RuleFact {

    public DelegationRateFact {
        ItemCodes.requireText(department, "rate.department");
        InvalidValueException.requireNonNull(power, "rate.power");
        InvalidValueException.requireNonNull(date, "rate.date");
        if (denominator < 1 || numerator < 0 || numerator > denominator) {
            throw new InvalidValueException("rate", numerator + "/" + denominator,
                    "授权率须为 0..分母、分母至少为1（" + department + "）/ a rate needs 0 <= numerator <= denominator, denominator >= 1 ("
                            + department + ")");
        }
    }

    /** The id of the target parameter of {@code power}, e.g. {@code authorization.target.approval}. */
    public static String targetParameter(Power power) {
        return "authorization.target." + power.name().toLowerCase(Locale.ROOT);
    }

    /** The id of this power's target parameter. */
    public String targetParameter() {
        return targetParameter(power);
    }

    /** Whether every item has the power delegated (then no target 0..1 is missed). */
    public boolean complete() {
        return numerator == denominator;
    }

    /** Whether the rate is below {@code target} (a share 0..1), compared exactly: numerator &lt; target × denominator. */
    public boolean below(BigDecimal target) {
        InvalidValueException.requireNonNull(target, "target");
        return ExactRatio.compare(numerator, denominator, target) < 0;
    }

    /** The rate as text, e.g. {@code "4/5 (80.0%)"}. */
    public String rate() {
        return numerator + "/" + denominator + String.format(Locale.ROOT, " (%.1f%%)", 100.0 * numerator / denominator);
    }

    /** A share 0..1 as a percentage without trailing zeros, e.g. {@code 0.8 → "80%"}. */
    public static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    @Override
    public String subject() {
        return department;
    }

    @Override
    public LocalDate factDate() {
        return date;
    }
}
