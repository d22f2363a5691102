package org.approvalrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.approvalrules.core.json.FindingsJson;
import org.junit.jupiter.api.Test;

/** Runs the embedder's program ({@link EmbedderProgram#main}) and reads what it printed. */
class EmbedderProgramTest {

    @Test
    void oneEntryPointGivesFindingsOfAllFourDomainsInTheCommonShapeWithOneSnapshotsVersions() throws Exception {
        PrintStream before = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            EmbedderProgram.main(new String[] {"packs"});
        } finally {
            System.setOut(before);
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, List<JsonNode>> byDomain = new LinkedHashMap<>();
        for (String line : buf.toString(StandardCharsets.UTF_8).strip().split("\n")) {
            JsonNode o = json.readTree(line);
            List<JsonNode> findings = new ArrayList<>();
            o.get("findings").forEach(findings::add);
            byDomain.put(o.get("domain").asText(), findings);
        }
        assertThat(byDomain).containsOnlyKeys("deadline", "fees", "authorization", "intake");
        Set<String> versions = new HashSet<>();
        byDomain.values().stream().flatMap(List::stream).forEach(f -> {
            List<String> fields = new ArrayList<>();
            f.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactlyInAnyOrderElementsOf(FindingsJson.FIELDS);
            versions.add(f.get("ruleSetVersion").asText() + " " + f.get("calendarVersion").asText());
        });
        assertThat(versions).as("one snapshot: one rule-set and one calendar version").hasSize(1);

        assertThat(byDomain.get("deadline")).extracting(f -> f.get("ruleId").asText()).contains("deadline.red.promised");
        // the county replaces the national fee.under-standard: YELLOW, from the county layer
        assertThat(byDomain.get("fees")).singleElement().satisfies(f -> {
            assertThat(f.get("ruleId").asText()).isEqualTo("fee.under-standard");
            assertThat(f.get("severity").asText()).isEqualTo("YELLOW");
            assertThat(f.get("layer").asText()).isEqualTo("451031");
        });
        // 7/10 approval delegated is below the 80 % target; the county disabled the not-full-time check
        assertThat(byDomain.get("authorization")).extracting(f -> f.get("ruleId").asText())
                .contains("authorization.power-rate-below-target")
                .doesNotContain("authorization.chief-representative.not-full-time");
        // the department-end case of an item moved in on 2024-01-01 is 明进暗不进 and, 12 days from the centre case, 两头受理
        assertThat(byDomain.get("intake")).extracting(f -> f.get("ruleId").asText())
                .containsExactly("intake.department-after-move-in", "intake.two-end");
        assertThat(byDomain.get("intake")).filteredOn(f -> f.get("ruleId").asText().equals("intake.two-end")).singleElement()
                .satisfies(f -> {
            assertThat(f.get("ruleId").asText()).isEqualTo("intake.two-end");
            assertThat(f.get("subject").asText()).isEqualTo("451031-2024-000188");
            assertThat(f.get("evidence").get("centreCase").asText()).isEqualTo("451031-2024-000201");
        });
    }
}
