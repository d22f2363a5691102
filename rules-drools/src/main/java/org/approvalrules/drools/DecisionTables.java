package org.approvalrules.drools;

import org.approvalrules.api.spi.DecisionTableConverter;

/**
 * The decision-table converter of rule packs: {@code *.drl.csv} through {@link CsvDecisionTables},
 * {@code *.drl.xlsx} and {@code *.drl.xls} through {@link SpreadsheetDecisionTables}. Stateless.
 */
public final class DecisionTables implements DecisionTableConverter {
    private final CsvDecisionTables csv = new CsvDecisionTables();
    private final SpreadsheetDecisionTables spreadsheets = new SpreadsheetDecisionTables();

    @Override
    public String toDrl(String file, byte[] content) {
        return file.endsWith(".drl.xlsx") || file.endsWith(".drl.xls") ? spreadsheets.toDrl(file, content)
                : csv.toDrl(file, content);
    }
}
