package org.approvalrules.drools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.rules.CalendarFunctions;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.calendar.CalendarProviders;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.deadline.CaseDeadlineInputs;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.rules.DeadlineFacts;
import org.approvalrules.core.rules.DeadlinePolicies;
import org.approvalrules.core.rules.DomainChecks;

/**
 * The one entry point: a case in, its deadlines and its locality's findings out.
 *
 * <pre>{@code
 * ApprovalRules rules = ApprovalRules.builder().packs(Path.of("/etc/approval-rules/packs")).build();
 * CaseEvaluation e = rules.evaluate(approvalCase, serviceItem);   // as of the clock
 * e.deadline().governing().dueDate(); e.status(); e.findings();
 * }</pre>
 *
 * <p>For each case: the calendar of its locality (bundled national data + local layers, including the
 * packs' {@code <code>/calendar/} layers) → the locality's effective parameters at the case's
 * <b>acceptance date</b> → {@link DeadlinePolicies} → {@link DeadlineEngine} → {@link DeadlineFacts} →
 * the locality's compiled rules ({@link RuleSetRegistry}), which see the facts (with the engine's result,
 * {@link CaseFacts#deadline()}) and the locality's calendar as the global {@code calendar} → findings, each
 * with rule id, layer, legal reference and rule-set version. The findings are the rule pack's: a
 * locality disables or replaces them by id. (The engine's built-in findings stay in {@code deadline().findings()} for comparison.)
 *
 * <p>{@link #reload(DivisionCode)} re-reads a pack layer and the packs' calendar layers and swaps both in,
 * or neither. An evaluation uses one consistent snapshot (calendar and rule set) from start to end.
 * Thread-safe; close it to release the compiled rules.
 */
public final class ApprovalRules implements AutoCloseable {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Optional<Path> packs;
    private final CoveragePolicy coverage;
    private final Clock clock;
    private final RuleSetRegistry registry;
    /** Base of the calendar repository when the calendars come from layers (null with providers). */
    private final CalendarRepository calendarBase;
    private final CalendarProviders providers;
    private volatile Snapshot snapshot;

    /** What one evaluation uses: calendars and rule sets that were in service together. */
    private record Snapshot(CalendarRepository calendars, Map<DivisionCode, WorkingCalendar> calendarByLocality,
            Map<DivisionCode, CompiledRuleSet> ruleSets) {
    }

    /**
     * The outcome of a {@link #reload}.
     *
     * @param layer the layer reloaded
     * @param swapped whether the new rules and calendar layers went into service (both, or neither)
     * @param ruleSetVersions the rule-set versions in service afterwards, by locality
     * @param calendarVersion the calendar repository version in service afterwards (empty with providers)
     * @param problems why nothing was swapped (file, line), empty on success
     */
    public record Reload(DivisionCode layer, boolean swapped, Map<DivisionCode, String> ruleSetVersions,
            Optional<String> calendarVersion, List<RulePackException.Problem> problems) {
    }

    private ApprovalRules(Builder b) {
        this.packs = Optional.ofNullable(b.packs);
        this.coverage = b.coverage;
        this.clock = b.clock;
        this.providers = b.providers;
        this.calendarBase = b.providers != null ? null : b.repository != null ? b.repository : CalendarRepository.bundled();
        CalendarRepository calendars = calendarBase == null ? null
                : packs.map(calendarBase::withLayersFrom).orElse(calendarBase);
        this.registry = packs.map(RuleSetRegistry::directory).orElseGet(RuleSetRegistry::bundled);
        this.snapshot = new Snapshot(calendars, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
    }

    /** A new builder: bundled national pack and calendars, STRICT coverage, the system clock in Asia/Shanghai. */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- evaluation

    /** Evaluates a case as of now (the clock). */
    public CaseEvaluation evaluate(ApprovalCase approvalCase, ServiceItem item) {
        return evaluate(approvalCase, item, clock.instant());
    }

    /** Evaluates a case as of {@code asOf} (replay history by passing a past instant). */
    public CaseEvaluation evaluate(ApprovalCase approvalCase, ServiceItem item, Instant asOf) {
        InvalidValueException.requireNonNull(approvalCase, "case");
        return evaluate(approvalCase.locality(), List.of(CaseDeadlineInputs.of(approvalCase, item)), asOf).get(0);
    }

    /**
     * Evaluates a batch of cases of one locality as of {@code asOf}: one calendar and one rule set for
     * the whole batch, parameters chosen per case by its acceptance date. Results are in input order.
     *
     * @throws InvalidValueException when a case names another locality, or two cases share an id
     */
    public List<CaseEvaluation> evaluate(DivisionCode locality, List<DeadlineInput> cases, Instant asOf) {
        InvalidValueException.requireNonNull(locality, "locality");
        InvalidValueException.requireNonNull(cases, "cases");
        InvalidValueException.requireNonNull(asOf, "asOf");
        Snapshot s = snapshotFor(locality);
        WorkingCalendar calendar = calendar(s, locality);
        CompiledRuleSet rules = ruleSet(s, locality);
        ParameterSet params = rules.parameters();
        Map<LocalDate, DeadlinePolicy> policies = new HashMap<>();
        Map<LocalDate, WorkingCalendar> calendars = new HashMap<>();
        List<DeadlineResult> results = new ArrayList<>(cases.size());
        List<CaseFacts> facts = new ArrayList<>(cases.size());
        Set<String> ids = new HashSet<>();
        for (DeadlineInput in : cases) {
            InvalidValueException.requireNonNull(in, "case");
            if (in.locality().isPresent() && !in.locality().get().equals(locality)) {
                throw new InvalidValueException("case " + in.caseId() + ".locality", in.locality().get(),
                        "办件地区与评估地区 " + locality + " 不同 / the case belongs to another locality than " + locality);
            }
            if (!ids.add(in.caseId())) {
                throw new InvalidValueException("case", in.caseId(), "同一批次中办件编号重复 / duplicate case id in the batch");
            }
            LocalDate acceptedOn = in.accepted().toLocalDate();
            DeadlinePolicy policy = policies.computeIfAbsent(acceptedOn, d -> DeadlinePolicies.policy(params, d));
            WorkingCalendar cal = calendars.computeIfAbsent(acceptedOn, d -> DeadlinePolicies.calendar(calendar, params, d));
            DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, cal, policy, asOf);
            results.add(r);
            facts.add(DeadlineFacts.of(in, r, cal, locality));
        }
        Map<String, List<Finding>> bySubject = new HashMap<>();
        for (Finding f : rules.evaluate(facts, asOf, calendar)) {
            bySubject.computeIfAbsent(f.subject(), k -> new ArrayList<>()).add(f);
        }
        List<CaseEvaluation> out = new ArrayList<>(cases.size());
        for (int i = 0; i < results.size(); i++) {
            DeadlineResult r = results.get(i);
            LocalDate acceptedOn = cases.get(i).accepted().toLocalDate();
            out.add(new CaseEvaluation(r.caseId(), locality, r, bySubject.getOrDefault(r.caseId(), List.of()),
                    policies.get(acceptedOn), r.calendarVersion(), rules.version()));
        }
        return out;
    }

    /** Evaluates one case given as a deadline input (its locality, or {@code locality}). */
    public CaseEvaluation evaluate(DivisionCode locality, DeadlineInput input, Instant asOf) {
        return evaluate(locality, List.of(input), asOf).get(0);
    }

    // ---------------------------------------------------------------- what is in service

    /** The deadline policy a case of {@code locality} accepted on {@code acceptedOn} is computed with. */
    public DeadlinePolicy policy(DivisionCode locality, LocalDate acceptedOn) {
        return DeadlinePolicies.policy(ruleSet(locality).parameters(), acceptedOn);
    }

    /** The calendar of {@code locality} in service (before any office-hours override of its pack). */
    public WorkingCalendar calendar(DivisionCode locality) {
        return calendar(snapshot, locality);
    }

    /** The rule set in service for {@code locality} (compiled on first use). */
    public CompiledRuleSet ruleSet(DivisionCode locality) {
        return ruleSet(snapshotFor(locality), locality);
    }

    /**
     * The window-authorization, fee and intake checks of {@code locality}: its parameters, calendar and
     * rules in service, every finding stamped with its rule-set version.
     */
    public DomainChecks domains(DivisionCode locality) {
        CompiledRuleSet set = ruleSet(locality);
        WorkingCalendar cal = calendar(locality);
        return new DomainChecks(set.parameters(), set.version(), cal,
                facts -> set.evaluateFacts(facts, CalendarFunctions.of(cal)));
    }

    /** The rule-pack registry (for {@code check}, {@code explain} and scenario runs). */
    public RuleSetRegistry registry() {
        return registry;
    }

    /** The pack directory, empty when only the bundled national pack is used. */
    public Optional<Path> packs() {
        return packs;
    }

    /** The clock used when no instant is given. */
    public Clock clock() {
        return clock;
    }

    private WorkingCalendar calendar(Snapshot s, DivisionCode locality) {
        InvalidValueException.requireNonNull(locality, "locality");
        return s.calendarByLocality().computeIfAbsent(locality, l -> s.calendars() != null
                ? s.calendars().calendarFor(l, coverage) : providers.calendarFor(l, coverage));
    }

    private CompiledRuleSet ruleSet(Snapshot s, DivisionCode locality) {
        return s.ruleSets().get(locality);
    }

    /**
     * The snapshot in service, holding the rule set of {@code locality} (compiled on first use). A first
     * use during a reload waits for it and takes the new rules with the new calendars.
     */
    private Snapshot snapshotFor(DivisionCode locality) {
        InvalidValueException.requireNonNull(locality, "locality");
        Snapshot s = snapshot;
        if (s.ruleSets().containsKey(locality)) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            s.ruleSets().computeIfAbsent(locality, registry::ruleSet);
            return s;
        }
    }

    // ---------------------------------------------------------------- reload

    /**
     * Re-reads pack layer {@code layer} and the calendar layers of the pack directory, recompiles every
     * locality in service at or below it, and swaps rules and calendars in together — or, on any error,
     * neither (the running ones stay, the problems are returned). Evaluations already running finish on
     * what they started with.
     */
    public synchronized Reload reload(DivisionCode layer) {
        InvalidValueException.requireNonNull(layer, "layer");
        Snapshot s = snapshot;
        CalendarRepository calendars = s.calendars();
        if (calendarBase != null && packs.isPresent()) {
            try {
                calendars = calendarBase.withLayersFrom(packs.get());
            } catch (DataFormatException e) {
                return new Reload(layer, false, versions(s), version(s.calendars()),
                        List.of(new RulePackException.Problem(e.file(), e.line(), e.getMessage())));
            }
        }
        RuleSetRegistry.ReloadResult r = registry.reload(layer);
        if (!r.swapped()) {
            return new Reload(layer, false, versions(s), version(s.calendars()), r.problems());
        }
        Map<DivisionCode, CompiledRuleSet> sets = new ConcurrentHashMap<>();
        for (DivisionCode c : s.ruleSets().keySet()) {
            sets.put(c, registry.ruleSet(c));
        }
        Snapshot next = new Snapshot(calendars, new ConcurrentHashMap<>(), sets);
        snapshot = next;
        return new Reload(layer, true, versions(next), version(calendars), List.of());
    }

    private static Map<DivisionCode, String> versions(Snapshot s) {
        Map<DivisionCode, String> m = new HashMap<>();
        s.ruleSets().forEach((k, v) -> m.put(k, v.version()));
        return Map.copyOf(m);
    }

    private static Optional<String> version(CalendarRepository r) {
        return Optional.ofNullable(r).map(CalendarRepository::version);
    }

    @Override
    public void close() {
        registry.close();
    }

    @Override
    public String toString() {
        return "ApprovalRules[packs " + packs.map(Path::toString).orElse("<bundled national>") + ", calendars "
                + (providers != null ? providers : snapshot.calendars()) + ", coverage " + coverage + "]";
    }

    // ---------------------------------------------------------------- builder

    /**
     * Settings of an {@link ApprovalRules}; every mistake is reported by {@link #build()} with the name of
     * the setting. Not thread-safe.
     */
    public static final class Builder {
        private Path packs;
        private CalendarProviders providers;
        private CalendarRepository repository;
        private CoveragePolicy coverage = CoveragePolicy.STRICT;
        private Clock clock = Clock.system(SHANGHAI);
        private final List<Mistake> mistakes = new ArrayList<>();

        private record Mistake(String setting, Object value, String reason) {
        }

        private Builder() {
        }

        /**
         * The rule-pack directory (one sub-directory per layer, named by division code; see
         * docs/RULE-PACKS.md). Without it: the bundled national pack only. Its {@code <code>/calendar/}
         * folders are calendar layers added to the calendars.
         */
        public Builder packs(Path dir) {
            if (dir == null) {
                mistakes.add(new Mistake("packs", null, "不能为 null / must not be null"));
            }
            this.packs = dir;
            return this;
        }

        /**
         * Calendars from these providers (e.g. an embedder's database) instead of the calendar layers;
         * a pack directory with calendar layers is then a mistake (two sources of truth).
         */
        public Builder calendars(CalendarProviders providers) {
            if (providers == null) {
                mistakes.add(new Mistake("calendars", null, "不能为 null / must not be null"));
            }
            if (this.repository != null || this.providers != null) {
                mistakes.add(new Mistake("calendars", null, "只能设置一次（CalendarProviders 或 CalendarRepository） / set more than once (CalendarProviders or CalendarRepository)"));
            }
            this.providers = providers;
            return this;
        }

        /**
         * Calendars from this repository (default: {@link CalendarRepository#bundled()}), plus the packs'
         * calendar layers.
         */
        public Builder calendars(CalendarRepository repository) {
            if (repository == null) {
                mistakes.add(new Mistake("calendars", null, "不能为 null / must not be null"));
            }
            if (this.repository != null || this.providers != null) {
                mistakes.add(new Mistake("calendars", null, "只能设置一次（CalendarProviders 或 CalendarRepository） / set more than once (CalendarProviders or CalendarRepository)"));
            }
            this.repository = repository;
            return this;
        }

        /** STRICT (default: a date outside the published years is an error) or PROVISIONAL. */
        public Builder coverage(CoveragePolicy policy) {
            if (policy == null) {
                mistakes.add(new Mistake("coverage", null, "不能为 null / must not be null"));
            }
            this.coverage = policy;
            return this;
        }

        /** The clock for evaluations without an explicit instant (default: system clock, Asia/Shanghai). */
        public Builder clock(Clock clock) {
            if (clock == null) {
                mistakes.add(new Mistake("clock", null, "不能为 null / must not be null"));
            }
            this.clock = clock;
            return this;
        }

        /**
         * Loads the packs and calendar layers (all-or-nothing) and returns the facade.
         *
         * @throws InvalidValueException naming the setting when a setting is wrong
         * @throws RulePackException when a pack layer is malformed (file, line)
         * @throws DataFormatException when a calendar layer is malformed (file, line)
         */
        public ApprovalRules build() {
            if (mistakes.isEmpty() && packs != null && !Files.isDirectory(packs)) {
                mistakes.add(new Mistake("packs", packs, "规则包目录不存在 / not a directory"));
            }
            if (mistakes.isEmpty() && packs != null && providers != null) {
                List<String> layers = calendarLayers(packs);
                if (!layers.isEmpty()) {
                    mistakes.add(new Mistake("calendars", layers, "已指定日历提供者，但规则包目录含日历层"
                            + "（两个来源）；请改用 calendars(CalendarRepository) / calendar providers were given but the pack "
                            + "directory holds calendar layers (two sources of truth); use calendars(CalendarRepository)"));
                }
            }
            if (!mistakes.isEmpty()) {
                Mistake m = mistakes.get(0);
                String more = mistakes.size() == 1 ? "" : "；另有 / also: " + mistakes.subList(1, mistakes.size()).stream()
                        .map(x -> x.setting() + ": " + x.reason()).toList();
                throw new InvalidValueException("ApprovalRules.builder()." + m.setting(), m.value(), m.reason() + more);
            }
            return new ApprovalRules(this);
        }

        private static List<String> calendarLayers(Path dir) {
            try (var s = Files.list(dir)) {
                return s.filter(p -> Files.isDirectory(p.resolve("calendar"))).map(p -> p.getFileName().toString())
                        .sorted().toList();
            } catch (java.io.IOException e) {
                throw new InvalidValueException("packs", dir, "无法读取目录 / cannot list the directory: " + e.getMessage());
            }
        }
    }
}
