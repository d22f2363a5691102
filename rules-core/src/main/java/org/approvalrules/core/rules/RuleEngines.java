package org.approvalrules.core.rules;

import java.util.Comparator;
import java.util.ServiceLoader;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.spi.RuleEngineProvider;

/** Finds the rule engine on the class path: {@link ServiceLoader}, the highest {@link RuleEngineProvider#priority()}. */
public final class RuleEngines {
    private RuleEngines() {
    }

    /**
     * The provider of highest priority on the class path of {@code loader} (ties: by name).
     *
     * @throws RulePackException when there is none (add the artifact {@code rules-drools})
     */
    public static RuleEngineProvider load(ClassLoader loader) {
        return ServiceLoader.load(RuleEngineProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get)
                .max(Comparator.comparingInt(RuleEngineProvider::priority)
                        .thenComparing(RuleEngineProvider::name, Comparator.reverseOrder()))
                .orElseThrow(() -> new RulePackException("META-INF/services/" + RuleEngineProvider.class.getName(), 0,
                        "类路径上没有规则引擎：请加入依赖 org.approvalrules:rules-drools / no rule engine on the class "
                                + "path: add the dependency org.approvalrules:rules-drools"));
    }

    /** The provider of highest priority on the class path of this library. */
    public static RuleEngineProvider load() {
        return load(RuleEngines.class.getClassLoader());
    }
}
