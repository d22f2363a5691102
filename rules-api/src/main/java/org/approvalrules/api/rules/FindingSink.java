package org.approvalrules.api.rules;

import java.util.Map;

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
}
