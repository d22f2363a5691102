package org.approvalrules.drools;

import org.approvalrules.api.spi.CompiledRules;
import org.approvalrules.api.spi.DecisionTableConverter;
import org.approvalrules.api.spi.RuleEngineProvider;
import org.approvalrules.api.spi.RuleSetSpec;

/**
 * The Drools 10 rule engine behind {@code org.approvalrules.ApprovalRules}, registered for
 * {@link java.util.ServiceLoader} in {@code META-INF/services/org.approvalrules.api.spi.RuleEngineProvider}:
 * executable model, KieBases shared JVM-wide per rules content hash, the bundled national rules loaded
 * prebuilt ({@link RuleSetCompiler}), decision tables through {@link DecisionTables}. Stateless.
 */
public final class DroolsRuleEngineProvider implements RuleEngineProvider {
    private final DecisionTables tables = new DecisionTables();

    /** Called by {@link java.util.ServiceLoader}. */
    public DroolsRuleEngineProvider() {
    }

    @Override
    public String name() {
        return "drools";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public CompiledRules compile(RuleSetSpec spec) {
        return RuleSetCompiler.compile(spec);
    }

    @Override
    public DecisionTableConverter decisionTables() {
        return tables;
    }

    @Override
    public String toString() {
        return "DroolsRuleEngineProvider";
    }
}
