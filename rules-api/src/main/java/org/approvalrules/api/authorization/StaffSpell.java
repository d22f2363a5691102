package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;

/**
 * One person's spell at a department's window in the centre (staff.csv): role, the appointment document,
 * the powers the person may exercise there, from and to, and why it ended. Immutable.
 *
 * @param staffId 人员编号 (a staff number, never an identity number)
 * @param name 姓名
 * @param department 部门编码
 * @param role 角色
 * @param window 窗口, empty when not tied to one window
 * @param appointmentDocument 任命文件, empty when none was recorded (a finding for a chief representative)
 * @param from 起始日期
 * @param to 截止日期, empty while the spell lasts
 * @param endReason 离岗原因, only with {@code to}
 * @param powers 权力 the person may exercise at the window (may be empty)
 */
public record StaffSpell(String staffId, String name, String department, StaffRole role, Optional<String> window,
        Optional<String> appointmentDocument, LocalDate from, Optional<LocalDate> to, Optional<EndReason> endReason,
        Set<Power> powers) {

    public StaffSpell {
        ItemCodes.requireText(staffId, "staff.staffId");
        ItemCodes.requireText(name, "staff.name");
        ItemCodes.requireText(department, "staff.department");
        InvalidValueException.requireNonNull(role, "staff.role");
        InvalidValueException.requireNonNull(window, "staff.window");
        InvalidValueException.requireNonNull(appointmentDocument, "staff.appointmentDocument");
        InvalidValueException.requireNonNull(from, "staff.from");
        InvalidValueException.requireNonNull(to, "staff.to");
        InvalidValueException.requireNonNull(endReason, "staff.endReason");
        InvalidValueException.requireNonNull(powers, "staff.powers");
        if (to.isPresent() && to.get().isBefore(from)) {
            throw new InvalidValueException("staff.to", to.get(), "截止日期早于起始日期 " + from + " / ends before it starts (" + from + ")");
        }
        if (endReason.isPresent() && to.isEmpty()) {
            throw new InvalidValueException("staff.endReason", endReason.get(),
                    "有离岗原因却无截止日期 / an end reason needs an end date");
        }
        if (powers.contains(null)) {
            throw new InvalidValueException("staff.powers", powers, "不能包含空值 / must not contain null");
        }
        powers = powers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(powers));
    }

    /** Whether the person is at the window on {@code date}. */
    public boolean inPostOn(LocalDate date) {
        return !date.isBefore(from) && to.map(t -> !date.isAfter(t)).orElse(true);
    }

    /** Whether the person may exercise {@code power} at the window on {@code date}. */
    public boolean mayExercise(Power power, LocalDate date) {
        return powers.contains(power) && inPostOn(date);
    }
}
