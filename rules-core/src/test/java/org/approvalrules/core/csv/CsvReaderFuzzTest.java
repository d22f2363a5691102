package org.approvalrules.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.approvalrules.core.LoaderErrors;
import org.approvalrules.core.csv.CsvReader.Syntax;

/**
 * Fuzzes {@link CsvReader} on raw bytes (docs/FUZZING.md): any input gives records or a DataFormatException naming
 * the file. Records that load start on increasing lines, are never blank single fields, and survive a round trip:
 * printed again by Commons CSV's printer and read back, they give the same fields.
 *
 * <p>Seeds ({@code CsvReaderFuzzTestInputs/records/}): a quoted line break, a BOM, GB18030 bytes, CRLF, a short row,
 * an unclosed quote, a comment line.
 */
class CsvReaderFuzzTest {

    private static final String FILE = "fuzz.csv";

    @FuzzTest(maxDuration = "3m")
    void records(byte[] input) throws IOException {
        Syntax syntax = input.length > 0 && (input[input.length - 1] & 1) == 1 ? Syntax.HASH_COMMENTS : Syntax.PLAIN;
        List<CsvRow> rows = LoaderErrors.valueOrNull(FILE, () -> read(CsvReader.of(input, FILE, syntax)));
        if (rows == null) {
            return;
        }
        int last = 0;
        for (CsvRow r : rows) {
            assertThat(r.file()).isEqualTo(FILE);
            assertThat(r.line()).isGreaterThan(last);
            assertThat(r.size() == 1 && r.get(0).isBlank()).isFalse();
            last = r.line();
        }
        StringWriter again = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(again, CSVFormat.RFC4180.builder().setQuoteMode(
                org.apache.commons.csv.QuoteMode.ALL).get())) {
            for (CsvRow r : rows) {
                p.printRecord(r.values());
            }
        }
        List<CsvRow> back = read(CsvReader.of(new StringReader(again.toString()), FILE, Syntax.PLAIN));
        assertThat(back).extracting(CsvRow::values).isEqualTo(rows.stream().map(CsvRow::values).toList());
    }

    private static List<CsvRow> read(CsvReader reader) {
        List<CsvRow> out = new ArrayList<>();
        try (reader) {
            for (CsvRow r = reader.next(); r != null; r = reader.next()) {
                out.add(r);
            }
        }
        return out;
    }
}
