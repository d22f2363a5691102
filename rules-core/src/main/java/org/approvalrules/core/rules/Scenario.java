package org.approvalrules.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.yaml.YamlDoc;
import org.approvalrules.core.yaml.YamlNode;

/**
 * A scenario written by a local rule author (the OpenFisca YAML-test idea): cases and other facts
 * ({@link ScenarioFacts}: authorization facts, fee charges, an intake log), an as-of instant, and the
 * findings expected (subject, rule id, severity) — exactly those, no more. Immutable.
 *
 * @param name what it shows
 * @param file the scenario file
 * @param line the line of the scenario in that file
 * @param locality the locality whose rules are applied
 * @param calendar the locality whose working calendar the rules' global {@code calendar} is (the
 *     scenario's {@code calendar:} field; {@code locality} when absent)
 * @param asOf the evaluation instant
 * @param cases the cases (may be empty when {@code facts} is not)
 * @param facts the authorization facts, fee charges and intake log
 * @param expected the findings expected
 */
public record Scenario(String name, String file, int line, DivisionCode locality, DivisionCode calendar, Instant asOf,
        List<CaseFacts> cases, ScenarioFacts facts, List<Expected> expected) {

    /**
     * One expected finding.
     *
     * @param caseId the subject: a case, a department, a fee charge's case (field {@code case})
     * @param ruleId the rule
     * @param severity the severity
     */
    public record Expected(String caseId, String ruleId, Severity severity) {
        @Override
        public String toString() {
            return caseId + " " + ruleId + " " + severity;
        }
    }

    private static final List<String> SCENARIO_KEYS = List.of("name", "locality", "calendar", "as-of", "cases", "expect",
            "rates", "chiefs", "openings", "signatures", "charges", "intake-log", "moves", "authorization-data", "guides", "completeness", "catalogue",
            "promised", "kpis", "results", "steps", "channels");
    /** The keys of each fact section ({@link ScenarioFacts}): a misspelt key is an error, not a default. */
    private static final Map<String, List<String>> FACT_KEYS = Map.ofEntries(
            Map.entry("completeness", List.of("kind", "subject", "department", "date", "count", "detail")),
            Map.entry("catalogue", List.of("department", "measure", "sum", "count", "date")),
            Map.entry("promised", List.of("item", "department", "promised", "statutory", "date")),
            Map.entry("kpis", List.of("department", "kpi", "numerator", "denominator", "date")),
            Map.entry("rates", List.of("department", "power", "numerator", "denominator", "date")),
            Map.entry("chiefs", List.of("department", "date", "name", "document", "appointed-on", "approval-power", "full-time")),
            Map.entry("openings", List.of("department", "from", "to", "working-days", "closed", "half-day", "unknown")),
            Map.entry("signatures", List.of("case", "item", "step", "step-name", "power", "handler", "date", "delegated", "authorised")),
            Map.entry("charges", List.of("case", "item", "item-name", "department", "item-charges", "fee-basis", "in-centre-since",
                    "quantities", "evidence", "standard", "applicant", "date", "collected", "charged", "prior-in-month", "method")),
            Map.entry("guides", List.of("item", "department", "charges", "name", "legal-basis", "conditions", "materials", "procedure",
                    "time-limit", "fee-basis", "fee-standard", "date")),
            Map.entry("intake-log", List.of("case", "item", "applicant", "channel", "channel-name", "accepted")),
            Map.entry("moves", List.of("item", "moved-in", "centre-only")),
            Map.entry("results", List.of("case", "item", "kind", "place", "at")),
            Map.entry("steps", List.of("case", "item", "step", "place", "at")),
            Map.entry("channels", List.of("name", "kind", "from", "to")));
    private static final List<String> CASE_KEYS = List.of("id", "accepted", "statutory", "promised", "promised-remaining",
            "statutory-remaining", "completed", "correction-notice-working-days", "delivery-working-days",
            "procedures-recorded-after-due", "back-dated-procedures", "procedures-at-acceptance", "unrecognised-procedures");
    private static final List<String> EXPECT_KEYS = List.of("case", "rule", "severity");

    /** Parses a scenario file; {@code layer} is the default locality. */
    public static List<Scenario> parse(String file, String text, DivisionCode layer) {
        YamlNode root = YamlDoc.parse(file, text).root();
        YamlNode list = root.get("scenarios");
        if (list == null || !list.json().isArray()) {
            throw new RulePackException(file, 1, "场景文件需要 scenarios: 列表 / a scenario file needs a 'scenarios:' list");
        }
        List<Scenario> out = new ArrayList<>();
        List<RulePackException.Problem> problems = new ArrayList<>();
        root.checkKeys("场景文件 / scenario file", List.of("scenarios"), problems);
        for (YamlNode node : list.elements()) {
            JsonNode s = node.json();
            String name = s.path("name").asText("");
            int line = node.line();
            node.checkKeys("场景 / scenario " + name, SCENARIO_KEYS, problems);
            for (YamlNode c : node.has("cases") ? node.get("cases").elements() : List.<YamlNode>of()) {
                c.checkKeys("场景 " + name + " 的办件 / case of scenario " + name, CASE_KEYS, problems);
            }
            for (Map.Entry<String, List<String>> section : FACT_KEYS.entrySet()) {
                for (YamlNode f : node.has(section.getKey()) ? node.get(section.getKey()).elements() : List.<YamlNode>of()) {
                    f.checkKeys("场景 " + name + " 的 " + section.getKey() + " / " + section.getKey() + " of scenario " + name,
                            section.getValue(), problems);
                }
            }
            if (node.has("authorization-data")) {
                YamlNode data = node.get("authorization-data");
                data.checkKeys("场景 " + name + " 的 authorization-data / authorization-data of scenario " + name,
                        ScenarioFacts.RECORD_SECTIONS, problems);
                for (Map.Entry<String, List<String>> section : ScenarioFacts.RECORD_KEYS.entrySet()) {
                    for (YamlNode f : data.has(section.getKey()) ? data.get(section.getKey()).elements() : List.<YamlNode>of()) {
                        f.checkKeys("场景 " + name + " 的 " + section.getKey() + " / " + section.getKey() + " of scenario " + name,
                                section.getValue(), problems);
                    }
                }
            }
            for (YamlNode e : node.has("expect") ? node.get("expect").elements() : List.<YamlNode>of()) {
                e.checkKeys("场景 " + name + " 的预期 / expectation of scenario " + name, EXPECT_KEYS, problems);
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
                ScenarioFacts facts = ScenarioFacts.parse(s, cal.toString());
                if (cases.isEmpty() && facts.isEmpty()) {
                    throw new RulePackException(file, line, "场景没有办件或事实 / scenario has no cases nor facts");
                }
                List<Expected> expected = new ArrayList<>();
                for (JsonNode e : s.path("expect")) {
                    expected.add(new Expected(require(e, "case"), require(e, "rule"),
                            Severity.valueOf(require(e, "severity").toUpperCase(Locale.ROOT))));
                }
                out.add(new Scenario(name, file, line, loc, cal, asOf, cases, facts, expected));
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
