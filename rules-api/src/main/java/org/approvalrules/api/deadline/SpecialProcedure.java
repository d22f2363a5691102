package org.approvalrules.api.deadline;

import java.time.LocalDateTime;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;

/**
 * A special procedure (特别程序) that stops the clock of a case, from {@code start} until
 * {@code resumed} (absent while still open). Times are local civil times of the locality, as
 * GB/T 39046 records them (特别程序开始时间/结束时间). {@code recordedAt} is when the procedure was
 * entered in the system, used to detect back-dated or after-the-fact suspensions.
 * Immutable and thread-safe.
 *
 * @param kind the kind (A.7 特别程序种类)
 * @param start when the clock stopped (特别程序开始时间)
 * @param resumed when the clock resumed (特别程序结束时间); empty while the procedure is open
 * @param recordedAt when it was recorded; empty if the source system does not say
 * @param reason the reason given (特别程序启动理由), required for {@link ProcedureKind#OTHER}
 */
public record SpecialProcedure(ProcedureKind kind, LocalDateTime start, Optional<LocalDateTime> resumed,
        Optional<LocalDateTime> recordedAt, String reason) {

    public SpecialProcedure {
        InvalidValueException.requireNonNull(kind, "procedure.kind");
        InvalidValueException.requireNonNull(start, "procedure.start");
        InvalidValueException.requireNonNull(resumed, "procedure.resumed");
        InvalidValueException.requireNonNull(recordedAt, "procedure.recordedAt");
        reason = reason == null ? "" : reason;
        if (resumed.isPresent() && resumed.get().isBefore(start)) {
            throw new InvalidValueException("procedure.resumed", resumed.get(),
                    "特别程序结束时间早于开始时间 " + start + " / procedure ends before it starts (" + start + ")");
        }
        if (kind == ProcedureKind.OTHER && reason.isBlank()) {
            throw new InvalidValueException("procedure.reason", reason,
                    "其他特别程序必须说明理由 / an OTHER procedure must give its reason");
        }
    }

    /** A closed procedure with no recording time. */
    public static SpecialProcedure of(ProcedureKind kind, LocalDateTime start, LocalDateTime resumed) {
        return new SpecialProcedure(kind, start, Optional.of(resumed), Optional.empty(), "");
    }

    /** An open procedure (not yet resumed). */
    public static SpecialProcedure open(ProcedureKind kind, LocalDateTime start) {
        return new SpecialProcedure(kind, start, Optional.empty(), Optional.empty(), "");
    }
}
