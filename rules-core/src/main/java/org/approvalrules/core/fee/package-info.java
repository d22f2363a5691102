/**
 * Fee engines: {@link org.approvalrules.core.fee.FeeCatalog} (the shape of each standard),
 * {@link org.approvalrules.core.fee.FeeParameters} (its numbers, from the pack's dated parameters),
 * {@link org.approvalrules.core.fee.FeeCalculator} (what is due, in fen) and
 * {@link org.approvalrules.core.fee.FeeChecker} (findings on a recorded charge). See docs/FEES.md.
 */
package org.approvalrules.core.fee;
