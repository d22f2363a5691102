package org.approvalrules.spring.boot.autoconfigure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;

/**
 * The outcome of one reload of a pack layer.
 *
 * @param layer the layer reloaded
 * @param trigger what asked for it
 * @param at when it ended (the application clock)
 * @param swapped whether the new rules (and calendar layers) went into service; when not, the old ones serve
 * @param ruleSetVersions the rule-set versions in service afterwards, by locality (sorted)
 * @param problems why nothing was swapped (file, line, reason); empty when swapped
 */
public record ReloadOutcome(DivisionCode layer, Trigger trigger, Instant at, boolean swapped,
        Map<DivisionCode, String> ruleSetVersions, List<RulePackException.Problem> problems) {

    /** What asked for a reload. */
    public enum Trigger {
        /** A change in the packs directory or the calendar directory. */
        WATCH,
        /** The Actuator endpoint {@code approvalrules}. */
        ENDPOINT,
        /**
         * A call of {@link ApprovalRulesReloader#reload(DivisionCode, Trigger)} by the application, or of the entry
         * point's own {@code reload} on the bean.
         */
        API
    }

    public ReloadOutcome {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(at, "at");
        ruleSetVersions = java.util.Collections.unmodifiableMap(new TreeMap<>(ruleSetVersions));
        problems = List.copyOf(problems);
        if (swapped && !problems.isEmpty()) {
            throw new IllegalArgumentException("重新加载 " + layer + " 已换入却有问题 / reload of " + layer
                    + " swapped with problems " + problems);
        }
    }

    /** The problems as text lines, {@code file:line: reason}. */
    public List<String> problemLines() {
        return problems.stream().map(RulePackException.Problem::toString).toList();
    }
}
