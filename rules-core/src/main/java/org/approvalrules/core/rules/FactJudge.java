package org.approvalrules.core.rules;

import java.util.Collection;
import java.util.List;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.RuleFact;

/**
 * The rules of one locality snapshot, applied to facts the engines computed: the findings of every
 * rule over {@code facts} (in the order the rules fired). The window authorization, fee and intake
 * engines compute facts and hand them to a judge; they never make findings themselves.
 */
@FunctionalInterface
public interface FactJudge {

    /** The findings of the rules over {@code facts}. */
    List<Finding> judge(Collection<? extends RuleFact> facts);
}
