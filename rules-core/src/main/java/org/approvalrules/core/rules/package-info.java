/**
 * Where the engines meet the rule packs: {@link org.approvalrules.core.rules.DeadlinePolicies} turns a
 * locality's parameters (on a case's acceptance date) into the deadline engine's policy and office hours,
 * and {@link org.approvalrules.core.rules.DeadlineFacts} turns the engine's result into the
 * {@link org.approvalrules.api.rules.CaseFacts} that rules read. The one entry point that runs the whole
 * path is {@code org.approvalrules.ApprovalRules}.
 */
package org.approvalrules.core.rules;
