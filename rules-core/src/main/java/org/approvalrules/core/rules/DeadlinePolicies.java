package org.approvalrules.core.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.CorrectionPolicy;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.TimeRange;

/**
 * Builds the {@link DeadlinePolicy} of a case from a locality's rule-pack parameters, with the values in
 * force on the case's <b>acceptance date</b> (never today's), so that a locality's parameter edit changes
 * its deadlines. A parameter the pack does not define keeps {@link DeadlinePolicy#DEFAULT}'s value; a
 * value that cannot be used (an unknown correction policy, a share above 1, an unknown procedure kind)
 * is a {@link DataFormatException} naming the parameter id, the parameter file and line.
 *
 * <table>
 *   <caption>parameters read</caption>
 *   <tr><th>parameter</th><th>policy field</th></tr>
 *   <tr><td>{@value #YELLOW_WORKING_DAYS} (int, 0..365)</td><td>yellowRemainingWorkingDays</td></tr>
 *   <tr><td>{@value #YELLOW_SHARE} (decimal, 0..1)</td><td>yellowRemainingShare</td></tr>
 *   <tr><td>{@value #CORRECTION_POLICY} (PAUSE | RESTART)</td><td>correction</td></tr>
 *   <tr><td>{@value #AFTER_HOURS} (bool)</td><td>afterHoursFromNextWorkingDay</td></tr>
 *   <tr><td>{@value #LOCAL_PROCEDURE_KINDS} (list of {@link ProcedureKind} names)</td><td>localProcedureKinds</td></tr>
 * </table>
 *
 * <p><b>Office hours — one source of truth per case.</b> The calendar layer's {@code office-hours}
 * ({@link WorkingCalendar#officeHours}) is the default. A pack layer that defines
 * {@value #OFFICE_HOURS} overrides it, for the localities at or below that layer and for cases accepted
 * on or after its first value's date: the deadline engine then uses the earliest opening and the
 * latest closing of the ranges in force on the acceptance date (a lunch break does not move the
 * counting base; it is only seen by rules that read the parameter). The national pack does not define
 * the parameter, so without a local definition the calendar's hours apply (e.g. Xinjiang's 10:00–19:30).
 */
public final class DeadlinePolicies {

    /** Yellow card when at most this many working days remain. */
    public static final String YELLOW_WORKING_DAYS = "deadline.yellow.remaining-working-days";
    /** Yellow card when at most this share of the limit remains. */
    public static final String YELLOW_SHARE = "deadline.yellow.remaining-share";
    /** PAUSE or RESTART: what a correction after acceptance does to the clock. */
    public static final String CORRECTION_POLICY = "correction.policy";
    /** Acceptance after hours or on a non-working day counts from the next working day. */
    public static final String AFTER_HOURS = "intake.after-hours.count-from-next-working-day";
    /** Procedure kinds beyond Art. 45 that stop the clock in this locality. */
    public static final String LOCAL_PROCEDURE_KINDS = "deadline.procedure.local-kinds";
    /** The locality's office hours, overriding the calendar layer's for deadlines. */
    public static final String OFFICE_HOURS = "intake.office-hours";

    /** Every parameter read here, in the order checked. */
    public static final List<String> PARAMETERS = List.of(YELLOW_WORKING_DAYS, YELLOW_SHARE, CORRECTION_POLICY,
            AFTER_HOURS, LOCAL_PROCEDURE_KINDS, OFFICE_HOURS);

    private DeadlinePolicies() {
    }

    /**
     * The deadline policy of a case accepted on {@code acceptedOn} under {@code params}.
     *
     * @throws DataFormatException when a value in force that day cannot be used (file, line, parameter id)
     * @throws InvalidValueException when a defined parameter has no value in force on that date
     */
    public static DeadlinePolicy policy(ParameterSet params, LocalDate acceptedOn) {
        InvalidValueException.requireNonNull(params, "params");
        InvalidValueException.requireNonNull(acceptedOn, "acceptedOn");
        DeadlinePolicy d = DeadlinePolicy.DEFAULT;
        OptionalInt yellowDays = params.get(YELLOW_WORKING_DAYS).isPresent()
                ? OptionalInt.of(yellowDays(params.valueOn(YELLOW_WORKING_DAYS, acceptedOn)))
                : d.yellowRemainingWorkingDays();
        OptionalDouble yellowShare = params.get(YELLOW_SHARE).isPresent()
                ? OptionalDouble.of(yellowShare(params.valueOn(YELLOW_SHARE, acceptedOn)))
                : d.yellowRemainingShare();
        CorrectionPolicy correction = params.get(CORRECTION_POLICY).isPresent()
                ? correction(params.valueOn(CORRECTION_POLICY, acceptedOn)) : d.correction();
        boolean afterHours = params.get(AFTER_HOURS).isPresent()
                ? bool(AFTER_HOURS, params.valueOn(AFTER_HOURS, acceptedOn)) : d.afterHoursFromNextWorkingDay();
        Set<ProcedureKind> kinds = params.get(LOCAL_PROCEDURE_KINDS).isPresent()
                ? procedureKinds(params.valueOn(LOCAL_PROCEDURE_KINDS, acceptedOn)) : d.localProcedureKinds();
        return new DeadlinePolicy(afterHours, correction, yellowDays, yellowShare, kinds);
    }

    /**
     * The office hours that the pack sets for a case accepted on {@code acceptedOn}: empty when the pack
     * does not define {@value #OFFICE_HOURS} or no value of it is in force yet (the calendar's apply).
     */
    public static Optional<OfficeHours> officeHours(ParameterSet params, LocalDate acceptedOn) {
        InvalidValueException.requireNonNull(params, "params");
        InvalidValueException.requireNonNull(acceptedOn, "acceptedOn");
        Optional<DatedValue> v = params.get(OFFICE_HOURS).flatMap(p -> p.valueOn(acceptedOn));
        return v.map(DeadlinePolicies::officeHours);
    }

    /**
     * The calendar to compute a case with: {@code base}, or {@code base} with the pack's office hours
     * when it sets them (see the class comment). Day kinds and arithmetic are {@code base}'s.
     */
    public static WorkingCalendar calendar(WorkingCalendar base, ParameterSet params, LocalDate acceptedOn) {
        InvalidValueException.requireNonNull(base, "calendar");
        Optional<OfficeHours> hours = officeHours(params, acceptedOn);
        return hours.isEmpty() ? base : new OfficeHoursCalendar(base, hours.get());
    }

    /**
     * Checks every value of every parameter read here, on every date it is in force, so that
     * {@code rules check} rejects a pack whose values cannot build a policy.
     *
     * @throws RulePackException listing each unusable value with its file and line
     */
    public static void check(ParameterSet params) {
        InvalidValueException.requireNonNull(params, "params");
        List<RulePackException.Problem> problems = new ArrayList<>();
        for (String id : PARAMETERS) {
            Optional<Parameter> p = params.get(id);
            if (p.isEmpty()) {
                continue;
            }
            for (DatedValue v : p.get().values()) {
                try {
                    switch (id) {
                        case YELLOW_WORKING_DAYS -> yellowDays(v);
                        case YELLOW_SHARE -> yellowShare(v);
                        case CORRECTION_POLICY -> correction(v);
                        case AFTER_HOURS -> bool(id, v);
                        case LOCAL_PROCEDURE_KINDS -> procedureKinds(v);
                        default -> officeHours(v);
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

    // ---- conversions: each error names the parameter, its file and line ----

    private static DataFormatException bad(String id, DatedValue v, String reason) {
        return new DataFormatException(v.file(), v.line(), id, v.display(), reason);
    }

    private static int yellowDays(DatedValue v) {
        if (!(v.value() instanceof Integer i) || i < 0 || i > 365) {
            throw bad(YELLOW_WORKING_DAYS, v, "黄牌剩余工作日阈值须为0到365的整数 / must be a whole number 0..365");
        }
        return i;
    }

    private static double yellowShare(DatedValue v) {
        BigDecimal b = v.value() instanceof Integer i ? BigDecimal.valueOf(i)
                : v.value() instanceof BigDecimal x ? x : null;
        if (b == null || b.signum() < 0 || b.compareTo(BigDecimal.ONE) > 0) {
            throw bad(YELLOW_SHARE, v, "黄牌剩余比例须为0到1之间的小数 / must be a decimal between 0 and 1");
        }
        return b.doubleValue();
    }

    private static CorrectionPolicy correction(DatedValue v) {
        if (v.value() instanceof String s) {
            try {
                return CorrectionPolicy.valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // fall through to the error below
            }
        }
        throw bad(CORRECTION_POLICY, v, "补正计时方式须为 PAUSE 或 RESTART / must be PAUSE or RESTART");
    }

    private static boolean bool(String id, DatedValue v) {
        if (!(v.value() instanceof Boolean b)) {
            throw bad(id, v, "须为 true 或 false / must be true or false");
        }
        return b;
    }

    private static Set<ProcedureKind> procedureKinds(DatedValue v) {
        if (!(v.value() instanceof List<?> l)) {
            throw bad(LOCAL_PROCEDURE_KINDS, v, "须为特别程序种类的列表 / must be a list of procedure kinds");
        }
        Set<ProcedureKind> kinds = EnumSet.noneOf(ProcedureKind.class);
        for (Object o : l) {
            String name = String.valueOf(o).trim();
            ProcedureKind k;
            try {
                k = ProcedureKind.valueOf(name);
            } catch (IllegalArgumentException e) {
                throw bad(LOCAL_PROCEDURE_KINDS, v, "未知特别程序种类 " + name + "，可选 " + List.of(ProcedureKind.values())
                        + " / unknown procedure kind " + name);
            }
            if (k == ProcedureKind.CORRECTION) {
                throw bad(LOCAL_PROCEDURE_KINDS, v, "补正由 " + CORRECTION_POLICY + " 决定，不能列入 / CORRECTION is governed by "
                        + CORRECTION_POLICY);
            }
            kinds.add(k);
        }
        return kinds;
    }

    private static OfficeHours officeHours(DatedValue v) {
        if (!(v.value() instanceof List<?> l) || l.isEmpty() || !l.stream().allMatch(TimeRange.class::isInstance)) {
            throw bad(OFFICE_HOURS, v, "办公时间须为一个或多个 HH:mm-HH:mm 时段 / must be one or more HH:mm-HH:mm ranges");
        }
        LocalTime open = LocalTime.MAX;
        LocalTime close = LocalTime.MIN;
        for (Object o : l) {
            TimeRange r = (TimeRange) o;
            open = r.start().isBefore(open) ? r.start() : open;
            close = r.end().isAfter(close) ? r.end() : close;
        }
        return new OfficeHours(open, close);
    }
}
