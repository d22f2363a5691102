package org.approvalrules.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.testkit.gen.IntakeGens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real single-node KRaft broker in this JVM (Kafka's own {@link KafkaClusterTestKit}, loopback only) and both
 * applications, intake and case events, each in two instances (two stream threads and one), exactly-once v2, on
 * 4-partition input topics: one instance of each is stopped mid-stream with no grace and its local state wiped, then
 * started again; each findings topic (read committed) then holds exactly the batch's findings — none lost, none
 * twice.
 */
class BrokerRestartTest {
    static final int PARTITIONS = 4;
    static final DivisionCode NATIONAL = DivisionCode.NATIONAL;
    static final DivisionCode COUNTY = CaseEventsAsBatchPropertyTest.COUNTY;
    static final List<ApplicantId> WHO = IntakeGens.applicants(6);
    static final List<ItemMove> MOVES = StreamingAsBatchPropertyTest.MOVES;

    @TempDir
    Path dir;

    @Test
    @Timeout(420)
    void noFindingIsLostOrDuplicatedWhenAnInstanceOfEitherTopologyDiesMidStream() throws Exception {
        List<IntakeRecord> log = IntakeGens.logs(WHO, List.of("ITEM-A", "ITEM-B"),
                DateRange.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 10, 31)), List.of("公安分中心"), 300, true)
                .filter(l -> l.size() >= 150).generate(17L);
        List<CaseEventsAsBatchPropertyTest.GeneratedCase> cases = new ArrayList<>();
        Random seeds = new Random(23L);
        for (int i = 0; i < 80; i++) {
            cases.add(CaseEventsAsBatchPropertyTest.generate(i, seeds.nextLong(Long.MAX_VALUE / 2)));
        }
        try (ApprovalRules rules = ApprovalRules.builder().build();
                ApprovalRules county = ApprovalRules.builder().packs(Path.of("..", "examples", "packs")).build()) {
            List<String> expectedIntake = StreamingAsBatchPropertyTest.batch(rules, log, List.of());
            assertThat(expectedIntake).as("the log has findings to lose").hasSizeGreaterThan(20);
            // no wall-clock punctuation in the test (a day apart): each case's findings are those of its arrivals
            List<String> expectedCases = CaseEventsAsBatchPropertyTest.batch(county, cases, Optional.empty());
            assertThat(expectedCases).as("the cases have findings to lose").hasSizeGreaterThan(20);
            List<IntakeRecord> intake = StreamingAsBatchPropertyTest.shuffle(log, 5L, IntakeTopology.DEFAULT_GRACE);
            List<CaseEventJson.CaseRecord> events = CaseEventsAsBatchPropertyTest.interleave(cases, 7L);

            try (KafkaClusterTestKit cluster = SingleNodeBroker.start(dir.resolve("broker"))) {
                IntakeTopology.Topics topics = IntakeTopology.Topics.defaults();
                CaseEventTopology.Topics caseTopics = new CaseEventTopology.Topics("approval-rules.case-events",
                        "approval-rules.case-findings", topics.deadLetters(), "approval-rules.status");
                try (Admin admin = cluster.admin()) {
                    admin.createTopics(List.of(new NewTopic(topics.intake(), PARTITIONS, (short) 1),
                            new NewTopic(caseTopics.events(), PARTITIONS, (short) 1),
                            new NewTopic(topics.findings(), 1, (short) 1),
                            new NewTopic(caseTopics.findings(), 1, (short) 1),
                            new NewTopic(caseTopics.status(), 1, (short) 1),
                            new NewTopic(topics.deadLetters(), 1, (short) 1))).all().get();
                }
                String bootstrap = cluster.bootstrapServers();
                App intakeApp = new App("intake-it", new IntakeTopology(rules, Map.of(NATIONAL, MOVES), topics).build());
                App caseApp = new App("cases-it", new CaseEventTopology(county,
                        Map.of(COUNTY, CaseEventsAsBatchPropertyTest.ITEMS), caseTopics, Duration.ofDays(1),
                        Optional.empty()).build());
                KafkaStreams ia = start(intakeApp, bootstrap, "a", 2);
                KafkaStreams ib = start(intakeApp, bootstrap, "b", 1);
                KafkaStreams ca = start(caseApp, bootstrap, "a", 2);
                KafkaStreams cb = start(caseApp, bootstrap, "b", 1);
                try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                    for (KafkaStreams s : List.of(ia, ib, ca, cb)) {
                        awaitRunning(s);
                    }
                    int half = intake.size() / 2;
                    int halfEvents = events.size() / 2;
                    send(producer, topics, intake.subList(0, half));
                    sendEvents(producer, caseTopics, events.subList(0, halfEvents));
                    // one instance of each dies mid-stream: no grace period, and its local state is gone with it
                    for (KafkaStreams s : List.of(ib, cb)) {
                        s.close(Duration.ZERO);
                    }
                    for (KafkaStreams s : List.of(ib, cb)) {
                        await(s, KafkaStreams.State.NOT_RUNNING);
                        s.cleanUp();
                    }
                    send(producer, topics, intake.subList(half, intake.size()));
                    sendEvents(producer, caseTopics, events.subList(halfEvents, events.size()));
                    ib = start(intakeApp, bootstrap, "b", 1);
                    cb = start(caseApp, bootstrap, "b", 1);
                    LocalDateTime last = intake.stream().map(IntakeRecord::acceptedAt).max(Comparator.naturalOrder())
                            .orElseThrow();
                    send(producer, topics, ticks(last.plusDays(91)));
                }
                List<String> foundIntake = read(bootstrap, topics.findings(), expectedIntake.size());
                List<String> foundCases = read(bootstrap, caseTopics.findings(), expectedCases.size());
                List<String> dead = read(bootstrap, topics.deadLetters(), 0);
                for (KafkaStreams s : List.of(ia, ib, ca, cb)) {
                    s.close(Duration.ofSeconds(10));
                }
                assertThat(dead).as("dead letters").isEmpty();
                foundIntake.sort(Comparator.naturalOrder());
                foundCases.sort(Comparator.naturalOrder());
                assertThat(foundIntake).as("intake findings").isEqualTo(expectedIntake);
                assertThat(foundCases).as("case-event findings").isEqualTo(expectedCases);
            }
        }
    }

    /** An application: its id and topology. */
    private record App(String id, Topology topology) {
    }

    private static void awaitRunning(KafkaStreams s) throws InterruptedException {
        await(s, KafkaStreams.State.RUNNING);
    }

    /** Waits (at most 60 s) for {@code s} to reach {@code state}. */
    private static void await(KafkaStreams s, KafkaStreams.State state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (s.state() != state) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still " + s.state() + ", expected " + state);
            }
            Thread.sleep(50);
        }
    }

    private KafkaStreams start(App app, String bootstrap, String name, int threads) {
        Properties p = IntakeTopology.config(app.id(), bootstrap, threads);
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + app.id() + "-" + name).toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // the dead instance's members leave the group after 6 s, not the default 45 s
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1500);
        KafkaStreams s = new KafkaStreams(app.topology(), p);
        s.start();
        return s;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, IntakeTopology.Topics topics,
            List<IntakeRecord> records) throws Exception {
        for (IntakeRecord r : records) {
            // keyed by the topology's own key, so that each group's records stay in the order they were sent
            IntakeJson.Intake in = new IntakeJson.Intake(NATIONAL, r);
            producer.send(new ProducerRecord<>(topics.intake(), IntakeTopology.groupKey(in), IntakeJson.line(in))).get();
        }
    }

    private static void sendEvents(KafkaProducer<String, String> producer, CaseEventTopology.Topics topics,
            List<CaseEventJson.CaseRecord> records) throws Exception {
        for (CaseEventJson.CaseRecord r : records) {
            // keyed by case number, as the topology requires: a case's records stay in their order
            producer.send(new ProducerRecord<>(topics.events(), r.caseNumber(), CaseEventJson.line(r))).get();
        }
    }

    /** Centre-end records far later, at least one for each partition of the topology's key: time goes on. */
    private static List<IntakeRecord> ticks(LocalDateTime at) {
        List<IntakeRecord> out = new ArrayList<>();
        BitSet hit = new BitSet();
        for (int i = 0; hit.cardinality() < PARTITIONS; i++) {
            IntakeRecord t = IntakeRecord.of("TICK" + i, "TICK" + i, WHO.get(0), AcceptanceChannel.ONLINE, at);
            String key = IntakeTopology.groupKey(new IntakeJson.Intake(NATIONAL, t));
            int p = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (!hit.get(p)) {
                hit.set(p);
                out.add(t);
            }
        }
        return out;
    }

    /** The committed records of {@code topic}, read until {@code expected} have come and 3 s more show no more. */
    private static List<String> read(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < deadline && System.nanoTime() < quietUntil) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                    out.add(r.value());
                }
                if (out.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return out;
    }
}
