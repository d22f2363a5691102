package org.approvalrules.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.authorization.AuthorizationChecker;
import org.approvalrules.core.fee.FeeParameters;
import org.approvalrules.core.pack.EffectivePack;
import org.approvalrules.core.parameter.ParameterSet;

/**
 * The parameter checks of every domain, run on each effective pack before it goes into service (when a
 * locality's snapshot is built or reloaded, and by {@code rules check}): deadline policy values
 * ({@link DeadlinePolicies#check}), authorization targets and checked powers
 * ({@link AuthorizationChecker#checkParameters}), fee amounts ({@link FeeParameters#check}) and supervision
 * targets and caps ({@link org.approvalrules.core.supervise.SupervisionParameters#check}). A bad value
 * is a {@link RulePackException} naming file and line; the problems of all domains are reported together.
 */
public final class ParameterChecks {
    /** The checks, one per domain. */
    private static final List<Consumer<ParameterSet>> CHECKS = List.of(
            DeadlinePolicies::check,
            AuthorizationChecker::checkParameters,
            org.approvalrules.core.authorization.AuthorizationAssessor::checkParameters,
            FeeParameters::check,
            org.approvalrules.core.supervise.SupervisionParameters::check);

    private ParameterChecks() {
    }

    /**
     * Checks every domain's parameters of {@code pack}.
     *
     * @throws RulePackException with every problem found (file, line, reason)
     */
    public static void check(EffectivePack pack) {
        check(pack.parameters());
    }

    /**
     * Checks every domain's parameters.
     *
     * @throws RulePackException with every problem found (file, line, reason)
     */
    public static void check(ParameterSet parameters) {
        List<RulePackException.Problem> problems = new ArrayList<>();
        for (Consumer<ParameterSet> c : CHECKS) {
            try {
                c.accept(parameters);
            } catch (RulePackException e) {
                problems.addAll(e.problems());
            } catch (DataFormatException e) {
                problems.add(new RulePackException.Problem(e.file(), e.line(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
    }
}
