package org.approvalrules.core.intake;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.approvalrules.api.DataFormatException;

/**
 * The records of a scan, partitioned by a hash of (applicant, item) so that every record of one (applicant, item) is
 * in one partition, as compact binary records. A record is {@code [body length][hash of (applicant, item): 4 bytes]
 * [body]}, its body the case number (UTF-8), the item's number in the session's table of item codes, the applicant's
 * type and number, the channel, the channel name's number in the session's table (0: none), the acceptance time
 * (local seconds and nanoseconds) and the detector's packed entry: about 50 bytes for a typical log line. Partitions
 * stay in memory while they total at most {@link #MEMORY_BYTES}; beyond that all go to temporary files (one per
 * partition, under {@code java.io.tmpdir}, deleted when read back or at exit).
 *
 * <p>{@link #drain} reads one partition at a time into a {@link Part}; {@link #partitions} hands the partitions
 * out to be read on several threads at once. A partition file larger than its budget
 * ({@link #PARTITION_BYTES} by default) is first split again by another hash of the same (applicant, item) into
 * enough sub-partitions to fit the budget (a second level, and so on up to {@value #MAX_LEVEL} levels), so the heap
 * holds at most one budget's worth of records whatever the size of the log — except the records of one single
 * (applicant, item), which cannot be split. Not thread-safe, except that the partitions {@link #partitions} hands
 * out may each be read on a thread of its own.
 */
final class IntakeSpill {

    /**
     * Partitions of the first level: a power of two. 256 keep a partition of a 10-million-record log near 2 MB
     * (about 40,000 records).
     */
    static final int PARTITIONS = 256;
    /** Bytes kept in memory before the partitions go to files. */
    static final long MEMORY_BYTES = 48L << 20;
    /**
     * The largest partition file read at once; a larger one is split again before it is read. 5 MB is about
     * 100,000 records, whose decoded arrays of strings (4 bytes a reference) stay under 512 KB: half of G1's
     * smallest heap region, above which an array is allocated "humongous", straight in the old generation, where
     * each of its references to a young string is scanned again at every young collection until the strings are
     * promoted (at 24 MB, 10 M records spent over 6 s in such pauses).
     */
    static final long PARTITION_BYTES = 5L << 20;
    /** Levels of splitting at most (a partition still too large then is one (applicant, item), read as it is). */
    static final int MAX_LEVEL = 4;
    private static final int FILE_BUFFER = 1 << 16;

    private final int partitions;
    private final int level;
    private final long memoryBytes;
    private final long partitionBytes;
    private final Out[] out;
    private boolean files;
    private long bytes;
    private long records;
    private byte[] scratch = new byte[256];
    private final byte[] head = new byte[9];

    IntakeSpill() {
        this(MEMORY_BYTES, PARTITION_BYTES);
    }

    /**
     * Partitions that go to files beyond {@code memoryBytes} (0: from the first record) and are split again when a
     * file exceeds {@code partitionBytes} (small values: for tests).
     */
    IntakeSpill(long memoryBytes, long partitionBytes) {
        this(PARTITIONS, 0, memoryBytes, partitionBytes);
    }

    private IntakeSpill(int partitions, int level, long memoryBytes, long partitionBytes) {
        this.partitions = partitions;
        this.level = level;
        this.memoryBytes = memoryBytes;
        this.partitionBytes = Math.max(1, partitionBytes);
        this.out = new Out[partitions];
        for (int i = 0; i < partitions; i++) {
            out[i] = new Out();
        }
    }

    /** The hash of an (applicant, item) that chooses its partition at every level. */
    static int hash(String applicant, String item) {
        return applicant.hashCode() * 31 + item.hashCode();
    }

    /** Partition of {@code hash} among {@code partitions} (a power of two) at {@code level}. */
    static int bucket(int hash, int level, int partitions) {
        int h = hash;
        if (level > 0) { // another mix of the same hash for each further level (MurmurHash3's finaliser, seeded)
            h += level * 0x9E3779B9;
            h ^= h >>> 16;
            h *= 0x85EBCA6B;
            h ^= h >>> 13;
            h *= 0xC2B2AE35;
        }
        h ^= h >>> 16;
        return h & (partitions - 1);
    }

    /** Records written so far. */
    long records() {
        return records;
    }

    /** Whether the partitions went to files. */
    boolean spilled() {
        return files;
    }

    /**
     * Writes one record (see the class comment); {@code item} and {@code name} are numbers in the session's tables,
     * {@code itemCode} the item's code (for the hash).
     */
    void write(String caseNumber, int item, String itemCode, int applicantType, String applicant, int channel, int name,
            long seconds, int nano, long entry) {
        int hash = hash(applicant, itemCode);
        int n = 0;
        n = putString(n, caseNumber);
        n = putVarint(n, item);
        n = room(n, 1);
        scratch[n++] = (byte) applicantType;
        n = putString(n, applicant);
        n = room(n, 2 + 5 + 8 + 5 + 8);
        scratch[n++] = (byte) channel;
        n = putVarint(n, name);
        n = putLong(n, seconds);
        n = putVarint(n, nano);
        n = putLong(n, entry);
        put(bucket(hash, level, partitions), hash, scratch, 0, n);
        records++;
    }

    private void put(int p, int hash, byte[] body, int off, int len) {
        byte[] head = this.head;
        int h = varint(head, 0, len);
        head[h++] = (byte) (hash >>> 24);
        head[h++] = (byte) (hash >>> 16);
        head[h++] = (byte) (hash >>> 8);
        head[h++] = (byte) hash;
        try {
            Out o = out[p];
            o.put(head, 0, h);
            o.put(body, off, len);
            o.records++;
            bytes += h + len;
            if (!files && bytes > memoryBytes) {
                toFiles();
            }
        } catch (IOException e) {
            throw cannot(e);
        }
    }

    private int room(int n, int more) {
        if (n + more > scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, n + more));
        }
        return n;
    }

    private int putVarint(int n, int v) {
        room(n, 5);
        return varint(scratch, n, v);
    }

    private static int varint(byte[] b, int n, int v) {
        while ((v & ~0x7F) != 0) {
            b[n++] = (byte) (v & 0x7F | 0x80);
            v >>>= 7;
        }
        b[n++] = (byte) v;
        return n;
    }

    private int putLong(int n, long v) {
        for (int s = 56; s >= 0; s -= 8) {
            scratch[n++] = (byte) (v >>> s);
        }
        return n;
    }

    /** UTF-8, ASCII without a detour through an encoder. */
    private int putString(int n, String s) {
        int len = s.length();
        boolean ascii = true;
        for (int i = 0; i < len && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            n = putVarint(n, len);
            room(n, len);
            for (int i = 0; i < len; i++) {
                scratch[n++] = (byte) s.charAt(i);
            }
            return n;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        n = putVarint(n, b.length);
        room(n, b.length);
        System.arraycopy(b, 0, scratch, n, b.length);
        return n + b.length;
    }

    private void toFiles() throws IOException {
        files = true;
        for (Out o : out) {
            o.toFile();
        }
    }

    /**
     * Reads the partitions back one at a time (splitting a file over its budget first), handing each one's records
     * to {@code sink}; the partitions are empty afterwards.
     */
    void drain(PartitionSink sink) {
        for (Partition p : partitions()) {
            p.read(sink);
        }
    }

    /**
     * The partitions, in order, each to be read once by {@link Partition#read} — on any thread, and several
     * partitions at once on different threads; this spill holds none of them afterwards.
     */
    List<Partition> partitions() {
        List<Partition> all = new ArrayList<>(partitions);
        for (int i = 0; i < partitions; i++) {
            all.add(new Partition(out[i], level, partitionBytes));
            out[i] = null;
        }
        return all;
    }

    /** One partition of a spill, read once (see {@link #partitions()}). */
    static final class Partition {
        private Out out;
        private final int level;
        private final long partitionBytes;

        private Partition(Out out, int level, long partitionBytes) {
            this.out = out;
            this.level = level;
            this.partitionBytes = partitionBytes;
        }

        /**
         * Hands this partition's records to {@code sink}: one {@link Part}, or — for a file over the budget — the
         * parts of its next-level partitions, in order; deletes its file.
         */
        void read(PartitionSink sink) {
            Out o = out;
            out = null;
            if (o == null) {
                throw new IllegalStateException("partition already read");
            }
            try {
                if (o.file == null) {
                    Part part = Part.decode(o.buf, o.pos, o.records);
                    o.buf = null;
                    sink.accept(part);
                    return;
                }
                o.closeFile();
                if (o.size > partitionBytes && level < MAX_LEVEL) {
                    split(o, level, partitionBytes).drain(sink);
                } else {
                    Part part = Part.decode(Files.readAllBytes(o.path), o.records); // the bytes are garbage once decoded
                    Files.deleteIfExists(o.path);
                    sink.accept(part);
                }
                Files.deleteIfExists(o.path);
            } catch (IOException e) {
                throw cannot(e);
            }
        }
    }

    /** The records of {@code o}'s file in enough partitions of the next level to fit the budget (files from the start). */
    private static IntakeSpill split(Out o, int level, long partitionBytes) throws IOException {
        long wanted = Math.min(1024, 2 * (o.size / partitionBytes + 1));
        int n = Integer.highestOneBit((int) wanted - 1) << 1;
        IntakeSpill next = new IntakeSpill(Math.max(2, n), level + 1, 0, partitionBytes);
        next.files = true;
        for (Out x : next.out) {
            x.toFile();
        }
        byte[] body = new byte[256];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(o.path), FILE_BUFFER))) {
            while (true) {
                int len;
                try {
                    len = readVarint(in);
                } catch (EOFException end) {
                    break;
                }
                int hash = in.readInt();
                if (len > body.length) {
                    body = new byte[Math.max(len, body.length * 2)];
                }
                in.readFully(body, 0, len);
                next.put(bucket(hash, next.level, next.partitions), hash, body, 0, len);
                next.records++;
            }
        }
        Files.deleteIfExists(o.path);
        return next;
    }

    private static int readVarint(InputStream in) throws IOException {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (shift == 0) {
                    throw new EOFException();
                }
                throw new IOException("truncated partition file");
            }
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
    }

    /** Receives one partition. */
    interface PartitionSink {
        void accept(Part part);
    }

    /** One partition's records, decoded into arrays (record i is index i of each). */
    static final class Part {
        final int n;
        final int[] hash;
        final String[] cases;
        final int[] items;
        final byte[] types;
        final String[] applicants;
        final byte[] channels;
        final int[] names;
        final long[] seconds;
        final int[] nanos;
        final long[] entries;

        private Part(int n) {
            this.n = n;
            hash = new int[n];
            cases = new String[n];
            items = new int[n];
            types = new byte[n];
            applicants = new String[n];
            channels = new byte[n];
            names = new int[n];
            seconds = new long[n];
            nanos = new int[n];
            entries = new long[n];
        }

        static Part decode(byte[] b, long records) {
            return decode(b, b.length, records);
        }

        static Part decode(byte[] b, int end, long records) {
            Part p = new Part(Math.toIntExact(records));
            int[] at = {0};
            for (int i = 0; i < p.n; i++) {
                int len = varint(b, at);
                int start = at[0] + 4;
                p.hash[i] = (b[at[0]] & 0xFF) << 24 | (b[at[0] + 1] & 0xFF) << 16 | (b[at[0] + 2] & 0xFF) << 8
                        | b[at[0] + 3] & 0xFF;
                at[0] = start;
                p.cases[i] = string(b, at);
                p.items[i] = varint(b, at);
                p.types[i] = b[at[0]++];
                p.applicants[i] = string(b, at);
                p.channels[i] = b[at[0]++];
                p.names[i] = varint(b, at);
                p.seconds[i] = longAt(b, at);
                p.nanos[i] = varint(b, at);
                p.entries[i] = longAt(b, at);
                if (at[0] != start + len || at[0] > end) {
                    throw new IllegalStateException("corrupt partition record " + i);
                }
            }
            return p;
        }

        private static int varint(byte[] b, int[] at) {
            int v = 0;
            for (int shift = 0; ; shift += 7) {
                int x = b[at[0]++];
                v |= (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
        }

        private static String string(byte[] b, int[] at) {
            int len = varint(b, at);
            String s = new String(b, at[0], len, StandardCharsets.UTF_8);
            at[0] += len;
            return s;
        }

        private static long longAt(byte[] b, int[] at) {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | b[at[0]++] & 0xFF;
            }
            return v;
        }
    }

    /** One partition's bytes: a growing array in memory, or a file behind a fixed buffer. */
    private static final class Out {
        byte[] buf = new byte[256];
        int pos;
        Path path;
        OutputStream file;
        long size;
        long records;

        void put(byte[] b, int off, int len) throws IOException {
            size += len;
            if (file == null) {
                if (pos + len > buf.length) {
                    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + len));
                }
            } else if (pos + len > buf.length) {
                file.write(buf, 0, pos);
                pos = 0;
                if (len > buf.length) {
                    file.write(b, off, len);
                    return;
                }
            }
            System.arraycopy(b, off, buf, pos, len);
            pos += len;
        }

        void toFile() throws IOException {
            path = Files.createTempFile("approval-rules-intake-", ".bin");
            path.toFile().deleteOnExit();
            file = Files.newOutputStream(path);
            file.write(buf, 0, pos);
            buf = new byte[FILE_BUFFER];
            pos = 0;
        }

        void closeFile() throws IOException {
            file.write(buf, 0, pos);
            pos = 0;
            file.close();
        }
    }

    private static DataFormatException cannot(IOException e) {
        return new DataFormatException(System.getProperty("java.io.tmpdir"), 0, null, null,
                "无法读写临时分区文件 / cannot read or write the temporary partition files: " + e.getMessage(), e);
    }
}
