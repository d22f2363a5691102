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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.core.rules.FactJudge;

/**
 * Findings judged batch by batch (one batch per partition of an intake scan), each batch sorted on its own
 * ({@link IntakeDetector#order}) and turned into the values a caller wants (the findings themselves, or their lines
 * of output, {@code T}), then merged into one stream in the order of the findings: the same values in the same
 * order as sorting all findings at once (ties keep the order of the batches). Batches are kept in memory while they
 * hold at most {@link #HELD} values in all; every later batch goes to a temporary file (under
 * {@code java.io.tmpdir}, deleted when merged, on {@link #close} or at exit), so the heap holds at most
 * {@link #HELD} values plus the batches being judged and one value per file while merging. Batches may be added
 * from several threads at once; {@link #merge} is for one thread, after every batch was added.
 *
 * @param <T> what is kept of each finding
 */
public final class FindingRuns<T> implements Closeable {

    /** Findings kept in memory across batches before batches go to files. */
    public static final int HELD = 20_000;
    /** Records from which a scan's batches are made and judged on several threads. */
    static final long PARALLEL_FROM = 50_000;
    /**
     * Run files merged at once at most; more are first merged in groups of this many, so the files open at once
     * stay well under the usual limit of 1,024 a process (a 10 M log makes 257 runs: no extra pass).
     */
    static final int FAN_IN = 512;
    /** Threads at most that make and judge batches (each holds one partition of records). */
    static final int MAX_THREADS = 4;

    /** How the value kept of a finding is written to a temporary file and read back. */
    public interface Codec<T> {
        /** Writes what {@link #read} needs besides the finding's rule id, subject and Chinese message. */
        void write(DataOutputStream out, T value) throws IOException;

        /** Reads a value {@link #write} wrote, given the finding's rule id, subject and Chinese message. */
        T read(DataInputStream in, String ruleId, String subject, String zh) throws IOException;
    }

    /** The findings themselves. */
    public static final Codec<Finding> FINDINGS = new Codec<>() {
        @Override
        public void write(DataOutputStream out, Finding f) throws IOException {
            out.writeByte(f.severity().ordinal());
            string(out, f.message().en());
            string(out, f.legalReference());
            string(out, f.layer());
            string(out, f.ruleSetVersion());
            string(out, f.calendarVersion());
            map(out, f.parameters());
            map(out, f.evidence());
        }

        @Override
        public Finding read(DataInputStream in, String ruleId, String subject, String zh) throws IOException {
            Severity severity = Severity.values()[in.readByte()];
            return new Finding(ruleId, severity, subject, BilingualText.of(zh, string(in)), string(in), string(in),
                    string(in), string(in), map(in), map(in));
        }
    };

    /** A text made of each finding (e.g. its line of output). */
    public static final Codec<String> TEXT = new Codec<>() {
        @Override
        public void write(DataOutputStream out, String text) throws IOException {
            string(out, text);
        }

        @Override
        public String read(DataInputStream in, String ruleId, String subject, String zh) throws IOException {
            return string(in);
        }
    };

    /** One value with the order of its finding: rule id, subject, Chinese message. */
    private record Entry<T>(String ruleId, String subject, String zh, T value) {
    }

    private static final Comparator<Entry<?>> ENTRY_ORDER = Comparator.<Entry<?>, String>comparing(Entry::ruleId)
            .thenComparing(Entry::subject).thenComparing(Entry::zh);

    /**
     * One sorted run: in memory, or in a file; with its batch number (ties between runs keep the batches' order). A
     * file merged from several runs ({@code batches}) holds each entry's own batch number before it.
     */
    private record Run<T>(long batch, List<Entry<T>> entries, Path file, boolean batches) {
    }

    private final int held;
    private final int fanIn;
    private final Function<? super Finding, ? extends T> prepare;
    private final Codec<T> codec;
    private final List<Run<T>> runs = new ArrayList<>();
    private int heldNow;
    private long total;
    private long batches;

    /** Runs of the findings themselves, holding up to {@link #HELD} in memory. */
    public static FindingRuns<Finding> ofFindings() {
        return new FindingRuns<>(HELD, FAN_IN, f -> f, FINDINGS);
    }

    /**
     * Runs of a text made of each finding by {@code text} (called on the threads that judge, so it must be
     * thread-safe), holding up to {@link #HELD} texts in memory.
     */
    public static FindingRuns<String> ofText(Function<? super Finding, String> text) {
        return new FindingRuns<>(HELD, FAN_IN, text, TEXT);
    }

    /**
     * Runs of the findings holding up to {@code held} in memory (0: every batch to a file) and merging at most
     * {@code fanIn} files at once (for tests).
     */
    static FindingRuns<Finding> ofFindings(int held, int fanIn) {
        return new FindingRuns<>(held, fanIn, f -> f, FINDINGS);
    }

    private FindingRuns(int held, int fanIn, Function<? super Finding, ? extends T> prepare, Codec<T> codec) {
        if (fanIn < 2) {
            throw new IllegalArgumentException("fan-in must be at least 2: " + fanIn);
        }
        this.held = held;
        this.fanIn = fanIn;
        this.prepare = prepare;
        this.codec = codec;
    }

    /**
     * Judges the batches {@code session} makes ({@link IntakeDetector.Session#finish(int, IntakeDetector.BatchSink)})
     * with {@code judge} on up to {@value #MAX_THREADS} threads (as many as there are processors), each thread
     * making a batch, judging it, sorting its findings and preparing their values: the same runs as judging the
     * batches one after the other. A scan of fewer than {@value #PARALLEL_FROM} records is judged on the calling
     * thread.
     */
    public void judge(IntakeDetector.Session session, FactJudge judge) {
        int threads = session.records() < PARALLEL_FROM ? 1
                : Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        session.finish(threads, (order, batch) -> add(order, judge.judge(batch)));
    }

    /** Adds one batch of findings (any order: sorted here) after every batch added so far. */
    public void add(List<Finding> batch) {
        long n;
        synchronized (this) {
            n = batches++;
        }
        add(n, batch);
    }

    /**
     * Adds one batch of findings (any order: sorted here) with its place {@code order} among the batches (ties
     * between batches keep this order). Thread-safe.
     */
    public void add(long order, List<Finding> batch) {
        List<Finding> sorted = IntakeDetector.order(batch);
        if (sorted.isEmpty()) {
            return;
        }
        List<Entry<T>> entries = new ArrayList<>(sorted.size());
        for (Finding f : sorted) {
            entries.add(new Entry<>(f.ruleId(), f.subject(), f.message().zh(), prepare.apply(f)));
        }
        synchronized (this) {
            total += entries.size();
            if (heldNow + entries.size() <= held) {
                heldNow += entries.size();
                runs.add(new Run<>(order, entries, null, false));
                return;
            }
        }
        try {
            Path f = Files.createTempFile("approval-rules-findings-", ".bin");
            f.toFile().deleteOnExit();
            synchronized (this) {
                runs.add(new Run<>(order, null, f, false));
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f), 1 << 16))) {
                for (Entry<T> e : entries) {
                    write(out, e);
                }
            }
        } catch (IOException e) {
            throw cannot(e);
        }
    }

    /** Findings added so far. */
    public synchronized long total() {
        return total;
    }

    private void write(DataOutputStream out, Entry<T> e) throws IOException {
        string(out, e.ruleId());
        string(out, e.subject());
        string(out, e.zh());
        codec.write(out, e.value());
    }

    /** Hands every value to {@code sink}, in the order of the findings; the runs are empty afterwards. */
    public void merge(Consumer<? super T> sink) {
        try {
            List<Run<T>> all;
            synchronized (this) {
                while (runs.stream().filter(r -> r.file() != null).count() > fanIn) {
                    premerge();
                }
                all = List.copyOf(runs);
            }
            merge(all, (batch, entry) -> sink.accept(entry.value()));
        } catch (IOException e) {
            throw cannot(e);
        } finally {
            close();
        }
    }

    /**
     * Merges the run files in groups of {@link #fanIn}, in the order of their batches, each group into one file
     * keeping each entry's batch number: the same order as merging them all at once, with fewer files.
     */
    private void premerge() throws IOException {
        List<Run<T>> files = new ArrayList<>(runs.stream().filter(r -> r.file() != null).toList());
        files.sort(Comparator.comparingLong(Run::batch));
        runs.removeAll(files);
        for (int from = 0; from < files.size(); from += fanIn) {
            List<Run<T>> group = files.subList(from, Math.min(files.size(), from + fanIn));
            Path f = Files.createTempFile("approval-rules-findings-", ".bin");
            f.toFile().deleteOnExit();
            runs.add(new Run<>(group.get(0).batch(), null, f, true));
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(f), 1 << 16))) {
                merge(group, (batch, entry) -> {
                    out.writeLong(batch);
                    write(out, entry);
                });
            }
            for (Run<T> r : group) {
                Files.deleteIfExists(r.file());
            }
        }
    }

    /** Receives the merged entries with the batch each came from. */
    private interface MergeSink<T> {
        void accept(long batch, Entry<T> entry) throws IOException;
    }

    private void merge(List<Run<T>> from, MergeSink<T> sink) throws IOException {
        record Head<T>(Entry<T> entry, long batch, Cursor<T> rest) {
        }
        PriorityQueue<Head<T>> queue = new PriorityQueue<>(Comparator.<Head<T>, Entry<?>>comparing(Head::entry, ENTRY_ORDER)
                .thenComparingLong(Head::batch));
        List<Cursor<T>> open = new ArrayList<>();
        try {
            for (Run<T> r : from) {
                Cursor<T> c = r.file() == null ? new Cursor<>(r.entries(), null, false, r.batch(), codec) : new Cursor<>(
                        null, new DataInputStream(new BufferedInputStream(Files.newInputStream(r.file()), 1 << 14)),
                        r.batches(), r.batch(), codec);
                open.add(c);
                Entry<T> first = c.next();
                if (first != null) {
                    queue.add(new Head<>(first, c.batch(), c));
                }
            }
            while (!queue.isEmpty()) {
                Head<T> h = queue.poll();
                sink.accept(h.batch(), h.entry());
                Entry<T> next = h.rest().next();
                if (next != null) {
                    queue.add(new Head<>(next, h.rest().batch(), h.rest()));
                }
            }
        } finally {
            open.forEach(Cursor::close);
        }
    }

    /** Reads one run: its list, or its file. */
    private static final class Cursor<T> {
        private final List<Entry<T>> entries;
        private final DataInputStream in;
        private final boolean batches;
        private final Codec<T> codec;
        private long batch;
        private int at;

        Cursor(List<Entry<T>> entries, DataInputStream in, boolean batches, long batch, Codec<T> codec) {
            this.entries = entries;
            this.in = in;
            this.batches = batches;
            this.batch = batch;
            this.codec = codec;
        }

        /** The batch of the entry {@link #next} returned last. */
        long batch() {
            return batch;
        }

        /** The next entry, or null at the end. */
        Entry<T> next() {
            if (entries != null) {
                return at < entries.size() ? entries.get(at++) : null;
            }
            try {
                String ruleId;
                try {
                    if (batches) {
                        batch = in.readLong();
                    }
                    ruleId = string(in);
                } catch (EOFException end) {
                    return null;
                }
                String subject = string(in);
                String zh = string(in);
                return new Entry<>(ruleId, subject, zh, codec.read(in, ruleId, subject, zh));
            } catch (IOException e) {
                throw cannot(e);
            }
        }

        void close() {
            if (in != null) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read to the end already, or failing for another reason reported above
                }
            }
        }
    }

    /** Deletes the files left. */
    @Override
    public synchronized void close() {
        for (Run<T> r : runs) {
            if (r.file() != null) {
                try {
                    Files.deleteIfExists(r.file());
                } catch (IOException ignored) {
                    // deleted at exit
                }
            }
        }
        runs.clear();
        heldNow = 0;
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
