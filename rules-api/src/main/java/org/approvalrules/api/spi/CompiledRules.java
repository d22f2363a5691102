package org.approvalrules.api.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
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

    /**
     * Evaluates facts like {@link #evaluate} and answers the findings of each fact by its position: element
     * {@code i} holds the findings about {@code facts.get(i)} in firing order (an empty list when there are
     * none), every list immutable. A batch path uses this to attach findings to its cases without hashing
     * subjects. This default groups {@link #evaluate}'s findings by {@link RuleFact#subject()}, so it needs
     * distinct subjects; a provider that knows which fact each finding is about (the Drools provider does)
     * overrides it and places findings by identity.
     *
     * @throws org.approvalrules.api.InvalidValueException as {@link #evaluate}, or when two facts share a
     *     subject (this default only)
     */
    default List<List<Finding>> evaluateEach(List<? extends RuleFact> facts, EvaluationContext ctx) {
        List<Finding> all = evaluate(facts, ctx);
        Map<String, Integer> positions = new HashMap<>(facts.size() * 2);
        for (int i = 0; i < facts.size(); i++) {
            if (positions.putIfAbsent(facts.get(i).subject(), i) != null) {
                throw new org.approvalrules.api.InvalidValueException("facts[" + i + "].subject", facts.get(i).subject(),
                        "同一批次中对象重复 / two facts of the batch share this subject");
            }
        }
        List<List<Finding>> byFact = new ArrayList<>(Collections.nCopies(facts.size(), (List<Finding>) null));
        for (Finding f : all) {
            Integer i = positions.get(f.subject());
            if (i == null) {
                throw new IllegalStateException("finding " + f.ruleId() + " about " + f.subject()
                        + ", which is none of the facts evaluated");
            }
            if (byFact.get(i) == null) {
                byFact.set(i, new ArrayList<>(2));
            }
            byFact.get(i).add(f);
        }
        for (int i = 0; i < byFact.size(); i++) {
            byFact.set(i, byFact.get(i) == null ? List.of() : List.copyOf(byFact.get(i)));
        }
        return byFact;
    }

    /**
     * Evaluates {@code count} facts pulled by position and hands each fact's findings over as soon as the engine
     * has evaluated it, so that a large batch is never held whole: {@code facts.apply(i)} is asked once for each
     * position, in order, and {@code out.accept(findings, i)} is called once for each position, in order
     * (findings as in {@link #evaluateEach(List, EvaluationContext)}: firing order, immutable, empty when none).
     * A provider that evaluates facts in chunks hands a chunk's findings over before it asks for the next
     * chunk's facts, so a caller that builds a fact when asked and lets go of it when its findings come keeps
     * one chunk at a time. This default asks for every fact first and then calls
     * {@link #evaluateEach(List, EvaluationContext)}.
     *
     * @throws org.approvalrules.api.InvalidValueException as {@link #evaluate}; the findings of positions
     *     handed over before the error stay handed over
     */
    default void evaluateEach(int count, IntFunction<? extends RuleFact> facts, EvaluationContext ctx,
            ObjIntConsumer<List<Finding>> out) {
        List<RuleFact> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(facts.apply(i));
        }
        List<List<Finding>> byFact = evaluateEach(all, ctx);
        for (int i = 0; i < count; i++) {
            out.accept(byFact.get(i), i);
        }
    }

    @Override
    void close();
}
