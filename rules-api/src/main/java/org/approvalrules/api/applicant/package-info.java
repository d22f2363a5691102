/**
 * Applicant identifiers (申请者证件): the unified social credit code and the resident ID number, checked
 * including their check characters; numbers valid as both, legacy 15-digit cards, passports and 港澳台 permits
 * accepted ({@link org.approvalrules.api.applicant.ApplicantId}); the identifier types (证件类型) of exchange
 * formats ({@link org.approvalrules.api.applicant.IdType}). Every text form is masked.
 */
package org.approvalrules.api.applicant;
