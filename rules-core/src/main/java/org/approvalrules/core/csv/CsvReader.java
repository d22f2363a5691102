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
import java.util.Iterator;
import java.util.List;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.approvalrules.api.DataFormatException;

/**
 * The project's one CSV reader: RFC 4180 (fields quoted with {@code "}, {@code ""} inside quotes, commas and line
 * breaks inside quotes), CRLF, LF or CR line ends, records streamed one at a time.
 *
 * <p><b>Two parsers, one behaviour.</b> Apache Commons CSV defines what is read: every record, line and error below
 * is what it gives. A file or byte array (a source that can be read again) is lexed by FastCSV instead, which makes
 * each field straight from its character buffer and is about twice as fast; whenever FastCSV could read differently
 * from Commons CSV — a lone CR (FastCSV 4.0.0 then merges or drops records), a quote still open at the end, any
 * parse error (FastCSV refuses the spaces after a closing quote that Commons CSV skips), an invalid byte or a record
 * near {@value #MAX_RECORD_CHARS} characters — the source is read again from its start by Commons CSV, the rows
 * already given skipped, and Commons CSV reads the rest and names the error. A stream read once ({@link
 * #of(InputStream, String, Syntax)}, {@link #of(Reader, String, Syntax)}) is read by Commons CSV alone.
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
    private final Syntax syntax;
    /** The characters again from the start, for the Commons CSV fallback; null once Commons CSV reads. */
    private ReaderSource again;
    private Counting counting;
    private CSVParser parser;
    private long linesBefore;
    /** FastCSV's reading (null when Commons CSV reads): its input, records and the record read ahead. */
    private FastInput fastInput;
    private de.siegmar.fastcsv.reader.CsvReader<CsvRecord> fast;
    private Iterator<CsvRecord> records;
    private CsvRecord ahead;
    /** The start line of the last row given out: Commons CSV, reading again, skips the rows up to it. */
    private long given;
    private boolean ended;

    /** Opens the characters of a source from its start (the byte-order mark skipped). */
    private interface ReaderSource {
        Reader open();
    }

    private CsvReader(Reader in, String file, Charset charset, Syntax syntax) {
        this.file = file;
        this.charset = charset;
        this.syntax = syntax;
        commons(in);
    }

    /** A reader lexing {@code in} with FastCSV, reading {@code again} with Commons CSV where they could differ. */
    private CsvReader(Reader in, ReaderSource again, String file, Charset charset, Syntax syntax) {
        this.file = file;
        this.charset = charset;
        this.syntax = syntax;
        this.again = again;
        this.fastInput = new FastInput(in);
        this.fast = de.siegmar.fastcsv.reader.CsvReader.builder().fieldSeparator(',').quoteCharacter('"')
                .commentStrategy(syntax == Syntax.HASH_COMMENTS ? CommentStrategy.SKIP : CommentStrategy.NONE)
                .commentCharacter('#').skipEmptyLines(true).allowExtraFields(true).allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(false).detectBomHeader(false).ofCsvRecord(fastInput);
        this.records = fast.iterator();
    }

    private void commons(Reader in) {
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
        return again(() -> open(file, shown), shown, syntax);
    }

    /** Reads {@code bytes} (named {@code file} in errors), choosing the encoding as the class comment says. */
    public static CsvReader of(byte[] bytes, String file, Syntax syntax) {
        return again(() -> new ByteArrayInputStream(bytes), file, syntax);
    }

    /** Opens the bytes of a source from its start. */
    private interface ByteSource {
        InputStream open();
    }

    /** A reader of a source that can be read again: FastCSV, with Commons CSV where they could differ. */
    private static CsvReader again(ByteSource bytes, String file, Syntax syntax) {
        InputStream in = bytes.open();
        try {
            Decoded d = decoded(in, file);
            int skip = d.skip();
            ReaderSource again = () -> {
                InputStream s = bytes.open();
                try {
                    s.skipNBytes(skip);
                } catch (IOException e) {
                    closeQuietly(s);
                    throw new DataFormatException(file, 0, null, null, "无法读取 / cannot read: " + e.getMessage(), e);
                }
                return strict(new BufferedInputStream(s, 1 << 16), d.charset());
            };
            return new CsvReader(d.reader(), again, file, d.charset(), syntax);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** Reads a stream (closed with this reader), choosing the encoding as the class comment says. */
    public static CsvReader of(InputStream stream, String file, Syntax syntax) {
        Decoded d = decoded(stream, file);
        return new CsvReader(d.reader(), file, d.charset(), syntax);
    }

    /** A stream's characters, their encoding and the bytes of its byte-order mark. */
    private record Decoded(Reader reader, Charset charset, int skip) {
    }

    /** The characters of {@code stream} in the encoding its start shows (the class comment), after any byte-order mark. */
    private static Decoded decoded(InputStream stream, String file) {
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
        return new Decoded(strict(in, cs), cs, skip);
    }

    /** {@code in} decoded strictly: an invalid byte is an error, never a replacement character. */
    private static Reader strict(InputStream in, Charset cs) {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, d);
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
        if (fast != null) {
            try {
                return nextFast();
            } catch (RuntimeException e) {
                readAgain(); // FastCSV could read differently from here on: Commons CSV decides
            }
        }
        return nextCommons();
    }

    /**
     * The next row FastCSV reads, one record read ahead: the last record of the input is the mark {@link FastInput}
     * appends, so a last record that is not the mark has a quote still open at the end of the input.
     *
     * @throws RuntimeException wherever FastCSV could read differently from Commons CSV
     */
    private CsvRow nextFast() {
        if (ended) {
            return null;
        }
        while (true) {
            CsvRecord r = ahead != null ? ahead : fetch();
            ahead = null;
            CsvRecord after = fetch();
            if (after == null) {
                if (r.getFieldCount() == 1 && r.getField(0).equals(FastInput.MARK)) {
                    ended = true;
                    return null;
                }
                throw new IllegalStateException("a quote still open at the end of the input");
            }
            ahead = after;
            if (r.getFieldCount() == 1 && r.getField(0).isBlank()) {
                continue;
            }
            String[] values = new String[r.getFieldCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.getField(i);
            }
            given = r.getStartingLineNumber();
            return CsvRow.of(file, (int) Math.min(Integer.MAX_VALUE, given), values);
        }
    }

    /** FastCSV's next record, or null at the end of the input. */
    private CsvRecord fetch() {
        fastInput.startRecord();
        return records.hasNext() ? records.next() : null;
    }

    /** Reads the source again from its start with Commons CSV, skipping the rows already given. */
    private void readAgain() {
        closeFast();
        Reader in = again.open();
        again = null;
        commons(in);
        for (CsvRow r = nextCommons(); r != null; r = nextCommons()) {
            if (r.line() > given) {
                pushedBack = r;
                return;
            }
        }
        pushedBack = null;
        ended = true;
    }

    private CsvRow pushedBack;

    private void closeFast() {
        try {
            fast.close();
        } catch (IOException | RuntimeException ignored) {
            // FastCSV's reading is given up; Commons CSV reads the source again
        }
        fast = null;
        records = null;
        ahead = null;
    }

    /** The next row Commons CSV reads. */
    private CsvRow nextCommons() {
        if (pushedBack != null) {
            CsvRow r = pushedBack;
            pushedBack = null;
            return r;
        }
        if (ended) {
            return null;
        }
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
        if (fast != null) {
            closeFast();
            return;
        }
        if (parser == null) {
            return; // the source could not be opened again
        }
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

    /**
     * FastCSV's input: the characters of the source, then {@link #MARK} on a line of its own, so that a quote still
     * open at the end shows (the mark ends up inside its field). Throws where FastCSV could read differently from
     * Commons CSV: at a CR not followed by LF, at an invalid byte (from the decoder), and when a record has read
     * past {@code MAX_RECORD_CHARS - 16 Ki} characters (Commons CSV then decides whether it is too long).
     */
    private static final class FastInput extends Reader {
        static final String MARK = "\u0000";
        private static final char[] TAIL = {'\n', '\u0000', '\n'};

        private final Reader in;
        private long sinceRecord;
        /** A LF read after a CR that ended a block, to give first; -1 when none. */
        private int held = -1;
        private int tail = -1;

        FastInput(Reader in) {
            this.in = in;
        }

        void startRecord() {
            sinceRecord = 0;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (tail >= 0) {
                if (tail == TAIL.length) {
                    return -1;
                }
                int n = Math.min(len, TAIL.length - tail);
                System.arraycopy(TAIL, tail, buf, off, n);
                tail += n;
                return n;
            }
            int n = 0;
            if (held >= 0) {
                buf[off] = (char) held;
                held = -1;
                n = 1;
            }
            int m = n < len ? in.read(buf, off + n, len - n) : 0;
            if (m < 0) {
                if (n > 0) {
                    return n;
                }
                tail = 0;
                return read(buf, off, len);
            }
            n += m;
            int end = off + n;
            for (int i = off; i < end; i++) {
                if (buf[i] == '\r') {
                    int next = i + 1 < end ? buf[i + 1] : in.read();
                    if (next != '\n') {
                        throw new IOException("a CR not followed by LF");
                    }
                    if (i + 1 == end) {
                        held = next;
                    }
                }
            }
            sinceRecord += n;
            if (sinceRecord > MAX_RECORD_CHARS - 16_384L) {
                throw new IOException("a record near the length limit");
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
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
