package org.approvalrules.api.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;

/**
 * What rules see of one case (办件): its identity, its limits, and the deadline figures the deadline
 * engine computed for it as of the evaluation instant. Rules read these fields; they never compute
 * dates themselves, which keeps DRL short and declarative. Immutable and thread-safe.
 *
 * <p>The figures are what the national rules need; a rule that needs more of the engine's result
 * (status, due dates, the red reason, whether a date was provisional) reads {@link #deadline()}, present
 * when the facts were built from the engine (as {@code ApprovalRules} does) and empty when they were
 * written by hand (scenarios, benchmarks), so such a rule guards with {@code deadline.isPresent()}. For
 * questions about dates the rules call the global {@code calendar} ({@link CalendarFunctions}).
 *
 * @param caseId the case number (办件编号), the subject of findings
 * @param locality the division whose rules apply (受理地行政区划)
 * @param acceptedAt acceptance time (受理时间, local civil time); its date selects parameter values
 * @param statutoryLimit the statutory time limit (法定办结时限)
 * @param promisedLimit the promised time limit (承诺办结时限)
 * @param promisedRemainingWorkingDays working days left to the promised due date (negative: overdue by
 *     that many; for a completed case, as at completion)
 * @param statutoryRemainingWorkingDays the same for the statutory due date
 * @param completed whether the case is completed (办结)
 * @param correctionNoticeWorkingDays working days from receipt of the application to the correction
 *     notice (补正告知), or -1 when there was none (行政许可法第三十二条)
 * @param deliveryWorkingDays working days from the decision to delivery (送达), or -1 when not yet
 *     delivered (行政许可法第四十四条)
 * @param proceduresRecordedAfterDue special procedures recorded after the promised due date had passed
 * @param backDatedProcedures special procedures whose start lies before the moment they were recorded
 *     by more than a day
 * @param proceduresAtAcceptance special procedures starting exactly at acceptance
 * @param unrecognisedProcedures special procedures of a kind the locality does not let stop the clock
 *     (not deducted from the time limit)
 * @param deadline the deadline engine's result these figures come from, as of the evaluation instant;
 *     empty when the facts were written by hand
 */
public record CaseFacts(String caseId, DivisionCode locality, LocalDateTime acceptedAt, TimeLimit statutoryLimit,
        TimeLimit promisedLimit, int promisedRemainingWorkingDays, int statutoryRemainingWorkingDays,
        boolean completed, int correctionNoticeWorkingDays, int deliveryWorkingDays,
        int proceduresRecordedAfterDue, int backDatedProcedures, int proceduresAtAcceptance, int unrecognisedProcedures,
        Optional<DeadlineResult> deadline) implements RuleFact {

    public CaseFacts {
        InvalidValueException.requireNonNull(caseId, "caseId");
        InvalidValueException.requireNonNull(locality, "locality");
        InvalidValueException.requireNonNull(acceptedAt, "acceptedAt");
        InvalidValueException.requireNonNull(statutoryLimit, "statutoryLimit");
        InvalidValueException.requireNonNull(promisedLimit, "promisedLimit");
        InvalidValueException.requireNonNull(deadline, "deadline");
        if (caseId.isBlank()) {
            throw new InvalidValueException("caseId", caseId, "办件编号不能为空 / case id must not be blank");
        }
        if (correctionNoticeWorkingDays < -1) {
            throw new InvalidValueException("correctionNoticeWorkingDays", correctionNoticeWorkingDays,
                    "补正告知工作日数不能为负（无补正时为-1） / must be >= 0, or -1 when there was no notice");
        }
        if (deliveryWorkingDays < -1) {
            throw new InvalidValueException("deliveryWorkingDays", deliveryWorkingDays,
                    "送达工作日数不能为负（未送达时为-1） / must be >= 0, or -1 when not delivered");
        }
        if (proceduresRecordedAfterDue < 0 || backDatedProcedures < 0 || proceduresAtAcceptance < 0
                || unrecognisedProcedures < 0) {
            throw new InvalidValueException("procedures", proceduresRecordedAfterDue + "/" + backDatedProcedures
                    + "/" + proceduresAtAcceptance + "/" + unrecognisedProcedures,
                    "特别程序计数不能为负 / procedure counts must be >= 0");
        }
        if (deadline.isPresent() && !deadline.get().caseId().equals(caseId)) {
            throw new InvalidValueException("deadline.caseId", deadline.get().caseId(),
                    "期限结果不属于办件 " + caseId + " / the deadline result belongs to another case than " + caseId);
        }
    }

    /** The facts written by hand, without a deadline result. */
    public CaseFacts(String caseId, DivisionCode locality, LocalDateTime acceptedAt, TimeLimit statutoryLimit,
            TimeLimit promisedLimit, int promisedRemainingWorkingDays, int statutoryRemainingWorkingDays,
            boolean completed, int correctionNoticeWorkingDays, int deliveryWorkingDays,
            int proceduresRecordedAfterDue, int backDatedProcedures, int proceduresAtAcceptance, int unrecognisedProcedures) {
        this(caseId, locality, acceptedAt, statutoryLimit, promisedLimit, promisedRemainingWorkingDays,
                statutoryRemainingWorkingDays, completed, correctionNoticeWorkingDays, deliveryWorkingDays,
                proceduresRecordedAfterDue, backDatedProcedures, proceduresAtAcceptance, unrecognisedProcedures,
                Optional.empty());
    }

    /** The facts written by hand, without unrecognised procedures (their count is 0) nor a deadline result. */
    public CaseFacts(String caseId, DivisionCode locality, LocalDateTime acceptedAt, TimeLimit statutoryLimit,
            TimeLimit promisedLimit, int promisedRemainingWorkingDays, int statutoryRemainingWorkingDays,
            boolean completed, int correctionNoticeWorkingDays, int deliveryWorkingDays,
            int proceduresRecordedAfterDue, int backDatedProcedures, int proceduresAtAcceptance) {
        this(caseId, locality, acceptedAt, statutoryLimit, promisedLimit, promisedRemainingWorkingDays,
                statutoryRemainingWorkingDays, completed, correctionNoticeWorkingDays, deliveryWorkingDays,
                proceduresRecordedAfterDue, backDatedProcedures, proceduresAtAcceptance, 0, Optional.empty());
    }

    /** A case on track with no irregularities: the starting point for {@code with…} copies. */
    public static CaseFacts onTrack(String caseId, DivisionCode locality, LocalDateTime acceptedAt,
            TimeLimit statutory, TimeLimit promised, int promisedRemaining, int statutoryRemaining) {
        return new CaseFacts(caseId, locality, acceptedAt, statutory, promised, promisedRemaining,
                statutoryRemaining, false, -1, -1, 0, 0, 0, 0, Optional.empty());
    }

    /** The acceptance date: the date that selects parameter values for this case. */
    public LocalDate acceptedOn() {
        return acceptedAt.toLocalDate();
    }

    /**
     * The special procedures with something irregular about them: recorded after the due date,
     * back-dated, starting at acceptance or of a kind that does not stop the clock here (a procedure
     * may count more than once). Zero for almost every case, so rules about procedures test it first
     * and share that test.
     */
    public int procedureIrregularities() {
        return proceduresRecordedAfterDue + backDatedProcedures + proceduresAtAcceptance + unrecognisedProcedures;
    }

    /**
     * Whether the case has a promised limit of its own (承诺时限). Facts built from the engine know it from the
     * deadline result; when the case has none, {@link #promisedLimit} repeats the statutory limit only so that the
     * figures of the governing limit can be read, and no rule about the promised limit itself applies. Facts
     * written by hand carry the promised limit they were given.
     */
    public boolean promisedLimitGiven() {
        return deadline.isEmpty() || deadline.get().promised().isPresent();
    }

    /**
     * Whether the case has a promised limit of its own and it is in the same unit as the statutory one, so the
     * two can be compared (a missing promised limit means no promised-limit checks).
     */
    public boolean limitsComparable() {
        return promisedLimit.unit() == statutoryLimit.unit() && statutoryLimit.amount() > 0 && promisedLimitGiven();
    }

    /** Promised / statutory amount (4 decimals), or 0 when not comparable. */
    public BigDecimal promisedShareOfStatutory() {
        if (!limitsComparable()) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(promisedLimit.amount())
                .divide(BigDecimal.valueOf(statutoryLimit.amount()), 4, RoundingMode.HALF_UP);
    }

    /**
     * Whether promised / statutory is above {@code cap}, compared exactly (promised &gt; cap × statutory,
     * no rounding); false when the limits are not comparable. Cheaper than dividing, so rules can check
     * every case with it.
     */
    public boolean promisedAboveShareOfStatutory(BigDecimal cap) {
        InvalidValueException.requireNonNull(cap, "cap");
        return limitsComparable()
                && cap.multiply(BigDecimal.valueOf(statutoryLimit.amount())).compareTo(BigDecimal.valueOf(promisedLimit.amount())) < 0;
    }

    /** A copy with the completion flag set. */
    public CaseFacts withCompleted(boolean c) {
        return new CaseFacts(caseId, locality, acceptedAt, statutoryLimit, promisedLimit,
                promisedRemainingWorkingDays, statutoryRemainingWorkingDays, c, correctionNoticeWorkingDays,
                deliveryWorkingDays, proceduresRecordedAfterDue, backDatedProcedures, proceduresAtAcceptance,
                unrecognisedProcedures, deadline);
    }

    /** A copy with the correction-notice and delivery figures set. */
    public CaseFacts withNoticeAndDelivery(int correctionNotice, int delivery) {
        return new CaseFacts(caseId, locality, acceptedAt, statutoryLimit, promisedLimit,
                promisedRemainingWorkingDays, statutoryRemainingWorkingDays, completed, correctionNotice,
                delivery, proceduresRecordedAfterDue, backDatedProcedures, proceduresAtAcceptance, unrecognisedProcedures,
                deadline);
    }

    /** A copy with the clock-gaming counts set. */
    public CaseFacts withProcedureCounts(int recordedAfterDue, int backDated, int atAcceptance) {
        return new CaseFacts(caseId, locality, acceptedAt, statutoryLimit, promisedLimit,
                promisedRemainingWorkingDays, statutoryRemainingWorkingDays, completed, correctionNoticeWorkingDays,
                deliveryWorkingDays, recordedAfterDue, backDated, atAcceptance, unrecognisedProcedures, deadline);
    }

    /** A copy with the count of procedures whose kind does not stop the clock here. */
    public CaseFacts withUnrecognisedProcedures(int n) {
        return new CaseFacts(caseId, locality, acceptedAt, statutoryLimit, promisedLimit,
                promisedRemainingWorkingDays, statutoryRemainingWorkingDays, completed, correctionNoticeWorkingDays,
                deliveryWorkingDays, proceduresRecordedAfterDue, backDatedProcedures, proceduresAtAcceptance, n, deadline);
    }

    /** A copy carrying the deadline engine's result for this case. */
    public CaseFacts withDeadline(DeadlineResult result) {
        InvalidValueException.requireNonNull(result, "deadline");
        return new CaseFacts(caseId, locality, acceptedAt, statutoryLimit, promisedLimit,
                promisedRemainingWorkingDays, statutoryRemainingWorkingDays, completed, correctionNoticeWorkingDays,
                deliveryWorkingDays, proceduresRecordedAfterDue, backDatedProcedures, proceduresAtAcceptance,
                unrecognisedProcedures, Optional.of(result));
    }

    /** The case number: findings about this case have it as subject. */
    @Override
    public String subject() {
        return caseId;
    }

    /** The acceptance date: parameter values reported with a finding are those in force that day. */
    @Override
    public LocalDate factDate() {
        return acceptedOn();
    }
}
