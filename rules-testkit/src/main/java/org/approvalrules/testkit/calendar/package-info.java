/**
 * The working-calendar conformance suite ({@link org.approvalrules.testkit.calendar.CalendarConformance}):
 * exhaustive over a calendar's whole coverage, runnable against any
 * {@link org.approvalrules.api.calendar.WorkingCalendar}, plain Java; the JUnit adapter is
 * {@link org.approvalrules.testkit.junit.CalendarConformanceTests}.
 */
package org.approvalrules.testkit.calendar;
