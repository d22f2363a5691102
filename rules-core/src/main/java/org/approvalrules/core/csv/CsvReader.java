package org.approvalrules.core.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.approvalrules.api.DataFormatException;

/**
 * The project's one CSV reader, on Apache Commons CSV: RFC 4180 (fields quoted with {@code "}, {@code ""} inside
 * quotes, commas and line breaks inside quotes), CRLF, LF or CR line ends, records streamed one at a time.
 *
 * <p><b>Encoding.</b> A file is UTF-8 (with or without a byte-order mark) when its first {@value #PROBE_BYTES}
 * bytes decode as strict UTF-8 (a multi-byte character cut by the end of the probe counts as valid); otherwise it
 * is GB18030 (what Excel and most Windows exports of government systems write on a Chinese system; GB18030 is a
 * superset of GBK and GB2312), decoded strictly as well. A file whose probe is neither is refused as a whole; a
 * byte that is not valid in the chosen encoding later in the file is an error naming its line.
 *
 * <p><b>Lines.</b> Every record carries the physical line where it starts (1-based; a quoted line break moves the
 * next record's line on). Blank lines are skipped; with {@link Syntax#HASH_COMMENTS} so are lines starting with
 * {@code #}. Every error is a {@link DataFormatException} with file, line and column; a record longer than
 * {@value #MAX_RECORD_CHARS} characters (e.g. a quote that is never closed) is refused without reading the rest
 * into memory. Quoting errors end the read: what follows them cannot be split reliably.
 */
public final class CsvReader implements Closeable {

    /** Bytes looked at to choose the encoding. */
    public static final int PROBE_BYTES = 64 * 1024;
    /** The longest record accepted, in characters. */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final CSVFormat FORMAT_COMMENTS = FORMAT.builder().setCommentMarker('#').get();

    /** Whether lines starting with {@code #} are comments. */
    public enum Syntax { PLAIN, HASH_COMMENTS }

    private final String file;
    private final Charset charset;
    private final Counting counting;
    private final CSVParser parser;
    private long linesBefore;

    private CsvReader(Reader in, String file, Charset charset, Syntax syntax) {
        this.file = file;
        this.charset = charset;
        this.counting = new Counting(in);
        try {
            this.parser = CSVParser.builder().setReader(counting)
                    .setFormat(syntax == Syntax.HASH_COMMENTS ? FORMAT_COMMENTS : FORMAT).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens {@code file} (shown as {@code shown} in errors), choosing its encoding as the class comment says. */
    public static CsvReader open(Path file, String shown, Syntax syntax) {
        InputStream in = open(file, shown);
        try {
            return of(in, shown, syntax);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** Reads {@code bytes} (named {@code file} in errors), choosing the encoding as the class comment says. */
    public static CsvReader of(byte[] bytes, String file, Syntax syntax) {
        return of(new ByteArrayInputStream(bytes), file, syntax);
    }

    /** Reads a stream (closed with this reader), choosing the encoding as the class comment says. */
    public static CsvReader of(InputStream stream, String file, Syntax syntax) {
        BufferedInputStream in = new BufferedInputStream(stream, PROBE_BYTES + 8);
        byte[] probe;
        try {
            in.mark(PROBE_BYTES + 1);
            probe = in.readNBytes(PROBE_BYTES);
            in.reset();
        } catch (IOException e) {
            throw new DataFormatException(file, 0, null, null, "无法读取 / cannot read: " + e.getMessage(), e);
        }
        Charset cs = encoding(probe, probe.length < PROBE_BYTES);
        if (cs == null) {
            throw new DataFormatException(file, 0, "encoding", null,
                    "文件既不是 UTF-8 也不是 GB18030 编码 / the file is neither UTF-8 nor GB18030");
        }
        int skip = cs == StandardCharsets.UTF_8 && probe.length >= 3 && (probe[0] & 0xFF) == 0xEF
                && (probe[1] & 0xFF) == 0xBB && (probe[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            in.skipNBytes(skip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new CsvReader(new InputStreamReader(in, d), file, cs, syntax);
    }

    /** Reads characters already decoded (named {@code file} in errors); a leading byte-order mark is skipped. */
    public static CsvReader of(Reader in, String file, Syntax syntax) {
        return new CsvReader(new BomSkipping(in), file, StandardCharsets.UTF_16, syntax);
    }

    /** The bytes of {@code file}; a missing file, a directory or a refused one is a one-line error naming {@code shown}. */
    private static InputStream open(Path file, String shown) {
        try {
            if (Files.isDirectory(file)) {
                throw new DataFormatException(shown, 0, null, null, "是目录而不是文件 / is a directory, not a file");
            }
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(shown, 0, null, null, "文件不存在 / file not found");
        } catch (AccessDeniedException e) {
            throw new DataFormatException(shown, 0, null, null, "无权读取 / permission denied");
        } catch (IOException e) {
            throw new DataFormatException(shown, 0, null, null, "无法读取 / cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The whole text of a file that is not a table (a notice), decoded as a CSV file is: UTF-8 with or without a
     * byte-order mark, else GB18030 when that decodes strictly.
     *
     * @param shown the file's name in errors
     * @throws DataFormatException naming {@code shown} when the file cannot be read or is in neither encoding
     */
    public static String readText(Path file, String shown) {
        byte[] bytes;
        try (InputStream in = open(file, shown)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new DataFormatException(shown, 0, null, null, "无法读取 / cannot read: " + e.getMessage(), e);
        }
        Charset cs = encoding(bytes, true);
        if (cs == null) {
            throw new DataFormatException(shown, 0, "encoding", null,
                    "文件既不是 UTF-8 也不是 GB18030 编码 / the file is neither UTF-8 nor GB18030");
        }
        String text = new String(bytes, cs);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The encoding of a file starting with {@code probe}: UTF-8 when it decodes strictly ({@code whole}: the probe
     * is the whole file, so a cut character at its end is an error), else GB18030 when that decodes strictly,
     * else null.
     */
    static Charset encoding(byte[] probe, boolean whole) {
        if (decodes(StandardCharsets.UTF_8, probe, whole)) {
            return StandardCharsets.UTF_8;
        }
        return decodes(GB18030, probe, whole) ? GB18030 : null;
    }

    private static boolean decodes(Charset cs, byte[] bytes, boolean whole) {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult r = d.decode(in, out, whole);
            if (r.isError()) {
                return false;
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            break; // underflow: all consumed, or a character cut by the end of the probe
        }
        if (whole) {
            return !d.flush(out).isError() && !in.hasRemaining();
        }
        return true;
    }

    /** The file name shown in errors. */
    public String file() {
        return file;
    }

    /** The encoding chosen for a byte source (UTF-16 stands for text handed over already decoded). */
    public Charset charset() {
        return charset;
    }

    /**
     * The next record that is not blank (nor a comment), or null at the end of the input.
     *
     * @throws DataFormatException on a quoting error, an over-long record or a byte invalid in the encoding
     */
    public CsvRow next() {
        while (true) {
            long start = linesBefore + 1;
            CSVRecord r;
            try {
                counting.startRecord(start);
                r = parser.iterator().hasNext() ? parser.iterator().next() : null;
            } catch (UncheckedIOException e) {
                throw failure(start, e.getCause());
            } catch (IllegalStateException e) {
                throw failure(start, e.getCause() instanceof IOException io ? io : new IOException(e.getMessage()));
            }
            if (r == null) {
                return null;
            }
            if (r.hasComment()) {
                start += r.getComment().split("\n", -1).length;
            }
            linesBefore = parser.getCurrentLineNumber();
            if (r.size() == 1 && r.get(0).isEmpty() || r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            List<String> values = new ArrayList<>(r.size());
            r.forEach(values::add);
            return new CsvRow(file, (int) Math.min(Integer.MAX_VALUE, start), values);
        }
    }

    private DataFormatException tooLong(long start) {
        return new DataFormatException(file, (int) start, null, null, "记录超过 " + MAX_RECORD_CHARS
                + " 个字符（引号未闭合？） / record longer than " + MAX_RECORD_CHARS + " characters (a quote never closed?)");
    }

    private DataFormatException failure(long start, Throwable cause) {
        if (cause instanceof TooLong) {
            return tooLong(start);
        }
        if (cause instanceof CharacterCodingException) {
            long at = Math.max(start, counting.lineOfError());
            return new DataFormatException(file, (int) at, "encoding", null, "第 " + at + " 行附近的字节不是有效的 "
                    + charset.name() + "（文件开头按 " + charset.name() + " 判定） / bytes near line " + at + " are not valid "
                    + charset.name() + " (chosen from the start of the file)", cause);
        }
        String m = cause == null ? "" : String.valueOf(cause.getMessage());
        if (m.contains("EOF reached before encapsulated token finished")) {
            return new DataFormatException(file, (int) start, null, null,
                    "引号未闭合（直到文件末尾） / unterminated quote (a quote opened in this record is never closed)", cause);
        }
        if (m.contains("Invalid character between encapsulated token and delimiter")) {
            return new DataFormatException(file, (int) start, "column " + column(m), null,
                    "引号字段的右引号后还有字符（字段内的引号须写成 \"\"） / characters after the closing quote of a field "
                            + "(a quote inside a field is written \"\")", cause);
        }
        return new DataFormatException(file, (int) start, null, null, "无法读取 / cannot read: " + m, cause);
    }

    /** The character position Commons CSV names in a message ("position: 57"), shown as the column. */
    private static String column(String message) {
        int i = message.lastIndexOf("position: ");
        return i < 0 ? "?" : message.substring(i + "position: ".length()).replaceAll("[^0-9]", "");
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // the open failed already; that error is the one reported
        }
    }

    /** Thrown inside the reader when a record grows past {@link #MAX_RECORD_CHARS}. */
    private static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** A filter whose single-character read goes through its block read. */
    private abstract static class BlockReader extends FilterReader {
        BlockReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0];
        }
    }

    /** Counts characters read since the current record began (bounding it) and line breaks (for decoding errors). */
    private static final class Counting extends BlockReader {
        private long sinceRecord;
        private long lineBreaks;
        private boolean lastCr;

        Counting(Reader in) {
            super(in);
        }

        void startRecord(long line) {
            sinceRecord = 0;
        }

        /** The line being decoded when a decoding error came up (read-ahead makes it approximate, never before it). */
        long lineOfError() {
            return lineBreaks + 1;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                char c = buf[i];
                if (c == '\n' && !lastCr || c == '\r') {
                    lineBreaks++;
                }
                lastCr = c == '\r';
            }
            if (n > 0) {
                sinceRecord += n;
                if (sinceRecord > MAX_RECORD_CHARS + 16_384L) {
                    throw new TooLong();
                }
            }
            return n;
        }
    }

    /** Skips a leading U+FEFF. */
    private static final class BomSkipping extends BlockReader {
        private boolean first = true;

        BomSkipping(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (first && n > 0) {
                first = false;
                if (buf[off] == '\uFEFF') {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    return n == 1 ? read(buf, off, len) : n - 1;
                }
            }
            return n;
        }
    }
}
