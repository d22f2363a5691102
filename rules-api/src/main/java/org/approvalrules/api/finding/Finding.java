package org.approvalrules.api.finding;

import java.util.Map;
import java.util.Objects;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;

/**
 * One thing a rule found about a subject (a case, an item, a window, a fee). Carries everything a
 * supervisor needs to trust it: the rule id, the layer (division code) that supplied the rule, the
 * legal or policy reference, the rule-set version that produced it, and the parameter values used.
 * Immutable and thread-safe.
 *
 * @param ruleId stable id of the rule, e.g. {@code "deadline.red.promised"}
 * @param severity INFO, YELLOW or RED
 * @param message Chinese first, English alongside; never contains a full personal identifier
 * @param subject what the finding is about, e.g. a case number (办件编号) or item code
 * @param legalReference the article or document, e.g. {@code "行政许可法第四十二条"}
 * @param ruleSetVersion content hash of the rule set (or calendar/engine version) that produced it
 * @param layer division code of the layer that supplied the rule, {@code "000000"} for national
 * @param parameters the parameter values the rule used, by parameter id (may be empty)
 */
public record Finding(String ruleId, Severity severity, BilingualText message, String subject,
        String legalReference, String ruleSetVersion, String layer, Map<String, String> parameters) {

    public Finding {
        InvalidValueException.requireNonNull(ruleId, "ruleId");
        InvalidValueException.requireNonNull(severity, "severity");
        InvalidValueException.requireNonNull(message, "message");
        InvalidValueException.requireNonNull(subject, "subject");
        InvalidValueException.requireNonNull(legalReference, "legalReference");
        InvalidValueException.requireNonNull(ruleSetVersion, "ruleSetVersion");
        InvalidValueException.requireNonNull(layer, "layer");
        parameters = Map.copyOf(Objects.requireNonNullElse(parameters, Map.of()));
        if (ruleId.isBlank()) {
            throw new InvalidValueException("ruleId", ruleId, "规则编号不能为空 / rule id must not be blank");
        }
    }

    @Override
    public String toString() {
        return "[" + severity + "] " + ruleId + " " + subject + ": " + message + " (" + legalReference
                + "; layer " + layer + "; rules " + ruleSetVersion + (parameters.isEmpty() ? "" : "; " + parameters)
                + ")";
    }
}
