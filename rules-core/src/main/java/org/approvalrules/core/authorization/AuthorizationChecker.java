package org.approvalrules.core.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.authorization.AuthorizedPerson;
import org.approvalrules.api.authorization.ChiefRepresentative;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.WindowAuthorization;
import org.approvalrules.api.authorization.WindowSchedule;
import org.approvalrules.api.authorization.WindowStaffing;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.cases.CaseStep;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.kpi.Ratio;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.rules.Evidence;

/**
 * The window authorization checks (窗口授权): delegation rates against dated targets, chief
 * representatives, window opening on every working day, and steps signed outside the window (回局签批).
 * Every value is chosen by the record's own date (the assessed date, the step's date), never by the clock.
 * Immutable and thread-safe.
 *
 * <table>
 *   <caption>parameters read (national values in the bundled pack, parameters/authorization.yaml)</caption>
 *   <tr><th>parameter</th><th>meaning</th></tr>
 *   <tr><td>{@code authorization.target.<power>} (decimal 0..1; power = acceptance, review, approval,
 *       coordination, certification, delivery, litigation)</td><td>the least delegation rate of that power</td></tr>
 *   <tr><td>{@value #SIGNED_POWERS} (list of {@link Power} names)</td><td>the powers whose steps must be
 *       signed by an authorised window person</td></tr>
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

    private static final String NATIONAL = DivisionCode.NATIONAL.toString();
    private static final int LISTED_DAYS = 10;

    private final ParameterSet params;
    private final String ruleSetVersion;

    /**
     * @param params the locality's effective parameters (targets, checked powers)
     * @param ruleSetVersion the version stamped on findings (e.g. the effective pack's content hash)
     */
    public AuthorizationChecker(ParameterSet params, String ruleSetVersion) {
        this.params = InvalidValueException.requireNonNull(params, "params");
        this.ruleSetVersion = InvalidValueException.requireNonNull(ruleSetVersion, "ruleSetVersion");
    }

    /** The id of the target parameter of {@code power}, e.g. {@code authorization.target.approval}. */
    public static String targetParameter(Power power) {
        return "authorization.target." + power.name().toLowerCase(Locale.ROOT);
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

    /** Every check on {@code tables}: rates and chief representatives on {@code to}, window opening over [from, to]. */
    public AuthorizationReport check(AuthorizationTables tables, WorkingCalendar calendar, LocalDate from, LocalDate to) {
        requirePeriod(from, to);
        DelegationReport rates = delegation(tables, to);
        List<Finding> chiefs = chiefRepresentatives(tables, to);
        List<WindowOpening> opening = new ArrayList<>();
        for (WindowSchedule s : tables.schedules()) {
            opening.add(windowOpening(s, calendar, from, to));
        }
        return new AuthorizationReport(from, to, rates, chiefs, opening);
    }

    /** Delegation rates per department and power on {@code on}, with findings where below the target that day. */
    public DelegationReport delegation(AuthorizationTables tables, LocalDate on) {
        Map<String, int[]> counts = new TreeMap<>(); // department -> [items, per power...]
        for (WindowAuthorization a : tables.inForceOn(on)) {
            int[] c = counts.computeIfAbsent(a.department(), d -> new int[1 + Power.values().length]);
            c[0]++;
            for (Power p : a.powers()) {
                c[1 + p.ordinal()]++;
            }
        }
        Map<String, Map<Power, Ratio>> rates = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            Map<Power, Ratio> r = new EnumMap<>(Power.class);
            int[] c = e.getValue();
            for (Power p : Power.values()) {
                Ratio ratio = new Ratio(c[1 + p.ordinal()], c[0]);
                r.put(p, ratio);
                BigDecimal target = target(p, on);
                if (BigDecimal.valueOf(ratio.numerator()).compareTo(target.multiply(BigDecimal.valueOf(ratio.denominator()))) < 0) {
                    findings.add(rateFinding(e.getKey(), p, ratio, target, on));
                }
            }
            rates.put(e.getKey(), r);
        }
        return new DelegationReport(on, rates, findings);
    }

    private Finding rateFinding(String department, Power p, Ratio ratio, BigDecimal target, LocalDate on) {
        String id = targetParameter(p);
        DatedValue v = params.valueOn(id, on);
        String pct = target.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        BilingualText msg = BilingualText.of(
                "“" + department + "”" + p.chineseName() + "授权率 " + ratio + " 低于目标 " + pct + "（" + on + "）",
                department + ": " + p.englishName() + " delegation rate " + ratio + " is below the target " + pct + " (" + on + ")");
        return new Finding(RATE_BELOW_TARGET, Severity.YELLOW, department, msg, v.reference(), layerOf(id),
                ruleSetVersion, "", params.displayValues(List.of(id), on), Evidence.of("power", p.name(),
                        "delegated", ratio.numerator(), "items", ratio.denominator(), "rate", ratio, "on", on));
    }

    /** Chief representative checks for every department with items in the centre on {@code on}. */
    public List<Finding> chiefRepresentatives(AuthorizationTables tables, LocalDate on) {
        List<Finding> out = new ArrayList<>();
        for (String d : tables.departmentsOn(on)) {
            Optional<ChiefRepresentative> chief = tables.chiefOn(d, on);
            if (chief.isEmpty()) {
                out.add(plain(CHIEF_MISSING, Severity.RED, d, CHIEF_REFERENCE, BilingualText.of(
                        "“" + d + "”有进驻事项，但 " + on + " 无在任首席代表",
                        d + " has items in the centre but no chief representative on " + on), Evidence.of("on", on)));
                continue;
            }
            ChiefRepresentative c = chief.get();
            if (!c.holdsApprovalPower()) {
                out.add(plain(CHIEF_WITHOUT_APPROVAL, Severity.YELLOW, d, CHIEF_REFERENCE, BilingualText.of(
                        "“" + d + "”首席代表" + c.name() + "（" + c.appointmentDocument() + "）未被授予审批决定权",
                        d + ": chief representative " + c.name() + " (" + c.appointmentDocument()
                                + ") does not hold the approval decision power"),
                        Evidence.of("chief", c.name(), "appointment", c.appointmentDocument(), "on", on)));
            }
            if (!c.fullTime()) {
                out.add(plain(CHIEF_NOT_FULL_TIME, Severity.YELLOW, d, CHIEF_REFERENCE, BilingualText.of(
                        "“" + d + "”首席代表" + c.name() + "未全职进驻中心",
                        d + ": chief representative " + c.name() + " is not in the centre full time"),
                        Evidence.of("chief", c.name(), "on", on)));
            }
        }
        return out;
    }

    /**
     * The working days of [from, to] on {@code calendar} (including 调休 working weekends) the window was
     * closed or only half-staffed, with one finding for the department when there are any.
     *
     * @throws org.approvalrules.api.calendar.CalendarCoverageException when a strict calendar does not cover the period
     */
    public WindowOpening windowOpening(WindowSchedule schedule, WorkingCalendar calendar, LocalDate from, LocalDate to) {
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
        List<Finding> findings = new ArrayList<>();
        if (!closed.isEmpty() || !half.isEmpty()) {
            String dep = schedule.department();
            List<String> zh = new ArrayList<>();
            List<String> en = new ArrayList<>();
            if (!closed.isEmpty()) {
                zh.add(closed.size() + " 天未对外办公" + listed(closed, "："));
                en.add("closed on " + closed.size());
            }
            if (!half.isEmpty()) {
                zh.add(half.size() + " 天仅半天办公" + listed(half, "："));
                en.add("open only a half-day on " + half.size());
            }
            BilingualText msg = BilingualText.of(
                    "“" + dep + "”窗口在 " + from + " 至 " + to + " 的 " + working + " 个工作日中，" + String.join("；", zh)
                            + "（日历 " + calendar.id() + "）",
                    dep + "'s window was " + String.join(" and ", en) + " of the " + working + " working days from " + from
                            + " to " + to + " (calendar " + calendar.id() + ")");
            findings.add(new Finding(WINDOW_NOT_OPEN, closed.isEmpty() ? Severity.YELLOW : Severity.RED, dep, msg,
                    OPENING_REFERENCE, NATIONAL, ruleSetVersion, calendar.version(), Map.of(), Evidence.of(
                            "calendar", calendar.id(), "from", from, "to", to, "workingDays", working,
                            "closedDays", closed.size(), "halfDays", half.size())));
        }
        return new WindowOpening(schedule.department(), from, to, working, closed, half, unknown, findings);
    }

    private static void requirePeriod(LocalDate from, LocalDate to) {
        InvalidValueException.requireNonNull(from, "from");
        InvalidValueException.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidValueException("to", to, "结束日期早于开始日期 " + from + " / the period ends before it starts (" + from + ")");
        }
    }

    private static String listed(List<LocalDate> days, String prefix) {
        if (days.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < Math.min(days.size(), LISTED_DAYS); i++) {
            sb.append(i == 0 ? "" : "、").append(days.get(i));
        }
        return days.size() > LISTED_DAYS ? sb.append("等").toString() : sb.toString();
    }

    /**
     * The steps of {@code c} that exercise a checked power ({@value #SIGNED_POWERS}, in force on the step's
     * date) and were signed by someone who is not an authorised window person for the item and power that
     * day, or for a power not delegated to the window that day (回局签批). A step's date is its end (or its
     * start while open). Items that no department has in the centre on that date are not judged here.
     */
    public List<Finding> signedOutsideWindow(ApprovalCase c, AuthorizationTables tables) {
        List<Finding> out = new ArrayList<>();
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
            if (authorised) {
                continue;
            }
            String whyZh = delegated ? "处理人不是该事项" + p.chineseName() + "的窗口授权人员" : "该事项" + p.chineseName() + "当日未授权窗口";
            String whyEn = delegated ? "the handler is not a window person authorised for this item's " + p.englishName()
                    : "the " + p.englishName() + " power of this item was not delegated to the window that day";
            BilingualText msg = BilingualText.of(
                    "办件 " + c.caseNumber() + " 环节“" + s.name() + "”由 " + s.handler() + " 于 " + day + " 签批，" + whyZh + "（回局签批）",
                    "case " + c.caseNumber() + " step '" + s.name() + "' signed by " + s.handler() + " on " + day + ": " + whyEn
                            + " (signed back at the department)");
            out.add(new Finding(SIGNED_OUTSIDE, Severity.RED, c.caseNumber(), msg, SIGNED_REFERENCE,
                    layerOf(SIGNED_POWERS), ruleSetVersion, "", params.displayValues(List.of(SIGNED_POWERS), day),
                    Evidence.of("step", "steps[" + i + "]", "stepName", s.name(), "handler", s.handler(), "signedOn", day,
                            "power", p.name(), "delegated", delegated)));
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

    private String layerOf(String id) {
        return params.get(id).map(p -> p.layer()).orElse(NATIONAL);
    }

    private Finding plain(String rule, Severity sev, String subject, String reference, BilingualText msg,
            Map<String, String> evidence) {
        return new Finding(rule, sev, subject, msg, reference, NATIONAL, ruleSetVersion, "", Map.of(), evidence);
    }
}
