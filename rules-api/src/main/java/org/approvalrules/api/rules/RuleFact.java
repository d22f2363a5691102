package org.approvalrules.api.rules;

import java.time.LocalDate;

/**
 * A fact a rule reports on: what the Java engines compute (the deadline figures of a case, a
 * department's delegation rate, a fee charge, a pair of intake records) and rules judge. Every fact
 * names its subject (the finding's subject) and its date, by which the parameter values applied to it
 * are chosen, never by the clock.
 */
public interface RuleFact {

    /** What a finding on this fact is about: a case number, a department, a charge. */
    String subject();

    /** The date that selects the parameter values for this fact. */
    LocalDate factDate();
}
