package org.approvalrules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.approvalrules.api.finding.Severity;
import org.approvalrules.api.rules.RulePackException;
import org.approvalrules.core.pack.DrlSplitter;
import org.approvalrules.core.pack.RuleSource;
import org.junit.jupiter.api.Test;

class CsvDecisionTablesTest {
    static final String HEADER = "id,severity,reference,params,condition,message_zh,message_en\n";
    final CsvDecisionTables tables = new CsvDecisionTables();

    @Test
    void eachRowBecomesARuleOnTheSameLine() {
        String drl = tables.toDrl("t.drl.csv", HEADER + "\nx.one,RED,依据,a.b c.d,\"completed, promisedRemainingWorkingDays < 0\",中,en\n");
        assertRuleXOneOnLineThree("t.drl.csv", drl);
    }

    /** The table's DRL holds one rule, x.one, on line 3 (shared with the spreadsheet tests). */
    static void assertRuleXOneOnLineThree(String file, String drl) {
        List<RuleSource> rules = DrlSplitter.split(file, drl, "450000");
        assertThat(rules).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("x.one");
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.severity()).isEqualTo(Severity.RED);
            assertThat(r.parameters()).containsExactly("a.b", "c.d");
            assertThat(r.text()).contains("CaseFacts( completed, promisedRemainingWorkingDays < 0 )");
        });
    }

    @Test
    void aWrongHeaderIsRejectedOnLineOne() {
        assertThatThrownBy(() -> tables.toDrl("t.drl.csv", "id,severity,condition\n")).isInstanceOf(RulePackException.class)
                .hasMessageContaining("t.drl.csv:1").hasMessageContaining("header");
    }

    @Test
    void aQuotedLineBreakIsASpaceAndTheNextRowKeepsItsLine() {
        String drl = tables.toDrl("t.drl.csv", HEADER + "x,RED,ref,,\"completed\n\",中,en\ny,RED,ref,,completed,中,en\n");
        assertThat(drl.split("\n", -1)[1]).contains("rule \"x\"").contains("completed ");
        assertThat(drl.split("\n", -1)[3]).contains("rule \"y\"");
    }

    @Test
    void aRowOfTheWrongShapeIsRejectedWithItsLine() {
        RulePackException e = org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class,
                () -> tables.toDrl("t.drl.csv", HEADER + "x,RED,ref,,completed,中,en\ny,RED,ref,completed\n"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("expected 7");
    }

    @Test
    void theBytesAreUtf8OrGb18030AndRequiredCellsFilled() {
        byte[] gbk = (HEADER + "x,RED,依据,,completed,中,en\n").getBytes(java.nio.charset.Charset.forName("GBK"));
        assertRuleXOnLineTwo(tables.toDrl("t.drl.csv", gbk));
        assertThatThrownBy(() -> tables.toDrl("t.drl.csv", new byte[] {'i', 'd', (byte) 0x81, (byte) 0x30, (byte) 0x81}))
                .isInstanceOf(RulePackException.class).hasMessageContaining("t.drl.csv").hasMessageContaining("GB18030");
        byte[] utf8 = ("\uFEFF" + HEADER + "x,RED,依据,,completed,中,en\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertRuleXOnLineTwo(tables.toDrl("t.drl.csv", utf8));
        RulePackException e = org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class,
                () -> tables.toDrl("t.drl.csv", HEADER + "x,RED,ref,, ,中,en\n"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("condition").contains("must not be empty");
    }

    private static void assertRuleXOnLineTwo(String drl) {
        assertThat(DrlSplitter.split("t.drl.csv", drl, "450000")).singleElement()
                .satisfies(r -> assertThat(r.line()).isEqualTo(2));
    }
}
