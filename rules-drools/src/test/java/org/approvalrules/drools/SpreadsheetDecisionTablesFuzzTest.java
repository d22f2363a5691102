package org.approvalrules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.approvalrules.core.pack.RuleSource;

/**
 * Fuzzes a spreadsheet decision table ({@code rules/*.drl.xlsx}; the bytes decide the format) through
 * what a layer does with it before Drools sees anything: {@link SpreadsheetDecisionTables#toDrl}, then
 * {@code DrlLint.check} and {@code DrlSplitter.split}. Any bytes give rules or a
 * {@code RulePackException} naming the file; no POI exception escapes (docs/FUZZING.md). A table that
 * converts, lints clean and splits gives rules on distinct rows within the row limit, and the id of each
 * is the text of cell A of its row, read again independently with POI.
 */
class SpreadsheetDecisionTablesFuzzTest {

    private static final String FILE = "450000/rules/table.drl.xlsx";

    @FuzzTest(maxDuration = "5m")
    void toDrl(byte[] input) throws IOException {
        Optional<List<RuleSource>> converted = CsvDecisionTablesFuzzTest.convertLintSplit(FILE, () -> {
            String drl = new SpreadsheetDecisionTables().toDrl(FILE, input);
            assertThat(drl.lines().count()).isLessThanOrEqualTo(SpreadsheetDecisionTables.MAX_ROWS);
            return drl;
        });
        if (converted.isEmpty()) {
            return;
        }
        List<RuleSource> rules = converted.get();
        assertThat(rules).extracting(RuleSource::line).doesNotHaveDuplicates()
                .allSatisfy(line -> assertThat(line).isBetween(2, SpreadsheetDecisionTables.MAX_ROWS));
        if (rules.isEmpty()) {
            return;
        }
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(input))) {
            Sheet sheet = wb.getSheet(SpreadsheetDecisionTables.SHEET) != null ? wb.getSheet(SpreadsheetDecisionTables.SHEET)
                    : wb.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.CHINA);
            for (RuleSource r : rules) {
                Row row = sheet.getRow(r.line() - 1);
                assertThat(formatter.formatCellValue(row.getCell(0)).trim()).isEqualTo(r.id());
            }
        }
    }
}
