package org.approvalrules.testkit.junit;

import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;

/** The exhaustive suite over the whole coverage of the bundled calendar of 650000 (新疆), STRICT. */
class BundledXinjiangCalendarConformanceTest extends CalendarConformanceTests {

    @Override
    protected WorkingCalendar calendar() {
        return CalendarRepository.bundled().calendarFor(DivisionCode.parse("650000"), CoveragePolicy.STRICT);
    }
}
