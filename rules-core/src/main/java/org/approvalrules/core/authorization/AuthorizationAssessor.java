package org.approvalrules.core.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.AuthorizationData.Part;
import org.approvalrules.api.authorization.AuthorizationScorecard;
import org.approvalrules.api.authorization.CatalogueItem;
import org.approvalrules.api.authorization.ChiefRepresentative;
import org.approvalrules.api.authorization.ChiefRepresentativeFact;
import org.approvalrules.api.authorization.Delegation;
import org.approvalrules.api.authorization.DelegationRateFact;
import org.approvalrules.api.authorization.MeasuredOpeningFact;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.PowerRate;
import org.approvalrules.api.authorization.RosterCoverageFact;
import org.approvalrules.api.authorization.RosterDays;
import org.approvalrules.api.authorization.ScorecardLine;
import org.approvalrules.api.authorization.SignatureFact;
import org.approvalrules.api.authorization.StaffRole;
import org.approvalrules.api.authorization.StaffSpell;
import org.approvalrules.api.authorization.StaffSpellFact;
import org.approvalrules.api.authorization.StepPlace;
import org.approvalrules.api.authorization.StepRecord;
import org.approvalrules.api.authorization.WindowRoster;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.RuleFact;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.ParameterSet;

/**
 * Window authorization measured from a locality's records ({@link AuthorizationData}: items.csv,
 * delegations.csv, staff.csv, schedules.csv, steps.csv) as of a day: computes the facts the national rules
 * judge and the scorecard. Immutable and thread-safe; it makes no finding itself.
 *
 * <ul>
 *   <li>rates ({@link DelegationRateFact}, {@link PowerRate}): per department and power, over the department's
 *       catalogue items in the centre on the assessed day (needs items and delegations); the locality's lines
 *       over every in-centre item; departments with no in-centre item are listed, not rated;</li>
 *   <li>chief representatives ({@link ChiefRepresentativeFact}) and staff spells ({@link StaffSpellFact}: ended by
 *       the assessed day, or in post on it) from staff.csv (chiefs need items too);</li>
 *   <li>回局签批 ({@link SignatureFact}): a step of an in-centre item exercising a checked power
 *       ({@value AuthorizationChecker#SIGNED_POWERS}) that was delegated for the item that day, performed
 *       at the department or by someone not in post at a window of the delegating department with that power.
 *       A step whose power was not delegated is not a fact: it is part of the rate gap. Only such steps
 *       become facts (authorised ones are not handed to the rules);</li>
 *   <li>measured opening ({@link MeasuredOpeningFact}) per rostered window over the period, from the steps
 *       recorded at it;</li>
 *   <li>roster coverage ({@link RosterCoverageFact}) per rostered window over the period, on the calendar's
 *       working days and office hours.</li>
 * </ul>
 */
public final class AuthorizationAssessor {

    /** Parameter: the least months at a window before a rotation (integer). */
    public static final String MIN_TENURE = "authorization.staff.min-tenure-months";
    /** Parameter: the least share of promised days served, and of served days with an afternoon step (decimal 0..1). */
    public static final String MIN_SHARE = "authorization.measured-opening.min-share";
    /** Parameter: the least steps at a window in the period for its measured opening to be judged (integer). */
    public static final String MIN_STEPS = "authorization.measured-opening.min-steps";
    /** Parameter: the scorecard, a list of {@code measure>=target} or {@code measure<=target} lines. */
    public static final String SCORECARD = "authorization.scorecard";
    /** A step at or after this time makes its day an afternoon day. */
    public static final LocalTime AFTERNOON = LocalTime.NOON;
    /** Days measured by default: four weeks ending on the assessed day. */
    public static final int DEFAULT_PERIOD_DAYS = 28;

    private final ParameterSet params;
    private final AuthorizationChecker checker;

    /** An assessor reading parameters from {@code params} (a locality's effective parameters). */
    public AuthorizationAssessor(ParameterSet params) {
        this.params = InvalidValueException.requireNonNull(params, "params");
        this.checker = new AuthorizationChecker(params);
    }

    /** The facts of one assessment, by kind, with the scorecard's figures. */
    public record Facts(List<DelegationRateFact> rates, List<PowerRate> rateLines, List<String> departmentsWithoutItems,
            List<ChiefRepresentativeFact> chiefs, List<StaffSpellFact> staff, List<SignatureFact> signatures,
            List<MeasuredOpeningFact> opening, List<RosterCoverageFact> rosters, List<ScorecardLine> scorecard,
            Set<Part> notChecked) {

        /** Every fact in the order rules judge them. */
        public List<RuleFact> all() {
            List<RuleFact> out = new ArrayList<>(rates);
            out.addAll(chiefs);
            out.addAll(staff);
            out.addAll(signatures);
            out.addAll(opening);
            out.addAll(rosters);
            return out;
        }
    }

    /** The default period's first day for {@code asOf}: four weeks ending on it. */
    public static LocalDate defaultFrom(LocalDate asOf) {
        return InvalidValueException.requireNonNull(asOf, "asOf").minusDays(DEFAULT_PERIOD_DAYS - 1L);
    }

    /** The scorecard of {@code data}: the facts computed as of {@code asOf} over [from, asOf], judged by {@code rules}. */
    public AuthorizationScorecard assess(AuthorizationData data, WorkingCalendar calendar, LocalDate from, LocalDate asOf,
            org.approvalrules.core.rules.FactJudge rules) {
        InvalidValueException.requireNonNull(rules, "rules");
        Facts f = facts(data, calendar, from, asOf);
        List<Finding> findings = rules.judge(f.all());
        return new AuthorizationScorecard(asOf, from, f.rateLines(), f.departmentsWithoutItems(), f.scorecard(),
                f.notChecked(), findings);
    }

    /** The facts of {@code data} as of {@code asOf}, opening and rosters over [from, asOf] on {@code calendar}. */
    public Facts facts(AuthorizationData data, WorkingCalendar calendar, LocalDate from, LocalDate asOf) {
        InvalidValueException.requireNonNull(data, "data");
        InvalidValueException.requireNonNull(calendar, "calendar");
        InvalidValueException.requireNonNull(from, "from");
        InvalidValueException.requireNonNull(asOf, "asOf");
        if (asOf.isBefore(from)) {
            throw new InvalidValueException("from", from, "期间开始晚于评估日 " + asOf + " / the period starts after the assessed day " + asOf);
        }
        Set<Part> notChecked = EnumSet.allOf(Part.class);
        notChecked.removeAll(data.given());
        boolean items = data.has(Part.ITEMS);
        Map<String, List<String>> inCentre = new TreeMap<>();
        Set<String> known = new TreeSet<>();
        for (CatalogueItem i : data.items()) {
            known.add(i.department());
            if (i.inCentreOn(asOf)) {
                inCentre.computeIfAbsent(i.department(), d -> new ArrayList<>()).add(i.itemCode());
            }
        }
        inCentre.values().forEach(l -> l.sort(null));
        data.staff().forEach(s -> known.add(s.department()));
        data.rosters().forEach(r -> known.add(r.department()));
        List<String> without = items ? known.stream().filter(d -> !inCentre.containsKey(d)).toList() : List.of();

        List<DelegationRateFact> rates = new ArrayList<>();
        List<PowerRate> lines = new ArrayList<>();
        if (items && data.has(Part.DELEGATIONS)) {
            rates(data, asOf, inCentre, rates, lines);
        }
        List<ChiefRepresentativeFact> chiefs = new ArrayList<>();
        List<StaffSpellFact> staff = new ArrayList<>();
        if (data.has(Part.STAFF)) {
            staff(data, asOf, items ? inCentre.keySet() : Set.of(), chiefs, staff);
        }
        List<SignatureFact> signatures = data.has(Part.ITEMS) && data.has(Part.DELEGATIONS) && data.has(Part.STAFF)
                && data.has(Part.STEPS) ? signatures(data, asOf) : List.of();
        List<MeasuredOpeningFact> opening = data.has(Part.SCHEDULES) && data.has(Part.STEPS)
                ? measuredOpening(data, calendar, from, asOf) : List.of();
        List<RosterCoverageFact> rosters = new ArrayList<>();
        if (data.has(Part.SCHEDULES)) {
            Map<String, List<WindowRoster>> byWindow = new TreeMap<>();
            data.rosters().forEach(r -> byWindow.computeIfAbsent(r.window(), w -> new ArrayList<>()).add(r));
            for (List<WindowRoster> rows : byWindow.values()) {
                if (!rosterSpan(rows, from, asOf).isEmpty()) {
                    rosters.add(rosterCoverage(rows, calendar, from, asOf));
                }
            }
        }
        List<ScorecardLine> scorecard = scorecard(data, asOf, lines, signatures);
        return new Facts(rates, lines, without, chiefs, staff, signatures, opening, rosters, scorecard, notChecked);
    }

    private void rates(AuthorizationData data, LocalDate asOf, Map<String, List<String>> inCentre,
            List<DelegationRateFact> rates, List<PowerRate> lines) {
        Map<String, Set<Power>> delegated = new HashMap<>();
        for (Delegation d : data.delegations()) {
            if (d.inForceOn(asOf)) {
                delegated.computeIfAbsent(d.itemCode(), k -> EnumSet.noneOf(Power.class)).add(d.power());
            }
        }
        Map<Power, BigDecimal> targets = new EnumMap<>(Power.class);
        if (!inCentre.isEmpty()) {
            for (Power p : Power.values()) {
                targets.put(p, checker.target(p, asOf));
            }
        }
        Map<Power, List<String>> allMissing = new EnumMap<>(Power.class);
        int total = 0;
        for (Map.Entry<String, List<String>> e : inCentre.entrySet()) {
            List<String> codes = e.getValue();
            total += codes.size();
            for (Power p : Power.values()) {
                List<String> missing = codes.stream().filter(c -> !delegated.getOrDefault(c, Set.of()).contains(p)).toList();
                int n = codes.size() - missing.size();
                rates.add(new DelegationRateFact(e.getKey(), p, n, codes.size(), asOf));
                lines.add(new PowerRate(e.getKey(), p, n, codes.size(), targets.get(p), missing));
                allMissing.computeIfAbsent(p, k -> new ArrayList<>()).addAll(missing);
            }
        }
        if (total > 0) {
            for (Power p : Power.values()) {
                List<String> missing = new ArrayList<>(allMissing.get(p));
                missing.sort(null);
                lines.add(new PowerRate(PowerRate.LOCALITY, p, total - missing.size(), total, targets.get(p), missing));
            }
        }
    }

    private static void staff(AuthorizationData data, LocalDate asOf, Set<String> withItems,
            List<ChiefRepresentativeFact> chiefs, List<StaffSpellFact> staff) {
        Map<String, StaffSpell> chiefByDept = new HashMap<>();
        for (StaffSpell s : data.staff()) {
            if (s.to().isPresent() && !s.to().get().isAfter(asOf)) {
                staff.add(new StaffSpellFact(s, s.to().get()));
            } else if (s.inPostOn(asOf)) {
                staff.add(new StaffSpellFact(s, asOf));
                if (s.role() == StaffRole.CHIEF_REPRESENTATIVE) {
                    chiefByDept.merge(s.department(), s, (x, y) -> x.from().isAfter(y.from()) ? x : y);
                }
            }
        }
        for (String d : withItems) {
            Optional<ChiefRepresentative> chief = Optional.ofNullable(chiefByDept.get(d)).map(s -> new ChiefRepresentative(d,
                    s.name(), Optional.empty(), s.appointmentDocument().orElse(NO_DOCUMENT), s.from(),
                    s.powers().contains(Power.APPROVAL), true));
            chiefs.add(new ChiefRepresentativeFact(d, asOf, chief));
        }
    }

    /** What a chief's appointment document reads as when staff.csv records none. */
    public static final String NO_DOCUMENT = "未记录任命文件 / no appointment document recorded";

    private List<SignatureFact> signatures(AuthorizationData data, LocalDate asOf) {
        Map<String, CatalogueItem> items = new HashMap<>();
        data.items().forEach(i -> items.put(i.itemCode(), i));
        Map<String, List<Delegation>> delegations = new HashMap<>();
        data.delegations().forEach(d -> delegations.computeIfAbsent(d.itemCode() + "|" + d.power(), k -> new ArrayList<>()).add(d));
        Map<String, List<StaffSpell>> staff = new HashMap<>();
        data.staff().forEach(s -> staff.computeIfAbsent(s.staffId(), k -> new ArrayList<>()).add(s));
        Map<String, Integer> index = new HashMap<>();
        Map<LocalDate, Set<Power>> checked = new HashMap<>();
        List<SignatureFact> out = new ArrayList<>();
        for (StepRecord s : data.steps()) {
            int i = index.merge(s.caseNumber(), 1, Integer::sum) - 1;
            LocalDate day = s.at().toLocalDate();
            if (day.isAfter(asOf) || !checked.computeIfAbsent(day, checker::checkedPowers).contains(s.step())) {
                continue;
            }
            CatalogueItem item = items.get(s.itemCode());
            if (item == null || !item.inCentreOn(day)) {
                continue;
            }
            Optional<Delegation> d = delegations.getOrDefault(s.itemCode() + "|" + s.step(), List.of()).stream()
                    .filter(x -> x.inForceOn(day)).findFirst();
            if (d.isEmpty()) {
                continue; // never delegated that day: part of the rate gap, not 回局签批
            }
            boolean authorised = s.place() == StepPlace.WINDOW && staff.getOrDefault(s.staffId(), List.of()).stream()
                    .anyMatch(p -> p.department().equals(d.get().department()) && p.role() != StaffRole.BACK_OFFICE
                            && p.mayExercise(s.step(), day));
            if (!authorised) {
                out.add(new SignatureFact(s.caseNumber(), s.itemCode(), i, s.step().chineseName() + "（" + s.place().chineseName() + "）",
                        s.step(), s.staffId(), day, true, false));
            }
        }
        return out;
    }

    private List<MeasuredOpeningFact> measuredOpening(AuthorizationData data, WorkingCalendar calendar, LocalDate from,
            LocalDate to) {
        Map<String, Map<LocalDate, long[]>> served = new HashMap<>(); // window -> day -> [steps, afternoon]
        for (StepRecord s : data.steps()) {
            LocalDate day = s.at().toLocalDate();
            if (s.place() != StepPlace.WINDOW || s.window().isEmpty() || day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            long[] c = served.computeIfAbsent(s.window().get(), w -> new HashMap<>()).computeIfAbsent(day, d -> new long[2]);
            c[0]++;
            if (!s.at().toLocalTime().isBefore(AFTERNOON)) {
                c[1]++;
            }
        }
        Map<String, List<WindowRoster>> byWindow = new TreeMap<>();
        data.rosters().forEach(r -> byWindow.computeIfAbsent(r.window(), w -> new ArrayList<>()).add(r));
        List<MeasuredOpeningFact> out = new ArrayList<>();
        for (Map.Entry<String, List<WindowRoster>> e : byWindow.entrySet()) {
            Map<LocalDate, long[]> days = served.getOrDefault(e.getKey(), Map.of());
            int promised = 0;
            int servedDays = 0;
            int afternoons = 0;
            long steps = 0;
            List<LocalDate> unserved = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (!calendar.isWorkingDay(d) || opensOn(e.getValue(), d, calendar).isEmpty()) {
                    continue;
                }
                promised++;
                long[] c = days.get(d);
                if (c == null) {
                    unserved.add(d);
                } else {
                    servedDays++;
                    steps += c[0];
                    afternoons += c[1] > 0 ? 1 : 0;
                }
            }
            out.add(new MeasuredOpeningFact(e.getKey(), e.getValue().get(0).department(), from, to, promised, servedDays,
                    afternoons, steps, unserved, calendar.id()));
        }
        return out;
    }

    /**
     * The hours the roster rows {@code rows} (of one window) open it on {@code day}: a date row for that day
     * replaces the others (empty when it says closed); otherwise every row in force naming the day. Empty
     * when the window is not open.
     */
    public static List<WindowRoster> opensOn(List<WindowRoster> rows, LocalDate day, WorkingCalendar calendar) {
        List<WindowRoster> exceptions = new ArrayList<>();
        List<WindowRoster> regular = new ArrayList<>();
        for (WindowRoster r : rows) {
            if (!r.inForceOn(day) || !r.days().names(day, calendar)) {
                continue;
            }
            (r.days().kind() == RosterDays.Kind.DATE ? exceptions : regular).add(r);
        }
        List<WindowRoster> chosen = exceptions.isEmpty() ? regular : exceptions;
        return chosen.stream().filter(r -> !r.closed()).toList();
    }

    /**
     * The part of [from, to] the rows {@code rows} of one window speak of: from the first row's first day to the
     * last row's last day (open-ended rows: to {@code to}); empty when they do not meet the period. A window
     * rostered from the middle of a period, or closed down in it, has no gap outside its roster's span.
     */
    public static List<LocalDate> rosterSpan(List<WindowRoster> rows, LocalDate from, LocalDate to) {
        LocalDate first = rows.stream().map(WindowRoster::from).min(Comparator.naturalOrder()).orElse(to.plusDays(1));
        LocalDate last = rows.stream().allMatch(r -> r.to().isPresent())
                ? rows.stream().map(r -> r.to().get()).max(Comparator.naturalOrder()).get() : to;
        LocalDate a = first.isAfter(from) ? first : from;
        LocalDate b = last.isBefore(to) ? last : to;
        return b.isBefore(a) ? List.of() : List.of(a, b);
    }

    /**
     * Whether the roster rows {@code rows} of one window cover every working day of [from, to] on {@code calendar}
     * in full office hours (the calendar's office hours of the day); only the days within the rows' span
     * ({@link #rosterSpan}) are judged, and the fact's period is that span.
     *
     * @throws org.approvalrules.api.calendar.CalendarCoverageException when a strict calendar does not cover the period
     * @throws InvalidValueException when the rows are empty or do not meet the period
     */
    public static RosterCoverageFact rosterCoverage(List<WindowRoster> rows, WorkingCalendar calendar, LocalDate period,
            LocalDate periodEnd) {
        if (rows.isEmpty()) {
            throw new InvalidValueException("rows", rows, "至少一行排班 / at least one roster row");
        }
        List<LocalDate> span = rosterSpan(rows, period, periodEnd);
        if (span.isEmpty()) {
            throw new InvalidValueException("rows", period + ".." + periodEnd, "排班不在期间内 / the roster does not meet the period");
        }
        LocalDate from = span.get(0);
        LocalDate to = span.get(1);
        int working = 0;
        List<LocalDate> uncovered = new ArrayList<>();
        List<LocalDate> short_ = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            working++;
            List<WindowRoster> open = opensOn(rows, d, calendar);
            if (open.isEmpty()) {
                uncovered.add(d);
            } else if (!covers(open, calendar.officeHours(d))) {
                short_.add(d);
            }
        }
        return new RosterCoverageFact(rows.get(0).window(), rows.get(0).department(), from, to, working, uncovered, short_,
                calendar.id(), calendar.version());
    }

    private static boolean covers(List<WindowRoster> open, OfficeHours hours) {
        List<WindowRoster> sorted = new ArrayList<>(open);
        sorted.sort(Comparator.comparing(r -> r.opens().get()));
        LocalTime reached = hours.open();
        for (WindowRoster r : sorted) {
            if (r.opens().get().isAfter(reached)) {
                return false;
            }
            if (r.closes().get().isAfter(reached)) {
                reached = r.closes().get();
            }
        }
        return !reached.isBefore(hours.close());
    }

    private List<ScorecardLine> scorecard(AuthorizationData data, LocalDate asOf, List<PowerRate> lines,
            List<SignatureFact> signatures) {
        if (!params.defines(SCORECARD)) {
            return List.of();
        }
        DatedValue v = params.valueOn(SCORECARD, asOf);
        List<ScorecardLine> out = new ArrayList<>();
        for (String entry : scorecardEntries(v)) {
            String[] parts = split(entry);
            String measure = parts[0];
            boolean atMost = parts[1].equals("<=");
            BigDecimal target = new BigDecimal(parts[2]);
            long num = 0;
            long den = 1;
            boolean measured = false;
            if (measure.equals("items-in-centre") && data.has(Part.ITEMS) && !data.items().isEmpty()) {
                num = data.items().stream().filter(i -> i.inCentreOn(asOf)).count();
                den = data.items().size();
                measured = true;
            } else if (measure.startsWith("power.")) {
                Power p = Power.valueOf(measure.substring("power.".length()).toUpperCase(Locale.ROOT));
                Optional<PowerRate> r = lines.stream().filter(l -> l.department().equals(PowerRate.LOCALITY) && l.power() == p).findFirst();
                if (r.isPresent()) {
                    num = r.get().numerator();
                    den = r.get().denominator();
                    measured = true;
                }
            } else if (measure.equals("signed-outside-window") && data.has(Part.ITEMS) && data.has(Part.DELEGATIONS)
                    && data.has(Part.STAFF) && data.has(Part.STEPS)) {
                num = signatures.size();
                measured = true;
            }
            out.add(new ScorecardLine(measure, target, atMost, num, den, measured));
        }
        return out;
    }

    /** The measures the authorization records can measure (others are listed as not measured). */
    public static final List<String> MEASURES = List.of("items-in-centre", "power.<acceptance|review|approval|coordination|"
            + "certification|delivery|litigation>", "signed-outside-window");

    private static List<String> scorecardEntries(DatedValue v) {
        if (!(v.value() instanceof List<?> l)) {
            throw new DataFormatException(v.file(), v.line(), SCORECARD, v.display(), "应为列表 / expected a list");
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            String s = String.valueOf(o).strip();
            try {
                String[] p = split(s);
                BigDecimal t = new BigDecimal(p[2]);
                if (p[0].startsWith("power.")) {
                    Power.valueOf(p[0].substring("power.".length()).toUpperCase(Locale.ROOT));
                }
                if (t.signum() < 0 || p[1].equals(">=") && t.compareTo(BigDecimal.ONE) > 0) {
                    throw new IllegalArgumentException("target");
                }
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new DataFormatException(v.file(), v.line(), SCORECARD, s,
                        "应为“指标>=0..1之间的比例”或“指标<=次数”，权力名须已知 / expected 'measure>=share 0..1' or 'measure<=count', "
                                + "with a known power name", e);
            }
            out.add(s);
        }
        return out;
    }

    private static String[] split(String entry) {
        int i = entry.indexOf(">=");
        int j = entry.indexOf("<=");
        int k = i >= 0 ? i : j;
        if (k <= 0) {
            throw new IllegalArgumentException("no operator");
        }
        return new String[] {entry.substring(0, k).strip(), entry.substring(k, k + 2), entry.substring(k + 2).strip()};
    }

    /**
     * Checks the dated values of this assessor's own parameters that {@code params} defines (scorecard lines,
     * shares in 0..1, positive counts); all problems together.
     *
     * @throws org.approvalrules.api.rules.RulePackException naming each bad value's file and line
     */
    public static void checkParameters(ParameterSet params) {
        List<org.approvalrules.api.rules.RulePackException.Problem> problems = new ArrayList<>();
        for (DatedValue v : params.get(SCORECARD).map(x -> x.values()).orElse(List.of())) {
            try {
                scorecardEntries(v);
            } catch (DataFormatException e) {
                problems.add(new org.approvalrules.api.rules.RulePackException.Problem(e.file(), e.line(), e.getMessage()));
            }
        }
        for (DatedValue v : params.get(MIN_SHARE).map(x -> x.values()).orElse(List.of())) {
            if (!(v.value() instanceof BigDecimal d) || d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
                problems.add(new org.approvalrules.api.rules.RulePackException.Problem(v.file(), v.line(),
                        MIN_SHARE + " 须为0到1之间的小数 / must be a decimal 0..1: " + v.display()));
            }
        }
        for (String id : List.of(MIN_TENURE, MIN_STEPS)) {
            for (DatedValue v : params.get(id).map(x -> x.values()).orElse(List.of())) {
                if (!(v.value() instanceof Integer n) || n < 0) {
                    problems.add(new org.approvalrules.api.rules.RulePackException.Problem(v.file(), v.line(),
                            id + " 须为非负整数 / must be a whole number >= 0: " + v.display()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new org.approvalrules.api.rules.RulePackException(problems);
        }
    }
}
