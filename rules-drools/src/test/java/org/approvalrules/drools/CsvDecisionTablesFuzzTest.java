package org.approvalrules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.pack.DrlLint;
import org.approvalrules.core.pack.DrlSplitter;
import org.approvalrules.core.pack.RuleSource;

/**
 * Fuzzes a decision table ({@code rules/*.drl.csv}) through what a layer does with it before Drools
 * sees anything: {@link CsvDecisionTables#toDrl} on the file's bytes, then {@link DrlLint#check} and
 * {@link DrlSplitter#split}.
 * Any content gives rules or a {@link RulePackException} naming the file (docs/FUZZING.md); a table that
 * converts, lints clean and splits gives one rule per non-blank row, each with the id of its row.
 */
class CsvDecisionTablesFuzzTest {

    private static final String FILE = "450000/rules/table.drl.csv";

    @FuzzTest(maxDuration = "3m")
    void toDrl(byte[] input) throws IOException {
        Optional<List<RuleSource>> converted = convertLintSplit(FILE,
                () -> new CsvDecisionTables().toDrl(FILE, input));
        if (converted.isEmpty()) {
            return;
        }
        List<RuleSource> rules = converted.get();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            return; // read as GB18030: the oracle below reads UTF-8 only
        }
        // the oracle: Commons CSV on its own, blank records dropped, the header skipped
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords().stream()
                .filter(r -> !(r.size() == 1 && r.get(0).isBlank())).skip(1).toList();
        assertThat(rules).hasSize(rows.size());
        for (int i = 0; i < rules.size(); i++) {
            assertThat(rules.get(i).id()).isEqualTo(rows.get(i).get(0).strip());
        }
    }

    /**
     * Converts a table, lints and splits its DRL as a layer does. Empty when the converter rejects the
     * table (its error must name {@code file} and nothing else) or the lint finds a problem.
     */
    static Optional<List<RuleSource>> convertLintSplit(String file, Supplier<String> convert) {
        try {
            String drl = convert.get();
            if (!DrlLint.check(file, drl).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(DrlSplitter.split(file, drl, "450000"));
        } catch (RulePackException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
            assertThat(e.getMessage()).contains(file);
            return Optional.empty();
        }
    }
}
