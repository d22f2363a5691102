package org.approvalrules.api.rules;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;

/**
 * The rules of a locality applied to cases: national rules plus each ancestor layer down to the
 * locality, as its rule pack defines them. Thread-safe; evaluation is stateless.
 */
public interface CaseRules {

    /**
     * Evaluates a batch of cases of one locality as of an instant. Every finding carries its rule id,
     * the layer that supplied the rule, the parameter values used, the legal reference and the
     * rule-set version.
     *
     * @throws RulePackException when the locality's rules cannot be loaded or compiled
     */
    List<Finding> evaluate(DivisionCode locality, Collection<CaseFacts> cases, Instant asOf);

    /** The version (content hash) of the rule set that applies to {@code locality}. */
    String version(DivisionCode locality);
}
