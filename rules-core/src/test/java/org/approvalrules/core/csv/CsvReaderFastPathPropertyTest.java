package org.approvalrules.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.core.csv.CsvReader.Syntax;
import org.junit.jupiter.api.Test;

/**
 * A source that can be read again (a byte array, a file) is lexed by FastCSV, with Commons CSV reading again wherever
 * the two could differ; a stream is read by Commons CSV alone. Both must give the same rows (fields and start lines)
 * and the same error (file, line, field, message) on every input: random text over the characters that matter to
 * CSV (quotes, commas, CR, LF, {@code #}, spaces, tabs, Chinese, invalid bytes), short and long (across FastCSV's
 * buffer), in both syntaxes.
 */
class CsvReaderFastPathPropertyTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    /** What a reader gives: each row as line and fields, then the error if any. */
    private static List<String> outcome(CsvReader reader) {
        List<String> out = new ArrayList<>();
        try (reader) {
            for (CsvRow r = reader.next(); r != null; r = reader.next()) {
                out.add(r.file() + ":" + r.line() + " " + r.values());
            }
        } catch (DataFormatException e) {
            out.add("error " + e.file() + ":" + e.line() + " " + e.field() + " " + e.getMessage());
        }
        return out;
    }

    private static void same(byte[] bytes, Syntax syntax) {
        List<String> fast = outcome(CsvReader.of(bytes, "t.csv", syntax));
        List<String> commons = outcome(CsvReader.of(new ByteArrayInputStream(bytes), "t.csv", syntax));
        assertThat(fast).as("%s %s", syntax, new String(bytes, StandardCharsets.UTF_8).replace("\r", "\\r")
                .replace("\n", "\\n")).isEqualTo(commons);
    }

    private static final String[] PIECES = {"a", "b1", ",", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "\t", "#", "中心",
        "x,y\n", "\"q\",", "\"a\nb\"", "\u0000", "\uFEFF"};

    private static String text(Random r, int pieces) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    @Test
    void shortRandomTextReadsAlikeInBothParsers() {
        Random r = new Random(20261205);
        for (int i = 0; i < 30_000; i++) {
            String t = text(r, r.nextInt(14));
            same(t.getBytes(StandardCharsets.UTF_8), i % 2 == 0 ? Syntax.PLAIN : Syntax.HASH_COMMENTS);
        }
    }

    @Test
    void longTextAcrossBufferBoundariesReadsAlike() {
        Random r = new Random(7);
        for (int i = 0; i < 150; i++) {
            StringBuilder b = new StringBuilder();
            int rows = 200 + r.nextInt(3_000);
            String end = r.nextInt(4) == 0 ? "\n" : "\r\n";
            for (int k = 0; k < rows; k++) {
                b.append("C").append(k).append(",\"中心窗口\",").append(r.nextInt(4) == 0 ? "\"say \"\"hi\"\"" + end + "x\"" : "v")
                        .append(end);
            }
            if (r.nextBoolean()) {
                b.append(text(r, r.nextInt(8))); // a bad or odd end: open quote, lone CR, spaces after a quote …
            }
            same(b.toString().getBytes(StandardCharsets.UTF_8), i % 3 == 0 ? Syntax.HASH_COMMENTS : Syntax.PLAIN);
            same(b.toString().getBytes(GB18030), Syntax.PLAIN);
        }
    }

    @Test
    void theCasesWhereFastCsvAloneWouldDifferReadAsCommonsCsvReadsThem() {
        for (String t : List.of(
                "a\n\"x\ry\"\nb\n", // a lone CR in a quoted field: FastCSV 4.0.0 drops the record
                "a\r\"x\ry\"\nb", // CR line ends
                "a,\"b\"  \nc,d\n", // spaces after a closing quote: Commons CSV skips them
                "a,b\n1,2\n3,\"open\nstill open\n", // a quote never closed
                "h\n\"x\"y,2\n", // characters after a closing quote
                "#c\r\n\r\nh1,h2\n#c2\n1,2", // comments, blank lines, no final line break
                "")) {
            same(t.getBytes(StandardCharsets.UTF_8), Syntax.PLAIN);
            same(t.getBytes(StandardCharsets.UTF_8), Syntax.HASH_COMMENTS);
        }
        assertThat(outcome(CsvReader.of("a\n\"x\ry\"\nb\n".getBytes(StandardCharsets.UTF_8), "t.csv", Syntax.PLAIN)))
                .containsExactly("t.csv:1 [a]", "t.csv:2 [x\ry]", "t.csv:4 [b]");
    }

    @Test
    void invalidBytesAndOverlongRecordsAreNamedAlike() {
        byte[] bad = "a,b\nc,d\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBad = new byte[bad.length + 2];
        System.arraycopy(bad, 0, withBad, 0, bad.length);
        withBad[bad.length] = (byte) 0xC3; // a cut UTF-8 sequence at the very end
        withBad[bad.length + 1] = 'x';
        same(withBad, Syntax.PLAIN);
        StringBuilder big = new StringBuilder("a\n");
        big.append("x".repeat(CsvReader.MAX_RECORD_CHARS - 10_000)).append("\nend\n");
        same(big.toString().getBytes(StandardCharsets.UTF_8), Syntax.PLAIN);
        same(("a\n\"" + "y".repeat(CsvReader.MAX_RECORD_CHARS + 70_000) + "\"\n").getBytes(StandardCharsets.UTF_8),
                Syntax.PLAIN);
    }
}
