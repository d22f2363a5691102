package org.approvalrules.api.cases;

import java.time.LocalDateTime;
import org.approvalrules.api.InvalidValueException;

/**
 * The applicant's application reaching the agency. Immutable and thread-safe.
 *
 * @param time 申请时间 (local civil time of the locality); for Art. 32 it is also when the materials were received
 */
public record Application(LocalDateTime time) {
    public Application {
        InvalidValueException.requireNonNull(time, "application.time");
    }
}
