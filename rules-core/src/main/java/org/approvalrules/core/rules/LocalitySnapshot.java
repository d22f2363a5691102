package org.approvalrules.core.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CalendarFunctions;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.api.spi.EvaluationContext;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.approvalrules.core.parameter.ParameterSet;

/**
 * Everything one locality is evaluated with, taken together and never changed: its calendar (and that
 * calendar's version), its effective parameters, its compiled rules and their rule-set version. The entry
 * point holds one per locality and swaps it atomically on reload; every finding of an evaluation through
 * one snapshot carries the same rule-set and calendar versions. Internal: embedders reach it through
 * {@code ApprovalRules.Locality} (the library's own tools through {@link EntryPointAccess}); the domain paths (deadline here; authorization, fees, intake next) route
 * their facts through {@link #evaluate(Collection, Instant)}. Immutable and thread-safe.
 */
public final class LocalitySnapshot {
    private final DivisionCode code;
    private final WorkingCalendar calendar;
    private final CalendarFunctions calendarFunctions;
    private final RuleSets.RuleSet ruleSet;

    /**
     * @param code the locality
     * @param calendar its working calendar (local layers included)
     * @param ruleSet its rule set in service
     */
    public LocalitySnapshot(DivisionCode code, WorkingCalendar calendar, RuleSets.RuleSet ruleSet) {
        this.code = InvalidValueException.requireNonNull(code, "locality");
        this.calendar = InvalidValueException.requireNonNull(calendar, "calendar");
        this.ruleSet = InvalidValueException.requireNonNull(ruleSet, "ruleSet");
        this.calendarFunctions = CalendarFunctions.of(calendar);
    }

    /** The locality. */
    public DivisionCode code() {
        return code;
    }

    /** The working calendar (before any office-hours parameter of the pack). */
    public WorkingCalendar calendar() {
        return calendar;
    }

    /** The version of {@link #calendar()}, carried by every finding. */
    public String calendarVersion() {
        return calendar.version();
    }

    /** The rule-set version (content hash of effective rules and parameters), carried by every finding. */
    public String ruleSetVersion() {
        return ruleSet.version();
    }

    /** The effective parameters (checked for every domain). */
    public ParameterSet parameters() {
        return ruleSet.pack().parameters();
    }

    /** The rule set (effective pack and compiled rules). */
    public RuleSets.RuleSet ruleSet() {
        return ruleSet;
    }

    /** The deadline policy of a case accepted on {@code acceptedOn}. */
    public DeadlinePolicy policy(LocalDate acceptedOn) {
        InvalidValueException.requireNonNull(acceptedOn, "acceptedOn");
        return DeadlinePolicies.policy(parameters(), acceptedOn);
    }

    /**
     * Evaluates any facts through this snapshot's compiled rules as of {@code asOf}, with this snapshot's
     * calendar as the rules' {@code calendar}: every finding carries {@link #ruleSetVersion()} and
     * {@link #calendarVersion()}.
     */
    public List<Finding> evaluate(Collection<? extends RuleFact> facts, Instant asOf) {
        InvalidValueException.requireNonNull(facts, "facts");
        return ruleSet.rules().evaluate(facts, new EvaluationContext(
                InvalidValueException.requireNonNull(asOf, "asOf"), calendarFunctions, calendarVersion()));
    }

    /**
     * Evaluates a batch of cases of this locality as of {@code asOf}: the deadline engine on this calendar
     * with the policy of each case's acceptance date, then the rules. Results are in input order.
     *
     * @throws InvalidValueException when a case names another locality, or two cases share an id
     */
    public List<CaseEvaluation> evaluateCases(List<DeadlineInput> cases, Instant asOf) {
        InvalidValueException.requireNonNull(cases, "cases");
        InvalidValueException.requireNonNull(asOf, "asOf");
        ParameterSet params = parameters();
        Map<LocalDate, DeadlinePolicy> policies = new HashMap<>();
        Map<LocalDate, WorkingCalendar> calendars = new HashMap<>();
        List<DeadlineResult> results = new ArrayList<>(cases.size());
        List<CaseFacts> facts = new ArrayList<>(cases.size());
        Map<String, List<Finding>> bySubject = new HashMap<>(cases.size() * 2);
        for (DeadlineInput in : cases) {
            InvalidValueException.requireNonNull(in, "case");
            if (in.locality().isPresent() && !in.locality().get().equals(code)) {
                throw new InvalidValueException("case " + in.caseId() + ".locality", in.locality().get(),
                        "办件地区与评估地区 " + code + " 不同 / the case belongs to another locality than " + code);
            }
            if (bySubject.putIfAbsent(in.caseId(), List.of()) != null) {
                throw new InvalidValueException("case", in.caseId(), "同一批次中办件编号重复 / duplicate case id in the batch");
            }
            LocalDate acceptedOn = in.accepted().toLocalDate();
            DeadlinePolicy policy = policies.computeIfAbsent(acceptedOn, d -> DeadlinePolicies.policy(params, d));
            WorkingCalendar cal = calendars.computeIfAbsent(acceptedOn, d -> DeadlinePolicies.calendar(calendar, params, d));
            DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, cal, policy, asOf);
            results.add(r);
            facts.add(DeadlineFacts.of(in, r, cal, code));
        }
        for (Finding f : evaluate(facts, asOf)) {
            List<Finding> l = bySubject.get(f.subject());
            if (l == null || l.isEmpty()) {
                l = new ArrayList<>(2);
                bySubject.put(f.subject(), l);
            }
            l.add(f);
        }
        List<CaseEvaluation> out = new ArrayList<>(cases.size());
        for (int i = 0; i < results.size(); i++) {
            DeadlineResult r = results.get(i);
            LocalDate acceptedOn = cases.get(i).accepted().toLocalDate();
            out.add(new CaseEvaluation(r.caseId(), code, r, bySubject.get(r.caseId()), policies.get(acceptedOn),
                    r.calendarVersion(), ruleSetVersion()));
        }
        return out;
    }

    @Override
    public String toString() {
        return "LocalitySnapshot[" + code + ", rules " + ruleSetVersion() + ", calendar " + calendarVersion() + "]";
    }
}
