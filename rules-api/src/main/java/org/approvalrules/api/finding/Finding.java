package org.approvalrules.api.finding;

import java.util.Collections;
import java.util.Map;
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
        parameters = sorted(parameters, "finding " + ruleId + ".parameters");
        evidence = sorted(evidence, "finding " + ruleId + ".evidence");
    }

    private static Map<String, String> sorted(Map<String, String> m, String field) {
        if (m == null || m.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, String> copy = new TreeMap<>();
        m.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new InvalidValueException(field, k, "键和值不能为 null / keys and values must not be null");
            }
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
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
