package org.approvalrules.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.rules.RuleEngines;
import org.approvalrules.core.rules.RuleSets;

/**
 * The evaluations of {@link RulePackBenchmark} timed by CPU time as well as wall time, for a machine
 * that others share: JMH measures wall time, which on a loaded machine says more about the load than
 * about the code. Prints, per side, the median over the runs of wall time, of the evaluating thread's
 * CPU time, and of the whole process's CPU time (evaluating thread + GC + JIT), as cases per second.
 * Run after a build:
 * {@code java -Xms4g -Xmx4g -cp benchmarks/target/benchmarks.jar org.approvalrules.benchmarks.RulePackCpuTime [runs]}.
 */
public final class RulePackCpuTime {
    private RulePackCpuTime() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        try (RuleSets registry = RuleSets.bundled(RuleEngines.load())) {
            RuleSets.RuleSet national = registry.ruleSet(DivisionCode.NATIONAL);
            PlainJavaDeadlineChecks plain = new PlainJavaDeadlineChecks(national.pack().parameters(), national.version());
            List<CaseFacts> cases = RuleCases.generate(RulePackBenchmark.CASES, DivisionCode.NATIONAL, 42);
            Instant asOf = RulePackBenchmark.AS_OF;
            System.out.printf("%d cases, %d findings per evaluation, %d runs per side (after %d warm-up runs)%n",
                    cases.size(), plain.evaluate(cases).size(), runs, runs);
            double[] d = time(() -> national.evaluate(cases, asOf), runs);
            double[] p = time(() -> plain.evaluate(cases), runs);
            System.out.printf("%-28s %12s %12s %12s%n", "M cases/s by", "wall", "thread CPU", "process CPU");
            System.out.printf("%-28s %12.2f %12.2f %12.2f%n", "Drools national pack", d[0], d[1], d[2]);
            System.out.printf("%-28s %12.2f %12.2f %12.2f%n", "plain Java", p[0], p[1], p[2]);
            System.out.printf("%-28s %12.2f %12.2f %12.2f%n", "ratio plain / Drools", p[0] / d[0], p[1] / d[1],
                    p[2] / d[2]);
        }
    }

    private static double[] time(Supplier<List<Finding>> evaluation, int runs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long sink = 0;
        for (int i = 0; i < runs; i++) {
            sink += evaluation.get().size();
        }
        double[][] perRun = new double[3][runs];
        for (int i = 0; i < runs; i++) {
            long wall = System.nanoTime();
            long thread = threads.getCurrentThreadCpuTime();
            long process = os.getProcessCpuTime();
            sink += evaluation.get().size();
            perRun[0][i] = RulePackBenchmark.CASES / ((System.nanoTime() - wall) / 1e3);
            perRun[1][i] = RulePackBenchmark.CASES / ((threads.getCurrentThreadCpuTime() - thread) / 1e3);
            perRun[2][i] = RulePackBenchmark.CASES / ((os.getProcessCpuTime() - process) / 1e3);
        }
        if (sink == 42) {
            System.out.println();
        }
        double[] median = new double[3];
        for (int k = 0; k < 3; k++) {
            java.util.Arrays.sort(perRun[k]);
            median[k] = perRun[k][runs / 2];
        }
        return median;
    }
}
