package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * How a department's window was staffed on the working days of a period (对外办公), on the locality's
 * calendar (调休 working weekends included). Immutable.
 *
 * @param department 进驻部门, the subject of findings
 * @param from first day of the period
 * @param to last day of the period (the fact's date)
 * @param workingDays the working days of the period
 * @param closedDays working days the window was closed
 * @param halfDays working days the window was open only a half-day
 * @param unknownDays working days before the schedule's first pattern (not judged)
 * @param calendarId the calendar that said which days are working days
 * @param calendarVersion its version
 */
public record WindowOpeningFact(String department, LocalDate from, LocalDate to, int workingDays,
        List<LocalDate> closedDays, List<LocalDate> halfDays, List<LocalDate> unknownDays, String calendarId,
        String calendarVersion) implements RuleFact {

    /** How many days a message lists before "等". */
    public static final int LISTED_DAYS = 10;

    public WindowOpeningFact {
        ItemCodes.requireText(department, "opening.department");
        InvalidValueException.requireNonNull(from, "opening.from");
        InvalidValueException.requireNonNull(to, "opening.to");
        closedDays = List.copyOf(InvalidValueException.requireNonNull(closedDays, "opening.closedDays"));
        halfDays = List.copyOf(InvalidValueException.requireNonNull(halfDays, "opening.halfDays"));
        unknownDays = List.copyOf(InvalidValueException.requireNonNull(unknownDays, "opening.unknownDays"));
        ItemCodes.requireText(calendarId, "opening.calendarId");
        ItemCodes.requireText(calendarVersion, "opening.calendarVersion");
        if (to.isBefore(from)) {
            throw new InvalidValueException("opening.to", to, "期间结束早于开始 " + from + " / the period ends before it starts (" + from + ")");
        }
        if (workingDays < closedDays.size() + halfDays.size() + unknownDays.size()) {
            throw new InvalidValueException("opening.workingDays", workingDays,
                    "工作日数少于未开放、半天与无安排天数之和 / fewer working days than closed, half-day and unknown days together");
        }
    }

    /** Working days the window was closed. */
    public int closed() {
        return closedDays.size();
    }

    /** Working days the window was open only a half-day. */
    public int halfStaffed() {
        return halfDays.size();
    }

    /** Working days with a known schedule (judged). */
    public int judgedDays() {
        return workingDays - unknownDays.size();
    }

    /** Judged working days the window was staffed all day. */
    public int staffedAllDay() {
        return judgedDays() - closed() - halfStaffed();
    }

    /** The calendar as {@code id@version}. */
    public String calendar() {
        return calendarId + "@" + calendarVersion;
    }

    /**
     * {@code days} after {@code prefix}, joined by "、", at most {@value #LISTED_DAYS} then "等"; "" when
     * there are none.
     */
    public static String listed(List<LocalDate> days, String prefix) {
        if (days.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < Math.min(days.size(), LISTED_DAYS); i++) {
            sb.append(i == 0 ? "" : "、").append(days.get(i));
        }
        return days.size() > LISTED_DAYS ? sb.append("等").toString() : sb.toString();
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
