package org.approvalrules.core.deadline;

import java.time.Instant;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineCalculator;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;

/**
 * The library's {@link DeadlineCalculator}: Administrative Licensing Law Art. 32, 42, 44, 45, 82 and
 * 民法典 Art. 201/203 counting on a {@link WorkingCalendar}. It counts on the calendar's working-day
 * ranks ({@link org.approvalrules.core.calendar.WorkingDayRanks}: O(1) and allocation-free on a
 * compiled calendar, adapted for any other), so an evaluation costs O(p log p) in the number of
 * procedures p; the explanation is recomputed lazily only when {@link DeadlineResult#trace()} is asked for.
 * Stateless and thread-safe.
 *
 * <p>Semantics, in order:
 * <ol>
 *   <li>Counting base (the day before day 1, 次日起算): the acceptance date; with the after-hours
 *       policy, acceptance after office hours or on a non-working day counts as acceptance on the
 *       next working day. Art. 32: a correction notice given later than 5 working days after receipt
 *       of the materials makes the receipt the acceptance (and a finding). A correction after
 *       acceptance with policy RESTART moves the base to the arrival of the corrected materials.</li>
 *   <li>Suspensions: special procedures whose kind stops the clock (Art. 45, plus the locality's
 *       kinds) and corrections with policy PAUSE stop it over [first stopped day, resumption day);
 *       overlapping intervals are merged. A procedure still open as of the evaluation instant keeps
 *       the case PAUSED: the days up to the evaluation date are not counted, and the due date shown is
 *       the earliest possible (resumption the next day).</li>
 *   <li>Due date: WORKING_DAYS — the (limit + extensions)-th counted working day after the base;
 *       CALENDAR_DAYS — the (limit + extensions)-th counted day, moved to the next working day when it
 *       is not one; IMMEDIATE — the base day (or the next working day). Due instant: end of business
 *       that day.</li>
 *   <li>As of: events after the evaluation instant (procedure starts and resumptions, extension
 *       approvals, decision, completion) are not yet known, so history can be replayed.</li>
 * </ol>
 *
 * <p><b>Findings.</b> The engine reports its own checks (Art. 32, Art. 44, clock gaming) under the
 * {@code RULE_…} ids below — what an embedder gets when it uses the engine alone. When cases are
 * evaluated through rule packs ({@code org.approvalrules.ApprovalRules}), the pack's rules are the
 * source of findings: the national pack has a rule of the same id for each of these checks (fed by
 * {@link org.approvalrules.core.rules.DeadlineFacts}), so a locality can disable or replace it by id,
 * and the engine's list is kept only for comparison. The policy (thresholds, correction policy,
 * after-hours rule, local procedure kinds) then comes from the locality's parameters through
 * {@link org.approvalrules.core.rules.DeadlinePolicies}.
 */
public final class DeadlineEngine implements DeadlineCalculator {

    /** Version of the engine's semantics; part of every finding's rule-set version. */
    public static final String VERSION = "1.0";

    /** The shared instance (the engine is stateless). */
    public static final DeadlineEngine INSTANCE = new DeadlineEngine();

    /** Art. 32: the correction notice is due within this many working days of receipt. */
    public static final int ART32_NOTICE_WORKING_DAYS = 5;

    /** Art. 44: the licence is issued and delivered within this many working days of the decision. */
    public static final int ART44_DELIVERY_WORKING_DAYS = 10;

    /** Finding: Art. 32 correction notice later than 5 working days after receipt. */
    public static final String RULE_ART32_LATE_NOTICE = "deadline.art32.late-correction-notice";
    /** Finding: Art. 44 licence delivered (or still undelivered) after 10 working days. */
    public static final String RULE_ART44_LATE_DELIVERY = "deadline.art44.late-delivery";
    /** Finding: a special procedure recorded after the deadline had already passed. */
    public static final String RULE_RECORDED_AFTER_EXPIRY = "deadline.procedure.recorded-after-expiry";
    /** Finding: a special procedure starting on a day before it was recorded (back-dated). */
    public static final String RULE_BACK_DATED = "deadline.procedure.back-dated";
    /** Finding: a special procedure starting exactly at the acceptance instant. */
    public static final String RULE_AT_ACCEPTANCE = "deadline.procedure.starts-at-acceptance";
    /** Finding: a procedure whose kind the locality does not let stop the clock. */
    public static final String RULE_KIND_NOT_RECOGNISED = "deadline.procedure.kind-not-recognised";

    public DeadlineEngine() {
    }

    @Override
    public DeadlineResult evaluate(DeadlineInput input, WorkingCalendar calendar, DeadlinePolicy policy, Instant asOf) {
        InvalidValueException.requireNonNull(input, "input");
        InvalidValueException.requireNonNull(calendar, "calendar");
        InvalidValueException.requireNonNull(policy, "policy");
        InvalidValueException.requireNonNull(asOf, "asOf");
        return Evaluation.evaluate(input, calendar, policy, asOf);
    }

    /** The rule-set version written in findings: engine version + calendar version. */
    public static String ruleSetVersion(WorkingCalendar calendar) {
        return "engine-" + VERSION + "+" + calendar.version();
    }
}
