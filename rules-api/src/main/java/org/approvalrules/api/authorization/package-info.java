/**
 * Window authorization (窗口授权): the seven powers a department delegates to its window per item.
 */
package org.approvalrules.api.authorization;
