package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * The chief representative (首席代表) of a department with items in the centre on one date, or none.
 * Immutable.
 *
 * @param department 进驻部门, the subject of findings
 * @param date the date assessed
 * @param chief the chief representative in force that day, if any
 */
public record ChiefRepresentativeFact(String department, LocalDate date, Optional<ChiefRepresentative> chief)
        implements RuleFact {

    public ChiefRepresentativeFact {
        ItemCodes.requireText(department, "chief.department");
        InvalidValueException.requireNonNull(date, "chief.date");
        InvalidValueException.requireNonNull(chief, "chief");
        if (chief.isPresent() && !chief.get().department().equals(department)) {
            throw new InvalidValueException("chief.department", chief.get().department(),
                    "首席代表不属于部门 " + department + " / the chief representative belongs to another department than " + department);
        }
    }

    /** Whether a chief representative is in office. */
    public boolean appointed() {
        return chief.isPresent();
    }

    /** Whether the chief representative holds the approval decision power (false when none is appointed). */
    public boolean holdsApprovalPower() {
        return chief.map(ChiefRepresentative::holdsApprovalPower).orElse(false);
    }

    /** Whether the chief representative is in the centre full time (false when none is appointed). */
    public boolean fullTime() {
        return chief.map(ChiefRepresentative::fullTime).orElse(false);
    }

    /** The chief representative's name, or "" when none is appointed. */
    public String name() {
        return chief.map(ChiefRepresentative::name).orElse("");
    }

    /** The appointment document, or "" when none is appointed. */
    public String appointmentDocument() {
        return chief.map(ChiefRepresentative::appointmentDocument).orElse("");
    }

    @Override
    public String subject() {
        return department;
    }

    @Override
    public LocalDate factDate() {
        return date;
    }
}
