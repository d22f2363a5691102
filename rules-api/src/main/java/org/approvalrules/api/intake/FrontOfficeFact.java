package org.approvalrules.api.intake;

import java.time.LocalDate;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * A case accepted at the centre end that has steps in the steps export: how many of its review and approval steps
 * (审核, 审批) there are and how many happened at the department, and where its result was issued (from the results
 * register, else from its certification or delivery step). 前店后厂 when every deciding step and the result are at
 * the department: the window only forwarded the papers. Immutable.
 *
 * @param caseNumber 办件编号
 * @param itemCode 实施编码
 * @param acceptedOn the day of the centre-end acceptance
 * @param decisionSteps review and approval steps of the case
 * @param atDepartment of those, how many were at the department
 * @param resultPlace where the result was issued; empty when unknown
 */
public record FrontOfficeFact(String caseNumber, String itemCode, LocalDate acceptedOn, int decisionSteps,
        int atDepartment, Optional<HandlingPlace> resultPlace) implements RuleFact {

    public FrontOfficeFact {
        ItemCodes.requireText(caseNumber, "frontOffice.caseNumber");
        ItemCodes.requireText(itemCode, "frontOffice.itemCode");
        InvalidValueException.requireNonNull(acceptedOn, "frontOffice.acceptedOn");
        InvalidValueException.requireNonNull(resultPlace, "frontOffice.resultPlace");
        if (decisionSteps < 0 || atDepartment < 0 || atDepartment > decisionSteps) {
            throw new InvalidValueException("frontOffice.atDepartment", atDepartment,
                    "部门环节数应在 0 与审核审批环节数 " + decisionSteps + " 之间 / must be between 0 and the " + decisionSteps
                            + " deciding step(s)");
        }
    }

    /** Whether the case has review or approval steps and all of them were at the department. */
    public boolean decidedAtDepartment() {
        return decisionSteps > 0 && atDepartment == decisionSteps;
    }

    /** Whether the result is known to have been issued at the department. */
    public boolean resultAtDepartment() {
        return resultPlace.orElse(null) == HandlingPlace.DEPARTMENT;
    }

    @Override
    public String subject() {
        return caseNumber;
    }

    @Override
    public LocalDate factDate() {
        return acceptedOn;
    }
}
