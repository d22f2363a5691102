/**
 * Seeded generators with integrated shrinking ({@link org.approvalrules.testkit.gen.Gen}), a property
 * runner that reports the minimised counterexample with its seed ({@link org.approvalrules.testkit.gen.Property}),
 * and generators for the deadline domain ({@link org.approvalrules.testkit.gen.DeadlineGens}). No test
 * framework needed; reproduce a run with {@code -Dapprovalrules.seed=N}.
 */
package org.approvalrules.testkit.gen;
