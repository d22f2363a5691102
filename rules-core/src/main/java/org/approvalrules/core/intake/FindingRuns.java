package org.approvalrules.core.intake;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.core.rules.FactJudge;

/**
 * Findings judged batch by batch (one batch per partition of an intake scan), each batch sorted on its own
 * ({@link IntakeDetector#order}), then merged into one sorted stream: the same findings in the same order as sorting
 * them all at once (ties keep the order of the batches). Batches are kept in memory while they hold at most
 * {@link #HELD} findings in all; every later batch goes to a temporary file (under {@code java.io.tmpdir}, deleted
 * when merged, on {@link #close} or at exit), so the heap holds at most {@link #HELD} findings plus one batch and
 * one finding per file while merging. Not thread-safe.
 */
public final class FindingRuns implements Closeable {

    /** Findings kept in memory across batches before batches go to files. */
    public static final int HELD = 20_000;
    private static final Comparator<Finding> ORDER = IntakeDetector.ORDER;

    private final int held;
    private final List<List<Finding>> inMemory = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    /** Batch number of each run, in memory first then files: ties between runs keep the batches' order. */
    private final List<Integer> memoryBatch = new ArrayList<>();
    private final List<Integer> fileBatch = new ArrayList<>();
    private int batches;
    private int heldNow;
    private long total;

    /** Runs holding up to {@link #HELD} findings in memory. */
    public FindingRuns() {
        this(HELD);
    }

    /** Runs holding up to {@code held} findings in memory (0: every batch to a file; for tests). */
    FindingRuns(int held) {
        this.held = held;
    }

    /**
     * Judges the batches {@code session} hands over ({@link IntakeDetector.Session#finish(Consumer)}) with
     * {@code judge} on a second thread while the session makes the next batch (at most {@value #IN_FLIGHT} batches
     * waiting), sorts each there and adds them in the order made: the same runs as judging them one after the other.
     * A scan of fewer than {@value #PARALLEL_FROM} records is judged on the calling thread.
     */
    public void judge(IntakeDetector.Session session, FactJudge judge) {
        if (session.records() < PARALLEL_FROM) { // a small scan (an embedder's, a stream's group): no thread to start
            session.finish(batch -> add(judge.judge(batch)));
            return;
        }
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "intake-judge");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<List<Finding>>> pending = new ArrayDeque<>();
        try {
            session.finish(batch -> {
                pending.add(worker.submit(() -> IntakeDetector.order(judge.judge(batch))));
                while (pending.size() > IN_FLIGHT) {
                    addSorted(next(pending));
                }
            });
            while (!pending.isEmpty()) {
                addSorted(next(pending));
            }
        } finally {
            pending.forEach(f -> f.cancel(true));
            worker.shutdownNow();
        }
    }

    /** Records from which a scan's batches are judged on a second thread. */
    static final long PARALLEL_FROM = 50_000;

    /** Batches judged ahead of the one being added. */
    private static final int IN_FLIGHT = 2;

    private static List<Finding> next(ArrayDeque<Future<List<Finding>>> pending) {
        try {
            return pending.poll().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging intake facts", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Adds one batch of findings (any order: sorted here). */
    public void add(List<Finding> batch) {
        addSorted(IntakeDetector.order(batch));
    }

    private void addSorted(List<Finding> sorted) {
        batches++;
        int n = batches - 1;
        if (sorted.isEmpty()) {
            return;
        }
        total += sorted.size();
        if (heldNow + sorted.size() <= held) {
            inMemory.add(sorted);
            memoryBatch.add(n);
            heldNow += sorted.size();
            return;
        }
        try {
            Path f = Files.createTempFile("approval-rules-findings-", ".bin");
            f.toFile().deleteOnExit();
            files.add(f);
            fileBatch.add(n);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f), 1 << 16))) {
                for (Finding x : sorted) {
                    write(out, x);
                }
            }
        } catch (IOException e) {
            throw cannot(e);
        }
    }

    /** Findings added so far. */
    public long total() {
        return total;
    }

    /** Hands every finding to {@code sink}, in order; the runs are empty afterwards. */
    public void merge(Consumer<Finding> sink) {
        record Head(Finding finding, int batch, Iterator<Finding> rest) {
        }
        PriorityQueue<Head> queue = new PriorityQueue<>(Comparator.comparing(Head::finding, ORDER)
                .thenComparingInt(Head::batch));
        List<DataInputStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < inMemory.size(); i++) {
                Iterator<Finding> it = inMemory.get(i).iterator();
                queue.add(new Head(it.next(), memoryBatch.get(i), it));
            }
            for (int i = 0; i < files.size(); i++) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(files.get(i)), 1 << 14));
                open.add(in);
                Iterator<Finding> it = reader(in);
                queue.add(new Head(it.next(), fileBatch.get(i), it));
            }
            inMemory.clear();
            while (!queue.isEmpty()) {
                Head h = queue.poll();
                sink.accept(h.finding());
                if (h.rest().hasNext()) {
                    queue.add(new Head(h.rest().next(), h.batch(), h.rest()));
                }
            }
        } catch (IOException e) {
            throw cannot(e);
        } finally {
            for (DataInputStream in : open) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read to the end already, or failing for another reason reported above
                }
            }
            close();
        }
    }

    /** Deletes the files left. */
    @Override
    public void close() {
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException ignored) {
                // deleted at exit
            }
        }
        files.clear();
        inMemory.clear();
    }

    private static Iterator<Finding> reader(DataInputStream in) {
        return new Iterator<>() {
            private Finding next = read(in);

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Finding next() {
                Finding f = next;
                next = read(in);
                return f;
            }
        };
    }

    static void write(DataOutputStream out, Finding f) throws IOException {
        string(out, f.ruleId());
        out.writeByte(f.severity().ordinal());
        string(out, f.subject());
        string(out, f.message().zh());
        string(out, f.message().en());
        string(out, f.legalReference());
        string(out, f.layer());
        string(out, f.ruleSetVersion());
        string(out, f.calendarVersion());
        map(out, f.parameters());
        map(out, f.evidence());
    }

    static Finding read(DataInputStream in) {
        try {
            String ruleId;
            try {
                ruleId = string(in);
            } catch (EOFException end) {
                return null;
            }
            Severity severity = Severity.values()[in.readByte()];
            return new Finding(ruleId, severity, string(in), BilingualText.of(string(in), string(in)), string(in),
                    string(in), string(in), string(in), map(in), map(in));
        } catch (IOException e) {
            throw cannot(e);
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static void map(DataOutputStream out, Map<String, String> m) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            string(out, e.getKey());
            string(out, e.getValue());
        }
    }

    private static Map<String, String> map(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            m.put(string(in), string(in));
        }
        return Finding.sortedMap(m);
    }

    private static DataFormatException cannot(IOException e) {
        return new DataFormatException(System.getProperty("java.io.tmpdir"), 0, null, null,
                "无法读写临时问题文件 / cannot read or write the temporary findings files: " + e.getMessage(), e);
    }
}
