package org.approvalrules.api.fee;

import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.cases.FeeCharge;
import org.approvalrules.api.item.ServiceItem;
import org.approvalrules.api.item.ItemCodes;

/**
 * A recorded charge to check against what is due. Immutable and thread-safe.
 *
 * @param subject what findings are about, normally the case number (办件编号)
 * @param item the case's service item (its 是否收费 and 进驻中心时间 matter)
 * @param charge the recorded charge; its standard is the one assessed
 * @param request the facts to assess: quantities, applicant, evidence on file and the date (the case's);
 *     its standard id must be the charge's
 * @param collectedThrough where the money was taken: the centre's fee window ({@link AcceptanceChannel#CENTRE_WINDOW}),
 *     an approved branch centre or online payment, or the department's own office ({@link AcceptanceChannel#DEPARTMENT}),
 *     which for an item in the centre on the request's date is a fee collected outside the centre
 * @param method how the money was taken (统一收费 or not), when recorded
 */
public record FeeCheck(String subject, ServiceItem item, FeeCharge charge, FeeRequest request,
        AcceptanceChannel collectedThrough, Optional<CollectionMethod> method) {

    public FeeCheck {
        ItemCodes.requireText(subject, "check.subject");
        InvalidValueException.requireNonNull(item, "check.item");
        InvalidValueException.requireNonNull(charge, "check.charge");
        InvalidValueException.requireNonNull(request, "check.request");
        InvalidValueException.requireNonNull(collectedThrough, "check.collectedThrough");
        InvalidValueException.requireNonNull(method, "check.method");
        if (!charge.standardId().equals(request.standardId())) {
            throw new InvalidValueException("check.request.standardId", request.standardId(),
                    "核查的收费标准须与收费记录一致（" + charge.standardId() + "）/ the request must name the charge's standard ("
                            + charge.standardId() + ")");
        }
    }

    /** A check whose collection method is not recorded. */
    public FeeCheck(String subject, ServiceItem item, FeeCharge charge, FeeRequest request,
            AcceptanceChannel collectedThrough) {
        this(subject, item, charge, request, collectedThrough, Optional.empty());
    }
}
