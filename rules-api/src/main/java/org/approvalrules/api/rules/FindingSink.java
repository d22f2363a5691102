package org.approvalrules.api.rules;

/**
 * The global {@code out} every rule pack's DRL reports to. The rule's id, severity, legal reference,
 * layer and the parameters it declared come from the rule's metadata, so a consequence only says what
 * it found: {@code out.report(kcontext, $c, "中文", "English");}.
 */
public interface FindingSink {

    /**
     * Records a finding of the firing rule about a case.
     *
     * @param ruleContext the rule's {@code kcontext}
     * @param subject the case the finding is about
     * @param zh the message in Chinese
     * @param en the message in English
     */
    void report(Object ruleContext, CaseFacts subject, String zh, String en);
}
