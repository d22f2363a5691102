package org.approvalrules.api.rules;

import java.util.Map;
import org.approvalrules.api.finding.Severity;

/**
 * The global {@code out} every rule pack's DRL reports to. The rule's id, severity, legal reference,
 * layer and the parameters it declared come from the rule's metadata, so a consequence only says what
 * it found: {@code out.report(kcontext, $c, "中文", "English");}.
 */
public interface FindingSink {

    /**
     * Records a finding of the firing rule about a fact.
     *
     * @param ruleContext the rule's {@code kcontext}
     * @param subject the fact the finding is about (its {@link RuleFact#subject()} is the finding's subject)
     * @param zh the message in Chinese
     * @param en the message in English
     */
    void report(Object ruleContext, RuleFact subject, String zh, String en);

    /**
     * Records a finding with evidence: the figures the message states (dates, counts, other records), by
     * name, stored as strings.
     */
    void report(Object ruleContext, RuleFact subject, String zh, String en, Map<String, ?> evidence);

    /**
     * Records a finding whose severity, legal reference and parameter values depend on the fact rather
     * than on the rule alone: a window closed on some day (RED) or only half-staffed (YELLOW), the document
     * of the fee standard charged, the dated target of one power. {@code severity} replaces the rule's
     * {@code @severity} (which states the highest the rule reports), {@code reference} its
     * {@code @reference}; {@code parameters} (parameter id → value shown) are added to those the rule
     * declares.
     */
    void cite(Object ruleContext, RuleFact subject, Severity severity, String reference, Map<String, String> parameters,
            String zh, String en, Map<String, ?> evidence);
}
