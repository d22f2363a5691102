/** Thin JUnit Jupiter adapter: {@link org.approvalrules.testkit.junit.PropertySeed} fixes a test's property seed. */
package org.approvalrules.testkit.junit;
