package org.approvalrules.api.fee;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The fee standards and exemptions of a locality, as they stand on a date. The library's implementation
 * reads them from the rule pack's dated parameters ({@code org.approvalrules.core.fee.FeeParameters});
 * an embedder may supply its own.
 */
public interface FeeSchedule {

    /** The standard with this id in force on {@code date}; empty when unknown or not (yet, or any longer) in force. */
    Optional<FeeStandard> standard(String id, LocalDate date);

    /**
     * When the standard {@code id} had been in force but ended on or before {@code date} (a fee abolished or
     * stopped, 停征): its last day in force. Empty when it is in force, unknown, or not yet in force.
     */
    default Optional<LocalDate> ended(String id, LocalDate date) {
        return Optional.empty();
    }

    /** The exemptions in force on {@code date}, in a stable order. */
    List<FeeExemption> exemptions(LocalDate date);

    /** The version that findings carry (the rule-set content hash or pack version). */
    String version();
}
