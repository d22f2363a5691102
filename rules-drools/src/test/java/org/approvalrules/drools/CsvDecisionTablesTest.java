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
        List<RuleSource> rules = DrlSplitter.split("t.drl.csv", drl, "450000");
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
    void aRowOfTheWrongShapeIsRejectedWithItsLine() {
        RulePackException e = org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class,
                () -> tables.toDrl("t.drl.csv", HEADER + "x,RED,ref,,completed,中,en\ny,RED,ref,completed\n"));
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("expected 7");
    }
}
