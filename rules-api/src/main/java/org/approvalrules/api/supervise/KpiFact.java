package org.approvalrules.api.supervise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.ExactRatio;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * One key performance indicator of a department, or of the whole centre ({@link #CENTRE}), over a period:
 * {@code numerator / denominator}. Rules compare it with the dated target {@link #targetParameter()} when the
 * locality defines one (a KPI without a target is reported, never judged). Immutable.
 *
 * @param department the department code, or {@value #CENTRE} for the centre; the subject of findings
 * @param kpi which indicator
 * @param numerator the numerator (cases, or working days)
 * @param denominator the denominator (at least 1)
 * @param date the last day of the period assessed (targets in force that day)
 */
public record KpiFact(String department, Kpi kpi, long numerator, long denominator, LocalDate date) implements RuleFact {

    /** The subject of the centre's own KPIs. */
    public static final String CENTRE = "*";

    /** The indicators, with their direction: a rate must reach its target, a number of days must not exceed it. */
    public enum Kpi implements Labelled {
        /** 按时办结率 (suspensions deducted). */
        ON_TIME_RATE("on-time-rate", "按时办结率", "on-time rate", true),
        /** 即办件当日办结率. */
        SAME_DAY_IMMEDIATE_RATE("same-day-immediate-rate", "即办件当日办结率", "same-day rate of immediate items", true),
        /** 当场办结率: cases completed on their acceptance day among completed cases. */
        ON_THE_SPOT_RATE("on-the-spot-rate", "当场办结率", "on-the-spot rate", true),
        /** 即办件占比: immediate items among the items. */
        IMMEDIATE_SHARE("immediate-share", "即办件占比", "share of immediate items", true),
        /** 事项进驻率: items in the centre among the items. */
        IN_CENTRE_SHARE("in-centre-share", "事项进驻率", "share of items in the centre", true),
        /** 平均办理用时（工作日）. */
        MEAN_WORKING_DAYS("mean-working-days", "平均办理用时（工作日）", "mean working days used", false),
        /** 办理用时P90（工作日）. */
        P90_WORKING_DAYS("p90-working-days", "办理用时P90（工作日）", "p90 working days used", false);

        private final String id;
        private final BilingualText label;
        private final boolean atLeast;

        Kpi(String id, String zh, String en, boolean atLeast) {
            this.id = id;
            this.label = BilingualText.of(zh, en);
            this.atLeast = atLeast;
        }

        /** The id, e.g. {@code on-time-rate}. */
        public String id() {
            return id;
        }

        /** The label, e.g. {@code 按时办结率 / on-time rate}. */
        @Override
        public BilingualText label() {
            return label;
        }

        /** Whether the value must be at least the target (a rate); else at most (days). */
        public boolean atLeast() {
            return atLeast;
        }
    }

    public KpiFact {
        ItemCodes.requireText(department, "kpi.department");
        InvalidValueException.requireNonNull(kpi, "kpi.kpi");
        InvalidValueException.requireNonNull(date, "kpi.date");
        if (denominator < 1 || numerator < 0 || (kpi.atLeast() && numerator > denominator)) {
            throw new InvalidValueException("kpi", numerator + "/" + denominator, "指标分子分母无效（" + department + " "
                    + kpi.id() + "）/ invalid numerator or denominator (" + department + " " + kpi.id() + ")");
        }
    }

    /** The id of the target parameter of {@code kpi}, e.g. {@code kpi.target.on-time-rate}. */
    public static String targetParameter(Kpi kpi) {
        return "kpi.target." + kpi.id();
    }

    /** The id of this KPI's target parameter. */
    public String targetParameter() {
        return targetParameter(kpi);
    }

    /**
     * Whether the KPI misses {@code target}, compared exactly: a rate misses when numerator &lt; target ×
     * denominator, a number of days when numerator &gt; target × denominator.
     */
    public boolean misses(BigDecimal target) {
        InvalidValueException.requireNonNull(target, "target");
        int c = ExactRatio.compare(numerator, denominator, target);
        return kpi.atLeast() ? c < 0 : c > 0;
    }

    /** The value, numerator / denominator, to six places. */
    public BigDecimal value() {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }

    /** The value for messages: a rate as a percentage {@code "96.5% (193/200)"}, days as {@code "4.2 (84/20)"}. */
    public String shown() {
        if (kpi.atLeast()) {
            return value().movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "% (" + numerator + "/"
                    + denominator + ")";
        }
        return value().setScale(2, RoundingMode.HALF_UP).toPlainString() + " (" + numerator + "/" + denominator + ")";
    }

    /** A target as shown: a rate as a percentage, days as a number. */
    public String shownTarget(BigDecimal target) {
        return kpi.atLeast() ? target.movePointRight(2).stripTrailingZeros().toPlainString() + "%"
                : target.stripTrailingZeros().toPlainString();
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
