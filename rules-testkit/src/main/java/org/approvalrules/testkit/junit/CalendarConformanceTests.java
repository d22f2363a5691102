package org.approvalrules.testkit.junit;

import java.util.Arrays;
import java.util.stream.Stream;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.testkit.calendar.CalendarConformance;
import org.approvalrules.testkit.calendar.CalendarConformance.Property;
import org.approvalrules.testkit.calendar.ConformanceReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * JUnit Jupiter adapter for {@link CalendarConformance}: extend it, return your calendar, and the
 * build runs the whole exhaustive suite, one dynamic test per property, each failing with that
 * property's minimal counterexample.
 *
 * <pre>{@code
 * class OurCountyCalendarConformanceTest extends CalendarConformanceTests {
 *     protected WorkingCalendar calendar() { return ourRepository.calendarFor(code, CoveragePolicy.STRICT); }
 * }
 * }</pre>
 */
public abstract class CalendarConformanceTests {

    /** The calendar under test. */
    protected abstract WorkingCalendar calendar();

    /** The suite to run; override to sweep other dates or sample more compositions. */
    protected CalendarConformance suite(WorkingCalendar calendar) {
        return CalendarConformance.forCalendar(calendar).build();
    }

    /** One dynamic test per property, all from a single sweep. */
    @TestFactory
    Stream<DynamicTest> calendarConformance() {
        WorkingCalendar calendar = calendar();
        ConformanceReport report = suite(calendar).run();
        return Arrays.stream(Property.values()).map(p -> DynamicTest.dynamicTest(p.name() + " on " + calendar.id(), () -> {
            if (report.violatedProperties().contains(p)) {
                throw new AssertionError(report.toString());
            }
        }));
    }
}
