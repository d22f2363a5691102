package org.approvalrules.core.supervise;

/**
 * One domain of a supervision run: reads what it needs from the run (or the data directory), computes facts,
 * has the locality's rules judge them ({@link SupervisionRun#judge}), and adds its summary section — or says
 * why the domain is not checked ({@link SupervisionRun#notChecked}). Each domain is a small class, so a new
 * domain entry point is wired by replacing one stage.
 */
interface SupervisionStage {
    /** The domain's name in the summary, e.g. {@code deadlines}. */
    String domain();

    /** Runs the stage. */
    void run(SupervisionRun run);
}
