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
import java.util.concurrent.atomic.AtomicBoolean;
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
        LocalDateTime limit = LocalDateTime.ofInstant(ctx.asOf(), ZONE);
        Sink sink = new Sink(ctx.calendarVersion());
        // one stateless session for the batch; it matches CHUNK facts at a time, so that the working
        // memory of one execution stays small (cache-friendly) while findings go to one sink. Each fact
        // is checked as it joins a chunk (it is then still in cache when Drools matches it); a bad fact
        // throws before this method returns anything, so no findings of the batch are half-delivered.
        StatelessKieSession session = kieBase.newStatelessKieSession();
        TimeBudget budget = TimeBudget.start(spec.parameters(), limit.toLocalDate(), facts.size(), rulesByName);
        if (budget != null) {
            session.addEventListener(budget);
        }
        session.setGlobal("out", sink);
        session.setGlobal("params", spec.parameters());
        session.setGlobal("calendar", ctx.calendar());
        try {
            List<Object> chunk = new ArrayList<>(Math.min(CHUNK, facts.size()));
            for (RuleFact f : facts) {
                InvalidValueException.requireNonNull(f, "fact");
                if (f instanceof CaseFacts c && c.acceptedAt().isAfter(limit)) {
                    throw new InvalidValueException("case " + c.caseId() + ".acceptedAt", c.acceptedAt(),
                            "受理时间晚于评估时点 " + limit + " / accepted after the evaluation instant");
                }
                chunk.add(f);
                if (chunk.size() == CHUNK) {
                    session.execute(chunk);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                session.execute(chunk);
            }
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ApprovalRulesException a) {
                    throw a;
                }
            }
            throw e;
        }
        return sink.findings;
    }

    /** Collects the findings of one evaluation, filling in metadata from the rule spec. */
    private final class Sink implements FindingSink {
        final List<Finding> findings = new ArrayList<>();
        final String calendarVersion;

        Sink(String calendarVersion) {
            this.calendarVersion = calendarVersion;
        }

        @Override
        public void report(Object ruleContext, RuleFact subject, String zh, String en, Map<String, ?> evidence) {
            RuleSpec r = rulesByName.get(((RuleContext) ruleContext).getRule().getName());
            // displayValues is cached per period in which the parameters keep their values
            Map<String, String> used = r.parameters().isEmpty() ? Map.of()
                    : spec.parameters().displayValues(r.parameters(), subject.factDate());
            findings.add(new Finding(r.id(), r.severity(), subject.subject(), BilingualText.of(zh, en), r.reference(),
                    r.layer(), spec.version(), calendarVersion, used, strings(evidence)));
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
            findings.add(new Finding(r.id(), severity, subject.subject(), BilingualText.of(zh, en), reference,
                    r.layer(), spec.version(), calendarVersion, used, strings(evidence)));
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
