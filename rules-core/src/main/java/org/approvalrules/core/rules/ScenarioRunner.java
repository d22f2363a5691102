package org.approvalrules.core.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.pack.Layer;
import org.approvalrules.core.pack.RuleSource;

/**
 * Runs the scenarios of a pack's layers against the rule sets of a {@link RuleSets} and reports
 * which rules no scenario exercises. Used by {@code approval-rules rules test} and from JUnit through
 * {@link ScenarioTests}. The rules' global {@code calendar} is the working calendar of the scenario's
 * locality (or of the locality its {@code calendar:} field names).
 */
public final class ScenarioRunner {
    private final RuleSets registry;
    private final Function<DivisionCode, ? extends WorkingCalendar> calendars;

    /**
     * A runner over the rule sets of {@code registry}, with the bundled calendars (STRICT) plus the
     * calendar layers of the registry's pack directory, if it has one (as {@code ApprovalRules} composes
     * them).
     */
    public ScenarioRunner(RuleSets registry) {
        this(registry, calendars(registry));
    }

    /** A runner over the rule sets of {@code registry}, with the calendars {@code calendars} gives by locality. */
    public ScenarioRunner(RuleSets registry, Function<DivisionCode, ? extends WorkingCalendar> calendars) {
        this.registry = InvalidValueException.requireNonNull(registry, "registry");
        this.calendars = InvalidValueException.requireNonNull(calendars, "calendars");
    }

    private static Function<DivisionCode, WorkingCalendar> calendars(RuleSets registry) {
        InvalidValueException.requireNonNull(registry, "registry");
        CalendarRepository repo = registry.repository().directory()
                .map(CalendarRepository.bundled()::withLayersFrom).orElse(CalendarRepository.bundled());
        return l -> repo.calendarFor(l, CoveragePolicy.STRICT);
    }

    /**
     * The outcome of one scenario.
     *
     * @param scenario the scenario
     * @param version the rule-set version it ran on
     * @param missing expected findings that did not appear
     * @param unexpected findings that appeared without being expected
     * @param findings every finding produced
     * @param error the error, when evaluation failed
     */
    public record Result(Scenario scenario, String version, List<Scenario.Expected> missing,
            List<Scenario.Expected> unexpected, List<Finding> findings, Optional<String> error) {
        /** Whether exactly the expected findings appeared. */
        public boolean passed() {
            return error.isEmpty() && missing.isEmpty() && unexpected.isEmpty();
        }
    }

    /**
     * The outcome of a run.
     *
     * @param results one per scenario
     * @param unexercised by layer, the ids of the layer's own rules that no scenario fired
     */
    public record Report(List<Result> results, Map<DivisionCode, List<String>> unexercised) {
        /** Whether every scenario passed. */
        public boolean passed() {
            return results.stream().allMatch(Result::passed);
        }
    }

    /** The scenarios of the layers that apply to {@code locality} (every layer when empty), parsed. */
    public List<Scenario> scenarios(Optional<DivisionCode> locality) {
        List<Scenario> all = new ArrayList<>();
        for (Layer layer : layers(locality)) {
            for (Map.Entry<String, String> f : new TreeMap<>(layer.scenarios()).entrySet()) {
                all.addAll(Scenario.parse(f.getKey(), f.getValue(), layer.code()));
            }
        }
        return all;
    }

    private List<Layer> layers(Optional<DivisionCode> locality) {
        return locality.map(l -> registry.repository().lineage(l))
                .orElseGet(() -> List.copyOf(registry.repository().layers().values()));
    }

    /** Runs one scenario. */
    public Result run(Scenario s) {
        try {
            RuleSets.RuleSet set = registry.ruleSet(s.locality());
            List<RuleFact> facts = new ArrayList<>(s.cases());
            WorkingCalendar calendar = calendars.apply(s.calendar());
            facts.addAll(s.facts().compute(set.pack().parameters(), set.version(), calendar));
            List<Finding> findings = set.evaluate(facts, s.asOf(), calendar);
            List<Scenario.Expected> got = findings.stream()
                    .map(f -> new Scenario.Expected(f.subject(), f.ruleId(), f.severity())).toList();
            List<Scenario.Expected> missing = s.expected().stream().filter(e -> !got.contains(e)).toList();
            List<Scenario.Expected> unexpected = got.stream().filter(g -> !s.expected().contains(g)).toList();
            return new Result(s, set.version(), missing, unexpected, findings, Optional.empty());
        } catch (ApprovalRulesException e) {
            return new Result(s, "", List.of(), List.of(), List.of(), Optional.of(e.getMessage()));
        }
    }

    /** Runs the scenarios of every layer applying to {@code locality} (all layers when empty). */
    public Report runAll(Optional<DivisionCode> locality) {
        List<Result> results = scenarios(locality).stream().map(this::run).toList();
        Set<String> fired = new HashSet<>();
        for (Result r : results) {
            r.findings().forEach(f -> fired.add(f.layer() + "/" + f.ruleId()));
        }
        Map<DivisionCode, List<String>> unexercised = new TreeMap<>();
        for (Layer layer : layers(locality)) {
            List<String> ids = layer.rules().stream().map(RuleSource::id)
                    .filter(id -> !fired.contains(layer.code() + "/" + id)).collect(Collectors.toList());
            if (!ids.isEmpty()) {
                unexercised.put(layer.code(), ids);
            }
        }
        return new Report(results, unexercised);
    }
}
