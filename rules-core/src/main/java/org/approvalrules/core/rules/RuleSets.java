package org.approvalrules.core.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CalendarFunctions;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.api.spi.EvaluationContext;
import org.approvalrules.core.calendar.CalendarRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.api.spi.CompiledRules;
import org.approvalrules.api.spi.RuleEngineProvider;
import org.approvalrules.core.pack.EffectivePack;
import org.approvalrules.core.pack.PackRepository;

/**
 * The rule sets in service, one per locality, written against the rule-engine SPI: each effective pack
 * has its parameters of every domain checked ({@link ParameterChecks}) and is compiled once per content
 * hash ({@link EffectivePack#version()}); localities with the same effective rules and parameters share
 * one {@link CompiledRules} (and the provider may share compiled code between rule sets that differ only
 * in parameter values). {@link #reload} re-reads a layer directory, checks and compiles every affected
 * locality and swaps them in only when all succeed; otherwise the running rule sets stay and the problems
 * are returned. Rule sets no longer in service are closed. Thread-safe. Internal tooling (the entry
 * point, {@code rules check|explain|test}); embedders use {@code org.approvalrules.ApprovalRules}.
 */
public final class RuleSets implements AutoCloseable {
    private final RuleEngineProvider provider;
    private final AtomicReference<PackRepository> repository;
    private final ConcurrentHashMap<DivisionCode, RuleSet> current = new ConcurrentHashMap<>();
    private final Map<String, RuleSet> byVersion = new HashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "approval-rules-reload");
        t.setDaemon(true);
        return t;
    });

    /**
     * One rule set in service: the effective pack and its compiled rules.
     *
     * @param pack the effective pack (rules, parameters, layers)
     * @param rules the provider's compiled rules
     */
    public record RuleSet(EffectivePack pack, CompiledRules rules) {
        /** The rule-set version (content hash of rules and parameters). */
        public String version() {
            return pack.version();
        }

        /** Evaluates facts as of {@code asOf} with {@code calendar} as the rules' {@code calendar} (tools, tests). */
        public List<Finding> evaluate(Collection<? extends RuleFact> facts, Instant asOf, WorkingCalendar calendar) {
            InvalidValueException.requireNonNull(calendar, "calendar");
            return rules.evaluate(facts, new EvaluationContext(asOf, CalendarFunctions.of(calendar), calendar.version()));
        }

        /** Evaluates facts as of {@code asOf} on the bundled calendar (STRICT) of the pack's locality (tools, tests). */
        public List<Finding> evaluate(Collection<? extends RuleFact> facts, Instant asOf) {
            return evaluate(facts, asOf, CalendarRepository.bundled().calendarFor(pack.locality(), CoveragePolicy.STRICT));
        }
    }

    /**
     * The result of a reload.
     *
     * @param locality the layer reloaded
     * @param swapped whether new rule sets went into service
     * @param versions the versions in service afterwards, by locality
     * @param problems the errors when nothing was swapped (empty on success)
     */
    public record ReloadResult(DivisionCode locality, boolean swapped, Map<DivisionCode, String> versions,
            List<RulePackException.Problem> problems) {
    }

    private RuleSets(PackRepository repository, RuleEngineProvider provider) {
        this.repository = new AtomicReference<>(repository);
        this.provider = provider;
    }

    /** The bundled national pack only (read from the provider's class path). */
    public static RuleSets bundled(RuleEngineProvider provider) {
        InvalidValueException.requireNonNull(provider, "provider");
        return new RuleSets(PackRepository.bundled(provider.getClass().getClassLoader(), provider.decisionTables()),
                provider);
    }

    /** The layers of {@code dir} (with the bundled national layer unless {@code dir/000000} exists). */
    public static RuleSets directory(Path dir, RuleEngineProvider provider) {
        InvalidValueException.requireNonNull(provider, "provider");
        return new RuleSets(PackRepository.directory(dir, provider.getClass().getClassLoader(),
                provider.decisionTables()), provider);
    }

    /** The rule engine. */
    public RuleEngineProvider provider() {
        return provider;
    }

    /** The pack repository in service. */
    public PackRepository repository() {
        return repository.get();
    }

    /**
     * The rule set in service for {@code locality}, checked and compiled on first use.
     *
     * @throws RulePackException when its parameters are invalid or its rules do not compile
     */
    public RuleSet ruleSet(DivisionCode locality) {
        InvalidValueException.requireNonNull(locality, "locality");
        RuleSet set = current.get(locality);
        if (set != null) {
            return set;
        }
        synchronized (this) {
            set = current.get(locality);
            if (set == null) {
                List<RuleSet> fresh = new ArrayList<>();
                try {
                    set = obtain(repository.get().effective(locality), fresh);
                } catch (RulePackException e) {
                    discard(fresh);
                    throw e;
                }
                current.put(locality, set);
            }
            return set;
        }
    }

    private RuleSet obtain(EffectivePack pack, List<RuleSet> fresh) {
        RuleSet set = byVersion.get(pack.version());
        if (set == null) {
            ParameterChecks.check(pack);
            set = new RuleSet(pack, provider.compile(RuleSpecs.of(pack)));
            byVersion.put(pack.version(), set);
            fresh.add(set);
        }
        return set;
    }

    private void discard(List<RuleSet> fresh) {
        for (RuleSet s : fresh) {
            byVersion.remove(s.version());
            s.rules().close();
        }
    }

    /** Reloads in the background; the future completes with the outcome (never exceptionally for pack errors). */
    public CompletableFuture<ReloadResult> reloadAsync(DivisionCode layer) {
        return CompletableFuture.supplyAsync(() -> reload(layer), background);
    }

    /**
     * Re-reads the layer directory of {@code layer} and checks and recompiles every locality in service at
     * or below it (and {@code layer} itself). Swaps all of them in, or none.
     */
    public synchronized ReloadResult reload(DivisionCode layer) {
        InvalidValueException.requireNonNull(layer, "layer");
        List<RuleSet> fresh = new ArrayList<>();
        Map<DivisionCode, RuleSet> next = new HashMap<>();
        PackRepository repo;
        try {
            repo = repository.get().withReloaded(layer);
            Set<DivisionCode> affected = new HashSet<>();
            affected.add(layer);
            for (DivisionCode c : current.keySet()) {
                if (layer.contains(c)) {
                    affected.add(c);
                }
            }
            for (DivisionCode c : affected) {
                next.put(c, obtain(repo.effective(c), fresh));
            }
        } catch (RulePackException e) {
            discard(fresh);
            return new ReloadResult(layer, false, versions(), e.problems());
        }
        repository.set(repo);
        current.putAll(next);
        releaseUnused();
        return new ReloadResult(layer, true, versions(), List.of());
    }

    /** The versions in service, by locality. */
    public Map<DivisionCode, String> versions() {
        Map<DivisionCode, String> m = new HashMap<>();
        current.forEach((k, v) -> m.put(k, v.version()));
        return Map.copyOf(m);
    }

    private void releaseUnused() {
        Set<String> inService = new HashSet<>();
        current.values().forEach(s -> inService.add(s.version()));
        byVersion.entrySet().removeIf(e -> {
            if (inService.contains(e.getKey())) {
                return false;
            }
            e.getValue().rules().close();
            return true;
        });
    }

    /** How many compiled rule sets are held (in service). */
    public synchronized int cachedRuleSets() {
        return byVersion.size();
    }

    @Override
    public synchronized void close() {
        background.shutdownNow();
        byVersion.values().forEach(s -> s.rules().close());
        byVersion.clear();
        current.clear();
    }
}
