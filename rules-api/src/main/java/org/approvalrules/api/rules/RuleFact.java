package org.approvalrules.api.rules;

import java.time.LocalDate;

/**
 * A fact rules report findings about: a case, a department's delegation rate, a fee charge, an intake
 * pair. Its {@link #subject()} becomes {@link org.approvalrules.api.finding.Finding#subject()}; its
 * {@link #factDate()} chooses the parameter values reported with a finding about it (never today's date).
 * Implementations are immutable value types.
 */
public interface RuleFact {

    /** What a finding about this fact is about: a case number, a department code, a charge id, … */
    String subject();

    /** The date by which parameter values are chosen for this fact (a case: its acceptance date). */
    LocalDate factDate();
}
