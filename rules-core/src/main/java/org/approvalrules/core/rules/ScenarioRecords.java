package org.approvalrules.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.AuthorizationData.Part;
import org.approvalrules.api.authorization.CatalogueItem;
import org.approvalrules.api.authorization.Delegation;
import org.approvalrules.api.authorization.EndReason;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.RosterDays;
import org.approvalrules.api.authorization.StaffRole;
import org.approvalrules.api.authorization.StaffSpell;
import org.approvalrules.api.authorization.StepPlace;
import org.approvalrules.api.authorization.StepRecord;
import org.approvalrules.api.authorization.WindowRoster;
import org.approvalrules.core.authorization.AuthorizationAssessor;
import org.approvalrules.core.authorization.AuthorizationDataReader;

/**
 * The records a scenario may state instead of facts (docs/RULE-PACKS.md "Scenarios"): {@code authorization-data}
 * with {@code as-of}, optional {@code from}, and the sections {@code items}, {@code delegations}, {@code staff},
 * {@code schedules}, {@code steps} (a section left out is a part not given), from which the authorization
 * assessor computes the facts on the scenario's calendar, as in production.
 */
final class ScenarioRecords {

    /** The keys of {@code authorization-data}. */
    static final List<String> SECTIONS = List.of("as-of", "from", "items", "delegations", "staff", "schedules", "steps");
    /** The keys of each section's rows. */
    static final Map<String, List<String>> KEYS = Map.of(
            "items", List.of("item", "department", "in-centre-from"),
            "delegations", List.of("department", "item", "power", "powers", "document", "from", "to"),
            "staff", List.of("id", "name", "department", "role", "window", "document", "from", "to", "end-reason", "powers"),
            "schedules", List.of("window", "department", "days", "opens", "closes", "from", "to"),
            "steps", List.of("case", "item", "step", "staff", "place", "window", "at", "count"));

    /** Authorization records as of a day, opening and rosters measured over [from, asOf]. */
    record Authorization(AuthorizationData data, LocalDate from, LocalDate asOf) {
    }

    private ScenarioRecords() {
    }

    static Authorization authorization(JsonNode n) {
        LocalDate asOf = LocalDate.parse(text(n, "as-of"));
        LocalDate from = n.has("from") ? LocalDate.parse(text(n, "from")) : AuthorizationAssessor.defaultFrom(asOf);
        Set<Part> given = EnumSet.noneOf(Part.class);
        List<CatalogueItem> items = new ArrayList<>();
        if (n.has("items")) {
            given.add(Part.ITEMS);
            for (JsonNode i : n.get("items")) {
                items.add(new CatalogueItem(text(i, "item"), text(i, "department"), Optional.empty(), optionalDate(i, "in-centre-from")));
            }
        }
        List<Delegation> delegations = new ArrayList<>();
        if (n.has("delegations")) {
            given.add(Part.DELEGATIONS);
            for (JsonNode d : n.get("delegations")) {
                List<Power> powers = new ArrayList<>();
                if (d.has("power")) {
                    powers.add(power(text(d, "power")));
                }
                d.path("powers").forEach(p -> powers.addAll(p.asText().equals("ALL") ? List.of(Power.values()) : List.of(power(p.asText()))));
                for (Power p : powers) {
                    delegations.add(new Delegation(text(d, "department"), text(d, "item"), p, text(d, "document"),
                            LocalDate.parse(text(d, "from")), optionalDate(d, "to")));
                }
            }
        }
        List<StaffSpell> staff = new ArrayList<>();
        if (n.has("staff")) {
            given.add(Part.STAFF);
            for (JsonNode s : n.get("staff")) {
                Set<Power> powers = EnumSet.noneOf(Power.class);
                s.path("powers").forEach(p -> powers.add(power(p.asText())));
                staff.add(new StaffSpell(text(s, "id"), text(s, "name"), text(s, "department"),
                        StaffRole.valueOf(text(s, "role").toUpperCase(Locale.ROOT)), optionalText(s, "window"),
                        optionalText(s, "document"), LocalDate.parse(text(s, "from")), optionalDate(s, "to"),
                        optionalText(s, "end-reason").map(r -> EndReason.valueOf(r.toUpperCase(Locale.ROOT))), powers));
            }
        }
        List<WindowRoster> rosters = new ArrayList<>();
        if (n.has("schedules")) {
            given.add(Part.SCHEDULES);
            for (JsonNode r : n.get("schedules")) {
                String days = text(r, "days");
                RosterDays d = AuthorizationDataReader.rosterDays(days)
                        .orElseThrow(() -> new IllegalArgumentException("开放日无法识别 / unrecognised days: " + days));
                rosters.add(new WindowRoster(text(r, "window"), text(r, "department"), d,
                        optionalText(r, "opens").map(LocalTime::parse), optionalText(r, "closes").map(LocalTime::parse),
                        LocalDate.parse(text(r, "from")), optionalDate(r, "to")));
            }
        }
        List<StepRecord> steps = new ArrayList<>();
        if (n.has("steps")) {
            given.add(Part.STEPS);
            for (JsonNode s : n.get("steps")) {
                int count = s.path("count").asInt(1);
                for (int k = 0; k < count; k++) {
                    steps.add(new StepRecord(text(s, "case") + (count > 1 ? "-" + k : ""), text(s, "item"), power(text(s, "step")),
                            text(s, "staff"), StepPlace.valueOf(text(s, "place").toUpperCase(Locale.ROOT)), optionalText(s, "window"),
                            LocalDateTime.parse(text(s, "at"))));
                }
            }
        }
        return new Authorization(new AuthorizationData(items, delegations, staff, rosters, steps, given), from, asOf);
    }

    private static Power power(String v) {
        return AuthorizationDataReader.parsePower(v).orElseThrow(() -> new IllegalArgumentException("未知权力 / unknown power: " + v));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("缺少字段 " + field + " / missing field " + field);
        }
        return v.asText();
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        return n.has(field) && !n.get(field).asText().isBlank() ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    private static Optional<LocalDate> optionalDate(JsonNode n, String field) {
        return optionalText(n, field).map(LocalDate::parse);
    }
}
