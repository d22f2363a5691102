package org.approvalrules.api.authorization;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * Who signed a step of a case that exercises a power (签批), and whether that was within the window's
 * authorization on the step's date: the power delegated to the window for the item, and the handler an
 * authorised window person of a department holding it. Only steps of items some department has in the
 * centre that day are facts. Immutable.
 *
 * @param caseNumber 办件编号, the subject of findings
 * @param itemCode the case's item
 * @param step the step's index in the case ({@code steps[i]})
 * @param stepName the step's name
 * @param power the power the step exercises
 * @param handler who signed
 * @param date the step's date (its end, or its start while open)
 * @param delegated whether the power was delegated to the window for the item on that date
 * @param authorised whether the handler was an authorised window person for the item and power that day
 */
public record SignatureFact(String caseNumber, String itemCode, int step, String stepName, Power power, String handler,
        LocalDate date, boolean delegated, boolean authorised) implements RuleFact {

    public SignatureFact {
        ItemCodes.requireText(caseNumber, "signature.caseNumber");
        ItemCodes.requireText(itemCode, "signature.itemCode");
        ItemCodes.requireText(stepName, "signature.stepName");
        InvalidValueException.requireNonNull(power, "signature.power");
        ItemCodes.requireText(handler, "signature.handler");
        InvalidValueException.requireNonNull(date, "signature.date");
        if (step < 0) {
            throw new InvalidValueException("signature.step", step, "环节序号不能为负 / a step index must be >= 0");
        }
        if (authorised && !delegated) {
            throw new InvalidValueException("signature.authorised", true,
                    "权力未授权窗口时签批人不可能已获授权 / a handler cannot be authorised for a power not delegated to the window");
        }
    }

    /** The step as a path into the case, e.g. {@code steps[0]}. */
    public String stepPath() {
        return "steps[" + step + "]";
    }

    @Override
    public String subject() {
        return caseNumber;
    }

    @Override
    public LocalDate factDate() {
        return date;
    }
}
