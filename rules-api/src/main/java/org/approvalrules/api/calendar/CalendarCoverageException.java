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
    private final String layer;

    public CalendarCoverageException(String calendarId, LocalDate date, DateRange coverage) {
        super("日历 " + calendarId + " 未收录 " + date.getYear() + " 年的放假安排（覆盖范围 " + coverage
                + "），请添加该年国务院办公厅放假通知的数据文件，或使用 PROVISIONAL 策略 / calendar " + calendarId
                + " does not cover " + date + " (year " + date.getYear() + "; coverage " + coverage
                + "): add the year's holiday-notice data file, or use CoveragePolicy.PROVISIONAL");
        this.date = date;
        this.coverage = coverage;
        this.layer = "000000";
    }

    /**
     * The national layer covers {@code date}'s year but the local layer {@code layerCode}, whose holidays recur
     * every year, has no data for it.
     */
    public CalendarCoverageException(String calendarId, LocalDate date, DateRange coverage, String layerCode,
            String layerName) {
        super("日历 " + calendarId + " 的地方图层 " + layerCode + "（" + layerName + "）未收录 " + date.getYear()
                + " 年的放假安排（该图层的节日每年都有），" + date + " 无法确定是否上班；请添加 " + layerCode + "/" + date.getYear()
                + ".csv（依据该年地方通知），或使用 PROVISIONAL 策略 / calendar " + calendarId + ": local layer " + layerCode
                + " (" + layerName + "), whose holidays recur every year, has no " + date.getYear() + " arrangement, so "
                + date + " cannot be decided: add " + layerCode + "/" + date.getYear()
                + ".csv from that year's local notice, or use CoveragePolicy.PROVISIONAL");
        this.date = date;
        this.coverage = coverage;
        this.layer = layerCode;
    }

    /** The date that was asked about. */
    public LocalDate date() {
        return date;
    }

    /** The division code of the layer that lacks the year ({@code 000000} when the national layer does). */
    public String layer() {
        return layer;
    }

    /** What the calendar covers. */
    public DateRange coverage() {
        return coverage;
    }
}
