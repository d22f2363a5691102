package org.approvalrules.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.supervise.SupervisionResult;
import org.approvalrules.cli.command.SuperviseCommand;

/**
 * The supervision job on the generated county ({@link DemoCounty}): writes the data directory, runs
 * {@code supervise} through the entry point and prints the headline numbers and where the outputs are.
 */
public final class SupervisionDemo implements DemoSection {
    private final Path out;
    private SupervisionResult result;

    /** Writes into {@code out} ({@code data/} and {@code out/}), or a new temporary directory when null. */
    public SupervisionDemo(Path out) {
        this.out = out;
    }

    @Override
    public String title() {
        return "电子监察：一个县两年的办件 / supervision: two years of a county's cases";
    }

    @Override
    public void run(PrintWriter w) throws Exception {
        Path base = out != null ? Files.createDirectories(out) : Files.createTempDirectory("approval-rules-demo-");
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            ApprovalRules.Locality county = rules.locality(DivisionCode.parse(DemoCounty.LOCALITY));
            long t0 = System.nanoTime();
            DemoCounty.Written data = DemoCounty.write(base.resolve("data"), county.calendar(), 1);
            w.printf("   生成数据 / generated %s: %s (%.1fs)%n", data.dir(), data.rows(), (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            result = county.supervise(data.dir(), OffsetDateTime.parse(DemoCounty.AS_OF).toInstant(), base.resolve("out"));
            w.printf("   监察 / supervise %s as of %s (%.1fs):%n", DemoCounty.LOCALITY, DemoCounty.AS_OF,
                    (System.nanoTime() - t1) / 1e9);
            java.io.StringWriter s = new java.io.StringWriter();
            SuperviseCommand.print(new PrintWriter(s), result);
            for (String line : s.toString().split("\n")) {
                w.println("   " + line);
            }
            w.println("   " + SuperviseCommand.summaryLine(result));
        }
    }

    /** The result of the last run (for tests). */
    public SupervisionResult result() {
        return result;
    }
}
