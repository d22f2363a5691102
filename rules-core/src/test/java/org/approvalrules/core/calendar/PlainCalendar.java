package org.approvalrules.core.calendar;

/**
 * A calendar that is only a {@link org.approvalrules.api.calendar.WorkingCalendar} (not
 * {@link WorkingDayRanks}): the same answers as the compiled calendar it wraps, so code taking the
 * generic path can be compared with the fast one.
 */
public class PlainCalendar extends ForwardingCalendar {
    public PlainCalendar(CompiledCalendar compiled) {
        super(compiled);
    }
}
