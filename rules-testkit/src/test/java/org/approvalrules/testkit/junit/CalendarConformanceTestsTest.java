package org.approvalrules.testkit.junit;

import java.time.LocalDate;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CompiledCalendar;

/** The adapter as an embedder uses it: its own local calendar, one dynamic test per property. */
class CalendarConformanceTestsTest extends CalendarConformanceTests {

    @Override
    protected WorkingCalendar calendar() {
        // a county that works one local Saturday and takes two local days off
        return CompiledCalendar.builder(DivisionCode.parse("451031"), DateRange.ofYears(2024, 2024))
                .day(LocalDate.of(2024, 4, 11), DayKind.HOLIDAY, "壮族三月三", "450000", "test fixture")
                .day(LocalDate.of(2024, 4, 12), DayKind.HOLIDAY, "壮族三月三", "450000", "test fixture")
                .day(LocalDate.of(2024, 4, 13), DayKind.ADJUSTED_WORKDAY, "壮族三月三", "451031", "test fixture")
                .policy(CoveragePolicy.STRICT).build();
    }
}
