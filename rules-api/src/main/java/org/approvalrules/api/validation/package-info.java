/**
 * Jakarta Validation constraints for embedders' own DTOs: {@code @DivisionCodeValue}, {@code @CreditCode},
 * {@code @ResidentIdNumber}, {@code @ApplicantIdValue}. Messages are bilingual and never contain the value.
 */
package org.approvalrules.api.validation;
