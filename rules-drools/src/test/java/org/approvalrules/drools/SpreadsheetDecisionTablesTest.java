package org.approvalrules.drools;

import org.approvalrules.core.rules.RuleSets;
import static org.approvalrules.drools.RuleSetRegistryTest.AS_OF;
import static org.approvalrules.drools.RuleSetRegistryTest.COUNTY;
import static org.approvalrules.drools.RuleSetRegistryTest.ids;
import static org.approvalrules.drools.RuleSetRegistryTest.late;
import static org.approvalrules.drools.Workbooks.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.FormulaError;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.pack.PackFiles;
import org.approvalrules.drools.Workbooks.ErrorValue;
import org.approvalrules.drools.Workbooks.Formula;
import org.approvalrules.drools.Workbooks.SheetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetDecisionTablesTest {
    static final Object[] VERY_LATE = {"local.very-late", "RED", "县规定", "", "promisedRemainingWorkingDays < -5",
        "严重超期", "very late"};
    final SpreadsheetDecisionTables tables = new SpreadsheetDecisionTables();

    @TempDir
    Path dir;

    private static Workbooks rules(Object[]... rows) {
        return Workbooks.of(table(rows));
    }

    private static byte[] build(Workbooks w, String format) {
        return format.equals("xlsx") ? w.xlsx() : w.xls();
    }

    /** A county layer whose only rules are the decision table {@code rules/<table>}. */
    private void county(String table, byte[] bytes) throws IOException {
        RuleSetRegistryTest.write(dir, "451031/manifest.yaml", "pack: test.county\nlayer: \"451031\"\nversion: \"1\"\n");
        Files.createDirectories(dir.resolve("451031/rules"));
        Files.write(dir.resolve("451031/rules").resolve(table), bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void eachRowBecomesARuleOnItsSpreadsheetRow(String format) {
        byte[] bytes = build(Workbooks.of(Workbooks.HEADER, null,
                new Object[] {"x.one", "RED", "依据", "a.b c.d", "completed, promisedRemainingWorkingDays < 0", "中", "en"}),
                format);
        CsvDecisionTablesTest.assertRuleXOneOnLineThree("t.drl." + format, tables.toDrl("t.drl." + format, bytes));
    }

    @Test
    void numbersAndDatesReadAsShownAndLineBreaksAsSpaces() {
        LocalDate july = LocalDate.of(2024, 7, 1);
        byte[] bytes = rules(new Object[] {"x.shown", "INFO", "依据", "", "promisedRemainingWorkingDays\n< 0", july, 5})
                .xlsx();
        String drl = new SpreadsheetDecisionTables().toDrl("t.drl.xlsx", bytes);
        assertThat(drl).contains("CaseFacts( promisedRemainingWorkingDays < 0 )")
                .contains("\"2024-07-01\", \"5\"");
    }

    @Test
    void theSheetNamedRulesIsReadOtherwiseTheFirst() {
        byte[] named = new Workbooks().sheet(SheetSpec.of("说明", new Object[] {"这里是说明"}))
                .sheet(SheetSpec.of("Rules", table(VERY_LATE))).xlsx();
        assertThat(tables.toDrl("t.drl.xlsx", named)).contains("rule \"local.very-late\"");
        byte[] first = new Workbooks().sheet(SheetSpec.of("表1", table(VERY_LATE)))
                .sheet(SheetSpec.of("说明", new Object[] {"这里是说明"})).xlsx();
        assertThat(tables.toDrl("t.drl.xlsx", first)).contains("rule \"local.very-late\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void rowsFireThroughADirectoryPack(String format) throws IOException {
        Object[] withParameter = {"local.late-by-threshold", "YELLOW", "县规定", "deadline.yellow.remaining-working-days",
            "promisedRemainingWorkingDays < -params.intAt('deadline.yellow.remaining-working-days', acceptedOn)", "超期", "late"};
        county("late.drl." + format, build(rules(VERY_LATE, withParameter), format));
        // the owner file Excel keeps beside an open workbook is not part of the pack
        Files.write(dir.resolve("451031/rules/~$late.drl." + format), new byte[] {8, 'o', 'w', 'n', 'e', 'r'});
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            List<Finding> findings = reg.ruleSet(COUNTY).evaluate(List.of(late(6), late(3)), AS_OF);
            assertThat(findings).filteredOn(f -> f.ruleId().equals("local.very-late")).singleElement().satisfies(f -> {
                assertThat(f.subject()).isEqualTo("C6");
                assertThat(f.severity()).isEqualTo(Severity.RED);
                assertThat(f.layer()).isEqualTo("451031");
                assertThat(f.message().en()).isEqualTo("very late");
            });
            // a condition reads a parameter with single quotes; its value on the acceptance date is on the finding
            assertThat(findings).filteredOn(f -> f.ruleId().equals("local.late-by-threshold")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.subject()).isEqualTo("C6");
                        assertThat(f.parameters()).containsEntry("deadline.yellow.remaining-working-days", "3");
                    });
        }
    }

    @Test
    void anXlsxRowReplacesANationalRuleById() throws IOException {
        county("red.drl.xlsx", rules(new Object[] {"deadline.red.promised", "YELLOW", "县规定：超期3个工作日以上才亮红牌", "",
            "promisedRemainingWorkingDays < -3", "县：超期", "county: late"}).xlsx());
        RuleSetRegistryTest.write(dir, "451031/overrides.yaml", """
                overrides:
                  - {rule: deadline.red.promised, action: replace, reason: 县宽限, reference: 县文件}
                """);
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            List<Finding> findings = reg.ruleSet(COUNTY).evaluate(List.of(late(2), late(4)), AS_OF);
            assertThat(findings).filteredOn(f -> f.ruleId().equals("deadline.red.promised")).singleElement()
                    .satisfies(f -> {
                        assertThat(f.subject()).isEqualTo("C4");
                        assertThat(f.severity()).isEqualTo(Severity.YELLOW);
                        assertThat(f.layer()).isEqualTo("451031");
                        assertThat(f.message().zh()).isEqualTo("县：超期");
                    });
        }
        // without the override the same row is a duplicate id, named with both files
        Files.delete(dir.resolve("451031/overrides.yaml"));
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            assertThatThrownBy(() -> reg.ruleSet(COUNTY)).isInstanceOf(RulePackException.class)
                    .hasMessageContaining("red.drl.xlsx:2").hasMessageContaining("deadline.drl");
        }
    }

    @Test
    void lintAndCompileErrorsNameTheFileAndTheSpreadsheetRow() throws IOException {
        county("late.drl.xlsx", rules(VERY_LATE).xlsx());
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            String before = reg.ruleSet(COUNTY).version();
            Object[] noSuchField = VERY_LATE.clone();
            noSuchField[4] = "noSuchField < 1";
            Files.write(dir.resolve("451031/rules/late.drl.xlsx"), Workbooks.of(table(VERY_LATE, null, noSuchField)).xlsx());
            RuleSets.ReloadResult compile = reg.reload(COUNTY);
            assertThat(compile.swapped()).isFalse();
            assertThat(compile.problems()).first().satisfies(p -> {
                assertThat(p.file()).endsWith("451031/rules/late.drl.xlsx");
                assertThat(p.line()).isEqualTo(4);
            });

            Object[] forbidden = VERY_LATE.clone();
            forbidden[4] = "System.currentTimeMillis() > 0";
            Files.write(dir.resolve("451031/rules/late.drl.xlsx"), rules(VERY_LATE, forbidden).xlsx());
            RuleSets.ReloadResult lint = reg.reload(COUNTY);
            assertThat(lint.swapped()).isFalse();
            assertThat(lint.problems().toString()).contains("late.drl.xlsx:3").contains("System");

            assertThat(reg.ruleSet(COUNTY).version()).isEqualTo(before);
            assertThat(ids(reg.ruleSet(COUNTY).evaluate(List.of(late(6)), AS_OF))).contains("local.very-late");
        }
    }

    @Test
    void aBadSpreadsheetOnReloadLeavesThePreviousRuleSetInService() throws IOException {
        county("late.drl.xlsx", rules(VERY_LATE).xlsx());
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            String before = reg.ruleSet(COUNTY).version();
            Files.write(dir.resolve("451031/rules/late.drl.xlsx"), rules(VERY_LATE).encryptedXlsx("密码"));
            RuleSets.ReloadResult r = reg.reload(COUNTY);
            assertThat(r.swapped()).isFalse();
            assertThat(r.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).endsWith("late.drl.xlsx");
                assertThat(p.reason()).contains("encrypted");
            });
            Files.write(dir.resolve("451031/rules/late.drl.xlsx"), "<html><table></table></html>".getBytes(StandardCharsets.UTF_8));
            assertThat(reg.reload(COUNTY).problems().toString()).contains("late.drl.xlsx").contains("HTML");
            assertThat(reg.ruleSet(COUNTY).version()).isEqualTo(before);
            assertThat(ids(reg.ruleSet(COUNTY).evaluate(List.of(late(6)), AS_OF))).contains("local.very-late");
        }
    }

    // --- bad input: every failure is a RulePackException naming the file, the row and the cell ---

    private RulePackException rejected(byte[] bytes) {
        return rejected("t.drl.xlsx", bytes);
    }

    private RulePackException rejected(String file, byte[] bytes) {
        RulePackException e = assertThrows(RulePackException.class, () -> tables.toDrl(file, bytes));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file));
        return e;
    }

    @Test
    void aWrongHeaderIsRejectedOnRowOne() {
        RulePackException e = rejected(Workbooks.of(new Object[] {"id", "severity", "condition"}).xlsx());
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("t.drl.xlsx:1").contains("header").contains("id,severity,condition");
        Object[] extra = Arrays.copyOf(Workbooks.HEADER, 8);
        extra[7] = "note";
        assertThat(rejected(Workbooks.of(extra, VERY_LATE).xlsx()).getMessage()).contains("header");
        assertThat(rejected(Workbooks.of(null, Workbooks.HEADER, VERY_LATE).xlsx()).getMessage())
                .contains("t.drl.xlsx:1").contains("row 1");
    }

    @Test
    void aRowWithTooManyOrTooFewCellsNamesTheCell() {
        Object[] eight = Arrays.copyOf(VERY_LATE, 8);
        eight[7] = "extra";
        Object[] noCondition = VERY_LATE.clone();
        noCondition[4] = null;
        Object[] noId = VERY_LATE.clone();
        noId[0] = " ";
        RulePackException e = rejected(rules(VERY_LATE, eight, noCondition, Arrays.copyOf(VERY_LATE, 3), noId).xlsx());
        assertThat(e.problems()).extracting(RulePackException.Problem::line).containsExactly(3, 4, 5, 6);
        assertThat(e.problems().get(0).reason()).contains("H3");
        assertThat(e.problems().get(1).reason()).contains("E4").contains("condition");
        assertThat(e.problems().get(2).reason()).contains("E5");
        assertThat(e.problems().get(3).reason()).contains("A6").contains("id");
    }

    @Test
    void formulaAndErrorCellsAreRejectedNamingTheCell() {
        Object[] formula = VERY_LATE.clone();
        formula[2] = new Formula("\"县\"&\"规定\"");
        Object[] error = VERY_LATE.clone();
        error[6] = new ErrorValue(FormulaError.DIV0);
        for (Function<Workbooks, byte[]> format : List.<Function<Workbooks, byte[]>>of(Workbooks::xlsx, Workbooks::xls)) {
            RulePackException e = rejected(format.apply(rules(formula, error)));
            assertThat(e.problems()).extracting(RulePackException.Problem::line).containsExactly(2, 3);
            assertThat(e.problems().get(0).reason()).contains("C2").contains("formula").contains("=");
            assertThat(e.problems().get(1).reason()).contains("G3").contains("error");
        }
    }

    @Test
    void aDoubleQuoteInACellIsRejectedNamingTheCell() {
        Object[] quoted = VERY_LATE.clone();
        quoted[5] = "超期\"严重\"";
        RulePackException e = rejected(rules(quoted).xlsx());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("F2").contains("double quotes");
    }

    @Test
    void anEmptySheetOrFileIsRejected() {
        assertThat(rejected(new Workbooks().sheet(SheetSpec.of("rules")).xlsx()).getMessage()).contains("empty")
                .contains("rules");
        assertThat(rejected(new Workbooks().sheet(SheetSpec.of("Sheet1")).xls()).getMessage()).contains("empty");
        assertThat(rejected(new byte[0]).getMessage()).contains("empty");
    }

    @Test
    void aHeaderWithoutRulesGivesNoRules() {
        assertThat(tables.toDrl("t.drl.xlsx", rules().xlsx())).isBlank();
    }

    @Test
    void corruptOrOtherFilesAreRejectedWithoutAPoiException() {
        byte[] good = rules(VERY_LATE).xlsx();
        assertThat(rejected(Arrays.copyOf(good, good.length / 2)).getMessage()).contains("t.drl.xlsx")
                .contains("cannot read the spreadsheet");
        byte[] goodXls = rules(VERY_LATE).xls();
        assertThat(rejected("t.drl.xls", Arrays.copyOf(goodXls, 1024)).getMessage()).contains("cannot read");
        assertThat(rejected("t.drl.xls", "id,severity\n".getBytes(StandardCharsets.UTF_8)).getMessage())
                .contains("not an Excel workbook");
        assertThat(rejected("t.drl.xls", "<html><body><table><tr><td>id</td></tr></table></body></html>"
                .getBytes(StandardCharsets.UTF_8)).getMessage()).contains("HTML");
        byte[] text = "rule \"x\" when then end".getBytes(StandardCharsets.UTF_8);
        assertThat(rejected(text).getMessage()).contains("not an Excel workbook");
    }

    @Test
    void encryptedFilesAreRejected() {
        assertThat(rejected(rules(VERY_LATE).encryptedXlsx("密码")).getMessage()).contains("encrypted");
        assertThat(rejected("t.drl.xls", rules(VERY_LATE).encryptedXls("pw")).getMessage()).contains("encrypted");
    }

    @Test
    void theContentDecidesTheFormatNotTheExtension() {
        assertThat(tables.toDrl("t.drl.xls", rules(VERY_LATE).xlsx())).contains("rule \"local.very-late\"");
        assertThat(tables.toDrl("t.drl.xlsx", rules(VERY_LATE).xls())).contains("rule \"local.very-late\"");
    }

    @Test
    void aSheetBeyondTheRowLimitIsRejected() {
        Object[][] rows = new Object[SpreadsheetDecisionTables.MAX_ROWS + 1][];
        rows[0] = Workbooks.HEADER;
        rows[1] = VERY_LATE;
        rows[SpreadsheetDecisionTables.MAX_ROWS] = new Object[] {"far below"};
        RulePackException e = rejected(Workbooks.of(rows).xlsx());
        assertThat(e.line()).isEqualTo(SpreadsheetDecisionTables.MAX_ROWS + 1);
        assertThat(e.getMessage()).contains("10001 rows").contains("at most 10000");
        rows[SpreadsheetDecisionTables.MAX_ROWS] = null;
        rows[SpreadsheetDecisionTables.MAX_ROWS - 1] = new Object[] {" "};
        assertThat(tables.toDrl("t.drl.xlsx", Workbooks.of(rows).xlsx())).contains("local.very-late");
    }

    @Test
    void anXlsxThatUnpacksBeyondTheLimitIsRejectedBeforePoiReadsIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(
                new ByteArrayInputStream(rules(VERY_LATE).xlsx()));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i <= SpreadsheetDecisionTables.MAX_INFLATED_BYTES / zeros.length; i++) {
                zip.write(zeros);
            }
        }
        assertThat(out.size()).isLessThan(PackFiles.MAX_BYTES);
        assertThat(rejected(out.toByteArray()).getMessage()).contains("too large").contains("32 MiB");
    }
}
