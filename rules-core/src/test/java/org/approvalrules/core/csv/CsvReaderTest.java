package org.approvalrules.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.core.csv.CsvReader.Syntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @TempDir
    Path dir;

    private static List<CsvRow> all(CsvReader r) {
        List<CsvRow> out = new ArrayList<>();
        try (r) {
            for (CsvRow row = r.next(); row != null; row = r.next()) {
                out.add(row);
            }
        }
        return out;
    }

    private static List<CsvRow> bytes(byte[] b, Syntax syntax) {
        return all(CsvReader.of(b, "t.csv", syntax));
    }

    @Test
    void aQuotedLineBreakStaysInTheFieldAndMovesTheNextRecordsLineOn() {
        List<CsvRow> rows = bytes("a,b\r\n\"x\r\ny\",\"say \"\"hi\"\", ok\"\r\n\r\nlast,row".getBytes(StandardCharsets.UTF_8),
                Syntax.PLAIN);
        assertThat(rows).extracting(CsvRow::line).containsExactly(1, 2, 5);
        assertThat(rows.get(1).values()).containsExactly("x\r\ny", "say \"hi\", ok");
        assertThat(rows.get(2).values()).containsExactly("last", "row");
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndCountedInLineNumbers() {
        List<CsvRow> rows = bytes("# note, \"with a quote\n\nh1,h2\n#c1\n#c2\n\n1,2\n".getBytes(StandardCharsets.UTF_8),
                Syntax.HASH_COMMENTS);
        assertThat(rows).extracting(CsvRow::line).containsExactly(3, 7);
        assertThat(rows.get(1).values()).containsExactly("1", "2");
    }

    @Test
    void withoutCommentSyntaxAHashIsData() {
        assertThat(bytes("#a,b\n".getBytes(StandardCharsets.UTF_8), Syntax.PLAIN).get(0).values()).containsExactly("#a", "b");
    }

    @Test
    void utf8WithAndWithoutBomAndGb18030GiveTheSameRows() {
        String text = "办件编号,受理渠道\nC1,中心窗口\n";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.writeBytes(utf8);
        byte[] gb = text.getBytes(GB18030);
        List<List<String>> expected = List.of(List.of("办件编号", "受理渠道"), List.of("C1", "中心窗口"));
        assertThat(bytes(utf8, Syntax.PLAIN)).extracting(CsvRow::values).isEqualTo(expected);
        assertThat(bytes(bom.toByteArray(), Syntax.PLAIN)).extracting(CsvRow::values).isEqualTo(expected);
        assertThat(bytes(gb, Syntax.PLAIN)).extracting(CsvRow::values).isEqualTo(expected);
        assertThat(CsvReader.of(gb, "t.csv", Syntax.PLAIN).charset()).isEqualTo(GB18030);
        assertThat(CsvReader.of(utf8, "t.csv", Syntax.PLAIN).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(all(CsvReader.of(new StringReader("\uFEFF" + text), "t.csv", Syntax.PLAIN))).extracting(CsvRow::values)
                .isEqualTo(expected);
    }

    @Test
    void aUtf8CharacterCutByTheProbeIsStillUtf8() {
        StringBuilder sb = new StringBuilder("a\n");
        while (sb.length() < CsvReader.PROBE_BYTES) {
            sb.append("中心窗口,x\n");
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        for (int cut = CsvReader.PROBE_BYTES - 3; cut <= CsvReader.PROBE_BYTES; cut++) {
            byte[] probe = java.util.Arrays.copyOf(b, cut);
            assertThat(CsvReader.encoding(probe, false)).as("cut at %d", cut).isEqualTo(StandardCharsets.UTF_8);
        }
        assertThat(bytes(b, Syntax.PLAIN)).hasSize(1 + (int) sb.chars().filter(c -> c == '\n').count() - 1);
    }

    @Test
    void utf8StartAndGbBytesLaterIsAnErrorNamingALineNotASilentMisreading() {
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        while (sb.length() < CsvReader.PROBE_BYTES + 10) {
            sb.append("ascii,row\n");
            lines++;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        b.writeBytes("中心,窗口\n".getBytes(GB18030));
        int badLine = lines + 1;
        assertThatThrownBy(() -> bytes(b.toByteArray(), Syntax.PLAIN)).isInstanceOf(DataFormatException.class)
                .satisfies(e -> {
                    DataFormatException d = (DataFormatException) e;
                    assertThat(d.file()).isEqualTo("t.csv");
                    assertThat(d.line()).isBetween(badLine - 1000, badLine);
                    assertThat(d.getMessage()).contains("UTF-8");
                });
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreRefused() {
        assertThatThrownBy(() -> bytes(new byte[] {'a', ',', (byte) 0x81, (byte) 0x30, (byte) 0x81, '\n'}, Syntax.PLAIN))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("GB18030");
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereTheRecordStarts() {
        assertThatThrownBy(() -> bytes("a,b\n1,2\n3,\"open\nstill open\n".getBytes(StandardCharsets.UTF_8), Syntax.PLAIN))
                .isInstanceOf(DataFormatException.class)
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(3))
                .hasMessageContaining("t.csv:3").hasMessageContaining("引号");
    }

    @Test
    void charactersAfterAClosingQuoteNameLineAndColumn() {
        assertThatThrownBy(() -> bytes("a,b\n\"x\"y,2\n".getBytes(StandardCharsets.UTF_8), Syntax.PLAIN))
                .isInstanceOf(DataFormatException.class)
                .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(2))
                .satisfies(e -> assertThat(((DataFormatException) e).field()).get().asString().contains("column"));
    }

    @Test
    void aRecordLongerThanTheLimitIsRefusedWithoutReadingTheRest() {
        byte[] big = ("a\n\"" + "x".repeat(CsvReader.MAX_RECORD_CHARS + 70_000) + "\"\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> bytes(big, Syntax.PLAIN)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("t.csv:2");
    }

    @Test
    void aMissingFileAndADirectoryAreOneLineErrors() throws Exception {
        assertThatThrownBy(() -> CsvReader.open(dir.resolve("none.csv"), "none.csv", Syntax.PLAIN))
                .isInstanceOf(DataFormatException.class).hasMessage("none.csv: 文件不存在 / file not found");
        assertThatThrownBy(() -> CsvReader.open(dir, "d", Syntax.PLAIN)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("directory");
        Path f = Files.writeString(dir.resolve("x.csv"), "h\n1\n");
        assertThat(all(CsvReader.open(f, "x.csv", Syntax.PLAIN))).hasSize(2);
    }

    @Test
    void theHeaderFindsColumnsByAnyAliasAndNamesWhatIsWrong() {
        CsvColumn id = CsvColumn.required("办件编号", "SBLSH", "case_number");
        CsvColumn name = CsvColumn.optional("渠道名称", "channel_name");
        CsvReader r = CsvReader.of(new StringReader("x, sblsh \nA,1\nB,2,,\nC,3,4\n"), "h.csv", Syntax.PLAIN);
        CsvHeader h = CsvHeader.read(r, List.of(id, name), true);
        assertThat(h.index(id)).isEqualTo(1);
        assertThat(h.has(name)).isFalse();
        CsvRow a = r.next();
        assertThat(h.require(a, id)).isEqualTo("1");
        assertThat(h.optional(a, name)).isEmpty();
        h.checkWidth(r.next());
        CsvRow c = r.next();
        assertThatThrownBy(() -> h.checkWidth(c)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("h.csv:4").hasMessageContaining("column 3");
        assertThatThrownBy(() -> CsvHeader.of(new CsvRow("h.csv", 1, List.of("x")), List.of(id), false))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("column 1").hasMessageContaining("unknown");
        assertThatThrownBy(() -> CsvHeader.of(new CsvRow("h.csv", 1, List.of("x")), List.of(id), true))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("SBLSH");
        assertThatThrownBy(() -> CsvHeader.of(new CsvRow("h.csv", 1, List.of("SBLSH", "case_number")), List.of(id), true))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("column 2").hasMessageContaining("twice");
        assertThatThrownBy(() -> CsvHeader.read(CsvReader.of(new StringReader("\n\n"), "e.csv", Syntax.PLAIN), List.of(id), true))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("e.csv").hasMessageContaining("empty");
    }
}
