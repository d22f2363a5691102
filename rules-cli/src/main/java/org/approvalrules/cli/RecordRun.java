package org.approvalrules.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.core.records.Reject;
import org.approvalrules.core.records.Rejects;
import picocli.CommandLine.Option;

/**
 * How a command over a record file (deadline batch, intake log) treats bad lines, shared as a picocli mixin:
 * by default each bad line goes to a reject file ({@code line<TAB>field<TAB>reason}, never the line itself) and
 * the run continues, counts them and exits 3; with {@code --strict} the first bad line stops the run (exit 2).
 * Also reports progress on stderr for runs longer than a few seconds.
 */
public final class RecordRun {

    /** Exit code of a run that rejected lines: it is not complete. */
    public static final int EXIT_REJECTS = 3;
    private static final long PROGRESS_NANOS = 5_000_000_000L;

    @Option(names = "--strict", description = "遇到第一条错误记录即停止（退出码 2） / stop at the first bad line (exit 2)")
    boolean strict;

    @Option(names = "--rejects", paramLabel = "FILE", description = "被拒记录文件（行号、字段、原因；默认 <输入>.rejects） / "
            + "reject file: line, field, reason of each bad line (default <input>.rejects)")
    Path rejectFile;

    /** One run over {@code input}: the rejects to hand to the reader; close it to finish the reject file. */
    public Session start(Path input, PrintWriter err) {
        return new Session(input, err, false);
    }

    /**
     * One run over several files, named after {@code input}: with {@code fileColumn} each reject line starts with
     * its file ({@code file<TAB>line<TAB>field<TAB>reason}).
     */
    public Session start(Path input, PrintWriter err, boolean fileColumn) {
        return new Session(input, err, fileColumn);
    }

    /** The state of one run. */
    public final class Session implements AutoCloseable {
        private final PrintWriter err;
        private final Path target;
        private final Rejects rejects;
        private BufferedWriter writer;
        private final long started = System.nanoTime();
        private long lastProgress = started;
        private long records;
        private final boolean fileColumn;

        private Session(Path input, PrintWriter err, boolean fileColumn) {
            this.err = err;
            this.fileColumn = fileColumn;
            this.target = rejectFile != null ? rejectFile : input.resolveSibling(input.getFileName() + ".rejects");
            this.rejects = strict ? Rejects.strict() : Rejects.continuing(this::write);
            if (!strict) {
                try {
                    Files.deleteIfExists(target); // a reject file left by an earlier run must not be taken for this one's
                } catch (IOException e) {
                    throw cannotWrite(e);
                }
            }
        }

        public Rejects rejects() {
            return rejects;
        }

        /** Counts one record read; every few seconds prints the count and rate on stderr. */
        public void read() {
            records++;
            if ((records & 0x3FF) == 0) {
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_NANOS) {
                    lastProgress = now;
                    double seconds = (now - started) / 1e9;
                    err.printf("进度 / progress: 已读 %,d 条记录 / %,d records read, %,.0f/s, 被拒 / rejected %,d%n", records, records,
                            records / seconds, rejects.count());
                    err.flush();
                }
            }
        }

        private void write(Reject r) {
            try {
                if (writer == null) {
                    writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                    writer.write((fileColumn ? "文件/file\t" : "") + "行/line\t字段/field\t原因/reason\n");
                }
                if (fileColumn) {
                    writer.write(r.file().replace('\t', ' ') + "\t");
                }
                writer.write(r.tsv());
                writer.write('\n');
            } catch (IOException e) {
                throw cannotWrite(e);
            }
        }

        private DataFormatException cannotWrite(IOException e) {
            return new DataFormatException(target.toString(), 0, null, null, "无法写入被拒记录文件 / cannot write the reject file: "
                    + e.getMessage(), e);
        }

        public long rejected() {
            return rejects.count();
        }

        public Path target() {
            return target;
        }

        /**
         * The first line of the summary: complete, or not complete with the number of rejected lines and where
         * they are. Returns the exit code: 0, or {@link #EXIT_REJECTS}.
         */
        public int summary(String zh, String en, long done) {
            String line = incomplete(zh, en, done);
            if (line != null) {
                err.println(line);
                err.flush();
                return EXIT_REJECTS;
            }
            return 0;
        }

        /** The "not complete" line when lines were rejected, else null. */
        public String incomplete(String zh, String en, long done) {
            if (rejected() == 0) {
                return null;
            }
            return "未完成：" + done + " " + zh + "，" + rejected() + " 行被拒，见 " + target + " / INCOMPLETE: " + done + " " + en
                    + ", " + rejected() + " line(s) rejected, see " + target;
        }

        @Override
        public void close() {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    throw cannotWrite(e);
                }
            }
        }
    }
}
