package org.approvalrules.testkit.junit;

import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;

/** The exhaustive suite over the whole coverage of the bundled calendar of 540100 (拉萨), STRICT. */
class BundledLhasaCalendarConformanceTest extends CalendarConformanceTests {

    @Override
    protected WorkingCalendar calendar() {
        return CalendarRepository.bundled().calendarFor(DivisionCode.parse("540100"), CoveragePolicy.STRICT);
    }
}
