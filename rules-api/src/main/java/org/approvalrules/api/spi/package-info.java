/**
 * The service-provider interface of the rule engine behind {@code org.approvalrules.ApprovalRules}:
 * {@link org.approvalrules.api.spi.RuleEngineProvider} (found by {@link java.util.ServiceLoader}, highest
 * priority wins) compiles a {@link org.approvalrules.api.spi.RuleSetSpec} into
 * {@link org.approvalrules.api.spi.CompiledRules}. Embedders do not call these; engine implementers do.
 */
package org.approvalrules.api.spi;
