/**
 * Window authorization (窗口授权): the seven {@link org.approvalrules.api.authorization.Power powers} a
 * department delegates to its window per item ({@link org.approvalrules.api.authorization.WindowAuthorization}),
 * its chief representative ({@link org.approvalrules.api.authorization.ChiefRepresentative}), the window persons
 * authorised to sign ({@link org.approvalrules.api.authorization.AuthorizedPerson}) and when the window is staffed
 * ({@link org.approvalrules.api.authorization.WindowSchedule}). The checks are in
 * {@code org.approvalrules.core.authorization}.
 */
package org.approvalrules.api.authorization;
