/**
 * Two-end intake (两头受理) types: intake records from centre and department logs, and the register of
 * items moved into the government service centre. The detector is {@code org.approvalrules.core.intake}.
 */
package org.approvalrules.api.intake;
