package org.approvalrules.drools;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.pack.DrlSplitter;
import org.approvalrules.core.pack.EffectivePack;
import org.approvalrules.core.pack.RuleSource;
import org.approvalrules.core.rules.RuleSets;
import org.approvalrules.core.rules.RuleSpecs;
import org.approvalrules.core.parameter.ParameterSet;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles DRL text straight through {@link RuleSetCompiler#compileModule}, without the source lint, so
 * that tests reach the compiled-form check ({@link CompiledRuleCheck}) with spellings the lint would stop.
 */
final class SandboxPacks {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static volatile ParameterSet parameters;

    private SandboxPacks() {
    }

    /** A rule whose consequence is {@code consequence}, with {@code header} (imports, functions, declares) before it. */
    static String rule(String id, String header, String consequence) {
        return header + "\nrule \"" + id + "\" @id(\"" + id + "\") @reference(\"测试\") @severity(RED)\nwhen\n"
                + "    $c : CaseFacts( )\nthen\n    " + consequence + "\nend\n";
    }

    /** The refusals (or compile errors) of {@code drl} as file {@code file} of {@code layer}; empty when it compiles and passes. */
    static List<RulePackException.Problem> compile(String layer, String file, String drl) {
        List<RuleSource> rules = DrlSplitter.split(file, drl, layer);
        EffectivePack pack = new EffectivePack(DivisionCode.parse(layer), List.of(), rules, List.of(), List.of(),
                nationalParameters(), "sandbox", "sandbox" + SEQ.incrementAndGet());
        KieServices ks = KieServices.get();
        ReleaseId rid = ks.newReleaseId(RuleSetCompiler.GROUP, "sandbox-" + SEQ.incrementAndGet(), "1.0.0");
        try {
            RuleSetCompiler.compileModule(ks, RuleSpecs.of(pack), rid);
            ks.getRepository().removeKieModule(rid);
            return List.of();
        } catch (RulePackException e) {
            if (ks.getRepository().getKieModule(rid) != null) {
                throw new AssertionError("a refused KieModule stayed in the KieRepository");
            }
            return e.problems();
        }
    }

    private static ParameterSet nationalParameters() {
        ParameterSet p = parameters;
        if (p == null) {
            try (RuleSets reg = RuleSets.bundled(new DroolsRuleEngineProvider())) {
                p = reg.ruleSet(DivisionCode.NATIONAL).pack().parameters();
            }
            parameters = p;
        }
        return p;
    }
}
