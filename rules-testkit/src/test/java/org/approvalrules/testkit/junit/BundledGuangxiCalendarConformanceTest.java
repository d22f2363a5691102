package org.approvalrules.testkit.junit;

import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;

/** The exhaustive suite over the whole coverage of the bundled calendar of 450000 (广西), STRICT. */
class BundledGuangxiCalendarConformanceTest extends CalendarConformanceTests {

    @Override
    protected WorkingCalendar calendar() {
        return CalendarRepository.bundled().calendarFor(DivisionCode.parse("450000"), CoveragePolicy.STRICT);
    }
}
