package org.approvalrules.core.pack;

import java.util.List;
import org.approvalrules.api.finding.Severity;

/**
 * One rule as written in a layer's DRL (or produced from a decision table): its stable id and
 * metadata, its text, and where it came from. Immutable.
 *
 * @param id stable id ({@code @id("…")}, equal to the rule name)
 * @param severity the finding severity ({@code @severity(RED)}), INFO when absent
 * @param reference the legal or policy reference ({@code @reference("…")})
 * @param parameters the parameter ids it uses ({@code @params("a, b")}), reported with each finding
 * @param text the whole rule block, from {@code rule} to {@code end}
 * @param file the file it was read from (display name)
 * @param line 1-based line of {@code rule} in that file
 * @param layer the division code of the layer that supplies it
 * @param header the file's imports and functions, without {@code package}
 */
public record RuleSource(String id, Severity severity, String reference, List<String> parameters, String text,
        String file, int line, String layer, String header) {

    public RuleSource {
        parameters = List.copyOf(parameters);
    }

    /** Where it is, {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }
}
