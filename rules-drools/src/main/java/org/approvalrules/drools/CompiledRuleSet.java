package org.approvalrules.drools;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.CalendarFunctions;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.api.rules.FindingSink;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.api.spi.CompiledRules;
import org.approvalrules.api.spi.EvaluationContext;
import org.approvalrules.api.spi.RuleSetSpec;
import org.approvalrules.api.spi.RuleSpec;
import org.approvalrules.core.calendar.CalendarRepository;
import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.RuleContext;

/**
 * One compiled rule set: the KieBase of a locality's effective rules, with the rules' metadata and the
 * parameters; the Drools {@link CompiledRules}. Immutable and thread-safe; each evaluation uses its own
 * stateless session, so an evaluation that started on this version finishes on it even if a reload swaps
 * in another. {@link #close()} gives back this rule set's hold on the shared KieBase.
 *
 * <p>Each evaluation sets the session's globals once: {@code out} (the findings), {@code params} (the
 * effective parameters) and {@code calendar} (the working calendar of the evaluation context, as
 * {@link CalendarFunctions}).
 */
final class CompiledRuleSet implements CompiledRules {
    /** The zone in which case times are local civil times. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int CHUNK = 2048;

    private final RuleSetSpec spec;
    private final KieBase kieBase;
    private final ReleaseId releaseId;
    private final Map<String, RuleSpec> rulesByName;
    private final boolean prebuilt;
    private final AtomicBoolean closed = new AtomicBoolean();

    CompiledRuleSet(RuleSetSpec spec, KieBase kieBase, ReleaseId releaseId, Map<String, RuleSpec> rulesByName,
            boolean prebuilt) {
        this.spec = spec;
        this.kieBase = kieBase;
        this.releaseId = releaseId;
        // interned keys: Drools hands back rule names that are string literals of the generated model,
        // so each finding's lookup hits on reference equality
        Map<String, RuleSpec> interned = new HashMap<>();
        rulesByName.forEach((name, rule) -> interned.put(name.intern(), rule));
        this.rulesByName = Collections.unmodifiableMap(interned);
        this.prebuilt = prebuilt;
    }

    /**
     * Whether the KieBase was loaded from the KieModule compiled at build time (the bundled national
     * rules) rather than compiled in this JVM.
     */
    boolean prebuilt() {
        return prebuilt;
    }

    /** The content hash of rules and parameters: the rule-set version findings carry. */
    @Override
    public String version() {
        return spec.version();
    }

    /** What this was compiled from. */
    RuleSetSpec spec() {
        return spec;
    }

    /** The compiled KieBase (for diagnostics and tests). */
    KieBase kieBase() {
        return kieBase;
    }

    ReleaseId releaseId() {
        return releaseId;
    }

    /**
     * Evaluates with the bundled calendar (STRICT) of the rule set's locality (tests and benchmarks).
     *
     * @throws InvalidValueException when a case was accepted after {@code asOf}
     * @throws TimeBudgetExceededException when the evaluation ran out of its time budget ({@link TimeBudget})
     */
    List<Finding> evaluate(Collection<? extends RuleFact> facts, Instant asOf) {
        return evaluate(facts, asOf, CalendarRepository.bundled().calendarFor(spec.locality(), CoveragePolicy.STRICT));
    }

    /** Evaluates with {@code calendar} as the rules' global {@code calendar} (tests and benchmarks). */
    List<Finding> evaluate(Collection<? extends RuleFact> facts, Instant asOf, WorkingCalendar calendar) {
        return evaluate(facts, new EvaluationContext(asOf, CalendarFunctions.of(calendar), calendar.version()));
    }

    /**
     * Evaluates facts as of {@code ctx.asOf()}, with {@code ctx.calendar()} as the rules' global
     * {@code calendar}; every finding carries this version and {@code ctx.calendarVersion()}.
     *
     * @throws InvalidValueException when a case was accepted after {@code ctx.asOf()}
     */
    @Override
    public List<Finding> evaluate(Collection<? extends RuleFact> facts, EvaluationContext ctx) {
        InvalidValueException.requireNonNull(facts, "facts");
        InvalidValueException.requireNonNull(ctx, "ctx");
        List<? extends RuleFact> list = facts instanceof List<? extends RuleFact> l && facts instanceof RandomAccess ? l
                : new ArrayList<>(facts);
        Sink sink = new Sink(ctx.calendarVersion(), -1);
        run(list.size(), list::get, ctx, sink, null);
        return sink.findings;
    }

    /**
     * Evaluates as {@link #evaluate} and places each finding at the position of the fact it is about: the
     * sink is handed the fact itself, and each chunk's facts are indexed by identity (a small table that
     * stays in cache), so no subject is hashed or compared.
     */
    @Override
    public List<List<Finding>> evaluateEach(List<? extends RuleFact> facts, EvaluationContext ctx) {
        InvalidValueException.requireNonNull(facts, "facts");
        @SuppressWarnings("unchecked")
        List<Finding>[] out = new List[facts.size()];
        evaluateEach(facts.size(), facts::get, ctx, (findings, i) -> out[i] = findings);
        return Collections.unmodifiableList(java.util.Arrays.asList(out));
    }

    /**
     * Evaluates {@value #CHUNK} facts at a time and hands each chunk's findings to {@code out} (by position,
     * in order) before asking for the next chunk's facts: a caller that builds facts on demand holds one chunk.
     */
    @Override
    public void evaluateEach(int count, IntFunction<? extends RuleFact> facts, EvaluationContext ctx,
            ObjIntConsumer<List<Finding>> out) {
        InvalidValueException.requireNonNull(facts, "facts");
        InvalidValueException.requireNonNull(ctx, "ctx");
        InvalidValueException.requireNonNull(out, "out");
        Sink sink = new Sink(ctx.calendarVersion(), Math.min(CHUNK, count));
        run(count, facts, ctx, sink, out);
    }

    private void run(int count, IntFunction<? extends RuleFact> facts, EvaluationContext ctx, Sink sink,
            ObjIntConsumer<List<Finding>> out) {
        LocalDateTime limit = LocalDateTime.ofInstant(ctx.asOf(), ZONE);
        // one stateless session for the batch; it matches CHUNK facts at a time, so that the working
        // memory of one execution stays small (cache-friendly) while findings go to one sink. Each fact
        // is checked as it joins a chunk (it is then still in cache when Drools matches it); a bad fact
        // throws before its chunk is evaluated, so no finding of its chunk or a later one is handed over.
        StatelessKieSession session = kieBase.newStatelessKieSession();
        TimeBudget budget = TimeBudget.start(spec.parameters(), limit.toLocalDate(), count, rulesByName);
        if (budget != null) {
            session.addEventListener(budget);
        }
        session.setGlobal("out", sink);
        session.setGlobal("params", spec.parameters());
        session.setGlobal("calendar", ctx.calendar());
        try {
            List<Object> chunk = new ArrayList<>(Math.min(CHUNK, count));
            int first = 0;
            for (int i = 0; i < count; i++) {
                RuleFact f = InvalidValueException.requireNonNull(facts.apply(i), "fact");
                if (f instanceof CaseFacts c && c.acceptedAt().isAfter(limit)) {
                    throw new InvalidValueException("case " + c.caseId() + ".acceptedAt", c.acceptedAt(),
                            "受理时间晚于评估时点 " + limit + " / accepted after the evaluation instant");
                }
                chunk.add(f);
                if (chunk.size() == CHUNK || i == count - 1) {
                    sink.chunk(chunk);
                    session.execute(chunk);
                    if (out != null) {
                        sink.handOver(out, first);
                    }
                    first += chunk.size();
                    chunk.clear();
                }
            }
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ApprovalRulesException a) {
                    throw a;
                }
            }
            throw e;
        }
    }

    /**
     * Collects the findings of one evaluation, filling in metadata from the rule spec; with positions,
     * files each finding under the position of its fact in the chunk being evaluated.
     */
    private final class Sink implements FindingSink {
        /** Table size for one chunk's facts by identity: a power of two, at least twice CHUNK. */
        private static final int SLOTS = Integer.highestOneBit(CHUNK) * 4;

        final List<Finding> findings;
        final String calendarVersion;
        /** By position in the chunk: null, one Finding, or an ArrayList of them (positions mode only). */
        private final Object[] byPosition;
        private final Object[] keys;
        private final int[] positions;
        private Rule lastRule;
        private RuleSpec lastSpec;
        /** The chunk's facts, and their positions by subject, built only for a fact a rule inserted. */
        private List<Object> chunk;
        private Map<String, Integer> bySubject;

        /** {@code chunkSize} -1: findings in firing order, no positions. */
        Sink(String calendarVersion, int chunkSize) {
            this.calendarVersion = calendarVersion;
            this.findings = chunkSize < 0 ? new ArrayList<>() : null;
            this.byPosition = chunkSize < 0 ? null : new Object[chunkSize];
            this.keys = chunkSize < 0 ? null : new Object[SLOTS];
            this.positions = chunkSize < 0 ? null : new int[SLOTS];
        }

        /** The facts about to be executed. */
        void chunk(List<Object> facts) {
            if (keys == null) {
                return;
            }
            this.chunk = facts;
            this.bySubject = null;
            java.util.Arrays.fill(keys, null);
            for (int i = 0; i < facts.size(); i++) {
                Object f = facts.get(i);
                int s = slot(f);
                while (keys[s] != null && keys[s] != f) {
                    s = (s + 1) & (SLOTS - 1);
                }
                if (keys[s] == null) {      // the same object twice: its findings go to its first position
                    keys[s] = f;
                    positions[s] = i;
                }
            }
        }

        /** Hands the findings of the chunk just executed to {@code out}, each list immutable, and forgets them. */
        @SuppressWarnings("unchecked")
        void handOver(ObjIntConsumer<List<Finding>> out, int first) {
            for (int i = 0; i < chunk.size(); i++) {
                Object held = byPosition[i];
                byPosition[i] = null;
                out.accept(held == null ? List.of() : held instanceof Finding one ? List.of(one)
                        : List.copyOf((List<Finding>) held), first + i);
            }
        }

        private static int slot(Object f) {
            return (System.identityHashCode(f) * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(SLOTS));
        }

        private int positionOf(RuleFact f) {
            for (int s = slot(f); keys[s] != null; s = (s + 1) & (SLOTS - 1)) {
                if (keys[s] == f) {
                    return positions[s];
                }
            }
            return -1;
        }

        @Override
        public void report(Object ruleContext, RuleFact subject, String zh, String en, Map<String, ?> evidence) {
            report(ruleContext, subject, BilingualText.of(zh, en), evidence);
        }

        /** Keeps the message as made (from templates: its strings are made when read). */
        @Override
        public void report(Object ruleContext, RuleFact subject, BilingualText message, Map<String, ?> evidence) {
            InvalidValueException.requireNonNull(message, "message");
            Rule rule = ((RuleContext) ruleContext).getRule();
            RuleSpec r = rule == lastRule ? lastSpec : rulesByName.get(rule.getName());
            lastRule = rule;
            lastSpec = r;
            // displayValues is cached per period in which the parameters keep their values
            Map<String, String> used = r.parameters().isEmpty() ? Map.of()
                    : spec.parameters().displayValues(r.parameters(), subject.factDate());
            place(new Finding(r.id(), r.severity(), subject.subject(), message, r.reference(),
                    r.layer(), spec.version(), calendarVersion, used, strings(evidence)), subject);
        }

        @Override
        public void cite(Object ruleContext, RuleFact subject, Severity severity, String reference,
                Map<String, String> parameters, String zh, String en, Map<String, ?> evidence) {
            RuleSpec r = rulesByName.get(((RuleContext) ruleContext).getRule().getName());
            Map<String, String> used = new LinkedHashMap<>();
            if (!r.parameters().isEmpty()) {
                used.putAll(spec.parameters().displayValues(r.parameters(), subject.factDate()));
            }
            used.putAll(parameters);
            place(new Finding(r.id(), severity, subject.subject(), BilingualText.of(zh, en), reference,
                    r.layer(), spec.version(), calendarVersion, used, strings(evidence)), subject);
        }

        /** Files a finding with the fact it is about (by position), or in order when not evaluating per fact. */
        private void place(Finding finding, RuleFact subject) {
            if (byPosition == null) {
                findings.add(finding);
                return;
            }
            int i = positionOf(subject);
            if (i < 0) {
                i = positionBySubject(subject.subject());
            }
            if (i < 0) {
                throw new IllegalStateException("rule " + finding.ruleId() + " reported on " + subject.subject()
                        + ", the subject of none of the facts evaluated");
            }
            Object held = byPosition[i];
            if (held == null) {
                byPosition[i] = finding;
            } else if (held instanceof Finding one) {
                List<Finding> l = new ArrayList<>(4);
                l.add(one);
                l.add(finding);
                byPosition[i] = l;
            } else {
                @SuppressWarnings("unchecked")
                List<Finding> l = (List<Finding>) held;
                l.add(finding);
            }
        }

        private static Map<String, String> strings(Map<String, ?> evidence) {
            if (evidence == null || evidence.isEmpty()) {
                return Map.of();
            }
            Map<String, String> ev = new LinkedHashMap<>();
            for (Map.Entry<String, ?> e : evidence.entrySet()) {
                ev.put(e.getKey(), String.valueOf(e.getValue()));
            }
            return ev;
        }

        /**
         * The position in the chunk of the first fact with this subject: for a finding about a fact that a rule
         * inserted (it goes with the case of the same subject, as findings are grouped by subject); -1 when none.
         */
        private int positionBySubject(String subject) {
            if (bySubject == null) {
                bySubject = new HashMap<>();
                for (int i = chunk.size() - 1; i >= 0; i--) {
                    if (chunk.get(i) instanceof RuleFact f) {
                        bySubject.put(f.subject(), i);
                    }
                }
            }
            return bySubject.getOrDefault(subject, -1);
        }
    }

    /** Gives back this rule set's hold on the shared KieBase (once; later calls do nothing). */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            RuleSetCompiler.release(this);
        }
    }

    @Override
    public String toString() {
        return "CompiledRuleSet[" + spec.locality() + " v" + spec.version() + ", " + rulesByName.size() + " rules]";
    }

    /** The locality this was compiled for (the first that asked). */
    DivisionCode locality() {
        return spec.locality();
    }
}
