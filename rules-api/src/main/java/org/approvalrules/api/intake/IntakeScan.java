package org.approvalrules.api.intake;

import java.util.List;
import org.approvalrules.api.finding.Finding;

/**
 * A scan of one intake log for two-end intake (两头受理, 明进暗不进), fed record by record in any order
 * and judged at {@link #finish()} by the locality's rules. For one thread.
 */
public interface IntakeScan {

    /**
     * Adds one record.
     *
     * @throws org.approvalrules.api.InvalidValueException naming the case when the record cannot be checked
     *     (e.g. no parameter value in force on its date)
     */
    void add(IntakeRecord record);

    /** Records added so far. */
    long records();

    /**
     * Pairs the records, judges them and returns every finding, ordered by rule id, then subject. The scan
     * cannot be used afterwards.
     */
    List<Finding> finish();
}
