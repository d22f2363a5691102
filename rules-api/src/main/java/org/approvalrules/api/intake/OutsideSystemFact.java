package org.approvalrules.api.intake;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.rules.RuleFact;

/**
 * A result or certificate issued for a case of an item the move-in register requires in the centre on the day it
 * was issued, with the case's earliest acceptance record in the logs, if any (体外循环 when there is none, or when
 * the acceptance was recorded after the result). Immutable.
 *
 * @param result the result or certificate
 * @param move the item's entry in the move-in register
 * @param acceptedAt the earliest acceptance time of the same case number in the logs; empty when none
 * @param acceptedThrough the channel of that acceptance; empty when none
 */
public record OutsideSystemFact(ResultRecord result, ItemMove move, Optional<LocalDateTime> acceptedAt,
        Optional<AcceptanceChannel> acceptedThrough) implements RuleFact {

    public OutsideSystemFact {
        InvalidValueException.requireNonNull(result, "outside.result");
        InvalidValueException.requireNonNull(move, "outside.move");
        InvalidValueException.requireNonNull(acceptedAt, "outside.acceptedAt");
        InvalidValueException.requireNonNull(acceptedThrough, "outside.acceptedThrough");
        if (acceptedAt.isPresent() != acceptedThrough.isPresent()) {
            throw new InvalidValueException("outside.acceptedThrough", acceptedThrough,
                    "受理时间与受理渠道应同时给出 / acceptance time and channel go together");
        }
    }

    /** Whether no log has an acceptance record of the case. */
    public boolean noAcceptance() {
        return acceptedAt.isEmpty();
    }

    /** Whether the (earliest) acceptance was recorded after the result was issued. */
    public boolean acceptedAfterResult() {
        return acceptedAt.isPresent() && acceptedAt.get().isAfter(result.issuedAt());
    }

    /** The day the result was issued. */
    public LocalDate issuedOn() {
        return result.issuedAt().toLocalDate();
    }

    @Override
    public String subject() {
        return result.caseNumber();
    }

    @Override
    public LocalDate factDate() {
        return issuedOn();
    }
}
