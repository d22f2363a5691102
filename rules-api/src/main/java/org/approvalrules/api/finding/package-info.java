/**
 * Findings: what a rule found about a case, item, window or fee, with severity INFO / YELLOW / RED and
 * everything needed to trust it (rule id, layer, legal reference, rule-set version, parameters).
 */
package org.approvalrules.api.finding;
