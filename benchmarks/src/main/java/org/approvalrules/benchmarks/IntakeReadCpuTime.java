package org.approvalrules.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.core.intake.IntakeDetector;
import org.approvalrules.core.intake.IntakeLogReader;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;
import org.approvalrules.core.records.Rejects;

/**
 * The read phase of {@code approval-rules intake} timed per thread, for a machine that others share: one log
 * ({@code DIR/intake-log.csv}, against {@code DIR/moves.csv}) read by {@link IntakeLogReader#read(Path, IntakeScan,
 * Rejects, Runnable)} into an {@link IntakeDetector.Session} (window 30 days, one branch centre), the session not
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
        LocalDate from = LocalDate.of(2004, 7, 1);
        IntakeDetector detector = new IntakeDetector(new ParameterSet(Map.of(
                IntakeDetector.WINDOW_DAYS, new Parameter(IntakeDetector.WINDOW_DAYS, ParameterType.INT,
                        BilingualText.of("窗口", "window"), List.of(new DatedValue(from, 30, "bench", "-", 1)), "000000"),
                IntakeDetector.BRANCH_CENTRES, new Parameter(IntakeDetector.BRANCH_CENTRES, ParameterType.LIST,
                        BilingualText.of("分中心", "branches"), List.of(new DatedValue(from, List.of("公安分中心"), "bench", "-", 2)),
                        "000000"))));
        IntakeDetector.Session session = detector.session(IntakeLogReader.readMoves(dir.resolve("moves.csv")));
        IntakeScan scan = new IntakeScan() {
            @Override
            public void add(IntakeRecord record) {
                session.add(record);
            }

            @Override
            public void add(String caseNumber, String itemCode, org.approvalrules.api.applicant.ApplicantId applicant,
                    org.approvalrules.api.cases.AcceptanceChannel channel, String channelName, long localSecond, int nano) {
                session.add(caseNumber, itemCode, applicant, channel, channelName, localSecond, nano);
            }

            @Override
            public long records() {
                return 0;
            }

            @Override
            public List<Finding> finish() {
                return List.of();
            }
        };
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
