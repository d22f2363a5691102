package org.approvalrules.core.supervise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.records.Reject;
import org.approvalrules.core.records.Rejects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory's files: CSV (Chinese or English headers, GB18030) or JSON Lines, rejects with line and field. */
class SupervisionFilesTest {
    static final DivisionCode COUNTY = DivisionCode.parse("421121");

    @TempDir
    Path dir;

    @Test
    void chineseHeadersInGb18030AndEnglishJsonLinesReadTheSame() throws Exception {
        Files.writeString(dir.resolve("items.csv"), "实施编码,事项名称,部门编码,法定时限,承诺时限,时限单位,即办件,办理环节数\n"
                + "I1,公共场所卫生许可,D02,20,5,工作日,否,3\n", Charset.forName("GB18030"));
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("items.jsonl"), "{\"item_code\":\"I1\",\"item_name\":\"公共场所卫生许可\",\"department\":\"D02\","
                + "\"statutory_limit\":20,\"promised_limit\":5,\"limit_unit\":\"WORKING_DAYS\",\"immediate\":false,\"steps\":3}\n",
                StandardCharsets.UTF_8);
        var a = SupervisionData.items(SupervisionFiles.find(dir, "items").orElseThrow(), COUNTY, Rejects.strict());
        var b = SupervisionData.items(SupervisionFiles.find(other, "items").orElseThrow(), COUNTY, Rejects.strict());
        assertThat(a).isEqualTo(b);
        SupervisionData.CatalogueItem i = a.items().get("I1");
        assertThat(i.statutory().amount()).isEqualTo(20);
        assertThat(i.statutory().unit()).isEqualTo(LimitUnit.WORKING_DAYS);
        assertThat(i.promised().orElseThrow().amount()).isEqualTo(5);
        assertThat(i.steps()).contains(3);
    }

    @Test
    void badRecordsAreRejectedWithLineAndFieldAndTheRestIsRead() throws Exception {
        Files.writeString(dir.resolve("cases.csv"), """
                case_number,item_code,department,accepted,decided
                C1,I1,D02,2026-03-02T09:00,
                C2,I1,D02,2026-03-02T09:00,2026-03-01T09:00
                C1,I1,D02,2026-03-03T09:00,
                C3,I1,D02,yesterday,
                C4,I1,D02,2026/3/4 10:00,
                """);
        List<Reject> rejects = new ArrayList<>();
        var cases = SupervisionData.cases(SupervisionFiles.find(dir, "cases").orElseThrow(), COUNTY,
                Rejects.continuing(rejects::add), () -> { });
        assertThat(cases).extracting(SupervisionData.CaseRecord::number).containsExactly("C1", "C4");
        assertThat(rejects).extracting(Reject::line).containsExactly(3, 4, 5);
        assertThat(rejects).extracting(r -> r.field().split(" ")[0]).containsExactly("decided", "case_number", "accepted");
        assertThat(rejects.get(1).reason()).contains("第 2 行");
    }

    @Test
    void bothCsvAndJsonLinesIsAnError() throws Exception {
        Files.writeString(dir.resolve("events.csv"), "case_number,kind,at\n");
        Files.writeString(dir.resolve("events.jsonl"), "");
        assertThatThrownBy(() -> SupervisionFiles.find(dir, "events")).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("events.jsonl");
    }

    @Test
    void aRecordOfAnotherLocalityStopsTheRead() throws Exception {
        Files.writeString(dir.resolve("items.csv"), "item_code,item_name,department,statutory_limit,limit_unit,行政区划\n"
                + "I1,x,D02,20,WORKING_DAYS,421121\nI2,y,D02,20,WORKING_DAYS,451031\n");
        assertThatThrownBy(() -> SupervisionData.items(SupervisionFiles.find(dir, "items").orElseThrow(), COUNTY,
                Rejects.continuing(r -> { }))).isInstanceOf(SupervisionData.MixedLocalityException.class)
                .hasMessageContaining("451031");
    }

    @Test
    void aPromiseLongerThanTheStatutoryLimitIsRejected() throws Exception {
        Files.writeString(dir.resolve("items.csv"), "item_code,item_name,department,statutory_limit,promised_limit,limit_unit\n"
                + "I1,x,D02,20,25,WORKING_DAYS\n");
        List<Reject> rejects = new ArrayList<>();
        Map<String, SupervisionData.CatalogueItem> items = SupervisionData.items(SupervisionFiles.find(dir, "items").orElseThrow(),
                COUNTY, Rejects.continuing(rejects::add)).items();
        assertThat(items).isEmpty();
        assertThat(rejects).singleElement().satisfies(r -> assertThat(r.field()).startsWith("promised_limit"));
    }
}
