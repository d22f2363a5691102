package org.approvalrules.core.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.api.rules.RulePackException;

/**
 * A scenario written by a local rule author (the OpenFisca YAML-test idea): cases, an as-of instant,
 * and the findings expected (case, rule id, severity) — exactly those, no more. Immutable.
 *
 * @param name what it shows
 * @param file the scenario file
 * @param line the line of the scenario in that file
 * @param locality the locality whose rules are applied
 * @param calendar the locality whose working calendar the rules' global {@code calendar} is (the
 *     scenario's {@code calendar:} field; {@code locality} when absent)
 * @param asOf the evaluation instant
 * @param cases the cases
 * @param expected the findings expected
 */
public record Scenario(String name, String file, int line, DivisionCode locality, DivisionCode calendar, Instant asOf,
        List<CaseFacts> cases, List<Expected> expected) {

    /**
     * One expected finding.
     *
     * @param caseId the case
     * @param ruleId the rule
     * @param severity the severity
     */
    public record Expected(String caseId, String ruleId, Severity severity) {
        @Override
        public String toString() {
            return caseId + " " + ruleId + " " + severity;
        }
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Parses a scenario file; {@code layer} is the default locality. */
    public static List<Scenario> parse(String file, String text, DivisionCode layer) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new RulePackException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "YAML 格式错误 / malformed YAML: " + e.getOriginalMessage());
        }
        JsonNode list = root == null ? null : root.get("scenarios");
        if (list == null || !list.isArray()) {
            throw new RulePackException(file, 1, "场景文件需要 scenarios: 列表 / a scenario file needs a 'scenarios:' list");
        }
        List<Scenario> out = new ArrayList<>();
        List<RulePackException.Problem> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        int from = 0;
        for (JsonNode s : list) {
            String name = s.path("name").asText("");
            int line = 0;
            for (int i = from; i < lines.length; i++) {
                if (lines[i].contains("name:") && lines[i].contains(name.isEmpty() ? "name:" : name.substring(0, Math.min(8, name.length())))) {
                    line = i + 1;
                    from = i + 1;
                    break;
                }
            }
            try {
                DivisionCode loc = s.has("locality") ? DivisionCode.parse(s.get("locality").asText()) : layer;
                DivisionCode cal = s.has("calendar") ? DivisionCode.parse(s.get("calendar").asText()) : loc;
                Instant asOf = OffsetDateTime.parse(require(s, "as-of")).toInstant();
                List<CaseFacts> cases = new ArrayList<>();
                for (JsonNode c : s.path("cases")) {
                    TimeLimit statutory = TimeLimit.parse(require(c, "statutory"));
                    TimeLimit promised = c.has("promised") ? TimeLimit.parse(c.get("promised").asText()) : statutory;
                    int pr = c.path("promised-remaining").asInt(0);
                    cases.add(new CaseFacts(require(c, "id"), loc, LocalDateTime.parse(require(c, "accepted")), statutory,
                            promised, pr, c.path("statutory-remaining").asInt(pr), c.path("completed").asBoolean(false),
                            c.path("correction-notice-working-days").asInt(-1), c.path("delivery-working-days").asInt(-1),
                            c.path("procedures-recorded-after-due").asInt(0), c.path("back-dated-procedures").asInt(0),
                            c.path("procedures-at-acceptance").asInt(0), c.path("unrecognised-procedures").asInt(0)));
                }
                if (cases.isEmpty()) {
                    throw new RulePackException(file, line, "场景没有办件 / scenario has no cases");
                }
                List<Expected> expected = new ArrayList<>();
                for (JsonNode e : s.path("expect")) {
                    expected.add(new Expected(require(e, "case"), require(e, "rule"),
                            Severity.valueOf(require(e, "severity").toUpperCase(Locale.ROOT))));
                }
                out.add(new Scenario(name, file, line, loc, cal, asOf, cases, expected));
            } catch (ApprovalRulesException | java.time.DateTimeException | IllegalArgumentException e) {
                problems.add(new RulePackException.Problem(file, line, "场景 " + name + " 有误 / bad scenario: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return out;
    }

    private static String require(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("缺少字段 " + field + " / missing field " + field);
        }
        return v.asText();
    }
}
