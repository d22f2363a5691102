package org.approvalrules.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack edited and reloaded while the topology runs: records judged before the reload name the old
 * rule-set version, records judged after it the new one, with no restart.
 */
class RuleReloadTest {
    static final DivisionCode COUNTY = DivisionCode.of("451031");
    static final ApplicantId WHO = IntakeGens.applicants(1).get(0);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static String record(String kase, String channel, String accepted) {
        return "{\"locality\":\"451031\",\"case_number\":\"" + kase + "\",\"item_code\":\"ITEM-B\",\"applicant_id\":\""
                + WHO.value() + "\",\"channel\":\"" + channel + "\",\"accepted\":\"" + accepted + "\"}";
    }

    @Test
    void findingsNameTheRuleSetVersionTheyWereJudgedWith() throws Exception {
        Path packs = copy(Path.of("..", "examples", "packs"), dir.resolve("packs"));
        IntakeTopology.Topics topics = IntakeTopology.Topics.defaults();
        Properties p = IntakeTopology.config("reload-test", "127.0.0.1:9", 1);
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state").toString());
        try (ApprovalRules rules = ApprovalRules.builder().packs(packs).build();
                TopologyTestDriver driver = new TopologyTestDriver(new IntakeTopology(rules, Map.of(COUNTY,
                        List.of(new ItemMove("ITEM-B", LocalDate.of(2024, 6, 1), true))), topics).build(), p)) {
            TestInputTopic<String, String> in = driver.createInputTopic(topics.intake(), Serdes.String().serializer(),
                    Serdes.String().serializer());
            TestOutputTopic<String, String> out = driver.createOutputTopic(topics.findings(),
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            String before = rules.locality(COUNTY).ruleSetVersion();
            in.pipeInput("k", record("C1", "中心窗口", "2024-07-01 09:00"));
            in.pipeInput("k", record("D1", "部门", "2024-07-05 09:00"));
            in.pipeInput("k", record("T1", "网上", "2024-10-15"));
            List<KeyValue<String, String>> first = out.readKeyValuesToList();

            Path local = packs.resolve("451031/parameters/local.yaml");
            Files.writeString(local, Files.readString(local, StandardCharsets.UTF_8)
                    .replace("关于设立公安分中心的批复", "关于设立公安分中心的批复（修订）"), StandardCharsets.UTF_8);
            ApprovalRules.Reload reload = rules.reload(COUNTY);
            assertThat(reload.swapped()).as("reload %s", reload.problems()).isTrue();
            String after = rules.locality(COUNTY).ruleSetVersion();
            assertThat(after).isNotEqualTo(before);

            in.pipeInput("k", record("C2", "中心窗口", "2024-10-20 09:00"));
            in.pipeInput("k", record("D2", "部门", "2024-10-22 09:00"));
            in.pipeInput("k", record("T2", "网上", "2025-01-31"));
            List<KeyValue<String, String>> second = out.readKeyValuesToList();

            assertThat(first).isNotEmpty().allSatisfy(kv -> {
                assertThat(kv.key).isEqualTo("451031/D1");
                assertThat(version(kv.value)).isEqualTo(before);
            });
            assertThat(second).isNotEmpty().allSatisfy(kv -> {
                assertThat(kv.key).isEqualTo("451031/D2");
                assertThat(version(kv.value)).isEqualTo(after);
            });
        }
    }

    private static String version(String finding) throws IOException {
        JsonNode n = JSON.readTree(finding);
        return n.get("ruleSetVersion").asText();
    }

    static Path copy(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(all::add);
        }
        for (Path f : all) {
            Path target = to.resolve(from.relativize(f).toString());
            try {
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return to;
    }
}
