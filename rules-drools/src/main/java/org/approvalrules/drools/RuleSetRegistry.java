package org.approvalrules.drools;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.api.rules.CaseRules;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.pack.EffectivePack;
import org.approvalrules.core.pack.PackRepository;

/**
 * The rule sets in service, one per locality, compiled once per effective pack and cached by content
 * hash (localities with the same effective path share one KieBase; rule sets that differ only in
 * parameter values share the compiled rules). {@link #reload} re-reads a layer
 * directory, compiles every affected locality in the background and swaps them in atomically only when
 * all compile; otherwise the running rule sets stay and the errors are returned. Rule sets no longer in
 * service have their KieModules removed from the KieRepository. Thread-safe.
 */
public final class RuleSetRegistry implements CaseRules, AutoCloseable {
    private final AtomicReference<PackRepository> repository;
    private final ConcurrentHashMap<DivisionCode, CompiledRuleSet> current = new ConcurrentHashMap<>();
    private final Map<String, CompiledRuleSet> byVersion = new HashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "approval-rules-reload");
        t.setDaemon(true);
        return t;
    });

    /**
     * The result of a reload.
     *
     * @param locality the layer reloaded
     * @param swapped whether new rule sets went into service
     * @param versions the versions in service afterwards, by affected locality
     * @param problems the errors when nothing was swapped (empty on success)
     */
    public record ReloadResult(DivisionCode locality, boolean swapped, Map<DivisionCode, String> versions,
            List<RulePackException.Problem> problems) {
    }

    private RuleSetRegistry(PackRepository repository) {
        this.repository = new AtomicReference<>(repository);
    }

    /** The bundled national pack only. */
    public static RuleSetRegistry bundled() {
        return new RuleSetRegistry(PackRepository.bundled(RuleSetRegistry.class.getClassLoader(), new DecisionTables()));
    }

    /** The layers of {@code dir} (with the bundled national layer unless {@code dir/000000} exists). */
    public static RuleSetRegistry directory(Path dir) {
        return new RuleSetRegistry(PackRepository.directory(dir, RuleSetRegistry.class.getClassLoader(),
                new DecisionTables()));
    }

    /** The pack repository in service. */
    public PackRepository repository() {
        return repository.get();
    }

    /** The rule set in service for {@code locality}, compiling it on first use. */
    public CompiledRuleSet ruleSet(DivisionCode locality) {
        InvalidValueException.requireNonNull(locality, "locality");
        CompiledRuleSet set = current.get(locality);
        if (set != null) {
            return set;
        }
        synchronized (this) {
            set = current.get(locality);
            if (set == null) {
                set = obtain(repository.get().effective(locality), new ArrayList<>());
                current.put(locality, set);
            }
            return set;
        }
    }

    private CompiledRuleSet obtain(EffectivePack pack, List<CompiledRuleSet> fresh) {
        CompiledRuleSet set = byVersion.get(pack.version());
        if (set == null) {
            CompiledRuleSet sameRules = byVersion.values().stream()
                    .filter(s -> s.pack().rulesVersion().equals(pack.rulesVersion())).findFirst().orElse(null);
            set = sameRules != null ? sameRules.withPack(pack) : RuleSetCompiler.compile(pack);
            byVersion.put(pack.version(), set);
            fresh.add(set);
        }
        return set;
    }

    /**
     * {@inheritDoc} The rules' {@code calendar} is the bundled calendar of {@code locality} (the packs'
     * calendar layers are applied by {@link ApprovalRules}, or pass a calendar to
     * {@link CompiledRuleSet#evaluate(Collection, Instant, org.approvalrules.api.calendar.WorkingCalendar)}).
     */
    @Override
    public List<Finding> evaluate(DivisionCode locality, Collection<CaseFacts> cases, Instant asOf) {
        CompiledRuleSet set = ruleSet(locality);
        for (CaseFacts c : cases) {
            if (!c.locality().equals(locality)) {
                throw new InvalidValueException("case " + c.caseId() + ".locality", c.locality(),
                        "办件地区与评估地区 " + locality + " 不同 / case belongs to another locality than " + locality);
            }
        }
        return set.evaluate(cases, asOf, CompiledRuleSet.bundledCalendar(locality));
    }

    @Override
    public String version(DivisionCode locality) {
        return ruleSet(locality).version();
    }

    /** Reloads in the background; the future completes with the outcome (never exceptionally for pack errors). */
    public CompletableFuture<ReloadResult> reloadAsync(DivisionCode layer) {
        return CompletableFuture.supplyAsync(() -> reload(layer), background);
    }

    /**
     * Re-reads the layer directory of {@code layer} and recompiles every locality in service at or below
     * it (and {@code layer} itself). Swaps all of them in, or none.
     */
    public synchronized ReloadResult reload(DivisionCode layer) {
        InvalidValueException.requireNonNull(layer, "layer");
        List<CompiledRuleSet> fresh = new ArrayList<>();
        Map<DivisionCode, CompiledRuleSet> next = new HashMap<>();
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
            for (CompiledRuleSet s : fresh) {
                byVersion.remove(s.version());
            }
            releaseOrphanModules(fresh);
            return new ReloadResult(layer, false, versions(), e.problems());
        }
        repository.set(repo);
        current.putAll(next);
        releaseUnused();
        return new ReloadResult(layer, true, versions(), List.of());
    }

    private Map<DivisionCode, String> versions() {
        Map<DivisionCode, String> m = new HashMap<>();
        current.forEach((k, v) -> m.put(k, v.version()));
        return Map.copyOf(m);
    }

    private void releaseUnused() {
        Set<String> inService = new HashSet<>();
        current.values().forEach(s -> inService.add(s.version()));
        List<CompiledRuleSet> dropped = new ArrayList<>();
        byVersion.entrySet().removeIf(e -> {
            if (inService.contains(e.getKey())) {
                return false;
            }
            dropped.add(e.getValue());
            return true;
        });
        releaseOrphanModules(dropped);
    }

    /** Removes from the KieRepository the modules of {@code dropped} that no held rule set shares. */
    private void releaseOrphanModules(List<CompiledRuleSet> dropped) {
        Set<String> held = new HashSet<>();
        byVersion.values().forEach(s -> held.add(s.pack().rulesVersion()));
        Set<String> done = new HashSet<>();
        for (CompiledRuleSet s : dropped) {
            if (!held.contains(s.pack().rulesVersion()) && done.add(s.pack().rulesVersion())) {
                RuleSetCompiler.release(s);
            }
        }
    }

    /** How many compiled rule sets are held (in service). */
    public synchronized int cachedRuleSets() {
        return byVersion.size();
    }

    @Override
    public synchronized void close() {
        background.shutdownNow();
        List<CompiledRuleSet> all = new ArrayList<>(byVersion.values());
        byVersion.clear();
        releaseOrphanModules(all);
        current.clear();
    }
}
