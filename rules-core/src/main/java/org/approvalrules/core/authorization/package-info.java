/**
 * Window authorization checks (窗口授权): {@link org.approvalrules.core.authorization.AuthorizationChecker}
 * over {@link org.approvalrules.core.authorization.AuthorizationTables}, and the CSV loader
 * {@link org.approvalrules.core.authorization.AuthorizationCsv}.
 */
package org.approvalrules.core.authorization;
