package org.approvalrules.core.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.division.DivisionCode;

/**
 * One layer of a rule pack as read from its directory, before layering: its manifest, rules,
 * parameter definitions, overrides, scenarios and optional calendar layer. Immutable.
 *
 * @param code the division code (the directory name)
 * @param manifest the manifest
 * @param rules the rules of {@code rules/*.drl} and of the decision tables ({@code rules/*.drl.csv}, {@code .drl.xlsx},
 *     {@code .drl.xls}), in file order
 * @param parameters the parameter definitions of {@code parameters/*.yaml}
 * @param overrides the entries of {@code overrides.yaml}
 * @param scenarios the scenario files of {@code scenarios/*.yaml}: display name → text
 * @param calendarDirectory the {@code calendar/} directory, when the layer has one on disk
 */
public record Layer(DivisionCode code, PackManifest manifest, List<RuleSource> rules,
        List<ParameterDefinition> parameters, List<RuleOverride> overrides, Map<String, String> scenarios,
        Optional<Path> calendarDirectory) {

    public Layer {
        rules = List.copyOf(rules);
        parameters = List.copyOf(parameters);
        overrides = List.copyOf(overrides);
        scenarios = Map.copyOf(scenarios);
    }
}
