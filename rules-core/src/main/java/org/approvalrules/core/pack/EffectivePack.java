package org.approvalrules.core.pack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;

/**
 * The rules and parameters in force for one locality: national plus each ancestor layer present down
 * to the locality, after additions, replacements, disablings and parameter overrides. This is what the
 * rule engine compiles. Immutable.
 *
 * @param locality the locality asked for
 * @param layers the layers applied, national first
 * @param rules the effective rules, each with the layer that supplied it
 * @param replaced the rules replaced, with the override that replaced them
 * @param disabled the rules disabled, with the override that disabled them
 * @param parameters the effective parameters
 * @param version content hash of the rules and parameters (16 hex digits)
 * @param rulesVersion content hash of the rules alone: packs that differ only in parameter values share
 *     one compiled KieBase
 */
public record EffectivePack(DivisionCode locality, List<Layer> layers, List<RuleSource> rules,
        List<Change> replaced, List<Change> disabled, ParameterSet parameters, String version,
        String rulesVersion) {

    /**
     * A rule an override replaced or disabled.
     *
     * @param rule the ancestor's rule
     * @param override the override (its file, reason and reference)
     * @param layer the layer of the override
     */
    public record Change(RuleSource rule, RuleOverride override, String layer) {
    }

    public EffectivePack {
        layers = List.copyOf(layers);
        rules = List.copyOf(rules);
        replaced = List.copyOf(replaced);
        disabled = List.copyOf(disabled);
    }

    /** The effective layer path, e.g. {@code 000000>450000>451031}. */
    public String path() {
        return String.join(">", layers.stream().map(l -> l.code().toString()).toList());
    }

    /** The content hash of effective rules and parameter values. */
    static String hash(List<RuleSource> rules, ParameterSet parameters) {
        return hash(rules, parameters, true);
    }

    static String hash(List<RuleSource> rules, ParameterSet parameters, boolean withParameters) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (RuleSource r : rules) {
                md.update((r.layer() + "\u0000" + r.header() + "\u0000" + r.text() + "\u0001").getBytes(StandardCharsets.UTF_8));
            }
            for (Parameter p : withParameters ? parameters.all().values() : List.<Parameter>of()) {
                md.update((p.id() + "\u0000" + p.type() + "\u0000" + p.layer()).getBytes(StandardCharsets.UTF_8));
                for (DatedValue v : p.values()) {
                    md.update((v.from() + "=" + v.display() + "@" + v.reference() + "\u0001").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
