package org.approvalrules.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.approvalrules.core.rules.DeadlineFacts;
import org.approvalrules.core.rules.DeadlinePolicies;
import org.approvalrules.core.rules.EntryPointAccess;
import org.approvalrules.core.rules.LocalitySnapshot;

/**
 * The batch of {@link ApprovalRulesBenchmark} timed by the evaluating thread's CPU time and its allocated
 * bytes, whole path and per phase, for a machine that others share (wall clock there says more about the
 * load than about the code). Phases: {@code engine} (deadline engine over the inputs, policies and
 * calendars prepared), {@code facts} ({@link DeadlineFacts} from inputs and results), {@code rules} (the
 * locality's compiled rules over the facts); the whole path minus the three is the batch's own
 * bookkeeping (checks, policy lookup, grouping findings into {@code CaseEvaluation}s). Prints the median
 * over the runs of cases per wall-clock second, per CPU second of the Java threads (the evaluating thread
 * and the fork-join workers that take parts of a large batch), per process-CPU second (those + GC + JIT),
 * and the bytes the Java threads allocated per case. A thread that ends during a run drops out of the
 * sums (the common pool's workers live 60 s after their last task, so they stay during the runs). Run after a build:
 * {@code java -cp benchmarks/target/benchmarks.jar org.approvalrules.benchmarks.ApprovalRulesCpuTime [runs] [packs] [parallelism] [phase...]}
 * ({@code packs} "" for the bundled national pack; {@code parallelism} 2: whole path and whole stream on the caller's
 * thread and a pool of one thread). {@code whole stream} is the streaming form (each evaluation handed to a consumer); {@code phase...}: the phases to run, one
 * argument each (default all), e.g. {@code "whole stream"} under a profiler.
 */
public final class ApprovalRulesCpuTime {
    private ApprovalRulesCpuTime() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        String packs = args.length > 1 ? args[1] : "";
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        // e.g. "whole stream" alone, for a profiler's recording of one phase
        only = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        ApprovalRules.Builder b = ApprovalRules.builder();
        if (!packs.isEmpty()) {
            b.packs(Path.of(packs));
        }
        java.util.concurrent.ExecutorService pool = parallelism > 1
                ? java.util.concurrent.Executors.newFixedThreadPool(parallelism - 1) : null;
        if (pool != null) {
            b.parallelism(parallelism, pool);
        }
        try (ApprovalRules rules = b.build()) {
            List<DeadlineInput> cases = ApprovalRulesBenchmark.cases();
            LocalitySnapshot snap = EntryPointAccess.snapshot(rules, ApprovalRulesBenchmark.COUNTY);
            var params = snap.parameters();
            List<DeadlinePolicy> policies = new ArrayList<>(cases.size());
            List<WorkingCalendar> calendars = new ArrayList<>(cases.size());
            for (DeadlineInput in : cases) {
                LocalDate d = in.accepted().toLocalDate();
                policies.add(DeadlinePolicies.policy(params, d));
                calendars.add(DeadlinePolicies.calendar(snap.calendar(), params, d));
            }
            List<DeadlineResult> results = new ArrayList<>(cases.size());
            List<CaseFacts> facts = new ArrayList<>(cases.size());
            for (int i = 0; i < cases.size(); i++) {
                results.add(DeadlineEngine.INSTANCE.evaluate(cases.get(i), calendars.get(i), policies.get(i),
                        ApprovalRulesBenchmark.AS_OF));
                facts.add(DeadlineFacts.of(cases.get(i), results.get(i), calendars.get(i), ApprovalRulesBenchmark.COUNTY));
            }
            System.out.printf("%s, parallelism %d: %d cases, %d findings per batch, %d runs (after %d warm-up runs)%n",
                    packs.isEmpty() ? "national" : packs, parallelism, cases.size(),
                    snap.evaluate(facts, ApprovalRulesBenchmark.AS_OF).size(), runs, runs);
            System.out.printf("%-12s %14s %14s %14s %10s%n", "phase", "M/s wall", "M/s threads", "M/s process", "B/case");
            report("whole path", () -> rules.evaluate(ApprovalRulesBenchmark.COUNTY, cases, ApprovalRulesBenchmark.AS_OF)
                    .size(), runs, cases.size());
            report("whole stream", () -> {
                int[] n = {0};
                rules.evaluate(ApprovalRulesBenchmark.COUNTY, cases, ApprovalRulesBenchmark.AS_OF,
                        e -> n[0] += e.findings().size());
                return n[0];
            }, runs, cases.size());
            report("engine", () -> {
                int n = 0;
                for (int i = 0; i < cases.size(); i++) {
                    n += DeadlineEngine.INSTANCE.evaluate(cases.get(i), calendars.get(i), policies.get(i),
                            ApprovalRulesBenchmark.AS_OF).findings().size();
                }
                return n;
            }, runs, cases.size());
            report("facts", () -> {
                int n = 0;
                for (int i = 0; i < cases.size(); i++) {
                    n += DeadlineFacts.of(cases.get(i), results.get(i), calendars.get(i), ApprovalRulesBenchmark.COUNTY)
                            .proceduresRecordedAfterDue();
                }
                return n;
            }, runs, cases.size());
            report("rules", () -> snap.evaluate(facts, ApprovalRulesBenchmark.AS_OF).size(), runs, cases.size());
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    /**
     * CPU time and allocated bytes summed over the JVM's Java threads: the evaluating thread and the
     * fork-join workers that evaluate parts of a large batch (GC and JIT threads are not Java threads).
     */
    private static long[] javaThreads(com.sun.management.ThreadMXBean threads) {
        long[] ids = threads.getAllThreadIds();
        long cpu = 0;
        long bytes = 0;
        long[] c = threads.getThreadCpuTime(ids);
        long[] b = threads.getThreadAllocatedBytes(ids);
        for (int i = 0; i < ids.length; i++) {
            cpu += Math.max(0, c[i]);
            bytes += Math.max(0, b[i]);
        }
        return new long[] {cpu, bytes};
    }

    private static List<String> only = List.of();

    private static void report(String name, IntSupplier work, int runs, int cases) {
        if (!only.isEmpty() && !only.contains(name)) {
            return;
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long sink = 0;
        for (int i = 0; i < runs; i++) {
            sink += work.getAsInt();
        }
        double[][] perRun = new double[4][runs];
        for (int i = 0; i < runs; i++) {
            long wall = System.nanoTime();
            long[] before = javaThreads(threads);
            long process = os.getProcessCpuTime();
            sink += work.getAsInt();
            perRun[0][i] = cases / ((System.nanoTime() - wall) / 1e3);
            long[] after = javaThreads(threads);
            perRun[1][i] = cases / ((after[0] - before[0]) / 1e3);
            perRun[2][i] = cases / ((os.getProcessCpuTime() - process) / 1e3);
            perRun[3][i] = (after[1] - before[1]) / (double) cases;
        }
        for (double[] r : perRun) {
            Arrays.sort(r);
        }
        System.out.printf("%-12s %14.2f %14.2f %14.2f %10.0f%s%n", name, perRun[0][runs / 2], perRun[1][runs / 2],
                perRun[2][runs / 2], perRun[3][runs / 2], sink == 42 ? " " : "");
    }
}
