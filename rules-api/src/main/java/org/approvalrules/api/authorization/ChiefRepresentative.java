package org.approvalrules.api.authorization;

import java.time.LocalDate;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.item.ItemCodes;

/**
 * A department's chief representative at its window (首席代表), appointed by a department document. The
 * reform requires that the chief representative holds the approval decision power (审批决定权) and sits
 * in the centre full time. Immutable and thread-safe; the identity number, if given, is only ever shown
 * masked ({@link ApplicantId#toString()}).
 *
 * @param department 进驻部门
 * @param name the person's name (姓名)
 * @param idNumber 居民身份证号码, optional; masked in every text form
 * @param appointmentDocument 任命文件
 * @param appointedOn first day of the appointment
 * @param holdsApprovalPower whether the appointment grants the approval decision power
 * @param fullTime whether the person works in the centre full time (全职进驻)
 */
public record ChiefRepresentative(String department, String name, Optional<ApplicantId> idNumber,
        String appointmentDocument, LocalDate appointedOn, boolean holdsApprovalPower, boolean fullTime) {

    public ChiefRepresentative {
        ItemCodes.requireText(department, "chief.department");
        ItemCodes.requireText(name, "chief.name");
        InvalidValueException.requireNonNull(idNumber, "chief.idNumber");
        ItemCodes.requireText(appointmentDocument, "chief.appointmentDocument");
        InvalidValueException.requireNonNull(appointedOn, "chief.appointedOn");
    }

    /** Whether the appointment is in force on {@code date}. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(appointedOn);
    }
}
