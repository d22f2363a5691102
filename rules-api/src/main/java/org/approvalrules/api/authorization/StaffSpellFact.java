package org.approvalrules.api.authorization;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.rules.RuleFact;

/**
 * A person's spell at a window, as the staff rules judge it (准入准出): a spell that ended on or before
 * the assessed day (dated by its end), or one in post on the assessed day (dated by that day). Immutable.
 *
 * @param spell the spell
 * @param date the fact's date: the spell's end when it ended by the assessed day, else the assessed day
 */
public record StaffSpellFact(StaffSpell spell, LocalDate date) implements RuleFact {

    public StaffSpellFact {
        InvalidValueException.requireNonNull(spell, "staffFact.spell");
        InvalidValueException.requireNonNull(date, "staffFact.date");
        if (!spell.inPostOn(date)) {
            throw new InvalidValueException("staffFact.date", date,
                    "事实日期须在在岗期间内（离岗日期或评估日）/ the date lies within the spell (its end, or the assessed day)");
        }
    }

    /** The department. */
    public String department() {
        return spell.department();
    }

    /** Whether the spell ended on {@link #date()}. */
    public boolean ended() {
        return spell.to().filter(date::equals).isPresent();
    }

    /** Whether the person is a chief representative (in post on {@link #date()}, as every fact's spell is). */
    public boolean chief() {
        return spell.role() == StaffRole.CHIEF_REPRESENTATIVE;
    }

    /** Whether an appointment document is recorded. */
    public boolean documented() {
        return spell.appointmentDocument().isPresent();
    }

    /** Whether the spell ended on {@link #date()} by rotation (轮岗). */
    public boolean rotated() {
        return ended() && spell.endReason().filter(r -> r == EndReason.ROTATED).isPresent();
    }

    /** Whether the spell ended on {@link #date()} by a recall to the department (召回). */
    public boolean recalled() {
        return ended() && spell.endReason().filter(r -> r == EndReason.RECALLED).isPresent();
    }

    /** Whether the spell ended before it had lasted {@code months} months (end &lt; start + months). */
    public boolean shorterThanMonths(int months) {
        return ended() && date.isBefore(spell.from().plusMonths(months));
    }

    /** Whole months served (start to end, or to the fact's date while in post). */
    public long monthsServed() {
        return java.time.temporal.ChronoUnit.MONTHS.between(spell.from(), date);
    }

    @Override
    public String subject() {
        return spell.department();
    }

    @Override
    public LocalDate factDate() {
        return date;
    }
}
