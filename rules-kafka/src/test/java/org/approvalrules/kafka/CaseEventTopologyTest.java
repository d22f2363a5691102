package org.approvalrules.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.kafka.CaseFile.ItemLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case-event topology on one task: warnings raised as the wall clock passes, each once; bad records to
 * the dead-letter topic with the reason while the stream goes on; pack edits picked up while running, a broken
 * one refused with the old rules still serving, every finding naming the version it came from.
 */
class CaseEventTopologyTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final DivisionCode COUNTY = DivisionCode.of("451031");
    static final CaseEventTopology.Topics TOPICS = CaseEventTopology.Topics.defaults();
    static final Map<String, ItemLimits> ITEMS = Map.of(
            "P5", new ItemLimits(TimeLimit.workingDays(20), Optional.of(TimeLimit.workingDays(5))),
            "P2", new ItemLimits(TimeLimit.workingDays(20), Optional.of(TimeLimit.workingDays(2))));

    @TempDir
    Path dir;
    ApprovalRules rules;
    TopologyTestDriver driver;
    TestInputTopic<String, String> in;
    TestOutputTopic<String, String> findings;
    TestOutputTopic<String, String> dead;
    TestOutputTopic<String, String> status;
    Instant wallClock;

    void start(Path packs, boolean watch, LocalDateTime wallClock) {
        rules = ApprovalRules.builder().packs(packs).build();
        Properties p = IntakeTopology.config("case-events-test", "127.0.0.1:9", 1);
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        CaseEventTopology t = new CaseEventTopology(rules, Map.of(COUNTY, ITEMS), TOPICS, Duration.ofHours(1),
                watch ? Optional.of(new PackWatcher(rules)) : Optional.empty());
        driver = new TopologyTestDriver(t.build(), p, CaseEventTopology.instant(wallClock));
        in = driver.createInputTopic(TOPICS.events(), Serdes.String().serializer(), Serdes.String().serializer());
        findings = driver.createOutputTopic(TOPICS.findings(), Serdes.String().deserializer(), Serdes.String().deserializer());
        dead = driver.createOutputTopic(TOPICS.deadLetters(), Serdes.String().deserializer(),
                Serdes.String().deserializer());
        status = driver.createOutputTopic(TOPICS.status(), Serdes.String().deserializer(), Serdes.String().deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
        if (rules != null) {
            rules.close();
        }
    }

    static String row(String kase, String item, String accepted) {
        return "{\"locality\":\"451031\",\"case_number\":\"" + kase + "\",\"item_code\":\"" + item + "\",\"accepted\":\""
                + accepted + "\"}";
    }

    static String event(String kase, String kind, String at) {
        return "{\"locality\":\"451031\",\"case_number\":\"" + kase + "\",\"kind\":\"" + kind + "\",\"at\":\"" + at + "\"}";
    }

    /** Advances the wall clock to {@code t} (one punctuation). */
    void clock(LocalDateTime t) {
        driver.advanceWallClockTime(Duration.between(wallClock, CaseEventTopology.instant(t)));
        wallClock = CaseEventTopology.instant(t);
    }

    List<String> ruleIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (KeyValue<String, String> kv : findings.readKeyValuesToList()) {
            JsonNode n = JSON.readTree(kv.value);
            ids.add(kv.key + " " + n.get("ruleId").asText() + " " + n.get("severity").asText() + " "
                    + n.get("ruleSetVersion").asText());
        }
        return ids;
    }

    @Test
    void yellowThenRedAsTheClockPassesEachOnce() throws IOException {
        LocalDateTime t0 = LocalDateTime.of(2024, 9, 2, 8, 0);
        start(Path.of("..", "examples", "packs"), false, t0);
        wallClock = CaseEventTopology.instant(t0);
        String v = rules.locality(COUNTY).ruleSetVersion();
        in.pipeInput("A1", row("A1", "P5", "2024-09-02 09:00"));     // promised 5 working days: due 9 September
        in.pipeInput("A1", event("A1", "ACCEPTANCE", "2024-09-02T09:00"));
        clock(LocalDateTime.of(2024, 9, 2, 16, 0));
        assertThat(ruleIds()).as("on track on the day of acceptance").isEmpty();
        clock(LocalDateTime.of(2024, 9, 5, 10, 0));                  // two working days left: the county's yellow
        assertThat(ruleIds()).containsExactly("451031/A1 deadline.yellow.promised YELLOW " + v);
        clock(LocalDateTime.of(2024, 9, 6, 10, 0));
        clock(LocalDateTime.of(2024, 9, 6, 11, 0));
        assertThat(ruleIds()).as("yellow again: not written twice").isEmpty();
        clock(LocalDateTime.of(2024, 9, 10, 10, 0));                 // past the promised due date
        assertThat(ruleIds()).containsExactly("451031/A1 deadline.red.promised RED " + v);
        clock(LocalDateTime.of(2024, 9, 10, 11, 0));
        in.pipeInput("A1", event("A1", "DECISION", "2024-09-11 10:00"));
        clock(LocalDateTime.of(2024, 9, 11, 12, 0));
        assertThat(ruleIds()).as("red again, and after the decision: not written twice").isEmpty();
        assertThat(dead.readValuesToList()).isEmpty();
    }

    @Test
    void badRecordsAreDeadLettersWithTheReasonAndTheStreamGoesOn() throws IOException {
        LocalDateTime t0 = LocalDateTime.of(2024, 9, 2, 8, 0);
        start(Path.of("..", "examples", "packs"), false, t0);
        wallClock = CaseEventTopology.instant(t0);
        in.pipeInput("B1", row("B1", "P5", "2024-09-02 09:00"));
        String[][] bad = {
            {"B1", "not json", "not JSON"},
            {"B1", "{\"locality\":\"451031\",\"case_number\":\"B1\",\"colour\":\"red\"}", "unknown field"},
            {"B9", row("B1", "P5", "2024-09-02 09:00"), "the key must be the case number"},
            {null, row("B1", "P5", "2024-09-02 09:00"), "the key must be the case number"},
            {"E1", row("E1", "P5", "2024-09-02 09:00").replace("451031", "440106"), "does not serve"},
            {"E2", row("E2", "NO-SUCH-ITEM", "2024-09-02 09:00"), "not an item of the locality's catalogue"},
            {"B1", event("B1", "DECISION", "2024-09-01 09:00"), "decision is before acceptance"},
            {"B1", event("B1", "ACCEPTANCE", "2024-09-02 10:00"), "differs from the case row"},
            {"B1", event("B1", "EXTENSION", "2024-09-03 10:00").replace("}", ",\"days\":\"5\"}"), "reference"},
            {"B1", event("B1", "EXTENSION", "2024-09-03 10:00").replace("}", ",\"days\":\"5\",\"reference\":\"〔1〕\"}")
                    .replace("\"at\":\"2024-09-03 10:00\"", "\"at\":\"2024-09-03 10:00\",\"procedure\":\"检验\""),
                "only procedure events have a procedure"},
            {"B1", event("B1", "ARRIVAL", "2024-09-03 10:00"), "unknown event kind"},
            {"B1", event("B1", "DELIVERY", "yesterday"), "unrecognised time"},
        };
        for (String[] b : bad) {
            in.pipeInput(b[0], b[1]);
        }
        List<KeyValue<String, String>> letters = dead.readKeyValuesToList();
        assertThat(letters).hasSize(bad.length);
        for (int i = 0; i < bad.length; i++) {
            JsonNode n = JSON.readTree(letters.get(i).value);
            assertThat(n.get("reason").asText()).as("dead letter %d", i).contains(bad[i][2]);
            assertThat(letters.get(i).key).isEqualTo(TOPICS.events() + "/0/" + (i + 1));
            assertThat(n.get("offset").asLong()).isEqualTo(i + 1);
        }
        // the case's state is what its good records made it: it goes yellow, then red, as if nothing had come
        clock(LocalDateTime.of(2024, 9, 5, 10, 0));
        clock(LocalDateTime.of(2024, 9, 10, 10, 0));
        assertThat(ruleIds()).extracting(s -> s.split(" ")[1])
                .containsExactly("deadline.yellow.promised", "deadline.red.promised");
    }

    @Test
    void stateIsDroppedAfterTheLookBackWindowAndLateRecordsAreDeadLetters() throws IOException {
        LocalDateTime t0 = LocalDateTime.of(2024, 9, 2, 8, 0);
        start(Path.of("..", "examples", "packs"), false, t0);
        wallClock = CaseEventTopology.instant(t0);
        int l = IntakeTopology.lookBackDays(rules.locality(COUNTY));
        in.pipeInput("C1", row("C1", "P5", "2024-09-02 09:00"));
        in.pipeInput("C1", event("C1", "DECISION", "2024-09-04 09:00"));
        in.pipeInput("C1", event("C1", "DELIVERY", "2024-09-05 09:00"));   // closed
        in.pipeInput("C2", row("C2", "P5", "2024-09-03 09:00"));         // open
        in.pipeInput("C3", event("C3", "APPLICATION", "2024-09-03 08:00")); // its row never comes
        // the watermark: the window after the closing, less a minute, then a minute more
        in.pipeInput("C4", row("C4", "P5", LocalDateTime.of(2024, 9, 5, 8, 59).plusDays(l).toString()));
        clock(LocalDateTime.of(2024, 9, 3, 10, 0));
        assertThat(driver.getKeyValueStore(CaseEventTopology.STORE).get("451031/C1")).as("held within the window")
                .isNotNull();
        in.pipeInput("C5", row("C5", "P5", LocalDateTime.of(2024, 9, 5, 9, 1).plusDays(l).toString()));
        clock(LocalDateTime.of(2024, 9, 3, 11, 0));
        var store = driver.getKeyValueStore(CaseEventTopology.STORE);
        assertThat(store.get("451031/C1")).as("closed more than the window ago: dropped").isNull();
        assertThat(store.get("451031/C2")).as("open: held").isNotNull();
        assertThat(store.get("451031/C3")).as("row never came: dropped").isNull();
        List<String> letters = dead.readValuesToList();
        assertThat(letters).singleElement().asString().contains("the case row did not come within " + l + " days")
                .contains("C3");
        in.pipeInput("C1", event("C1", "DELIVERY", "2024-09-05 09:00"));   // late: its case is gone
        assertThat(dead.readValuesToList()).singleElement().asString().contains("late: more than the look-back window");
    }

    @Test
    void aPackEditIsPickedUpWhileRunningABrokenOneRefusedAndFindingsNameTheirVersion() throws IOException {
        Path packs = RuleReloadTest.copy(Path.of("..", "examples", "packs"), dir.resolve("packs"));
        LocalDateTime t0 = LocalDateTime.of(2024, 9, 5, 8, 0);
        start(packs, true, t0);
        wallClock = CaseEventTopology.instant(t0);
        String v1 = rules.locality(COUNTY).ruleSetVersion();
        in.pipeInput("D1", row("D1", "P2", "2024-09-05 09:00"));   // promised 2 working days: yellow on arrival
        assertThat(ruleIds()).containsExactly("451031/D1 deadline.yellow.promised YELLOW " + v1);

        Path drl = packs.resolve("451031/rules/intake.drl");
        String good = Files.readString(drl, StandardCharsets.UTF_8);
        Files.writeString(drl, good + "\nrule \"broken\" when then nonsense( end\n", StandardCharsets.UTF_8);
        clock(LocalDateTime.of(2024, 9, 5, 10, 0)); // the change is seen
        assertThat(status.readValuesToList()).as("not yet: the change must hold for one more poll").isEmpty();
        clock(LocalDateTime.of(2024, 9, 5, 11, 0)); // stable: reloaded, refused
        JsonNode refused = JSON.readTree(status.readValuesToList().get(0));
        assertThat(refused.get("layer").asText()).isEqualTo("451031");
        assertThat(refused.get("swapped").asBoolean()).isFalse();
        assertThat(refused.get("problems").toString()).contains("intake.drl");
        assertThat(rules.locality(COUNTY).ruleSetVersion()).as("the old rules keep serving").isEqualTo(v1);
        in.pipeInput("D2", row("D2", "P2", "2024-09-05 10:30"));
        assertThat(ruleIds()).containsExactly("451031/D2 deadline.yellow.promised YELLOW " + v1);

        Path local = packs.resolve("451031/parameters/local.yaml");
        Files.writeString(drl, good, StandardCharsets.UTF_8);
        Files.writeString(local, Files.readString(local, StandardCharsets.UTF_8)
                .replace("关于设立公安分中心的批复", "关于设立公安分中心的批复（修订）"), StandardCharsets.UTF_8);
        clock(LocalDateTime.of(2024, 9, 5, 12, 0));
        clock(LocalDateTime.of(2024, 9, 5, 13, 0));
        JsonNode swapped = JSON.readTree(status.readValuesToList().get(0));
        assertThat(swapped.get("swapped").asBoolean()).isTrue();
        String v2 = rules.locality(COUNTY).ruleSetVersion();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(swapped.get("ruleSetVersions").get("451031").asText()).isEqualTo(v2);
        in.pipeInput("D3", row("D3", "P2", "2024-09-05 11:30"));
        assertThat(ruleIds()).containsExactly("451031/D3 deadline.yellow.promised YELLOW " + v2);
        clock(LocalDateTime.of(2024, 9, 5, 14, 0));
        assertThat(status.readValuesToList()).as("nothing changed since").isEmpty();
        assertThat(dead.readValuesToList()).isEmpty();
    }
}
