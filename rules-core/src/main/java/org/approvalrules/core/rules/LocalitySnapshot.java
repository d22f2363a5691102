package org.approvalrules.core.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
        DeadlineInput[] inputs = cases.toArray(new DeadlineInput[0]);
        int n = inputs.length;
        DayPolicies days = new DayPolicies(parameters());
        CaseIds ids = new CaseIds(inputs);
        DayPolicy[] used = new DayPolicy[n];
        DeadlineResult[] results = new DeadlineResult[n];
        CaseFacts[] facts = new CaseFacts[n];
        LocalDate asOfDate = LocalDateTime.ofInstant(asOf, DeadlineFacts.ZONE).toLocalDate();
        for (int i = 0; i < n; i++) {
            DeadlineInput in = InvalidValueException.requireNonNull(inputs[i], "case");
            if (in.locality().isPresent() && !in.locality().get().equals(code)) {
                throw new InvalidValueException("case " + in.caseId() + ".locality", in.locality().get(),
                        "办件地区与评估地区 " + code + " 不同 / the case belongs to another locality than " + code);
            }
            if (!ids.add(i)) {
                throw new InvalidValueException("case", in.caseId(), "同一批次中办件编号重复 / duplicate case id in the batch");
            }
            DayPolicy p = days.on(in.accepted().toLocalDate());
            DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, p.calendar, p.policy, asOf);
            used[i] = p;
            results[i] = r;
            facts[i] = DeadlineFacts.of(in, r, p.calendar, code, asOfDate);
        }
        // findings come back by the position of their fact: no grouping by case id
        List<List<Finding>> findings = ruleSet.rules().evaluateEach(Arrays.asList(facts), new EvaluationContext(asOf,
                calendarFunctions, calendarVersion()));
        List<CaseEvaluation> out = new ArrayList<>(n);
        String version = ruleSetVersion();
        for (int i = 0; i < n; i++) {
            DeadlineResult r = results[i];
            out.add(new CaseEvaluation(r.caseId(), code, r, findings.get(i), used[i].policy, r.calendarVersion(), version));
        }
        return out;
    }

    /** The policy and calendar of one acceptance date. */
    private static final class DayPolicy {
        final DeadlinePolicy policy;
        final WorkingCalendar calendar;

        DayPolicy(DeadlinePolicy policy, WorkingCalendar calendar) {
            this.policy = policy;
            this.calendar = calendar;
        }
    }

    /**
     * The policies and calendars of a batch, built once per distinct acceptance date: an array by epoch day
     * over {@value #SPAN} days around the first date asked (no hashing, no boxing), a map beyond.
     */
    private final class DayPolicies {
        private static final int SPAN = 4096;
        private final ParameterSet params;
        private final DayPolicy[] byDay = new DayPolicy[SPAN];
        private long firstDay = Long.MIN_VALUE;
        private Map<LocalDate, DayPolicy> beyond;

        DayPolicies(ParameterSet params) {
            this.params = params;
        }

        DayPolicy on(LocalDate date) {
            long day = date.toEpochDay();
            if (firstDay == Long.MIN_VALUE) {
                firstDay = day - SPAN / 2;
            }
            long k = day - firstDay;
            if (k >= 0 && k < SPAN) {
                DayPolicy p = byDay[(int) k];
                if (p == null) {
                    p = build(date);
                    byDay[(int) k] = p;
                }
                return p;
            }
            if (beyond == null) {
                beyond = new HashMap<>();
            }
            return beyond.computeIfAbsent(date, this::build);
        }

        private DayPolicy build(LocalDate date) {
            return new DayPolicy(DeadlinePolicies.policy(params, date), DeadlinePolicies.calendar(calendar, params, date));
        }
    }

    /**
     * The case ids of a batch, to refuse a duplicate: open addressing over one {@code long} per slot (the
     * id's cached hash code and the case's position), so a new id costs one random access; strings are
     * compared only when two hash codes are equal.
     */
    static final class CaseIds {
        private final DeadlineInput[] inputs;
        private final long[] slots;
        private final int mask;
        private final int shift;

        CaseIds(DeadlineInput[] inputs) {
            this.inputs = inputs;
            int size = Integer.highestOneBit(Math.max(4, inputs.length) * 2 - 1) << 1;
            slots = new long[size];
            mask = size - 1;
            shift = 32 - Integer.numberOfTrailingZeros(size);
        }

        /** Adds the id of the case at {@code position}; false when an earlier case has the same id. */
        boolean add(int position) {
            String id = inputs[position].caseId();
            int h = id.hashCode();
            int s = (h * 0x9E3779B9) >>> shift;
            for (long held = slots[s]; held != 0; held = slots[s]) {
                if ((int) (held >>> 32) == h && inputs[(int) held - 1].caseId().equals(id)) {
                    return false;
                }
                s = (s + 1) & mask;
            }
            slots[s] = (long) h << 32 | (position + 1);
            return true;
        }
    }

    @Override
    public String toString() {
        return "LocalitySnapshot[" + code + ", rules " + ruleSetVersion() + ", calendar " + calendarVersion() + "]";
    }
}
