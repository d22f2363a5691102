package org.approvalrules.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.kafka.CaseEventJson.CaseRow;
import org.approvalrules.kafka.CaseEventJson.Event;
import org.approvalrules.kafka.CaseEventJson.Kind;
import org.junit.jupiter.api.Test;

/** Case records under English or Chinese names and labels, in the data layout's time forms; round trips. */
class CaseEventJsonTest {
    static final DivisionCode COUNTY = DivisionCode.of("451031");

    @Test
    void chineseNamesAndLabelsReadAsTheEnglishOnes() {
        Event e = (Event) CaseEventJson.parse("{\"行政区划代码\":\"451031\",\"办件编号\":\"A1\",\"事件\":\"特别程序开始\","
                + "\"时间\":\"2024/9/3 10:00\",\"特别程序\":\"检验\"}");
        assertThat(e).isEqualTo(new Event(COUNTY, "A1", Kind.PROCEDURE_START, LocalDateTime.of(2024, 9, 3, 10, 0),
                Optional.of(ProcedureKind.INSPECTION), Optional.empty(), Optional.empty()));
        Event x = (Event) CaseEventJson.parse("{\"locality\":\"451031\",\"case_number\":\"A1\",\"kind\":\"延期\","
                + "\"at\":\"2024-09-10 15:00:00\",\"天数\":12,\"依据\":\"批〔1〕号\"}");
        assertThat(x.days()).contains(12);
        CaseRow r = (CaseRow) CaseEventJson.parse("{\"行政区划代码\":\"451031\",\"办件编号\":\"A1\",\"实施编码\":\"I1\","
                + "\"受理时间\":\"2024-09-02T09:00\",\"办结时间\":\"\",\"申请者证件号码\":\"whatever\",\"出件地点\":\"WINDOW\"}");
        assertThat(r).isEqualTo(new CaseRow(COUNTY, "A1", "I1", LocalDateTime.of(2024, 9, 2, 9, 0), Optional.empty(),
                Optional.empty()));
        assertThat(CaseEventJson.line(r)).doesNotContain("whatever");
        for (var rec : new CaseEventJson.CaseRecord[] {e, x, r}) {
            assertThat(CaseEventJson.parse(CaseEventJson.line(rec))).isEqualTo(rec);
        }
    }

    @Test
    void aFieldUnderTwoNamesOrAnEventWithCaseFieldsIsRefused() {
        assertThatThrownBy(() -> CaseEventJson.parse("{\"locality\":\"451031\",\"case_number\":\"A1\",\"办件编号\":\"A2\","
                + "\"kind\":\"DECISION\",\"at\":\"2024-09-10\"}"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("field given twice");
        assertThatThrownBy(() -> CaseEventJson.parse("{\"locality\":\"451031\",\"case_number\":\"A1\",\"item_code\":\"I\","
                + "\"kind\":\"DECISION\",\"at\":\"2024-09-10\"}"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("an event record has no case fields");
        assertThatThrownBy(() -> CaseEventJson.parse("{\"locality\":\"451031\",\"case_number\":\"A1\",\"kind\":\"EXTENSION\","
                + "\"at\":\"2024-09-10\",\"days\":\"ten\",\"reference\":\"r\"}"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("whole number of days");
    }
}
