package org.approvalrules.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.testkit.gen.Gen;
import org.approvalrules.testkit.gen.IntakeGens;
import org.approvalrules.testkit.gen.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same answers as the batch: random intake logs ({@link IntakeGens}), split over a random number of
 * partitions by the topology's own key (one {@link TopologyTestDriver} per partition, as one task each) and
 * shuffled within the look-back window, give exactly the findings of the batch intake scan over the same
 * records: none missing, none extra, none twice.
 */
class StreamingAsBatchPropertyTest {
    static final DivisionCode NATIONAL = DivisionCode.NATIONAL;
    static final List<ApplicantId> WHO = IntakeGens.applicants(3);
    static final List<String> ITEMS = List.of("ITEM-A", "ITEM-B");
    static final List<ItemMove> MOVES = List.of(new ItemMove("ITEM-A", LocalDate.of(2024, 6, 1), true),
            new ItemMove("ITEM-B", LocalDate.of(2024, 6, 1), false));
    static final Gen<List<IntakeRecord>> LOGS = IntakeGens.logs(WHO, ITEMS,
            DateRange.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 9, 30)), List.of("公安分中心"), 40);

    record Scenario(List<IntakeRecord> log, int partitions, long shuffleSeed) {
    }

    static final Gen<Scenario> SCENARIOS = Gen.zip(LOGS,
            Gen.zip(Gen.ints(1, 4), Gen.longs(0, 1_000_000), (p, seed) -> new long[] {p, seed}),
            (log, ps) -> new Scenario(log, (int) ps[0], ps[1]));

    static final ApprovalRules RULES = ApprovalRules.builder().build();
    static final IntakeTopology.Topics TOPICS = IntakeTopology.Topics.defaults();
    static final Topology TOPOLOGY = new IntakeTopology(RULES, Map.of(NATIONAL, MOVES), TOPICS).build();
    static final int LOOK_BACK = IntakeTopology.lookBackDays(RULES.locality(NATIONAL));

    @TempDir
    static Path stateDirs;
    static int drivers;

    @AfterAll
    static void close() {
        RULES.close();
    }

    /** What the stream wrote. */
    record Output(List<String> findings, List<String> deadLetters) {
    }

    /** Runs {@code lines} (already in arrival order) through {@code partitions} tasks, then advances time. */
    static Output stream(List<IntakeJson.Intake> arrivals, int partitions) {
        List<TopologyTestDriver> tasks = new ArrayList<>();
        try {
            for (int p = 0; p < partitions; p++) {
                Properties props = IntakeTopology.config("as-batch", "127.0.0.1:9", 1);
                props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirs.resolve("d" + drivers++).toString());
                tasks.add(new TopologyTestDriver(TOPOLOGY, props));
            }
            List<TestInputTopic<String, String>> in = tasks.stream().map(t -> t.createInputTopic(TOPICS.intake(),
                    Serdes.String().serializer(), Serdes.String().serializer())).toList();
            LocalDateTime last = LocalDateTime.of(2000, 1, 1, 0, 0);
            for (IntakeJson.Intake r : arrivals) {
                in.get(partition(IntakeTopology.groupKey(r), partitions)).pipeInput(r.record().caseNumber(),
                        IntakeJson.line(r));
                last = r.record().acceptedAt().isAfter(last) ? r.record().acceptedAt() : last;
            }
            // time goes on: a centre-end record far later on every task judges everything still held
            for (TestInputTopic<String, String> t : in) {
                t.pipeInput("TICK", IntakeJson.line(new IntakeJson.Intake(NATIONAL, IntakeRecord.of("TICK", "TICK",
                        WHO.get(0), AcceptanceChannel.CENTRE_WINDOW, last.plusDays(3L * LOOK_BACK + 1)))));
            }
            List<String> findings = new ArrayList<>();
            List<String> dead = new ArrayList<>();
            for (TopologyTestDriver t : tasks) {
                TestOutputTopic<String, String> f = t.createOutputTopic(TOPICS.findings(), Serdes.String().deserializer(),
                        Serdes.String().deserializer());
                TestOutputTopic<String, String> d = t.createOutputTopic(TOPICS.deadLetters(),
                        Serdes.String().deserializer(), Serdes.String().deserializer());
                findings.addAll(f.readValuesToList());
                dead.addAll(d.readValuesToList());
            }
            findings.sort(Comparator.naturalOrder());
            return new Output(findings, dead);
        } finally {
            tasks.forEach(TopologyTestDriver::close);
        }
    }

    /** The partition Kafka's default partitioner gives a key. */
    static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** Arrival order: acceptance order disturbed by less than the look-back window. */
    static List<IntakeRecord> shuffle(List<IntakeRecord> log, long seed) {
        Random random = new Random(seed);
        record Late(IntakeRecord r, long at, int tie) {
        }
        List<Late> late = new ArrayList<>();
        for (IntakeRecord r : log) {
            late.add(new Late(r, r.acceptedAt().toLocalDate().toEpochDay() + random.nextInt(LOOK_BACK),
                    random.nextInt()));
        }
        late.sort(Comparator.comparingLong(Late::at).thenComparingInt(Late::tie));
        return late.stream().map(Late::r).toList();
    }

    static List<String> batch(List<IntakeRecord> log) {
        List<String> out = new ArrayList<>();
        for (Finding f : RULES.locality(NATIONAL).scanIntake(log, MOVES)) {
            // the stream judges cases; the monthly volume signal (subject item@month) is the batch's alone
            if (!f.ruleId().equals("intake.department-volume")) {
                out.add(FindingsJson.line(f));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @Test
    void theStreamFindsWhatTheBatchFindsWhateverThePartitioningAndOrder() {
        int[] twoEnd = new int[1];
        Property.forAll(SCENARIOS).tries(25).check("stream = batch", s -> {
            List<IntakeJson.Intake> arrivals = shuffle(s.log(), s.shuffleSeed()).stream()
                    .map(r -> new IntakeJson.Intake(NATIONAL, r)).toList();
            Output out = stream(arrivals, s.partitions());
            List<String> expected = batch(s.log());
            assertThat(out.deadLetters()).as("dead letters").isEmpty();
            assertThat(out.findings()).as("findings over %d partitions", s.partitions()).isEqualTo(expected);
            twoEnd[0] += expected.stream().anyMatch(l -> l.contains("\"intake.two-end\"")) ? 1 : 0;
        });
        assertThat(twoEnd[0]).as("scenarios with two-end intake").isGreaterThan(5);
    }
}
