package org.approvalrules.core.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.authorization.ChiefRepresentative;
import org.approvalrules.api.authorization.ChiefRepresentativeFact;
import org.approvalrules.api.authorization.DelegationRateFact;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.SignatureFact;
import org.approvalrules.api.authorization.WindowOpeningFact;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.FeeCharge;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.ExemptionEvidence;
import org.approvalrules.api.fee.FeeCheck;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.QuantityKind;
import org.approvalrules.api.intake.ApprovedChannel;
import org.approvalrules.api.intake.HandlingPlace;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeRegisters;
import org.approvalrules.api.intake.ResultRecord;
import org.approvalrules.api.intake.StepRecord;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.money.Money;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.api.supervise.CatalogueFact;
import org.approvalrules.api.supervise.CompletenessFact;
import org.approvalrules.api.supervise.KpiFact;
import org.approvalrules.api.supervise.PromisedLimitFact;
import org.approvalrules.core.fee.FeeCalculator;
import org.approvalrules.core.fee.FeeCatalog;
import org.approvalrules.core.fee.FeeChecker;
import org.approvalrules.core.fee.FeeParameters;
import org.approvalrules.core.intake.IntakeDetector;
import org.approvalrules.core.parameter.ParameterSet;

/**
 * What a scenario states besides deadline cases (docs/RULE-PACKS.md "Scenarios"): window-authorization
 * facts written directly ({@code rates}, {@code chiefs}, {@code openings}, {@code signatures}), fee charges
 * ({@code charges}) and an intake log with its move-in register ({@code intake-log}, {@code moves}) and optionally
 * results, steps and approved channels ({@code results}, {@code steps}, {@code channels}), from
 * which the engines compute the facts with the locality's own parameters, as in production. Immutable.
 *
 * @param facts the authorization facts
 * @param charges the fee charges, each of a case ({@link FeeCheck#subject()}; one case's charges are judged together)
 * @param intake the intake log
 * @param moves the move-in register
 * @param results the results and certificates issued (intake)
 * @param steps the steps of cases (intake)
 * @param channels the approved channels (intake)
 * @param authorization authorization records ({@code authorization-data}), when stated
 */
public record ScenarioFacts(List<RuleFact> facts, List<FeeCheck> charges, List<IntakeRecord> intake, List<ItemMove> moves,
        List<ResultRecord> results, List<StepRecord> steps, List<ApprovedChannel> channels,
        Optional<ScenarioRecords.Authorization> authorization) {

    /** Nothing but deadline cases. */
    public static final ScenarioFacts NONE = new ScenarioFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    /** The sections of {@code authorization-data}. */
    public static final List<String> RECORD_SECTIONS = ScenarioRecords.SECTIONS;
    /** The keys of each row of an {@code authorization-data} section. */
    public static final Map<String, List<String>> RECORD_KEYS = ScenarioRecords.KEYS;

    public ScenarioFacts {
        facts = List.copyOf(facts);
        charges = List.copyOf(charges);
        intake = List.copyOf(intake);
        moves = List.copyOf(moves);
        results = List.copyOf(results);
        steps = List.copyOf(steps);
        channels = List.copyOf(channels);
        authorization = java.util.Objects.requireNonNull(authorization, "authorization");
    }

    /** Without authorization records. */
    public ScenarioFacts(List<RuleFact> facts, List<FeeCheck> charges, List<IntakeRecord> intake, List<ItemMove> moves,
            List<ResultRecord> results, List<StepRecord> steps, List<ApprovedChannel> channels) {
        this(facts, charges, intake, moves, results, steps, channels, Optional.empty());
    }

    /** Without authorization records, intake results, steps or channels. */
    public ScenarioFacts(List<RuleFact> facts, List<FeeCheck> charges, List<IntakeRecord> intake, List<ItemMove> moves) {
        this(facts, charges, intake, moves, List.of(), List.of(), List.of(), Optional.empty());
    }

    /** Whether the scenario states none of these. */
    public boolean isEmpty() {
        return facts.isEmpty() && charges.isEmpty() && intake.isEmpty() && authorization.isEmpty();
    }

    /**
     * The facts to judge: those stated, plus those the fee and intake engines compute from the charges and
     * the log with {@code params} (the scenario locality's effective parameters).
     *
     * @throws IllegalStateException when the scenario states authorization records (they need a calendar)
     */
    public List<RuleFact> compute(ParameterSet params, String version) {
        if (authorization.isPresent()) {
            throw new IllegalStateException("authorization-data needs the scenario's calendar");
        }
        return compute(params, version, null);
    }

    /**
     * As {@link #compute(ParameterSet, String)}, plus the facts the authorization assessor computes from the
     * records with {@code params} on {@code calendar} (the scenario's calendar).
     */
    public List<RuleFact> compute(ParameterSet params, String version, org.approvalrules.api.calendar.WorkingCalendar calendar) {
        List<RuleFact> out = new ArrayList<>(facts);
        authorization.ifPresent(a -> out.addAll(new org.approvalrules.core.authorization.AuthorizationAssessor(params)
                .facts(a.data(), calendar, a.from(), a.asOf()).all()));
        if (!charges.isEmpty()) {
            FeeChecker fees = new FeeChecker(new FeeCalculator(new FeeParameters(params, FeeCatalog.of(params), version)));
            Map<String, List<FeeCheck>> byCase = new LinkedHashMap<>();
            charges.forEach(c -> byCase.computeIfAbsent(c.subject(), k -> new ArrayList<>()).add(c));
            byCase.values().forEach(c -> out.addAll(fees.facts(c)));
        }
        if (!intake.isEmpty()) {
            IntakeDetector.Session s = new IntakeDetector(params).session(new IntakeRegisters(moves, results, steps, channels));
            intake.forEach(s::add);
            out.addAll(s.finish());
        }
        return out;
    }

    /** Reads the sections of scenario {@code s}; {@code calendar} names the calendar of window-opening facts. */
    static ScenarioFacts parse(JsonNode s, String calendar) {
        List<RuleFact> facts = new ArrayList<>();
        for (JsonNode r : s.path("rates")) {
            facts.add(new DelegationRateFact(text(r, "department"), power(r, "power"), integer(r, "numerator"),
                    integer(r, "denominator"), date(r, "date")));
        }
        for (JsonNode c : s.path("chiefs")) {
            String dep = text(c, "department");
            LocalDate on = date(c, "date");
            Optional<ChiefRepresentative> chief = c.has("name")
                    ? Optional.of(new ChiefRepresentative(dep, text(c, "name"), Optional.empty(), text(c, "document"),
                            c.has("appointed-on") ? date(c, "appointed-on") : on, c.path("approval-power").asBoolean(true),
                            c.path("full-time").asBoolean(true)))
                    : Optional.empty();
            facts.add(new ChiefRepresentativeFact(dep, on, chief));
        }
        for (JsonNode o : s.path("openings")) {
            facts.add(new WindowOpeningFact(text(o, "department"), date(o, "from"), date(o, "to"), integer(o, "working-days"),
                    dates(o, "closed"), dates(o, "half-day"), dates(o, "unknown"), calendar, "scenario"));
        }
        for (JsonNode g : s.path("signatures")) {
            facts.add(new SignatureFact(text(g, "case"), text(g, "item"), g.path("step").asInt(0), text(g, "step-name"),
                    power(g, "power"), text(g, "handler"), date(g, "date"), g.path("delegated").asBoolean(true),
                    g.path("authorised").asBoolean(false)));
        }
        for (JsonNode g : s.path("guides")) {
            facts.add(org.approvalrules.core.fee.GuideChecker.fact(new org.approvalrules.api.fee.ServiceGuide(text(g, "item"),
                    g.path("department").asText(""), g.path("charges").asBoolean(true), g.path("name").asText(""),
                    g.path("legal-basis").asText(""), g.path("conditions").asText(""), g.path("materials").asText(""),
                    g.path("procedure").asText(""), g.path("time-limit").asText(""), g.path("fee-basis").asText(""),
                    g.path("fee-standard").asText("")), date(g, "date")));
        }
        for (JsonNode f : s.path("completeness")) {
            facts.add(new CompletenessFact(CompletenessFact.Kind.valueOf(text(f, "kind").toUpperCase(Locale.ROOT)),
                    text(f, "subject"), text(f, "department"), date(f, "date"), f.path("count").asLong(1),
                    f.path("detail").asText("")));
        }
        for (JsonNode f : s.path("catalogue")) {
            facts.add(new CatalogueFact(text(f, "department"),
                    CatalogueFact.Measure.valueOf(text(f, "measure").toUpperCase(Locale.ROOT).replace('-', '_')),
                    integer(f, "sum"), integer(f, "count"), date(f, "date")));
        }
        for (JsonNode f : s.path("promised")) {
            facts.add(new PromisedLimitFact(text(f, "item"), text(f, "department"), integer(f, "promised"),
                    integer(f, "statutory"), date(f, "date")));
        }
        for (JsonNode f : s.path("kpis")) {
            facts.add(new KpiFact(text(f, "department"),
                    KpiFact.Kpi.valueOf(text(f, "kpi").toUpperCase(Locale.ROOT).replace('-', '_')), integer(f, "numerator"),
                    integer(f, "denominator"), date(f, "date")));
        }
        List<FeeCheck> charges = new ArrayList<>();
        for (JsonNode c : s.path("charges")) {
            charges.add(charge(c));
        }
        List<IntakeRecord> intake = new ArrayList<>();
        for (JsonNode r : s.path("intake-log")) {
            AcceptanceChannel ch = AcceptanceChannel.valueOf(text(r, "channel").toUpperCase(Locale.ROOT));
            intake.add(new IntakeRecord(text(r, "case"), text(r, "item"), ApplicantId.parse(text(r, "applicant")), ch,
                    r.has("channel-name") ? Optional.of(text(r, "channel-name")) : Optional.empty(),
                    LocalDateTime.parse(text(r, "accepted"))));
        }
        List<ItemMove> moves = new ArrayList<>();
        for (JsonNode m : s.path("moves")) {
            moves.add(new ItemMove(text(m, "item"), date(m, "moved-in"), m.path("centre-only").asBoolean(true)));
        }
        List<ResultRecord> results = new ArrayList<>();
        for (JsonNode r : s.path("results")) {
            results.add(new ResultRecord(text(r, "case"), text(r, "item"),
                    ResultRecord.Kind.valueOf(r.path("kind").asText("RESULT").toUpperCase(Locale.ROOT)),
                    HandlingPlace.valueOf(text(r, "place").toUpperCase(Locale.ROOT)), LocalDateTime.parse(text(r, "at"))));
        }
        List<StepRecord> steps = new ArrayList<>();
        for (JsonNode r : s.path("steps")) {
            steps.add(new StepRecord(text(r, "case"), text(r, "item"), power(r, "step"),
                    HandlingPlace.valueOf(text(r, "place").toUpperCase(Locale.ROOT)), LocalDateTime.parse(text(r, "at"))));
        }
        List<ApprovedChannel> channels = new ArrayList<>();
        for (JsonNode r : s.path("channels")) {
            channels.add(new ApprovedChannel(text(r, "name"), AcceptanceChannel.valueOf(text(r, "kind").toUpperCase(Locale.ROOT)),
                    date(r, "from"), r.has("to") ? Optional.of(date(r, "to")) : Optional.empty()));
        }
        if (intake.isEmpty() && !(moves.isEmpty() && results.isEmpty() && steps.isEmpty() && channels.isEmpty())) {
            throw new IllegalArgumentException("有 moves/results/steps/channels 而无 intake-log / moves, results, steps or "
                    + "channels without an intake-log");
        }
        Optional<ScenarioRecords.Authorization> records = s.has("authorization-data")
                ? Optional.of(ScenarioRecords.authorization(s.get("authorization-data"))) : Optional.empty();
        return new ScenarioFacts(facts, charges, intake, moves, results, steps, channels, records);
    }

    private static FeeCheck charge(JsonNode c) {
        String item = text(c, "item");
        ServiceItem.Builder b = ServiceItem.builder(item, c.path("item-name").asText("场景事项 / scenario item"))
                .basicCode(item).department(c.path("department").asText("场景部门 / scenario department"))
                .statutoryLimit(TimeLimit.workingDays(20)).promisedLimit(TimeLimit.workingDays(20));
        b = c.path("item-charges").asBoolean(true) ? b.fee(c.path("fee-basis").asText("场景收费依据 / scenario fee basis"))
                : b.noFee(null);
        if (c.has("in-centre-since")) {
            b = b.inCentreSince(date(c, "in-centre-since"));
        }
        Map<QuantityKind, Integer> quantities = new EnumMap<>(QuantityKind.class);
        c.path("quantities").fields().forEachRemaining(e ->
                quantities.put(QuantityKind.valueOf(e.getKey().toUpperCase(Locale.ROOT)), e.getValue().asInt()));
        Set<ExemptionEvidence> evidence = EnumSet.noneOf(ExemptionEvidence.class);
        c.path("evidence").forEach(e -> evidence.add(ExemptionEvidence.valueOf(e.asText().toUpperCase(Locale.ROOT))));
        String standard = text(c, "standard");
        FeeRequest request = new FeeRequest(standard, quantities,
                ApplicantCategory.valueOf(c.path("applicant").asText("INDIVIDUAL").toUpperCase(Locale.ROOT)), evidence,
                date(c, "date"), c.path("prior-in-month").asInt(0));
        AcceptanceChannel channel = AcceptanceChannel.valueOf(c.path("collected").asText("CENTRE_WINDOW").toUpperCase(Locale.ROOT));
        Optional<org.approvalrules.api.fee.CollectionMethod> method = c.has("method") ? Optional.of(
                org.approvalrules.api.fee.CollectionMethod.valueOf(text(c, "method").toUpperCase(Locale.ROOT))) : Optional.empty();
        return new FeeCheck(text(c, "case"), b.build(), FeeCharge.of(standard, Money.of(text(c, "charged"))), request, channel,
                method);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new IllegalArgumentException("缺少字段 " + field + " / missing field " + field);
        }
        return v.asText();
    }

    private static int integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("字段 " + field + " 应为整数 / field " + field + " must be an integer: " + v);
        }
        return v.asInt();
    }

    private static LocalDate date(JsonNode n, String field) {
        return LocalDate.parse(text(n, field));
    }

    private static List<LocalDate> dates(JsonNode n, String field) {
        List<LocalDate> out = new ArrayList<>();
        n.path(field).forEach(d -> out.add(LocalDate.parse(d.asText())));
        return out;
    }

    private static Power power(JsonNode n, String field) {
        return Power.valueOf(text(n, field).toUpperCase(Locale.ROOT));
    }
}
