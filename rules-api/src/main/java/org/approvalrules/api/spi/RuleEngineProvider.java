package org.approvalrules.api.spi;

import org.approvalrules.api.rules.RulePackException;

/**
 * A rule engine behind the library's one entry point (the JSR 354 style: the embedder uses
 * {@code org.approvalrules.ApprovalRules} and api types; an engine plugs in here). Found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.approvalrules.api.spi.RuleEngineProvider});
 * when several are on the class path the highest {@link #priority()} wins, unless the embedder chooses one.
 * The artifact {@code rules-drools} supplies the Drools provider. Implementations are thread-safe.
 */
public interface RuleEngineProvider {

    /** A short name, e.g. {@code "drools"}, for messages and {@code rules explain}. */
    String name();

    /** Higher wins when several providers are on the class path. */
    int priority();

    /**
     * Compiles the effective rules of one locality. A provider may share compiled code between calls
     * with the same {@link RuleSetSpec#rulesVersion()}; each result is released by
     * {@link CompiledRules#close()}.
     *
     * @throws RulePackException when a rule does not compile, naming its file and line
     */
    CompiledRules compile(RuleSetSpec spec);

    /** The converter of decision-table files ({@code *.drl.csv}, {@code *.drl.xlsx}, …) to rule text. */
    DecisionTableConverter decisionTables();
}
