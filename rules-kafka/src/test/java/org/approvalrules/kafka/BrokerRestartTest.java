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
import java.util.Properties;
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
 * A real single-node KRaft broker in this JVM (Kafka's own {@link KafkaClusterTestKit}, loopback only), the
 * application in two instances (two stream threads and one), exactly-once v2: one instance is stopped
 * mid-stream with no grace and its local state wiped, then started again; the findings topic (read
 * committed) then holds exactly the batch scan's findings — none lost, none twice.
 */
class BrokerRestartTest {
    static final int PARTITIONS = 4;
    static final DivisionCode NATIONAL = DivisionCode.NATIONAL;
    static final List<ApplicantId> WHO = IntakeGens.applicants(6);
    static final List<ItemMove> MOVES = StreamingAsBatchPropertyTest.MOVES;

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void noFindingIsLostOrDuplicatedWhenAnInstanceDiesMidStream() throws Exception {
        List<IntakeRecord> log = IntakeGens.logs(WHO, List.of("ITEM-A", "ITEM-B"),
                DateRange.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 10, 31)), List.of("公安分中心"), 300).filter(l -> l.size() >= 150)
                .generate(17L);
        try (ApprovalRules rules = ApprovalRules.builder().build()) {
            List<String> expected = StreamingAsBatchPropertyTest.batch(log);
            assertThat(expected).as("the log has findings to lose").hasSizeGreaterThan(20);
            List<IntakeRecord> arrivals = StreamingAsBatchPropertyTest.shuffle(log, 5L, IntakeTopology.DEFAULT_GRACE);

            try (KafkaClusterTestKit cluster = SingleNodeBroker.start(dir.resolve("broker"))) {
                IntakeTopology.Topics topics = IntakeTopology.Topics.defaults();
                try (Admin admin = cluster.admin()) {
                    admin.createTopics(List.of(new NewTopic(topics.intake(), PARTITIONS, (short) 1),
                            new NewTopic(topics.findings(), 1, (short) 1),
                            new NewTopic(topics.deadLetters(), 1, (short) 1))).all().get();
                }
                Topology topology = new IntakeTopology(rules, Map.of(NATIONAL, MOVES), topics).build();
                KafkaStreams a = start(topology, cluster.bootstrapServers(), "a", 2);
                KafkaStreams b = start(topology, cluster.bootstrapServers(), "b", 1);
                try (KafkaProducer<String, String> producer = producer(cluster.bootstrapServers())) {
                    awaitRunning(a);
                    awaitRunning(b);
                    int half = arrivals.size() / 2;
                    send(producer, topics, arrivals.subList(0, half));
                    // b dies mid-stream: no grace period, and its local state is gone with it
                    b.close(Duration.ZERO);
                    await(b, KafkaStreams.State.NOT_RUNNING);
                    b.cleanUp();
                    send(producer, topics, arrivals.subList(half, arrivals.size()));
                    b = start(topology, cluster.bootstrapServers(), "b", 1);
                    LocalDateTime last = arrivals.stream().map(IntakeRecord::acceptedAt).max(Comparator.naturalOrder())
                            .orElseThrow();
                    send(producer, topics, ticks(last.plusDays(91)));
                }
                List<String> found = readFindings(cluster.bootstrapServers(), topics.findings(), expected.size());
                a.close(Duration.ofSeconds(10));
                b.close(Duration.ofSeconds(10));
                found.sort(Comparator.naturalOrder());
                assertThat(found).isEqualTo(expected);
            }
        }
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

    private KafkaStreams start(Topology topology, String bootstrap, String name, int threads) {
        Properties p = IntakeTopology.config("intake-it", bootstrap, threads);
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + name).toString());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // the dead instance's members leave the group after 6 s, not the default 45 s
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1500);
        KafkaStreams s = new KafkaStreams(topology, p);
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

    /** The committed findings, read until {@code expected} have come and 3 s more show no more. */
    private static List<String> readFindings(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader");
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
