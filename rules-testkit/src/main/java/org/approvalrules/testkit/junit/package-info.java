/**
 * Thin JUnit Jupiter adapters: {@link org.approvalrules.testkit.junit.CalendarConformanceTests} runs the
 * calendar conformance suite as tests; {@link org.approvalrules.testkit.junit.PropertySeed} fixes the seed
 * of the property runs in a test.
 */
package org.approvalrules.testkit.junit;
