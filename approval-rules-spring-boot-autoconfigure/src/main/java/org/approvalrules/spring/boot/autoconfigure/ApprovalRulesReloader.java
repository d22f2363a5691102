package org.approvalrules.spring.boot.autoconfigure;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.ApprovalRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads pack layers of the {@link ApprovalRules} bean and remembers the outcomes for health and the
 * endpoint: the library swaps a layer in whole or keeps the old one serving; this class records which
 * happened, and why not. One reload at a time. Thread-safe.
 */
public class ApprovalRulesReloader {
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalRulesReloader.class);

    private final ApprovalRules rules;
    private final Clock clock;
    private final List<ApprovalRulesListener> listeners;
    private final Map<DivisionCode, ReloadOutcome> lastByLayer = new ConcurrentHashMap<>();
    private final Set<DivisionCode> seen = ConcurrentHashMap.newKeySet();
    /** Set while this reloader's own call of the entry point's reload runs on the thread: its echo is not news. */
    private final ThreadLocal<Boolean> reloading = ThreadLocal.withInitial(() -> false);
    private volatile ReloadOutcome last;

    public ApprovalRulesReloader(ApprovalRules rules, Clock clock, List<ApprovalRulesListener> listeners,
            List<DivisionCode> startLocalities) {
        this.rules = rules;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.seen.addAll(startLocalities);
    }

    /**
     * Re-reads pack layer {@code layer} (and the packs' calendar layers) and swaps it in, or keeps the rules in
     * service and returns why. Never throws for a broken pack; an unexpected error of the library is returned
     * as a refused reload naming it.
     */
    public synchronized ReloadOutcome reload(DivisionCode layer, ReloadOutcome.Trigger trigger) {
        InvalidValueException.requireNonNull(layer, "layer");
        ReloadOutcome outcome;
        reloading.set(true);
        try {
            ApprovalRules.Reload r = rules.reload(layer);
            outcome = new ReloadOutcome(layer, trigger, clock.instant(), r.swapped(), r.ruleSetVersions(), r.problems());
        } catch (RuntimeException e) {
            // the library swaps all or nothing: whatever went wrong, the rules in service stay; say why
            LOG.error("reload of pack layer {} failed", layer, e);
            outcome = new ReloadOutcome(layer, trigger, clock.instant(), false, Map.of(), List.of(new RulePackException.Problem(
                    layer.value(), 0, "重新加载失败 / reload failed: " + e)));
        } finally {
            reloading.remove();
        }
        return record(outcome);
    }

    /**
     * A reload the application made directly on the entry point ({@code rules.reload(layer)}, heard through its
     * listener): recorded like one of this reloader's (trigger {@link ReloadOutcome.Trigger#API}), so that health,
     * the endpoint and the metrics see it too. The echo of this reloader's own reloads is ignored. Not synchronized:
     * it runs inside the entry point's reload, which this reloader's {@link #reload} may be waiting for.
     */
    void heard(ApprovalRules.Reload r) {
        if (!reloading.get()) {
            record(new ReloadOutcome(r.layer(), ReloadOutcome.Trigger.API, clock.instant(), r.swapped(), r.ruleSetVersions(),
                    r.problems()));
        }
    }

    private ReloadOutcome record(ReloadOutcome o) {
        seen.addAll(o.ruleSetVersions().keySet());
        lastByLayer.put(o.layer(), o);
        last = o;
        if (o.swapped()) {
            LOG.info("规则包层 {} 已重新加载 / pack layer {} reloaded ({}): {}", o.layer(), o.layer(), o.trigger(), o.ruleSetVersions());
        } else {
            LOG.warn("规则包层 {} 重新加载被拒绝，原规则继续服务 / reload of pack layer {} refused ({}), the rules in service stay: {}",
                    o.layer(), o.layer(), o.trigger(), o.problemLines());
        }
        Listeners.tell(listeners, l -> l.reloaded(o));
        return o;
    }

    /** The last outcome of any reload, if there was one. */
    public Optional<ReloadOutcome> last() {
        return Optional.ofNullable(last);
    }

    /**
     * The layers whose last reload was refused, each with its outcome: those layers serve older rules than
     * their files say until a reload of theirs succeeds.
     */
    public List<ReloadOutcome> refused() {
        return lastByLayer.values().stream().filter(o -> !o.swapped())
                .sorted(java.util.Comparator.comparing(o -> o.layer().value())).toList();
    }

    /** The localities known to be in service: configured at start, and every one a reload reported. */
    public Set<DivisionCode> localities() {
        Set<DivisionCode> s = new TreeSet<>(java.util.Comparator.comparing(DivisionCode::value));
        s.addAll(seen);
        return s;
    }

    /** Adds a locality seen in service (e.g. evaluated through {@link MeteredApprovalRules}). */
    void seen(DivisionCode locality) {
        seen.add(locality);
    }
}
