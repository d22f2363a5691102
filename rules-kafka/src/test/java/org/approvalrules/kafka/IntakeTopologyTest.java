package org.approvalrules.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.testkit.gen.IntakeGens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input goes to the dead-letter topic with its reason, identifiers masked, and the stream goes on. */
class IntakeTopologyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ApplicantId WHO = IntakeGens.applicants(1).get(0);
    static final IntakeTopology.Topics TOPICS = IntakeTopology.Topics.defaults();

    @TempDir
    Path state;
    ApprovalRules rules;
    TopologyTestDriver driver;
    TestInputTopic<String, String> in;
    TestOutputTopic<String, String> findings;
    TestOutputTopic<String, String> dead;

    @BeforeEach
    void start() {
        rules = ApprovalRules.builder().build();
        Properties p = IntakeTopology.config("dlq-test", "127.0.0.1:9", 1);
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        driver = new TopologyTestDriver(new IntakeTopology(rules, Map.of(DivisionCode.NATIONAL,
                // centre-only: two-end intake is only for items the register requires in the centre
                List.of(new ItemMove("ITEM-B", LocalDate.of(2024, 6, 1), true))), TOPICS).build(), p);
        in = driver.createInputTopic(TOPICS.intake(), Serdes.String().serializer(), Serdes.String().serializer());
        findings = driver.createOutputTopic(TOPICS.findings(), Serdes.String().deserializer(), Serdes.String().deserializer());
        dead = driver.createOutputTopic(TOPICS.deadLetters(), Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        rules.close();
    }

    static String record(String locality, String kase, String applicant, String channel, String accepted) {
        return "{\"locality\":\"" + locality + "\",\"case_number\":\"" + kase + "\",\"item_code\":\"ITEM-B\","
                + "\"applicant_id\":\"" + applicant + "\",\"channel\":\"" + channel + "\",\"accepted\":\"" + accepted + "\"}";
    }

    static String reason(String deadLetter) throws Exception {
        return JSON.readTree(deadLetter).get("reason").asText();
    }

    @Test
    void badRecordsAreDeadLettersWithTheirReasonAndTheStreamGoesOn() throws Exception {
        String wrongCheck = WHO.value().substring(0, 17) + (WHO.value().charAt(17) == '0' ? '1' : '0');
        in.pipeInput("k", "{not json");
        in.pipeInput("k", record("450000", "X1", WHO.value(), "部门", "2024-07-01 09:00:00"));
        in.pipeInput("k", record("000000", "X2", wrongCheck, "部门", "2024-07-01 09:00:00"));
        in.pipeInput("k", record("000000", "X3", WHO.value(), "传真", "2024-07-01 09:00:00"));
        in.pipeInput("k", record("000000", "X4", WHO.value(), "部门", "yesterday"));
        in.pipeInput("k", "{\"locality\":\"000000\",\"surprise\":\"1\"}");
        // the stream goes on: a two-end pair (centre 07-01, department 07-05), then time passes
        in.pipeInput("k", record("000000", "C1", WHO.value(), "中心窗口", "2024-07-01 09:00:00"));
        in.pipeInput("k", record("000000", "D1", WHO.value(), "部门", "2024-07-05 10:00"));
        in.pipeInput("k", record("000000", "T1", WHO.value(), "网上", "2024-12-31"));
        // too late: more than the look-back window behind the watermark
        in.pipeInput("k", record("000000", "L1", WHO.value(), "部门", "2024-07-02"));

        List<KeyValue<String, String>> dl = dead.readKeyValuesToList();
        assertThat(dl).hasSize(7);
        assertThat(dl.get(0).key).isEqualTo(TOPICS.intake() + "/0/0");
        assertThat(reason(dl.get(0).value)).contains("不是 JSON / not JSON");
        assertThat(reason(dl.get(1).value)).contains("450000").contains("does not serve");
        assertThat(reason(dl.get(2).value)).contains(ApplicantId.mask(wrongCheck));
        assertThat(reason(dl.get(3).value)).contains("传真").contains("unknown channel");
        assertThat(reason(dl.get(4).value)).contains("yesterday").contains("unrecognised time");
        assertThat(reason(dl.get(5).value)).contains("surprise").contains("unknown field");
        assertThat(reason(dl.get(6).value)).contains("late").contains("L1");
        for (KeyValue<String, String> d : dl) {
            assertThat(d.value).doesNotContain(WHO.value()).doesNotContain(wrongCheck);
        }

        // D1 is also 明进暗不进 (a department-end case of a centre-only item)
        List<KeyValue<String, String>> fs = findings.readKeyValuesToList().stream()
                .filter(kv -> kv.value.contains("\"intake.two-end\"")).toList();
        assertThat(fs).hasSize(1);
        assertThat(fs.get(0).key).isEqualTo("000000/D1");
        JsonNode f = JSON.readTree(fs.get(0).value);
        assertThat(f.get("ruleId").asText()).isEqualTo("intake.two-end");
        assertThat(f.get("evidence").get("centreCase").asText()).isEqualTo("C1");
        assertThat(f.get("ruleSetVersion").asText()).isEqualTo(rules.locality(DivisionCode.NATIONAL).ruleSetVersion());
        assertThat(fs.get(0).value).doesNotContain(WHO.value());
    }

    @Test
    void aFindingWaitsUntilEveryRecordThatCouldPairWithItHasArrived() {
        in.pipeInput("k", record("000000", "D1", WHO.value(), "部门", "2024-07-05 10:00"));
        // out of order by less than the grace (two days): still judged with it
        in.pipeInput("k", record("000000", "C1", WHO.value(), "中心窗口", "2024-07-04 09:00"));
        // D1 is kept while the day of stream time − grace is at most L (30) days after 07-05
        in.pipeInput("k", record("000000", "T1", WHO.value(), "网上", "2024-08-06 23:00"));
        assertThat(findings.isEmpty()).as("judged too early: its pair may still come").isTrue();
        in.pipeInput("k", record("000000", "T2", WHO.value(), "网上", "2024-08-07 00:00"));
        assertThat(findings.readValuesToList()).filteredOn(v -> v.contains("\"intake.two-end\"")).singleElement().asString()
                .contains("\"subject\":\"D1\"")
                .contains("\"centreCase\":\"C1\"");
        assertThat(dead.isEmpty()).isTrue();
    }

    @Test
    void aRecordLaterThanTheGraceIsADeadLetterAndCounted() throws Exception {
        in.pipeInput("k", record("000000", "D1", WHO.value(), "部门", "2024-07-05 10:00"));
        // two days and an hour after D1: D1 is more than the grace behind, though within the window of it
        in.pipeInput("k", record("000000", "C2", WHO.value(), "中心窗口", "2024-07-07 11:00"));
        in.pipeInput("k", record("000000", "C1", WHO.value(), "中心窗口", "2024-07-05 10:59"));
        assertThat(dead.readValuesToList()).singleElement().satisfies(d -> assertThat(reason(d))
                .startsWith(IntakeTopology.TOO_LATE).contains("case C1").contains("PT48H"));
        assertThat(driver.metrics().entrySet()).filteredOn(e -> e.getKey().name().equals("too-late-total"))
                .singleElement().satisfies(e -> assertThat(e.getValue().metricValue()).isEqualTo(1.0));
        in.pipeInput("k", record("000000", "T1", WHO.value(), "网上", "2024-12-31"));
        // D1 judged without C1: paired with C2, two days apart
        assertThat(findings.readValuesToList()).filteredOn(v -> v.contains("\"intake.two-end\"")).singleElement().asString()
                .contains("\"centreCase\":\"C2\"");
    }

    @Test
    void badResultsAndStepsAreDeadLettersAndAResultWithoutAcceptanceIsHandledOutsideTheSystem() throws Exception {
        IntakeTopology.Topics tracked = TOPICS.withCaseTracks();
        Properties p = IntakeTopology.config("tracks-test", "127.0.0.1:9", 1);
        p.put(StreamsConfig.STATE_DIR_CONFIG, state.resolve("tracks").toString());
        try (TopologyTestDriver d = new TopologyTestDriver(new IntakeTopology(rules, Map.of(DivisionCode.NATIONAL,
                List.of(new ItemMove("ITEM-B", LocalDate.of(2024, 6, 1), true))), tracked).build(), p)) {
            TestInputTopic<String, String> intake = d.createInputTopic(tracked.intake(), Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestInputTopic<String, String> results = d.createInputTopic(tracked.results().orElseThrow(),
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestInputTopic<String, String> steps = d.createInputTopic(tracked.steps().orElseThrow(),
                    Serdes.String().serializer(), Serdes.String().serializer());
            TestOutputTopic<String, String> out = d.createOutputTopic(TOPICS.findings(), Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            TestOutputTopic<String, String> dl = d.createOutputTopic(TOPICS.deadLetters(), Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            results.pipeInput("k", "[1]");
            results.pipeInput("k", "{\"locality\":\"000000\",\"case_number\":\"R1\",\"item_code\":\"ITEM-B\","
                    + "\"kind\":\"收据\",\"place\":\"WINDOW\",\"at\":\"2024-07-01 09:00\"}");
            results.pipeInput("k", "{\"locality\":\"450000\",\"case_number\":\"R1\",\"item_code\":\"ITEM-B\","
                    + "\"place\":\"WINDOW\",\"at\":\"2024-07-01 09:00\"}");
            steps.pipeInput("k", "{\"locality\":\"000000\",\"case_number\":\"R1\",\"item_code\":\"ITEM-B\","
                    + "\"step\":\"盖章\",\"place\":\"DEPARTMENT\",\"at\":\"2024-07-01 09:00\"}");
            steps.pipeInput("k", "{\"locality\":\"000000\",\"case_number\":\"R1\",\"item_code\":\"ITEM-B\","
                    + "\"step\":\"APPROVAL\",\"place\":\"楼上\",\"at\":\"2024-07-01 09:00\"}");
            // the stream goes on: a result of a centre-only item with no acceptance record anywhere (体外循环)
            results.pipeInput("k", "{\"locality\":\"000000\",\"办件编号\":\"R2\",\"实施编码\":\"ITEM-B\","
                    + "\"类型\":\"出证\",\"地点\":\"窗口\",\"时间\":\"2024-07-10 09:00\"}");
            // too late for the case tracks: more than the grace before their stream time
            results.pipeInput("k", "{\"locality\":\"000000\",\"case_number\":\"R3\",\"item_code\":\"ITEM-B\","
                    + "\"place\":\"WINDOW\",\"at\":\"2024-07-07 09:00\"}");
            intake.pipeInput("k", record("000000", "T1", WHO.value(), "网上", "2024-12-31"));
            List<String> reasons = dl.readValuesToList().stream().map(v -> {
                try {
                    return reason(v);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertThat(reasons).hasSize(6);
            assertThat(reasons.get(0)).contains("JSON");
            assertThat(reasons.get(1)).contains("收据").contains("expected RESULT or CERTIFICATE");
            assertThat(reasons.get(2)).contains("450000").contains("does not serve");
            assertThat(reasons.get(3)).contains("盖章").contains("unknown step");
            assertThat(reasons.get(4)).contains("楼上").contains("unknown place");
            assertThat(reasons.get(5)).startsWith(IntakeTopology.TOO_LATE).contains("case R3");
            List<String> fs = out.readValuesToList();
            assertThat(fs).filteredOn(f -> f.contains("\"intake.outside-system\"")).singleElement().asString()
                    .contains("\"subject\":\"R2\"");
            assertThat(fs).noneMatch(f -> f.contains("\"R3\"") || f.contains("\"R1\""));

            // a certificate of R2 months after its track was judged: a dead letter, not a second 体外循环 case
            results.pipeInput("k", "{\"locality\":\"000000\",\"case_number\":\"R2\",\"item_code\":\"ITEM-B\","
                    + "\"kind\":\"CERTIFICATE\",\"place\":\"WINDOW\",\"at\":\"2024-12-31 10:00\"}");
            intake.pipeInput("k", record("000000", "T2", WHO.value(), "网上", "2025-03-31"));
            assertThat(dl.readValuesToList()).singleElement().satisfies(v -> assertThat(reason(v))
                    .contains("case R2 was closed and judged").contains("2024-07-10"));
            assertThat(out.readValuesToList()).noneMatch(f -> f.contains("\"intake.outside-system\""));
        }
    }
}
