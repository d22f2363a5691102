/**
 * The API of approval-rules (政务服务办件规则): the types embedders call and providers implement.
 * Its only dependency is jakarta.validation-api. The base exceptions ({@link org.approvalrules.api.ApprovalRulesException},
 * {@link org.approvalrules.api.InvalidValueException}, {@link org.approvalrules.api.DataFormatException}) and
 * bilingual text live here; each concept has its own subpackage, with the same name as its
 * implementation package in rules-core.
 */
package org.approvalrules.api;
