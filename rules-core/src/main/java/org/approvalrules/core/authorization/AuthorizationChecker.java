package org.approvalrules.core.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.authorization.AuthorizationReport;
import org.approvalrules.api.authorization.AuthorizationTables;
import org.approvalrules.api.authorization.ChiefRepresentativeFact;
import org.approvalrules.api.authorization.DelegationRateFact;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.SignatureFact;
import org.approvalrules.api.authorization.WindowAuthorization;
import org.approvalrules.api.authorization.WindowOpeningFact;
import org.approvalrules.api.authorization.WindowSchedule;
import org.approvalrules.api.authorization.WindowStaffing;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.cases.CaseStep;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.rules.FactJudge;

/**
 * The window authorization engine (窗口授权): computes the facts the national rules
 * ({@code rules/authorization.drl} of the bundled pack) judge — delegation rates per department and power
 * ({@link DelegationRateFact}, judged against dated targets), chief representatives
 * ({@link ChiefRepresentativeFact}), window opening on every working day ({@link WindowOpeningFact}) and
 * steps signed by someone ({@link SignatureFact}, 回局签批). Every value is chosen by the record's own
 * date (the assessed date, the step's date), never by the clock. It makes no finding itself: a
 * {@link FactJudge} (a locality's compiled rules) does. Immutable and thread-safe.
 *
 * <table>
 *   <caption>parameters read (national values in the bundled pack, parameters/authorization.yaml)</caption>
 *   <tr><th>parameter</th><th>meaning</th></tr>
 *   <tr><td>{@code authorization.target.<power>} (decimal 0..1; power = acceptance, review, approval,
 *       coordination, certification, delivery, litigation)</td><td>the least delegation rate of that power
 *       (read by the rule {@value #RATE_BELOW_TARGET})</td></tr>
 *   <tr><td>{@value #SIGNED_POWERS} (list of {@link Power} names)</td><td>the powers whose steps are facts
 *       for {@value #SIGNED_OUTSIDE}</td></tr>
 * </table>
 */
public final class AuthorizationChecker {

    /** A department's delegation rate of a power is below the target. */
    public static final String RATE_BELOW_TARGET = "authorization.power-rate-below-target";
    /** A department with items in the centre has no chief representative. */
    public static final String CHIEF_MISSING = "authorization.chief-representative.missing";
    /** The chief representative does not hold the approval decision power. */
    public static final String CHIEF_WITHOUT_APPROVAL = "authorization.chief-representative.without-approval-power";
    /** The chief representative is not in the centre full time. */
    public static final String CHIEF_NOT_FULL_TIME = "authorization.chief-representative.not-full-time";
    /** The window was closed or half-staffed on a working day. */
    public static final String WINDOW_NOT_OPEN = "authorization.window-not-open-every-working-day";
    /** A step was signed by someone who is not an authorised window person (回局签批). */
    public static final String SIGNED_OUTSIDE = "authorization.signed-outside-window";
    /** Parameter: the powers whose steps {@value #SIGNED_OUTSIDE} checks. */
    public static final String SIGNED_POWERS = "authorization.signed-outside-window.powers";

    /** Reference of the chief-representative checks. */
    public static final String CHIEF_REFERENCE = "“两集中、两到位”改革：窗口实行首席代表制，部门以文件任命首席代表并授予审批决定权";
    /** Reference of the window-opening check. */
    public static final String OPENING_REFERENCE = "“三集中”整改要求：独立窗口周一至周五每个工作日正常对外办公（广西壮族自治区政务服务管理办法）";
    /** Reference of the 回局签批 check. */
    public static final String SIGNED_REFERENCE = "“两集中、两到位”：部门对窗口授权到位，杜绝回局签批";

    private final ParameterSet params;

    /** An engine reading the targets and checked powers from {@code params} (a locality's effective parameters). */
    public AuthorizationChecker(ParameterSet params) {
        this.params = InvalidValueException.requireNonNull(params, "params");
    }

    /** The id of the target parameter of {@code power}, e.g. {@code authorization.target.approval}. */
    public static String targetParameter(Power power) {
        return DelegationRateFact.targetParameter(power);
    }

    /** The target rate of {@code power} in force on {@code date}, checked to lie in 0..1. */
    public BigDecimal target(Power power, LocalDate date) {
        return targetValue(targetParameter(power), params.valueOn(targetParameter(power), date));
    }

    private static BigDecimal targetValue(String id, DatedValue v) {
        BigDecimal t = v.value() instanceof Integer i ? BigDecimal.valueOf(i) : v.value() instanceof BigDecimal d ? d : null;
        if (t == null || t.signum() < 0 || t.compareTo(BigDecimal.ONE) > 0) {
            throw new DataFormatException(v.file(), v.line(), id, v.display(), "授权率目标须为0到1之间的小数 / a target rate must be a decimal 0..1");
        }
        return t;
    }

    /**
     * Checks every dated value of the authorization parameters {@code params} defines (targets in 0..1, known
     * power names), as {@code rules check} does for each layer; all problems are reported together.
     *
     * @throws RulePackException naming each bad value's file and line
     */
    public static void checkParameters(ParameterSet params) {
        InvalidValueException.requireNonNull(params, "params");
        List<RulePackException.Problem> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Power p : Power.values()) {
            ids.add(targetParameter(p));
        }
        ids.add(SIGNED_POWERS);
        for (String id : ids) {
            for (DatedValue v : params.get(id).map(x -> x.values()).orElse(List.of())) {
                try {
                    if (id.equals(SIGNED_POWERS)) {
                        powersValue(v);
                    } else {
                        targetValue(id, v);
                    }
                } catch (DataFormatException e) {
                    problems.add(new RulePackException.Problem(e.file(), e.line(), e.getMessage()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
    }

    /**
     * Every check on {@code tables}: rates and (when {@code judgeChiefs}) chief representatives on {@code to},
     * window opening over [from, to]; the facts are judged by {@code rules}, rates first, then chief
     * representatives, then window opening.
     *
     * @param judgeChiefs whether the tables list the chief representatives (false: not judged, as when no
     *     chief-representative table was given, rather than "every department lacks one")
     */
    public AuthorizationReport check(AuthorizationTables tables, WorkingCalendar calendar, LocalDate from, LocalDate to,
            boolean judgeChiefs, FactJudge rules) {
        requirePeriod(from, to);
        InvalidValueException.requireNonNull(rules, "rules");
        List<DelegationRateFact> rates = rates(tables, to);
        List<ChiefRepresentativeFact> chiefs = judgeChiefs ? chiefRepresentatives(tables, to) : List.of();
        List<WindowOpeningFact> opening = new ArrayList<>();
        for (WindowSchedule s : tables.schedules()) {
            opening.add(windowOpening(s, calendar, from, to));
        }
        List<Finding> findings = new ArrayList<>(rules.judge(rates));
        findings.addAll(rules.judge(chiefs));
        findings.addAll(rules.judge(opening));
        return new AuthorizationReport(from, to, rates, chiefs, opening, findings);
    }

    /**
     * Delegation rates per department (sorted) and power on {@code on}, for departments with items in the
     * centre; the targets in force that day are checked to lie in 0..1 (the rules compare with them).
     *
     * @throws DataFormatException naming the parameter file and line of a target outside 0..1
     */
    public List<DelegationRateFact> rates(AuthorizationTables tables, LocalDate on) {
        Map<String, int[]> counts = new TreeMap<>(); // department -> [items, per power...]
        for (WindowAuthorization a : tables.inForceOn(on)) {
            int[] c = counts.computeIfAbsent(a.department(), d -> new int[1 + Power.values().length]);
            c[0]++;
            for (Power p : a.powers()) {
                c[1 + p.ordinal()]++;
            }
        }
        List<DelegationRateFact> out = new ArrayList<>();
        if (!counts.isEmpty()) {
            for (Power p : Power.values()) {
                target(p, on);
            }
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            for (Power p : Power.values()) {
                out.add(new DelegationRateFact(e.getKey(), p, c[1 + p.ordinal()], c[0], on));
            }
        }
        return out;
    }

    /** The chief representative (or none) of every department with items in the centre on {@code on}. */
    public List<ChiefRepresentativeFact> chiefRepresentatives(AuthorizationTables tables, LocalDate on) {
        List<ChiefRepresentativeFact> out = new ArrayList<>();
        for (String d : tables.departmentsOn(on)) {
            out.add(new ChiefRepresentativeFact(d, on, tables.chiefOn(d, on)));
        }
        return out;
    }

    /**
     * The working days of [from, to] on {@code calendar} (including 调休 working weekends) the window was
     * closed or only half-staffed.
     *
     * @throws org.approvalrules.api.calendar.CalendarCoverageException when a strict calendar does not cover the period
     */
    public WindowOpeningFact windowOpening(WindowSchedule schedule, WorkingCalendar calendar, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        int working = 0;
        List<LocalDate> closed = new ArrayList<>();
        List<LocalDate> half = new ArrayList<>();
        List<LocalDate> unknown = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!calendar.isWorkingDay(d)) {
                continue;
            }
            working++;
            Optional<WindowStaffing> s = schedule.staffingOn(d);
            if (s.isEmpty()) {
                unknown.add(d);
            } else if (s.get() == WindowStaffing.CLOSED) {
                closed.add(d);
            } else if (s.get().isHalfDay()) {
                half.add(d);
            }
        }
        return new WindowOpeningFact(schedule.department(), from, to, working, closed, half, unknown, calendar.id(),
                calendar.version());
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        InvalidValueException.requireNonNull(from, "from");
        InvalidValueException.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidValueException("to", to, "结束日期早于开始日期 " + from + " / the period ends before it starts (" + from + ")");
        }
    }

    /**
     * The steps of {@code c} that exercise a checked power ({@value #SIGNED_POWERS}, in force on the step's
     * date), with whether their handler was an authorised window person for the item and power that day
     * and whether the power was delegated to the window (回局签批 when not). A step's date is its end (or
     * its start while open). Steps of items that no department has in the centre on that date are not facts.
     */
    public List<SignatureFact> signatures(ApprovalCase c, AuthorizationTables tables) {
        List<SignatureFact> out = new ArrayList<>();
        for (int i = 0; i < c.steps().size(); i++) {
            CaseStep s = c.steps().get(i);
            if (s.power().isEmpty()) {
                continue;
            }
            Power p = s.power().get();
            LocalDate day = s.end().orElse(s.start()).toLocalDate();
            if (!checkedPowers(day).contains(p)) {
                continue;
            }
            List<WindowAuthorization> holders = tables.inForceOn(day).stream()
                    .filter(a -> a.itemCode().equals(c.itemCode())).toList();
            if (holders.isEmpty()) {
                continue;
            }
            boolean delegated = holders.stream().anyMatch(a -> a.delegates(p));
            boolean authorised = delegated && tables.persons().stream().anyMatch(ap -> ap.handler().equals(s.handler())
                    && holders.stream().anyMatch(a -> a.delegates(p) && a.department().equals(ap.department()))
                    && ap.allows(c.itemCode(), p, day));
            out.add(new SignatureFact(c.caseNumber(), c.itemCode(), i, s.name(), p, s.handler(), day, delegated, authorised));
        }
        return out;
    }

    /** The powers {@value #SIGNED_OUTSIDE} checks on {@code date}. */
    public Set<Power> checkedPowers(LocalDate date) {
        return powersValue(params.valueOn(SIGNED_POWERS, date));
    }

    private static Set<Power> powersValue(DatedValue v) {
        if (!(v.value() instanceof List<?> names)) {
            throw new DataFormatException(v.file(), v.line(), SIGNED_POWERS, v.display(), "应为权力名称列表 / expected a list of power names");
        }
        Set<Power> out = EnumSet.noneOf(Power.class);
        for (Object name : names) {
            try {
                out.add(Power.valueOf(String.valueOf(name).strip()));
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(v.file(), v.line(), SIGNED_POWERS, String.valueOf(name),
                        "未知权力，应为 " + List.of(Power.values()) + " 之一 / unknown power, expected one of " + List.of(Power.values()), e);
            }
        }
        return out;
    }
}
