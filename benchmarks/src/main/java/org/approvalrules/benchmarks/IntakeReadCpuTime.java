package org.approvalrules.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.core.intake.IntakeLogReader;
import org.approvalrules.core.records.Rejects;

/**
 * The read phase of {@code approval-rules intake} timed per thread, for a machine that others share: one log
 * ({@code DIR/intake-log.csv}, against {@code DIR/moves.csv}) read by {@link IntakeLogReader#read(Path, IntakeScan,
 * Rejects, Runnable)} into the bundled national pack's intake scan (as the command reads it), the scan not
 * finished. Prints the wall-clock time, the CPU time of the calling thread (parsing the rows, the session's add and
 * spill) and of the lexing thread ({@code intake-read-*}: decoding and CSV lexing, sampled every 20 ms while it
 * lives, so the last few milliseconds may be missing). Run after a build, once per JVM as the command runs:
 * {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar org.approvalrules.benchmarks.IntakeReadCpuTime DIR}.
 */
public final class IntakeReadCpuTime {
    private IntakeReadCpuTime() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: IntakeReadCpuTime DIR (with intake-log.csv and moves.csv)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        IntakeScan scan = ApprovalRules.builder().build().locality(DivisionCode.NATIONAL)
                .scanIntake(IntakeLogReader.readMoves(dir.resolve("moves.csv")));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<Long, Long> lexing = new ConcurrentHashMap<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread watch = new Thread(() -> {
            while (!done.get()) {
                for (ThreadInfo t : mx.dumpAllThreads(false, false)) {
                    if (t.getThreadName().startsWith("intake-read-")) {
                        long cpu = mx.getThreadCpuTime(t.getThreadId());
                        if (cpu > 0) {
                            lexing.put(t.getThreadId(), cpu);
                        }
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "watch");
        watch.setDaemon(true);
        watch.start();
        long[] rejected = new long[1];
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long n = IntakeLogReader.read(dir.resolve("intake-log.csv"), scan, Rejects.continuing(r -> rejected[0]++), () -> { });
        long wall = System.nanoTime() - wall0;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        done.set(true);
        watch.join();
        long lex = lexing.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("records %d, rejected %d: wall %.2f s, main thread %.2f CPU s, lexing thread %.2f CPU s%n", n,
                rejected[0], wall / 1e9, cpu / 1e9, lex / 1e9);
    }
}
