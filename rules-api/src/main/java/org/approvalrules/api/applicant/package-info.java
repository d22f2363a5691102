/**
 * Applicant identifiers (申请者证件): the unified social credit code and the resident ID number, checked
 * including their check characters and masked in every text form.
 */
package org.approvalrules.api.applicant;
