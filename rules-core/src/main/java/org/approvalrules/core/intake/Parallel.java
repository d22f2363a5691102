package org.approvalrules.core.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Tasks {@code 0..n-1} run on a few threads of their own, each thread taking the next task when it is done with one
 * (so the tasks start in order but may end in any order). The first error of a task stops every thread from taking
 * another task and is thrown on the calling thread once all have stopped.
 */
final class Parallel {

    private Parallel() {
    }

    /**
     * Runs tasks {@code 0..n-1} on {@code threads} daemon threads named {@code name-1}, {@code name-2}, …; each
     * thread first asks {@code workers} for its own task runner (e.g. holding that thread's counters), then runs
     * tasks with it. Returns when every task ran.
     */
    static void run(int threads, String name, int n, Supplier<IntConsumer> workers) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> started = new ArrayList<>(threads);
        for (int t = 0; t < Math.min(threads, Math.max(1, n)); t++) {
            Thread thread = new Thread(() -> {
                try {
                    IntConsumer worker = workers.get();
                    for (int i = next.getAndIncrement(); i < n && failed.get() == null; i = next.getAndIncrement()) {
                        worker.accept(i);
                    }
                } catch (RuntimeException | Error e) {
                    failed.compareAndSet(null, e);
                }
            }, name + "-" + (t + 1));
            thread.setDaemon(true);
            started.add(thread);
            thread.start();
        }
        try {
            for (Thread thread : started) {
                thread.join();
            }
        } catch (InterruptedException e) {
            failed.compareAndSet(null, e);
            started.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
        }
        Throwable e = failed.get();
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
        if (e != null) {
            throw new IllegalStateException("interrupted while finishing an intake scan", e);
        }
    }
}
