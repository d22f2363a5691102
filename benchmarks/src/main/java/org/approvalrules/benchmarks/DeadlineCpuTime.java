package org.approvalrules.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * {@link DeadlineBenchmark#evaluateTwoProceduresAndExtension()} measured in <em>CPU time</em> and
 * allocated bytes per evaluation, which other processes on a shared machine disturb far less than
 * JMH's wall-clock throughput (they still share caches). 1,000 / (CPU ns per evaluation) estimates the
 * evaluations per second one core would do with the machine to itself: the evaluating thread's CPU time
 * alone, and the whole process's (that thread + GC + JIT, so the cost of collecting what was allocated).
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.approvalrules.benchmarks.DeadlineCpuTime [pool] [rounds]}
 * (defaults 4096 and 11): 8 warm-up rounds, then {@code rounds} rounds of one million evaluations;
 * prints the minimum, median and maximum thread CPU ns per evaluation, the median process CPU ns and the
 * bytes allocated per evaluation.
 */
public final class DeadlineCpuTime {

    private static final int ROUND = 1_000_000;

    private DeadlineCpuTime() {
    }

    public static void main(String[] args) {
        DeadlineBenchmark bench = new DeadlineBenchmark();
        bench.pool = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        bench.setUp();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long thread = Thread.currentThread().getId();
        long sink = 0;
        for (int w = 0; w < 8; w++) {
            sink += round(bench);
        }
        double[] ns = new double[rounds];
        double[] processNs = new double[rounds];
        long allocated = mx.getThreadAllocatedBytes(thread);
        for (int r = 0; r < rounds; r++) {
            long t0 = mx.getCurrentThreadCpuTime();
            long p0 = os.getProcessCpuTime();
            sink += round(bench);
            ns[r] = (mx.getCurrentThreadCpuTime() - t0) / (double) ROUND;
            processNs[r] = (os.getProcessCpuTime() - p0) / (double) ROUND;
        }
        double bytes = (mx.getThreadAllocatedBytes(thread) - allocated) / ((double) ROUND * rounds);
        Arrays.sort(ns);
        Arrays.sort(processNs);
        double process = processNs[rounds / 2];
        System.out.printf("pool %d: thread CPU ns/evaluation min %.1f median %.1f max %.1f (≈ %.2f M evaluations/s "
                + "per core); process CPU ns/evaluation median %.1f (≈ %.2f M/s); %.0f B allocated/evaluation [%d]%n",
                bench.pool, ns[0], ns[rounds / 2], ns[rounds - 1], 1_000 / ns[rounds / 2], process, 1_000 / process,
                bytes, sink & 1);
    }

    private static long round(DeadlineBenchmark bench) {
        long sink = 0;
        for (int i = 0; i < ROUND; i++) {
            sink += bench.evaluateTwoProceduresAndExtension().statutory().remainingWorkingDays();
        }
        return sink;
    }
}
