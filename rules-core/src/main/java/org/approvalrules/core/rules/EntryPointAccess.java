package org.approvalrules.core.rules;

import org.approvalrules.ApprovalRules;
import org.approvalrules.api.InvalidValueException;

/**
 * The library's own way behind the entry point (for the CLI's tooling commands and the domain paths that
 * follow): the snapshot behind an {@link ApprovalRules.Locality} and the rule sets of an
 * {@link ApprovalRules}. Not part of the embedder surface, which stays free of core types.
 */
public final class EntryPointAccess {
    /** What the entry point gives this class (registered once by {@link ApprovalRules}). */
    public interface Accessor {
        /** The snapshot behind {@code locality}. */
        LocalitySnapshot snapshot(ApprovalRules.Locality locality);

        /** The rule sets of {@code rules}. */
        RuleSets ruleSets(ApprovalRules rules);
    }

    private static volatile Accessor accessor;

    private EntryPointAccess() {
    }

    /** Called once, by {@link ApprovalRules}'s class initialisation. */
    public static synchronized void register(Accessor a) {
        if (accessor != null) {
            throw new IllegalStateException("access already registered");
        }
        accessor = a;
    }

    /** The snapshot behind {@code locality}. */
    public static LocalitySnapshot snapshot(ApprovalRules.Locality locality) {
        return accessor.snapshot(InvalidValueException.requireNonNull(locality, "locality"));
    }

    /** The rule sets (pack repository, compiled rules) of {@code rules}. */
    public static RuleSets ruleSets(ApprovalRules rules) {
        return accessor.ruleSets(InvalidValueException.requireNonNull(rules, "rules"));
    }

    /** The snapshot of {@code locality} in service in {@code rules} (built on first use). */
    public static LocalitySnapshot snapshot(ApprovalRules rules, org.approvalrules.api.division.DivisionCode locality) {
        return snapshot(rules.locality(locality));
    }
}
