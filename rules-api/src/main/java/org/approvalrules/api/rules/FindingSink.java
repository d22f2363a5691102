package org.approvalrules.api.rules;

import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.finding.Severity;

/**
 * The global {@code out} every rule pack's DRL reports to. The rule's id, severity, legal reference,
 * layer and the parameters it declared come from the rule's metadata, and the rule-set and calendar
 * versions from the evaluation, so a consequence only says what it found:
 * {@code out.report(kcontext, $c, "中文", "English");} — or, with the figures it relied on,
 * {@code out.report(kcontext, $c, "中文", "English", Map.of("remainingDays", $c.promisedRemainingWorkingDays()));}.
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
    default void report(Object ruleContext, RuleFact subject, String zh, String en) {
        report(ruleContext, subject, zh, en, Map.of());
    }

    /**
     * Records a finding with evidence: the figures the finding rests on, by name, stored as strings
     * ({@link String#valueOf(Object)}).
     *
     * @param ruleContext the rule's {@code kcontext}
     * @param subject the fact the finding is about
     * @param zh the message in Chinese
     * @param en the message in English
     * @param evidence the figures the rule relied on, by name (may be empty)
     */
    void report(Object ruleContext, RuleFact subject, String zh, String en, Map<String, ?> evidence);

    /**
     * Records a finding whose message is a {@link BilingualText}, e.g. made by
     * {@code BilingualText.format("超过法定办结时限{}个工作日", "past the statutory due date by {} working days", n)}:
     * the message strings are then made only when read. This default reads them at once.
     *
     * @param ruleContext the rule's {@code kcontext}
     * @param subject the fact the finding is about
     * @param message the message
     */
    default void report(Object ruleContext, RuleFact subject, BilingualText message) {
        report(ruleContext, subject, message, Map.of());
    }

    /**
     * As {@link #report(Object, RuleFact, BilingualText)}, with evidence as in
     * {@link #report(Object, RuleFact, String, String, Map)}. This default reads the message's strings at once.
     */
    default void report(Object ruleContext, RuleFact subject, BilingualText message, Map<String, ?> evidence) {
        report(ruleContext, subject, message.zh(), message.en(), evidence);
    }

    /**
     * Records a finding whose severity, legal reference and parameter values depend on the fact rather
     * than on the rule alone: a window closed on some day (RED) or only half-staffed (YELLOW), the document
     * of the fee standard charged, the dated target of one power. {@code severity} replaces the rule's
     * {@code @severity} (which states the highest the rule reports), {@code reference} its
     * {@code @reference}; {@code parameters} (parameter id → value shown) are added to those the rule
     * declares.
     *
     * @param ruleContext the rule's {@code kcontext}
     * @param subject the fact the finding is about
     * @param severity the finding's severity
     * @param reference the finding's legal reference
     * @param parameters parameter values the finding rests on besides the rule's declared ones, by id
     * @param zh the message in Chinese
     * @param en the message in English
     * @param evidence the figures the rule relied on, by name (may be empty)
     */
    void cite(Object ruleContext, RuleFact subject, Severity severity, String reference, Map<String, String> parameters,
            String zh, String en, Map<String, ?> evidence);
}
