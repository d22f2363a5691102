package org.approvalrules.api.calendar;

/** What kind of day a date is on a working calendar. */
public enum DayKind {
    /** 工作日: an ordinary Monday–Friday working day. */
    WORKDAY(true),
    /** 周末: an ordinary Saturday or Sunday off. */
    WEEKEND(false),
    /** 节假日: a day off set by a holiday notice (national or local), including weekend days inside a holiday block. */
    HOLIDAY(false),
    /** 调休上班: a weekend day that is an official working day. */
    ADJUSTED_WORKDAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    /** Whether government offices work on a day of this kind. */
    public boolean isWorking() {
        return working;
    }
}
