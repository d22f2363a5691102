package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * Whether a window's roster covers every working day of a period in full office hours, on the locality's
 * calendar (adjusted working Saturdays count, holidays do not). Immutable.
 *
 * @param window 窗口 (or the department's code when the department has items in the centre but no roster)
 * @param department 部门编码, the subject of findings
 * @param from first day
 * @param to last day (the fact's date)
 * @param workingDays working days of the period
 * @param uncoveredDays working days the roster does not open the window at all
 * @param shortDays working days the roster opens it for less than the office hours
 * @param calendarId the calendar
 * @param calendarVersion its version
 */
public record RosterCoverageFact(String window, String department, LocalDate from, LocalDate to, int workingDays,
        List<LocalDate> uncoveredDays, List<LocalDate> shortDays, String calendarId, String calendarVersion)
        implements RuleFact {

    public RosterCoverageFact {
        ItemCodes.requireText(window, "roster.window");
        ItemCodes.requireText(department, "roster.department");
        InvalidValueException.requireNonNull(from, "roster.from");
        InvalidValueException.requireNonNull(to, "roster.to");
        uncoveredDays = List.copyOf(InvalidValueException.requireNonNull(uncoveredDays, "roster.uncoveredDays"));
        shortDays = List.copyOf(InvalidValueException.requireNonNull(shortDays, "roster.shortDays"));
        ItemCodes.requireText(calendarId, "roster.calendarId");
        ItemCodes.requireText(calendarVersion, "roster.calendarVersion");
        if (workingDays < uncoveredDays.size() + shortDays.size()) {
            throw new InvalidValueException("roster.workingDays", workingDays,
                    "工作日数少于缺口天数 / fewer working days than gaps");
        }
    }

    /** Whether every working day is covered in full office hours. */
    public boolean complete() {
        return uncoveredDays.isEmpty() && shortDays.isEmpty();
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
