package org.approvalrules.core.deadline;

import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.api.cases.CorrectionNotice;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlineInputException;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.item.HandlingType;
import org.approvalrules.api.item.ServiceItem;

/**
 * Maps a recorded case ({@link ApprovalCase}) and its catalogue item ({@link ServiceItem}) to the
 * deadline engine's {@link DeadlineInput}: the item gives the statutory and promised limits (a case
 * recorded as 即办件 is promised IMMEDIATE), the case gives every clock event.
 */
public final class CaseDeadlineInputs {

    private CaseDeadlineInputs() {
    }

    /**
     * The deadline input of {@code c} under {@code item}.
     *
     * @throws DeadlineInputException if the case is for another item, or its events are inconsistent
     */
    public static DeadlineInput of(ApprovalCase c, ServiceItem item) {
        InvalidValueException.requireNonNull(c, "case");
        InvalidValueException.requireNonNull(item, "item");
        if (!c.itemCode().equals(item.implementationCode())) {
            throw new DeadlineInputException(c.caseNumber(), "itemCode", c.itemCode(),
                    "办件的实施编码与事项 " + item.implementationCode() + " 不符 / the case is for another item ("
                            + item.implementationCode() + ")");
        }
        boolean immediate = c.handlingType().orElse(item.handlingType()) == HandlingType.IMMEDIATE;
        DeadlineInput.Builder b = DeadlineInput.builder(c.caseNumber(), c.acceptedAt(), item.statutoryLimit())
                .promised(immediate ? TimeLimit.IMMEDIATE : item.promisedLimit())
                .applied(c.application().time())
                .procedures(c.specialProcedures())
                .extensions(c.extensions())
                .locality(c.locality());
        if (c.correction().isPresent()) {
            CorrectionNotice k = c.correction().get();
            if (!k.materialsReceived().isAfter(c.acceptedAt())) {
                b.materialsReceived(k.materialsReceived());
            }
            b.correctionNotice(k.notified());
            k.correctedReceived().ifPresent(b::correctedMaterials);
        }
        c.decision().ifPresent(d -> b.decided(d.time()));
        c.delivery().ifPresent(d -> b.delivered(d.time()));
        c.completion().ifPresent(b::completed);
        return b.build();
    }
}
