/**
 * Window authorization engine (窗口授权): {@link org.approvalrules.core.authorization.AuthorizationChecker} computing rule facts
 * over {@link org.approvalrules.api.authorization.AuthorizationTables}, and the CSV loader
 * {@link org.approvalrules.core.authorization.AuthorizationCsv}.
 */
package org.approvalrules.core.authorization;
