package org.approvalrules.core.calendar;

import org.approvalrules.api.calendar.DayKind;

/**
 * The {@code kind} column of a calendar layer's year file (see docs/CALENDAR-DATA.md).
 * The national layer may use {@link #HOLIDAY} and {@link #ADJUSTED_WORKDAY}; local layers may also
 * use {@link #CANCEL_WORKDAY}.
 */
public enum LayerDayKind {
    /** A day off (放假), including weekend days inside a holiday block. */
    HOLIDAY,
    /** A Saturday or Sunday that is an official working day (调休上班). */
    ADJUSTED_WORKDAY,
    /**
     * Local layers only: a Saturday or Sunday that a parent layer made a working day goes back to
     * an ordinary weekend day (取消调休上班, e.g. Guangxi 2022-04-02).
     */
    CANCEL_WORKDAY;

    /** The kind the day gets on the composed calendar. */
    public DayKind dayKind() {
        return switch (this) {
            case HOLIDAY -> DayKind.HOLIDAY;
            case ADJUSTED_WORKDAY -> DayKind.ADJUSTED_WORKDAY;
            case CANCEL_WORKDAY -> DayKind.WEEKEND;
        };
    }
}
