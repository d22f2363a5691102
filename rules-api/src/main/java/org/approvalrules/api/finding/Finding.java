package org.approvalrules.api.finding;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;

/**
 * One thing a rule found about a subject (a case, a department, a window, a fee charge): the one
 * findings contract of the library, written as JSON in one shape everywhere (docs/FINDINGS.md,
 * docs/findings.schema.json). Carries everything a supervisor needs to trust and reproduce it: the rule
 * id, the layer (division code) that supplied the rule, the legal or policy reference, the rule-set and
 * calendar versions that produced it, the parameter values used and the evidence (the figures the
 * finding rests on). Immutable and thread-safe; both maps are sorted by key and unmodifiable.
 *
 * @param ruleId stable id of the rule, e.g. {@code "deadline.red.promised"}
 * @param severity INFO, YELLOW or RED
 * @param subject what the finding is about, e.g. a case number (办件编号), department code or charge id
 * @param message Chinese first, English alongside; never contains a full personal identifier
 * @param legalReference the article or document, e.g. {@code "行政许可法第四十二条"}
 * @param layer division code of the layer that supplied the rule, {@code "000000"} for national
 * @param ruleSetVersion content hash of the rule set (rules and parameters) that produced it
 * @param calendarVersion version of the working calendar the evaluation used ({@code ""} when no
 *     calendar took part, e.g. a fee assessed without dates)
 * @param parameters the parameter values the rule used, by parameter id (may be empty)
 * @param evidence the figures the finding rests on, by name (may be empty)
 */
public record Finding(String ruleId, Severity severity, String subject, BilingualText message,
        String legalReference, String layer, String ruleSetVersion, String calendarVersion,
        Map<String, String> parameters, Map<String, String> evidence) {

    public Finding {
        InvalidValueException.requireNonNull(ruleId, "finding.ruleId");
        InvalidValueException.requireNonNull(severity, "finding.severity");
        InvalidValueException.requireNonNull(subject, "finding.subject");
        InvalidValueException.requireNonNull(message, "finding.message");
        InvalidValueException.requireNonNull(legalReference, "finding.legalReference");
        InvalidValueException.requireNonNull(layer, "finding.layer");
        InvalidValueException.requireNonNull(ruleSetVersion, "finding.ruleSetVersion");
        InvalidValueException.requireNonNull(calendarVersion, "finding.calendarVersion");
        if (ruleId.isBlank()) {
            throw new InvalidValueException("finding.ruleId", ruleId, "规则编号不能为空 / rule id must not be blank");
        }
        if (subject.isBlank()) {
            throw new InvalidValueException("finding " + ruleId + ".subject", subject,
                    "发现对象不能为空 / subject must not be blank");
        }
        parameters = sorted(parameters, ruleId, "parameters");
        evidence = sorted(evidence, ruleId, "evidence");
    }

    /**
     * {@code m} as a finding keeps its parameters and evidence: sorted by key, unmodifiable, no null key or
     * value. A finding built with a map made here keeps that map instead of copying it, so a caller that
     * reuses one map for many findings (the parameter values of a period) pays for the copy once.
     *
     * @throws InvalidValueException when a key or value is null
     */
    public static Map<String, String> sortedMap(Map<String, String> m) {
        return sorted(m, null, "map");
    }

    /** {@code field} names the map in an error ("finding &lt;ruleId&gt;.&lt;field&gt;"), words built only then. */
    private static Map<String, String> sorted(Map<String, String> m, String ruleId, String field) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        if (m instanceof Sorted) {
            return m;
        }
        TreeMap<String, String> copy = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new InvalidValueException(ruleId == null ? field : "finding " + ruleId + "." + field, k,
                        "键和值不能为 null / keys and values must not be null");
            }
            copy.put(k, v);
        });
        return new Sorted(copy);
    }

    /** The unmodifiable sorted map a finding keeps; only {@link #sorted} makes one, from its own copy. */
    private static final class Sorted extends AbstractMap<String, String> {
        private final SortedMap<String, String> map;

        Sorted(TreeMap<String, String> own) {
            this.map = Collections.unmodifiableSortedMap(own);
        }

        @Override
        public Set<Entry<String, String>> entrySet() {
            return map.entrySet();
        }

        @Override
        public String get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }
    }

    /** The same finding as produced by rule set {@code ruleSet} on calendar {@code calendar}. */
    public Finding withVersions(String ruleSet, String calendar) {
        return new Finding(ruleId, severity, subject, message, legalReference, layer, ruleSet, calendar, parameters,
                evidence);
    }

    @Override
    public String toString() {
        return "[" + severity + "] " + ruleId + " " + subject + ": " + message + " (" + legalReference
                + "; layer " + layer + "; rules " + ruleSetVersion + "; calendar " + calendarVersion
                + (parameters.isEmpty() ? "" : "; " + parameters) + (evidence.isEmpty() ? "" : "; evidence " + evidence)
                + ")";
    }
}
