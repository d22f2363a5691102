package org.approvalrules.spring.boot.autoconfigure;

import java.util.List;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CaseEvaluation;

/**
 * Told of every evaluation of the {@link org.approvalrules.ApprovalRules} bean (direct or through
 * {@link MeteredApprovalRules}), of failures of evaluations made through {@link MeteredApprovalRules}, and of every
 * reload; any number of beans of
 * this type may exist (the Micrometer metrics are one). Called on the evaluating or reloading thread: keep it
 * short and do not throw.
 */
public interface ApprovalRulesListener {

    /** A batch of {@code evaluations} of {@code locality} took {@code nanos}. */
    default void evaluated(DivisionCode locality, List<CaseEvaluation> evaluations, long nanos) {
    }

    /** An evaluation of {@code locality} failed with {@code error} after {@code nanos}. */
    default void failed(DivisionCode locality, RuntimeException error, long nanos) {
    }

    /** A reload ended (swapped or refused). */
    default void reloaded(ReloadOutcome outcome) {
    }
}
