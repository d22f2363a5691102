package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * One row of a window's roster (schedules.csv): on which days, from when to when, the window is open, for
 * a period. A {@link RosterDays.Kind#DATE} row is an exception for that day and may have no hours (closed
 * that day). Immutable.
 *
 * @param window 窗口
 * @param department 部门编码
 * @param days 开放日
 * @param opens 开始, empty only for a date row meaning "closed"
 * @param closes 结束, after {@code opens}
 * @param from first day of the row
 * @param to last day of the row, empty while it lasts
 */
public record WindowRoster(String window, String department, RosterDays days, Optional<LocalTime> opens,
        Optional<LocalTime> closes, LocalDate from, Optional<LocalDate> to) {

    public WindowRoster {
        ItemCodes.requireText(window, "roster.window");
        ItemCodes.requireText(department, "roster.department");
        InvalidValueException.requireNonNull(days, "roster.days");
        InvalidValueException.requireNonNull(opens, "roster.opens");
        InvalidValueException.requireNonNull(closes, "roster.closes");
        InvalidValueException.requireNonNull(from, "roster.from");
        InvalidValueException.requireNonNull(to, "roster.to");
        if (opens.isPresent() != closes.isPresent()) {
            throw new InvalidValueException("roster.closes", closes.orElse(null), "开始与结束须同时给出 / opens and closes go together");
        }
        if (opens.isEmpty() && days.kind() != RosterDays.Kind.DATE) {
            throw new InvalidValueException("roster.opens", null, "只有指定日期的行可以不写时间（当日不开放）/ only a date row may omit the hours (closed that day)");
        }
        if (opens.isPresent() && !closes.get().isAfter(opens.get())) {
            throw new InvalidValueException("roster.closes", closes.get(),
                    "结束时间须晚于开始时间 " + opens.get() + " / closes must be after opens " + opens.get());
        }
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new InvalidValueException("roster.to", to.get(), "截止日期早于起始日期 " + from + " / ends before it starts (" + from + ")");
        }
    }

    /** Whether the row is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && to.map(t -> !date.isAfter(t)).orElse(true);
    }

    /** Whether the row says the window is closed (a date row without hours). */
    public boolean closed() {
        return opens.isEmpty();
    }
}
