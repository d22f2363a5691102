package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * How a window actually served over a period, measured from the case steps recorded at it, against the
 * working days its roster promises on the locality's calendar (seed: "每周只对外办公一天或两天…只上午对外办公").
 * A day is served when at least one step was recorded at the window; an afternoon day when one was at or
 * after 12:00. Immutable.
 *
 * @param window 窗口
 * @param department 部门编码, the subject of findings
 * @param from first day of the period
 * @param to last day of the period (the fact's date)
 * @param promisedDays working days of the period the roster opens the window
 * @param servedDays of those, days with at least one step at the window
 * @param afternoonDays of those, days with a step at or after 12:00
 * @param steps steps recorded at the window on promised days
 * @param unservedDays promised days without any step, in order
 * @param calendarId the calendar that said which days are working days
 */
public record MeasuredOpeningFact(String window, String department, LocalDate from, LocalDate to, int promisedDays,
        int servedDays, int afternoonDays, long steps, List<LocalDate> unservedDays, String calendarId) implements RuleFact {

    public MeasuredOpeningFact {
        ItemCodes.requireText(window, "measured.window");
        ItemCodes.requireText(department, "measured.department");
        InvalidValueException.requireNonNull(from, "measured.from");
        InvalidValueException.requireNonNull(to, "measured.to");
        unservedDays = List.copyOf(InvalidValueException.requireNonNull(unservedDays, "measured.unservedDays"));
        ItemCodes.requireText(calendarId, "measured.calendarId");
        if (to.isBefore(from)) {
            throw new InvalidValueException("measured.to", to, "期间结束早于开始 " + from + " / the period ends before it starts (" + from + ")");
        }
        if (servedDays < 0 || afternoonDays < 0 || afternoonDays > servedDays || servedDays > promisedDays || steps < servedDays
                || unservedDays.size() != promisedDays - servedDays) {
            throw new InvalidValueException("measured", promisedDays + "/" + servedDays + "/" + afternoonDays + "/" + steps,
                    "须 下午天数 ≤ 服务天数 ≤ 承诺天数 ≤ 环节数，未服务天数 = 承诺 − 服务 / afternoon ≤ served ≤ promised, served ≤ steps, "
                            + "unserved = promised − served");
        }
    }

    /** Whether fewer than {@code share} (0..1) of the promised days were served, compared exactly. */
    public boolean servedBelow(java.math.BigDecimal share) {
        return java.math.BigDecimal.valueOf(servedDays).compareTo(share.multiply(java.math.BigDecimal.valueOf(promisedDays))) < 0;
    }

    /** Whether fewer than {@code share} (0..1) of the served days had an afternoon step, compared exactly. */
    public boolean afternoonsBelow(java.math.BigDecimal share) {
        return java.math.BigDecimal.valueOf(afternoonDays).compareTo(share.multiply(java.math.BigDecimal.valueOf(servedDays))) < 0;
    }

    @Override
    public String subject() {
        return department;
    }

    @Override
    public LocalDate factDate() {
        return to;
    }
}
