/**
 * Money in yuan with two decimals (fen), on BigDecimal, with explicit rounding.
 */
package org.approvalrules.api.money;
