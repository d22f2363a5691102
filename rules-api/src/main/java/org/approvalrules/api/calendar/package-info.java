/**
 * The official working-day calendar: day kinds, coverage and its policy (STRICT / PROVISIONAL), office
 * hours, explanations, and the provider SPI.
 */
package org.approvalrules.api.calendar;
