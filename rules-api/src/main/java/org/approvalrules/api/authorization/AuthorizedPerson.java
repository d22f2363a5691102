package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * A window person authorised to exercise some powers for an item (or for every item of the department)
 * during a period. Case steps are compared with these grants: a step exercising a power signed by a
 * person without a grant in force that day is 回局签批. Immutable and thread-safe.
 *
 * @param department 进驻部门
 * @param handler the person as case steps record the handler (处理人: name or staff number; never an identity number)
 * @param itemCode 实施编码, or empty for every item of the department
 * @param powers the powers granted (at least one)
 * @param from first day of the grant
 * @param until last day of the grant, empty while it lasts
 */
public record AuthorizedPerson(String department, String handler, Optional<String> itemCode, Set<Power> powers,
        LocalDate from, Optional<LocalDate> until) {

    public AuthorizedPerson {
        ItemCodes.requireText(department, "person.department");
        ItemCodes.requireText(handler, "person.handler");
        InvalidValueException.requireNonNull(itemCode, "person.itemCode");
        itemCode.ifPresent(c -> ItemCodes.requireCode(c, "person.itemCode"));
        InvalidValueException.requireNonNull(powers, "person.powers");
        if (powers.isEmpty() || powers.contains(null)) {
            throw new InvalidValueException("person.powers", powers, "至少授予一项权力且不含空值 / at least one power, no null");
        }
        powers = Set.copyOf(EnumSet.copyOf(powers));
        InvalidValueException.requireNonNull(from, "person.from");
        InvalidValueException.requireNonNull(until, "person.until");
        if (until.isPresent() && until.get().isBefore(from)) {
            throw new InvalidValueException("person.until", until.get(),
                    "授权截止日早于起始日 " + from + " / the grant ends before it starts (" + from + ")");
        }
    }

    /** Whether this grant lets the person exercise {@code power} for {@code item} on {@code date}. */
    public boolean allows(String item, Power power, LocalDate date) {
        return powers.contains(power) && itemCode.map(item::equals).orElse(true)
                && !date.isBefore(from) && until.map(u -> !date.isAfter(u)).orElse(true);
    }
}
