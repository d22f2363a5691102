package org.approvalrules.api.calendar;

import java.time.LocalDate;
import org.approvalrules.api.ApprovalRulesException;

/**
 * A STRICT calendar was asked about a date outside the years whose holiday notices it holds.
 * Names the year and says how to add it.
 */
public class CalendarCoverageException extends ApprovalRulesException {
    private static final long serialVersionUID = 1L;
    private final LocalDate date;
    private final DateRange coverage;

    public CalendarCoverageException(String calendarId, LocalDate date, DateRange coverage) {
        super("日历 " + calendarId + " 未收录 " + date.getYear() + " 年的放假安排（覆盖范围 " + coverage
                + "），请添加该年国务院办公厅放假通知的数据文件，或使用 PROVISIONAL 策略 / calendar " + calendarId
                + " does not cover " + date + " (year " + date.getYear() + "; coverage " + coverage
                + "): add the year's holiday-notice data file, or use CoveragePolicy.PROVISIONAL");
        this.date = date;
        this.coverage = coverage;
    }

    /** The date that was asked about. */
    public LocalDate date() {
        return date;
    }

    /** What the calendar covers. */
    public DateRange coverage() {
        return coverage;
    }
}
