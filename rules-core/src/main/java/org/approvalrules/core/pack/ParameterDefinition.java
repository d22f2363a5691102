package org.approvalrules.core.pack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.approvalrules.api.BilingualText;
import org.approvalrules.core.parameter.ParameterType;

/**
 * A parameter as one layer writes it: a new parameter (type and description given) or an override of
 * an ancestor's (values only). Values stay raw until layering knows the type. Immutable.
 *
 * @param id the parameter id
 * @param type the declared type, or null for an override that keeps the ancestor's
 * @param description the description, or null for an override
 * @param values the dated raw values
 * @param file where it was read
 * @param line the line of its id
 */
public record ParameterDefinition(String id, ParameterType type, BilingualText description, List<RawValue> values,
        String file, int line) {

    /**
     * One dated value before typing.
     *
     * @param from first day in force
     * @param value the YAML node
     * @param reference the document that set it
     * @param line its line
     * @param elementLines the line of each element when the value is a sequence (else empty)
     */
    public record RawValue(LocalDate from, JsonNode value, String reference, int line, List<Integer> elementLines) {
        public RawValue {
            elementLines = List.copyOf(elementLines);
        }

        /** A value without element lines. */
        public RawValue(LocalDate from, JsonNode value, String reference, int line) {
            this(from, value, reference, line, List.of());
        }
    }
}
