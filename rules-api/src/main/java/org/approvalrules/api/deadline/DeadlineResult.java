package org.approvalrules.api.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.finding.Finding;

/**
 * The deadlines of one case as of an instant: the statutory and (if any) promised limit, the overall
 * status, the Art. 44 delivery due date, findings of the engine's own checks (Art. 32, Art. 44,
 * clock gaming) and an explanation. The trace is built lazily on first access from the same inputs,
 * so evaluations that never ask for it stay cheap. Immutable and thread-safe; equality ignores the trace.
 */
public final class DeadlineResult {
    private final String caseId;
    private final Instant asOf;
    private final StartRule startRule;
    private final LocalDate countingBase;
    private final LimitResult statutory;
    private final Optional<LimitResult> promised;
    private final DeadlineStatus status;
    private final Optional<RedReason> redReason;
    private final Optional<LocalDate> deliveryDueDate;
    private final boolean provisional;
    private final String calendarId;
    private final String calendarVersion;
    private final List<Finding> findings;
    private final Supplier<DeadlineTrace> traceSupplier;
    private volatile DeadlineTrace trace;

    /**
     * @param caseId the case
     * @param asOf the evaluation instant
     * @param startRule the rule that fixed the counting base
     * @param countingBase the day before day 1 (次日起算: day 1 is the next counted day)
     * @param statutory the statutory limit's result
     * @param promised the promised limit's result, if the item promises one
     * @param status overall status: the promised limit's if any, otherwise the statutory one's; RED when either is RED
     * @param redReason why RED, when RED
     * @param deliveryDueDate Art. 44: 10 working days after the decision, when decided
     * @param provisional some date used lies outside the calendar's coverage (PROVISIONAL policy): recompute when the notice arrives
     * @param calendarId the calendar used
     * @param calendarVersion its version (content hash)
     * @param findings the engine's findings
     * @param traceSupplier builds the explanation on demand
     */
    public DeadlineResult(String caseId, Instant asOf, StartRule startRule, LocalDate countingBase, LimitResult statutory,
            Optional<LimitResult> promised, DeadlineStatus status, Optional<RedReason> redReason,
            Optional<LocalDate> deliveryDueDate, boolean provisional, String calendarId, String calendarVersion,
            List<Finding> findings, Supplier<DeadlineTrace> traceSupplier) {
        this.caseId = InvalidValueException.requireNonNull(caseId, "caseId");
        this.asOf = InvalidValueException.requireNonNull(asOf, "asOf");
        this.startRule = InvalidValueException.requireNonNull(startRule, "startRule");
        this.countingBase = InvalidValueException.requireNonNull(countingBase, "countingBase");
        this.statutory = InvalidValueException.requireNonNull(statutory, "statutory");
        this.promised = InvalidValueException.requireNonNull(promised, "promised");
        this.status = InvalidValueException.requireNonNull(status, "status");
        this.redReason = InvalidValueException.requireNonNull(redReason, "redReason");
        this.deliveryDueDate = InvalidValueException.requireNonNull(deliveryDueDate, "deliveryDueDate");
        this.provisional = provisional;
        this.calendarId = InvalidValueException.requireNonNull(calendarId, "calendarId");
        this.calendarVersion = InvalidValueException.requireNonNull(calendarVersion, "calendarVersion");
        this.findings = List.copyOf(InvalidValueException.requireNonNull(findings, "findings"));
        this.traceSupplier = InvalidValueException.requireNonNull(traceSupplier, "traceSupplier");
    }

    /** The case (办件编号). */
    public String caseId() {
        return caseId;
    }

    /** The evaluation instant. */
    public Instant asOf() {
        return asOf;
    }

    /** The start rule applied. */
    public StartRule startRule() {
        return startRule;
    }

    /** The day before day 1. */
    public LocalDate countingBase() {
        return countingBase;
    }

    /** The statutory limit. */
    public LimitResult statutory() {
        return statutory;
    }

    /** The promised limit, if any. */
    public Optional<LimitResult> promised() {
        return promised;
    }

    /** The limit that governs the status and warnings: promised if any, otherwise statutory. */
    public LimitResult governing() {
        return promised.orElse(statutory);
    }

    /** Overall status. */
    public DeadlineStatus status() {
        return status;
    }

    /** Why RED, when RED. */
    public Optional<RedReason> redReason() {
        return redReason;
    }

    /** Art. 44 delivery due date, when decided. */
    public Optional<LocalDate> deliveryDueDate() {
        return deliveryDueDate;
    }

    /** Whether a date used lies outside the calendar's coverage (weekends-only assumption). */
    public boolean provisional() {
        return provisional;
    }

    /** The calendar id. */
    public String calendarId() {
        return calendarId;
    }

    /** The calendar version. */
    public String calendarVersion() {
        return calendarVersion;
    }

    /** Findings of the engine's checks (may be empty). */
    public List<Finding> findings() {
        return findings;
    }

    /** The explanation, built on first access. */
    public DeadlineTrace trace() {
        DeadlineTrace t = trace;
        if (t == null) {
            t = Objects.requireNonNull(traceSupplier.get(), "trace");
            trace = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadlineResult r && caseId.equals(r.caseId) && asOf.equals(r.asOf)
                && startRule == r.startRule && countingBase.equals(r.countingBase) && statutory.equals(r.statutory)
                && promised.equals(r.promised) && status == r.status && redReason.equals(r.redReason)
                && deliveryDueDate.equals(r.deliveryDueDate) && provisional == r.provisional
                && calendarId.equals(r.calendarId) && calendarVersion.equals(r.calendarVersion)
                && findings.equals(r.findings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseId, asOf, statutory, promised, status, calendarVersion);
    }

    @Override
    public String toString() {
        return "DeadlineResult[" + caseId + " as of " + asOf + ": " + status + redReason.map(r -> " (" + r + ")").orElse("")
                + ", statutory " + statutory.dueDate() + promised.map(p -> ", promised " + p.dueDate()).orElse("")
                + (provisional ? ", provisional" : "") + ", calendar " + calendarId + "@" + calendarVersion
                + (findings.isEmpty() ? "" : ", " + findings.size() + " finding(s)") + "]";
    }
}
