package org.approvalrules.core.rules;

import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.spi.RuleSetSpec;
import org.approvalrules.api.spi.RuleSpec;
import org.approvalrules.core.pack.EffectivePack;
import org.approvalrules.core.pack.RuleSource;

/** The SPI view of an effective pack: what a {@link org.approvalrules.api.spi.RuleEngineProvider} compiles. */
public final class RuleSpecs {
    private RuleSpecs() {
    }

    /** The rule-set spec of {@code pack}: its effective rules, parameters and versions. */
    public static RuleSetSpec of(EffectivePack pack) {
        List<RuleSpec> rules = new ArrayList<>(pack.rules().size());
        for (RuleSource r : pack.rules()) {
            rules.add(of(r));
        }
        return new RuleSetSpec(pack.locality(), pack.version(), pack.rulesVersion(), rules, pack.parameters());
    }

    /** The SPI view of one rule. */
    public static RuleSpec of(RuleSource r) {
        return new RuleSpec(r.id(), r.layer(), r.file(), r.line(), r.severity(), r.reference(), r.parameters(),
                r.header(), r.text());
    }
}
