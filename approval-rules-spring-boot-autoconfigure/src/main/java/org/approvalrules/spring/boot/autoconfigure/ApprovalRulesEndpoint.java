package org.approvalrules.spring.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.division.DivisionCode;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * Actuator endpoint {@code approvalrules}: {@code GET} lists the localities in service and the last reload;
 * {@code POST} with {@code {"layer": "451031"}} reloads that pack layer (and the packs' calendar layers) and
 * answers whether it was swapped in, or refused with the problems (file, line, reason) while the old rules
 * serve. Expose it with {@code management.endpoints.web.exposure.include=health,approvalrules} and protect it
 * like any write operation.
 */
@Endpoint(id = "approvalrules")
public class ApprovalRulesEndpoint {
    private final ApprovalRulesReloader reloader;

    public ApprovalRulesEndpoint(ApprovalRulesReloader reloader) {
        this.reloader = reloader;
    }

    /** The localities in service and the last reload outcome. */
    @ReadOperation
    public Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("localities", reloader.localities().stream().map(DivisionCode::value).toList());
        m.put("lastReload", reloader.last().map(ApprovalRulesEndpoint::json).orElse(null));
        m.put("refusedReloads", reloader.refused().stream().map(ApprovalRulesEndpoint::json).toList());
        return m;
    }

    /** Reloads pack layer {@code layer} (a 6-digit division code). */
    @WriteOperation
    public Map<String, Object> reload(String layer) {
        DivisionCode code;
        try {
            code = DivisionCode.parse(layer == null ? "" : layer.trim());
        } catch (InvalidValueException e) {
            throw new InvalidEndpointRequestException("layer: " + e.getMessage(), e.getMessage());
        }
        return json(reloader.reload(code, ReloadOutcome.Trigger.ENDPOINT));
    }

    static Map<String, Object> json(ReloadOutcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layer", o.layer().value());
        m.put("swapped", o.swapped());
        m.put("trigger", o.trigger().name());
        m.put("at", o.at().toString());
        Map<String, String> versions = new LinkedHashMap<>();
        o.ruleSetVersions().forEach((k, v) -> versions.put(k.value(), v));
        m.put("ruleSetVersions", versions);
        List<Map<String, Object>> problems = o.problems().stream().map(p -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("file", p.file());
            x.put("line", p.line());
            x.put("reason", p.reason());
            return x;
        }).toList();
        m.put("problems", problems);
        return m;
    }
}
