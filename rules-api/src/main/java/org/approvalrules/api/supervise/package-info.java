/**
 * Supervision (电子监察) of a locality's records: the facts the national supervision rules judge
 * ({@link org.approvalrules.api.supervise.CompletenessFact}, {@link org.approvalrules.api.supervise.CatalogueFact},
 * {@link org.approvalrules.api.supervise.PromisedLimitFact}, {@link org.approvalrules.api.supervise.KpiFact}) and
 * the outcome of a supervision run ({@link org.approvalrules.api.supervise.SupervisionResult}). The job is in
 * {@code org.approvalrules.core.supervise}; the data layout in docs/DATA-FORMAT.md.
 */
package org.approvalrules.api.supervise;
