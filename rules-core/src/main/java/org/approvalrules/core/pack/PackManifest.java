package org.approvalrules.core.pack;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalrules.core.yaml.YamlDoc;
import org.approvalrules.core.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.RulePackException;

/**
 * The manifest ({@code manifest.yaml}) of one layer: which pack, which layer, which version, on what
 * documents it rests. Immutable.
 *
 * @param packId stable id of the pack, e.g. {@code cn.national.deadline}
 * @param layer the division code of the layer; must equal the directory name
 * @param version the pack author's version, e.g. {@code 2024.1}
 * @param parent the layer this one requires above it, when the author names one
 * @param references the documents the layer rests on
 * @param file where it was read
 */
public record PackManifest(String packId, DivisionCode layer, String version, Optional<DivisionCode> parent,
        List<String> references, String file) {

    /** The manifest file name inside a layer directory. */
    public static final String FILE = "manifest.yaml";

    public PackManifest {
        references = List.copyOf(references);
    }

    /** Reads and checks a manifest; {@code directoryCode} is the layer directory's name. */
    static PackManifest parse(String file, String text, String directoryCode) {
        YamlNode n = YamlDoc.parse(file, text).root();
        List<RulePackException.Problem> problems = new ArrayList<>();
        n.checkKeys(FILE, List.of("pack", "layer", "version", "parent", "references"), problems);
        String packId = n.text("pack");
        String layer = n.text("layer");
        String version = n.text("version");
        if (packId == null || packId.isBlank()) {
            problems.add(new RulePackException.Problem(file, 1, "清单缺少 pack（规则包编号） / manifest needs 'pack' (the pack id)"));
        }
        if (version == null || version.isBlank()) {
            problems.add(new RulePackException.Problem(file, 1, "清单缺少 version / manifest needs 'version'"));
        }
        DivisionCode code = null;
        if (layer == null) {
            problems.add(new RulePackException.Problem(file, 1, "清单缺少 layer（行政区划代码） / manifest needs 'layer' (division code)"));
        } else {
            try {
                code = DivisionCode.parse(layer);
                if (!layer.equals(directoryCode)) {
                    problems.add(new RulePackException.Problem(file, n.get("layer").line(),
                            "清单层级 " + layer + " 与目录 " + directoryCode + " 不一致 / manifest layer " + layer
                                    + " differs from its directory " + directoryCode));
                }
            } catch (InvalidValueException e) {
                problems.add(new RulePackException.Problem(file, n.get("layer").line(), e.getMessage()));
            }
        }
        Optional<DivisionCode> parent = Optional.empty();
        String p = n.text("parent");
        if (p != null) {
            try {
                parent = Optional.of(DivisionCode.parse(p));
            } catch (InvalidValueException e) {
                problems.add(new RulePackException.Problem(file, n.get("parent").line(), e.getMessage()));
            }
        }
        List<String> refs = new ArrayList<>();
        JsonNode r = n.has("references") ? n.get("references").json() : null;
        if (r != null && r.isArray()) {
            r.forEach(x -> refs.add(x.asText()));
        } else if (r != null) {
            refs.add(r.asText());
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return new PackManifest(packId, code, version, parent, refs, file);
    }
}
