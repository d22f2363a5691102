package org.approvalrules.cli.demo;

import org.approvalrules.cli.command.DemoCommand;

import java.io.PrintWriter;

/** One part of {@code approval-rules demo}; each engine contributes one, listed in {@link DemoCommand}. */
public interface DemoSection {

    /** A short bilingual title, e.g. {@code "工作日历 / working-day calendar"}. */
    String title();

    /** Prints this part of the tour, computed live on bundled data. */
    void run(PrintWriter out) throws Exception;
}
