/**
 * Approval cases (办件) and their events (application, acceptance, steps, correction, special procedures,
 * extensions, decision, delivery, completion, fees), validated for order at construction. Named {@code cases}
 * because {@code case} is a Java keyword.
 */
package org.approvalrules.api.cases;
