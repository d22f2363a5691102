package org.approvalrules.api.supervise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.ExactRatio;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * A department's catalogue average (事项目录): of its {@code count} items, the sum of one {@link Measure}. Rules
 * compare the average with the dated cap {@link #capParameter()}. Immutable.
 *
 * @param department the department, the subject of findings
 * @param measure what is averaged
 * @param sum the sum over the items (steps, materials, working days)
 * @param count the items counted (at least 1)
 * @param date the date assessed (caps in force that day)
 */
public record CatalogueFact(String department, Measure measure, long sum, int count, LocalDate date) implements RuleFact {

    /** What is averaged over a department's items; its {@link #label()} names it in messages. */
    public enum Measure implements Labelled {
        /** 审批环节数 (办理环节). */
        STEPS("steps", "审批环节", "approval steps"),
        /** 申请材料数. */
        MATERIALS("materials", "申报材料", "application materials"),
        /** 承诺时限（工作日；即办件按0计，自然日时限不计入）. */
        TIME_LIMIT("time-limit", "审批时限（工作日）", "time limit (working days)");

        private final String id;
        private final BilingualText label;

        Measure(String id, String zh, String en) {
            this.id = id;
            this.label = BilingualText.of(zh, en);
        }

        /** The id used in parameter names, e.g. {@code time-limit}. */
        public String id() {
            return id;
        }

        @Override
        public BilingualText label() {
            return label;
        }
    }

    public CatalogueFact {
        ItemCodes.requireText(department, "catalogue.department");
        InvalidValueException.requireNonNull(measure, "catalogue.measure");
        InvalidValueException.requireNonNull(date, "catalogue.date");
        if (count < 1 || sum < 0) {
            throw new InvalidValueException("catalogue", sum + "/" + count, "合计不能为负、事项数至少为1（" + department
                    + "）/ sum must not be negative and count must be at least 1 (" + department + ")");
        }
    }

    /** The id of the cap parameter of {@code measure}, e.g. {@code catalogue.cap.average-steps}. */
    public static String capParameter(Measure measure) {
        return "catalogue.cap.average-" + measure.id();
    }

    /** The id of this measure's cap parameter. */
    public String capParameter() {
        return capParameter(measure);
    }

    /** Whether the average is above {@code cap}, compared exactly: sum &gt; cap × count. */
    public boolean above(BigDecimal cap) {
        InvalidValueException.requireNonNull(cap, "cap");
        return ExactRatio.compare(sum, count, cap) > 0;
    }

    /** The average, rounded to two places (for messages). */
    public BigDecimal average() {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** e.g. {@code "4.25 (17/4)"}. */
    public String shown() {
        return average().toPlainString() + " (" + sum + "/" + count + ")";
    }

    @Override
    public String subject() {
        return department;
    }

    @Override
    public LocalDate factDate() {
        return date;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CatalogueFact[%s %s %s on %s]", department, measure, shown(), date);
    }
}
