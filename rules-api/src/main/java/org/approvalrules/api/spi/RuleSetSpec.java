package org.approvalrules.api.spi;

import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.ParameterLookup;

/**
 * What a {@link RuleEngineProvider} compiles: the effective rules and parameters of one locality after
 * layering (national → province → city → county, overrides applied). Immutable.
 *
 * @param locality the locality these are the effective rules of
 * @param version content hash of rules and parameters: the rule-set version findings carry
 * @param rulesVersion content hash of the rules alone (rule sets that differ only in parameter values
 *     may share compiled code)
 * @param rules the effective rules, in layer order
 * @param parameters the effective parameters (the rules' global {@code params})
 */
public record RuleSetSpec(DivisionCode locality, String version, String rulesVersion, List<RuleSpec> rules,
        ParameterLookup parameters) {

    public RuleSetSpec {
        InvalidValueException.requireNonNull(locality, "ruleSet.locality");
        InvalidValueException.requireNonNull(version, "ruleSet.version");
        InvalidValueException.requireNonNull(rulesVersion, "ruleSet.rulesVersion");
        InvalidValueException.requireNonNull(rules, "ruleSet.rules");
        InvalidValueException.requireNonNull(parameters, "ruleSet.parameters");
        rules = List.copyOf(rules);
    }
}
