package org.approvalrules.api.supervise;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.approvalrules.api.ExactRatio;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.item.ItemCodes;
import org.approvalrules.api.rules.RuleFact;

/**
 * One item's promised limit against its statutory limit, both in working days (承诺时限压缩). Rules compare the
 * share with the dated cap {@value #CAP_PARAMETER}. Immutable.
 *
 * @param item the item code (实施编码), the subject of findings
 * @param department the item's department
 * @param promisedDays the promised limit in working days (0 for an immediate item)
 * @param statutoryDays the statutory limit in working days (at least 1)
 * @param date the date assessed
 */
public record PromisedLimitFact(String item, String department, int promisedDays, int statutoryDays, LocalDate date)
        implements RuleFact {

    /** The parameter holding the largest share of the statutory limit a promise may be. */
    public static final String CAP_PARAMETER = "catalogue.cap.promised-share";

    public PromisedLimitFact {
        ItemCodes.requireText(item, "promised.item");
        ItemCodes.requireText(department, "promised.department");
        InvalidValueException.requireNonNull(date, "promised.date");
        if (statutoryDays < 1 || promisedDays < 0 || promisedDays > statutoryDays) {
            throw new InvalidValueException("promised", promisedDays + "/" + statutoryDays, "承诺时限须在0与法定时限之间、法定时限至少1日（"
                    + item + "）/ the promise must lie in 0..statutory, statutory at least 1 (" + item + ")");
        }
    }

    /** Whether the promise is more than {@code share} of the statutory limit: promised &gt; share × statutory. */
    public boolean above(BigDecimal share) {
        InvalidValueException.requireNonNull(share, "share");
        return ExactRatio.compare(promisedDays, statutoryDays, share) > 0;
    }

    @Override
    public String subject() {
        return item;
    }

    @Override
    public LocalDate factDate() {
        return date;
    }
}
