package org.approvalrules.drools;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.pack.EffectivePack;
import org.approvalrules.core.pack.RuleSource;
import org.approvalrules.core.parameter.ParameterSet;
import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.RuleContext;

/**
 * One compiled rule set: the KieBase of an effective pack, with the rules' metadata and the
 * parameters. Immutable and thread-safe; each evaluation uses its own stateless session, so an
 * evaluation that started on this version finishes on it even if a reload swaps in another.
 *
 * <p>Each evaluation sets the session's globals once: {@code out} (the findings), {@code params} (the
 * effective parameters) and {@code calendar} (the working calendar of the locality evaluated, as
 * {@link CalendarFunctions}). Rules that do not call {@code calendar} cost nothing more; without a
 * calendar given, the bundled calendar of the rule set's locality is looked up only when a rule first
 * calls it.
 */
public final class CompiledRuleSet {
    /** The zone in which case times are local civil times. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final int CHUNK = 2048;

    private final EffectivePack pack;
    private final KieBase kieBase;
    private final ReleaseId releaseId;
    private final Map<String, RuleSource> rulesByName;
    private final boolean prebuilt;
    private final CalendarFunctions bundledCalendar;

    CompiledRuleSet(EffectivePack pack, KieBase kieBase, ReleaseId releaseId, Map<String, RuleSource> rulesByName,
            boolean prebuilt) {
        this.pack = pack;
        this.kieBase = kieBase;
        this.releaseId = releaseId;
        // interned keys: Drools hands back rule names that are string literals of the generated model,
        // so each finding's lookup hits on reference equality
        Map<String, RuleSource> interned = new HashMap<>();
        rulesByName.forEach((name, rule) -> interned.put(name.intern(), rule));
        this.rulesByName = Collections.unmodifiableMap(interned);
        this.prebuilt = prebuilt;
        this.bundledCalendar = bundledCalendar(pack.locality());
    }

    /**
     * Whether the KieBase was loaded from the KieModule compiled at build time (the bundled national
     * rules) rather than compiled in this JVM.
     */
    public boolean prebuilt() {
        return prebuilt;
    }

    /** The content hash of rules and parameters: the rule-set version findings carry. */
    public String version() {
        return pack.version();
    }

    /** The effective pack this was compiled from. */
    public EffectivePack pack() {
        return pack;
    }

    /** The effective parameters. */
    public ParameterSet parameters() {
        return pack.parameters();
    }

    /** The compiled KieBase (exposed for diagnostics and tests). */
    public KieBase kieBase() {
        return kieBase;
    }

    ReleaseId releaseId() {
        return releaseId;
    }

    /** The same compiled rules with other parameter values (an edit of parameter files only). */
    CompiledRuleSet withPack(EffectivePack other) {
        if (!other.rulesVersion().equals(pack.rulesVersion())) {
            throw new IllegalArgumentException("rules differ: " + other.rulesVersion() + " vs " + pack.rulesVersion());
        }
        return new CompiledRuleSet(other, kieBase, releaseId, rulesByName, prebuilt);
    }

    /**
     * Evaluates cases (any locality whose effective path is this one) as of {@code asOf}; the rules'
     * {@code calendar} is the bundled calendar ({@link CalendarRepository#bundled()}, STRICT) of
     * {@link #locality()}. Give the calendar when the cases' locality has calendar layers of its own.
     *
     * @throws InvalidValueException when a case was accepted after {@code asOf}
     */
    public List<Finding> evaluate(Collection<CaseFacts> cases, Instant asOf) {
        return evaluate(cases, asOf, bundledCalendar);
    }

    /**
     * Evaluates cases as of {@code asOf}, with {@code calendar} (the working calendar of the cases'
     * locality, local layers included) as the rules' global {@code calendar}.
     *
     * @throws InvalidValueException when a case was accepted after {@code asOf}
     */
    public List<Finding> evaluate(Collection<CaseFacts> cases, Instant asOf, WorkingCalendar calendar) {
        return evaluate(cases, asOf, CalendarFunctions.of(calendar));
    }

    /** The bundled calendar (STRICT) of {@code locality}, loaded when a rule first calls it. */
    static CalendarFunctions bundledCalendar(DivisionCode locality) {
        return new CalendarFunctions() {
            private volatile WorkingCalendar calendar;

            @Override
            public WorkingCalendar workingCalendar() {
                WorkingCalendar c = calendar;
                if (c == null) {
                    c = CalendarRepository.bundled().calendarFor(locality, CoveragePolicy.STRICT);
                    calendar = c;
                }
                return c;
            }
        };
    }

    /** Evaluates with {@code calendar} as the rules' global {@code calendar}. */
    List<Finding> evaluate(Collection<CaseFacts> cases, Instant asOf, CalendarFunctions calendar) {
        InvalidValueException.requireNonNull(cases, "cases");
        InvalidValueException.requireNonNull(asOf, "asOf");
        InvalidValueException.requireNonNull(calendar, "calendar");
        LocalDateTime limit = LocalDateTime.ofInstant(asOf, ZONE);
        Sink sink = new Sink();
        // one stateless session for the batch; it matches CHUNK cases at a time, so that the working
        // memory of one execution stays small (cache-friendly) while findings go to one sink. Each case
        // is checked as it joins a chunk (it is then still in cache when Drools matches it); a bad case
        // throws before this method returns anything, so no findings of the batch are half-delivered.
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("out", sink);
        session.setGlobal("params", pack.parameters());
        session.setGlobal("calendar", calendar);
        try {
            List<CaseFacts> chunk = new ArrayList<>(Math.min(CHUNK, cases.size()));
            for (CaseFacts c : cases) {
                InvalidValueException.requireNonNull(c, "case");
                if (c.acceptedAt().isAfter(limit)) {
                    throw new InvalidValueException("case " + c.caseId() + ".acceptedAt", c.acceptedAt(),
                            "受理时间晚于评估时点 " + limit + " / accepted after the evaluation instant");
                }
                chunk.add(c);
                if (chunk.size() == CHUNK) {
                    session.execute(chunk);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                session.execute(chunk);
            }
        } catch (RuntimeException e) {
            throw unwrapped(e);
        }
        return sink.findings;
    }

    /**
     * Judges facts of any kind (window authorization, fees, intake) with these rules, in one stateless
     * execution; the rules' {@code calendar} is {@code calendar}.
     */
    public List<Finding> evaluateFacts(Collection<? extends RuleFact> facts, CalendarFunctions calendar) {
        return evaluateFacts(facts, calendar, pack.parameters());
    }

    /** Judges facts with these rules and other parameter values (tests of the engines with parameters of their own). */
    List<Finding> evaluateFacts(Collection<? extends RuleFact> facts, CalendarFunctions calendar, ParameterSet parameters) {
        InvalidValueException.requireNonNull(facts, "facts");
        InvalidValueException.requireNonNull(calendar, "calendar");
        if (facts.isEmpty()) {
            return List.of();
        }
        Sink sink = new Sink(parameters);
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("out", sink);
        session.setGlobal("params", parameters);
        session.setGlobal("calendar", calendar);
        try {
            session.execute(List.copyOf(facts));
        } catch (RuntimeException e) {
            throw unwrapped(e);
        }
        return sink.findings;
    }

    /** The library's own exception a rule threw (Drools wraps it), else {@code e}. */
    private static RuntimeException unwrapped(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApprovalRulesException a) {
                return a;
            }
        }
        return e;
    }

    /** Collects the findings of one evaluation, filling in metadata from the rule source. */
    private final class Sink implements FindingSink {
        final List<Finding> findings = new ArrayList<>();
        private final ParameterSet parameters;

        Sink() {
            this(pack.parameters());
        }

        Sink(ParameterSet parameters) {
            this.parameters = parameters;
        }

        @Override
        public void report(Object ruleContext, RuleFact subject, String zh, String en) {
            RuleSource r = rulesByName.get(((RuleContext) ruleContext).getRule().getName());
            // displayValues is cached per period in which the parameters keep their values
            Map<String, String> used = r.parameters().isEmpty() ? Map.of()
                    : parameters.displayValues(r.parameters(), subject.factDate());
            findings.add(new Finding(r.id(), r.severity(), BilingualText.of(zh, en), subject.subject(), r.reference(),
                    pack.version(), r.layer(), used));
        }

        @Override
        public void report(Object ruleContext, RuleFact subject, String zh, String en, Map<String, ?> evidence) {
            RuleSource r = rulesByName.get(((RuleContext) ruleContext).getRule().getName());
            add(r, subject, r.severity(), r.reference(), Map.of(), zh, en, evidence);
        }

        @Override
        public void cite(Object ruleContext, RuleFact subject, Severity severity, String reference,
                Map<String, String> parameters, String zh, String en, Map<String, ?> evidence) {
            RuleSource r = rulesByName.get(((RuleContext) ruleContext).getRule().getName());
            add(r, subject, severity, reference, parameters, zh, en, evidence);
        }

        private void add(RuleSource r, RuleFact subject, Severity severity, String reference, Map<String, String> cited,
                String zh, String en, Map<String, ?> evidence) {
            Map<String, String> used = new HashMap<>();
            if (!r.parameters().isEmpty()) {
                used.putAll(parameters.displayValues(r.parameters(), subject.factDate()));
            }
            used.putAll(cited);
            // until findings carry evidence of their own, it is shown with the parameters
            evidence.forEach((k, v) -> used.put(k, String.valueOf(v)));
            findings.add(new Finding(r.id(), severity, BilingualText.of(zh, en), subject.subject(), reference,
                    pack.version(), r.layer(), used));
        }
    }

    @Override
    public String toString() {
        return "CompiledRuleSet[" + pack.path() + " v" + pack.version() + ", " + rulesByName.size() + " rules]";
    }

    /** The locality this was compiled for (the first that asked). */
    public DivisionCode locality() {
        return pack.locality();
    }
}
