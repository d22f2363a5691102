package org.approvalrules.api.spi;

import java.util.Collection;
import java.util.List;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.RuleFact;

/**
 * The compiled rules of one locality, from {@link RuleEngineProvider#compile}. Thread-safe: each
 * evaluation is stateless and independent. Closing it releases what the provider holds for it (shared
 * compiled code leaves the engine's caches when its last holder closes); an evaluation already running, or
 * one started on a snapshot taken before the close, still completes.
 */
public interface CompiledRules extends AutoCloseable {

    /** The rule-set version (content hash of rules and parameters) every finding carries. */
    String version();

    /**
     * Evaluates facts; every finding carries {@link #version()} and {@code ctx.calendarVersion()}.
     *
     * @throws org.approvalrules.api.InvalidValueException when a fact is invalid for the instant (e.g. a
     *     case accepted after {@code ctx.asOf()})
     */
    List<Finding> evaluate(Collection<? extends RuleFact> facts, EvaluationContext ctx);

    @Override
    void close();
}
