package org.approvalrules.core.intake;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.intake.IntakeRecord;

/**
 * The records of a scan, partitioned by a hash of (applicant, item) so that every record of one (applicant, item) is
 * in one partition, as compact binary records (case number, item, applicant type and number, channel and name,
 * acceptance time, the detector's packed entry). Partitions stay in memory while they total at most
 * {@link #MEMORY_BYTES}; beyond that all go to temporary files (one per partition, under {@code java.io.tmpdir},
 * deleted when read back or at exit), so the detector's memory at {@link #drain} is one partition's records, not the
 * log's. Not thread-safe.
 */
final class IntakeSpill {

    /** Partitions: a power of two. */
    static final int PARTITIONS = 64;
    /** Bytes kept in memory before the partitions go to files. */
    static final long MEMORY_BYTES = 48L << 20;

    private final ByteArrayOutputStream[] memory = new ByteArrayOutputStream[PARTITIONS];
    private final DataOutputStream[] out = new DataOutputStream[PARTITIONS];
    private Path[] files;
    private final long memoryBytes;
    private long bytes;
    private long records;

    IntakeSpill() {
        this(MEMORY_BYTES);
    }

    /** Partitions that go to files beyond {@code memoryBytes} (0: from the first record; for tests). */
    IntakeSpill(long memoryBytes) {
        this.memoryBytes = memoryBytes;
        for (int i = 0; i < PARTITIONS; i++) {
            memory[i] = new ByteArrayOutputStream(256);
            out[i] = new DataOutputStream(memory[i]);
        }
    }

    /** Partition of an (applicant, item). */
    static int partition(String applicant, String item) {
        int h = applicant.hashCode() * 31 + item.hashCode();
        h ^= h >>> 16;
        return h & (PARTITIONS - 1);
    }

    /** Records written so far. */
    long records() {
        return records;
    }

    /** Whether the partitions went to files. */
    boolean spilled() {
        return files != null;
    }

    void write(IntakeRecord r, long entry) {
        int p = partition(r.applicant().value(), r.itemCode());
        DataOutputStream o = out[p];
        try {
            int before = o.size();
            o.writeUTF(r.caseNumber());
            o.writeUTF(r.itemCode());
            o.writeByte(r.applicant().type().ordinal());
            o.writeUTF(r.applicant().value());
            o.writeByte(r.channel().ordinal());
            o.writeUTF(r.channelName().orElse(""));
            o.writeLong(r.acceptedAt().toEpochSecond(ZoneOffset.UTC));
            o.writeInt(r.acceptedAt().getNano());
            o.writeLong(entry);
            bytes += o.size() - before;
            records++;
            if (files == null && bytes > memoryBytes) {
                toFiles();
            }
        } catch (IOException e) {
            throw cannot(e);
        }
    }

    private void toFiles() throws IOException {
        files = new Path[PARTITIONS];
        for (int i = 0; i < PARTITIONS; i++) {
            files[i] = Files.createTempFile("approval-rules-intake-" + i + "-", ".bin");
            files[i].toFile().deleteOnExit();
            OutputStream f = new BufferedOutputStream(Files.newOutputStream(files[i]), 1 << 15);
            memory[i].writeTo(f);
            memory[i] = null;
            out[i] = new DataOutputStream(f);
        }
    }

    /** Reads the partitions back one at a time, handing each one's records and entries to {@code sink}. */
    void drain(PartitionSink sink) {
        for (int i = 0; i < PARTITIONS; i++) {
            List<IntakeRecord> rs = new ArrayList<>();
            long[] entries = new long[64];
            int n = 0;
            try {
                out[i].close();
                InputStream raw = files == null ? new ByteArrayInputStream(memory[i].toByteArray())
                        : new BufferedInputStream(Files.newInputStream(files[i]), 1 << 16);
                memory[i] = null;
                try (DataInputStream in = new DataInputStream(raw)) {
                    while (true) {
                        String caseNumber;
                        try {
                            caseNumber = in.readUTF();
                        } catch (EOFException end) {
                            break;
                        }
                        String item = in.readUTF();
                        ApplicantId.Type type = ApplicantId.Type.values()[in.readByte()];
                        ApplicantId applicant = ApplicantId.of(type, in.readUTF());
                        AcceptanceChannel channel = AcceptanceChannel.values()[in.readByte()];
                        String name = in.readUTF();
                        LocalDateTime at = LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC);
                        if (n == entries.length) {
                            entries = java.util.Arrays.copyOf(entries, n * 2);
                        }
                        entries[n++] = in.readLong();
                        rs.add(new IntakeRecord(caseNumber, item, applicant, channel,
                                name.isEmpty() ? Optional.empty() : Optional.of(name), at));
                    }
                }
                if (files != null) {
                    Files.deleteIfExists(files[i]);
                }
            } catch (IOException e) {
                throw cannot(e);
            }
            sink.accept(rs, entries);
        }
    }

    /** Receives one partition. */
    interface PartitionSink {
        void accept(List<IntakeRecord> records, long[] entries);
    }

    private static DataFormatException cannot(IOException e) {
        return new DataFormatException(System.getProperty("java.io.tmpdir"), 0, null, null,
                "无法读写临时分区文件 / cannot read or write the temporary partition files: " + e.getMessage(), e);
    }
}
