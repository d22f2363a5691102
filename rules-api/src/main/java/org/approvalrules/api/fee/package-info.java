/**
 * Fee rules (收费): fee standards with their legal basis and how the amount is computed, exemptions
 * with their conditions, what is assessed and the explained result, and the check of a recorded charge.
 * The engines are in {@code org.approvalrules.core.fee}.
 */
package org.approvalrules.api.fee;
