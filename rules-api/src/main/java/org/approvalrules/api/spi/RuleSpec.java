package org.approvalrules.api.spi;

import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.finding.Severity;

/**
 * One effective rule as a provider compiles it: its stable id and metadata, where it was written, and
 * its text. Immutable.
 *
 * @param id stable id (the rule name), the finding's rule id
 * @param layer division code of the layer that supplies it
 * @param file the file it was read from (display name), for errors
 * @param line 1-based line of the rule in that file
 * @param severity the severity of its findings
 * @param reference the legal or policy reference of its findings
 * @param parameters the parameter ids it declares, reported with each finding
 * @param header the imports and functions of its file (no {@code package})
 * @param text the rule itself, from {@code rule} to {@code end}
 */
public record RuleSpec(String id, String layer, String file, int line, Severity severity, String reference,
        List<String> parameters, String header, String text) {

    public RuleSpec {
        InvalidValueException.requireNonNull(id, "rule.id");
        InvalidValueException.requireNonNull(layer, "rule " + id + ".layer");
        InvalidValueException.requireNonNull(file, "rule " + id + ".file");
        InvalidValueException.requireNonNull(severity, "rule " + id + ".severity");
        InvalidValueException.requireNonNull(reference, "rule " + id + ".reference");
        InvalidValueException.requireNonNull(header, "rule " + id + ".header");
        InvalidValueException.requireNonNull(text, "rule " + id + ".text");
        parameters = List.copyOf(InvalidValueException.requireNonNull(parameters, "rule " + id + ".parameters"));
    }
}
