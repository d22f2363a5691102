package org.approvalrules.api.deadline;

import java.time.Instant;
import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;

/**
 * The evaluation of one time limit of a case (statutory or promised) as of an instant.
 * Immutable and thread-safe.
 *
 * @param kind statutory or promised
 * @param limit the limit as catalogued
 * @param extensionDays working days added by approved extensions (Art. 42)
 * @param dueDate the last day of the period (a working day)
 * @param dueInstant end of business on {@code dueDate} (the locality's office hours)
 * @param elapsedWorkingDays working days counted so far (suspensions deducted), as of the
 *     evaluation date or the completion date, whichever is earlier
 * @param remainingWorkingDays working days left until {@code dueDate} (negative when past it)
 * @param suspendedWorkingDays working days not counted because of procedures or a paused correction,
 *     up to the due date
 * @param status the status of this limit
 */
public record LimitResult(LimitKind kind, TimeLimit limit, int extensionDays, LocalDate dueDate, Instant dueInstant,
        int elapsedWorkingDays, int remainingWorkingDays, int suspendedWorkingDays, DeadlineStatus status) {

    public LimitResult {
        InvalidValueException.requireNonNull(kind, "kind");
        InvalidValueException.requireNonNull(limit, "limit");
        InvalidValueException.requireNonNull(dueDate, "dueDate");
        InvalidValueException.requireNonNull(dueInstant, "dueInstant");
        InvalidValueException.requireNonNull(status, "status");
    }
}
