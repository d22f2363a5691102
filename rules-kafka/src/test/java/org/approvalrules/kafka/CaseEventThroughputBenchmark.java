package org.approvalrules.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.approvalrules.ApprovalRules;
import org.approvalrules.kafka.CaseEventJson.CaseRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the figures of docs/PERFORMANCE.md ("Streaming"), measured against a single-node KRaft broker
 * in this JVM. Runs only with {@code -Dapprovalrules.bench=true}:
 * {@code mvn -B -q -pl rules-kafka -am test -Dtest=CaseEventThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dapprovalrules.bench=true}. For 1, 2 and 4 partitions (one stream thread each, exactly-once v2), the same
 * generated case records (rows and events of {@code CaseEventsAsBatchPropertyTest}) are produced first, then
 * the application is started and timed until its committed offsets reach the end of the input: records per
 * second, in all and per partition. Then, with the application idle, single case rows that give a finding on
 * arrival are sent one at a time and timed until their finding is read (read committed): latency record →
 * finding. Prints the figures and {@code uptime} before and after (the machine may be shared).
 */
@EnabledIfSystemProperty(named = "approvalrules.bench", matches = "true")
class CaseEventThroughputBenchmark {
    static final int CASES = Integer.getInteger("approvalrules.bench.cases", 6000);
    static final int LATENCY_SAMPLES = 50;

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            records.addAll(CaseEventsAsBatchPropertyTest.generate(i, 1000L + i).records());
        }
        // in time order, as the centre's systems would send them (each case's records are in time order already:
        // the sort is stable), so that no record is late
        records.sort(java.util.Comparator.comparing(CaseRecord::at));
        System.out.println("load average before (/proc/loadavg): " + uptime());
        System.out.println("records: " + records.size() + " (" + CASES + " cases)");
        try (ApprovalRules rules = ApprovalRules.builder().packs(Path.of("..", "examples", "packs")).build();
                KafkaClusterTestKit cluster = SingleNodeBroker.start(dir.resolve("broker"))) {
            run(rules, cluster, records, 1, "warm-up (cold JVM, not a figure)");
            for (int partitions : new int[] {1, 2, 4}) {
                run(rules, cluster, records, partitions, "");
            }
        }
        System.out.println("load average after (/proc/loadavg): " + uptime());
    }

    private void run(ApprovalRules rules, KafkaClusterTestKit cluster, List<CaseRecord> records, int partitions,
            String label) throws Exception {
        String p = "p" + partitions + (label.isEmpty() ? "" : "w");
        CaseEventTopology.Topics topics = new CaseEventTopology.Topics("bench.events." + p, "bench.findings." + p,
                "bench.dead." + p, "bench.status." + p);
        String app = "bench-" + p;
        try (Admin admin = cluster.admin()) {
            admin.createTopics(List.of(new NewTopic(topics.events(), partitions, (short) 1),
                    new NewTopic(topics.findings(), 1, (short) 1), new NewTopic(topics.deadLetters(), 1, (short) 1),
                    new NewTopic(topics.status(), 1, (short) 1))).all().get();
            // one request in flight, so that a retry under load keeps each partition's order; every send checked
            Properties fill = new Properties();
            fill.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
            fill.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            try (KafkaProducer<String, String> producer = producer(cluster.bootstrapServers(), fill)) {
                List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
                for (CaseRecord r : records) {
                    sent.add(producer.send(new ProducerRecord<>(topics.events(), r.caseNumber(), CaseEventJson.line(r))));
                }
                for (var f : sent) {
                    f.get();
                }
            }
            // punctuation every hour: the wall clock is years after these cases, so only arrivals are timed
            CaseEventTopology topology = new CaseEventTopology(rules, Map.of(CaseEventsAsBatchPropertyTest.COUNTY,
                    CaseEventsAsBatchPropertyTest.ITEMS), topics, Duration.ofHours(1), Optional.empty());
            Properties props = IntakeTopology.config(app, cluster.bootstrapServers(), partitions);
            props.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("state-" + p).toString());
            long start = System.nanoTime();
            long firstCommit = 0;
            long firstCommitted = 0;
            try (KafkaStreams streams = new KafkaStreams(topology.build(), props)) {
                streams.start();
                for (long done = 0; done < records.size(); done = committed(admin, app, topics.events())) {
                    if (done > 0 && firstCommit == 0) {
                        firstCommit = System.nanoTime();
                        firstCommitted = done;
                    }
                    Thread.sleep(20);
                    if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(10)) {
                        throw new AssertionError("not done in 10 minutes");
                    }
                }
                long end = System.nanoTime();
                double seconds = (end - start) / 1e9;
                double rate = records.size() / seconds;
                double steady = (records.size() - firstCommitted) / ((end - firstCommit) / 1e9);
                System.out.printf("partitions %d %s: %d records in %.1f s from start = %.0f records/s (%.0f per partition);"
                        + " from the first commit on: %.0f records/s (%.0f per partition)%n", partitions, label,
                        records.size(), seconds, rate, rate / partitions, steady, steady / partitions);
                System.out.printf("  written: %d findings, %d dead letters%n", count(cluster.bootstrapServers(),
                        topics.findings()), count(cluster.bootstrapServers(), topics.deadLetters()));
                // rows accepted on a working day after every record so far (not late), 09:00: yellow on arrival
                java.time.LocalDate day = rules.locality(CaseEventsAsBatchPropertyTest.COUNTY).calendar()
                        .nextWorkingDay(records.get(records.size() - 1).at().toLocalDate());
                latency(cluster.bootstrapServers(), topics, day.atTime(9, 0));
            }
        }
    }

    /** Sends case rows that give a finding on arrival, one at a time, and times each until its finding is read. */
    private static void latency(String bootstrap, CaseEventTopology.Topics topics, java.time.LocalDateTime accepted)
            throws Exception {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Long> micros = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer()); KafkaProducer<String, String> producer = producer(bootstrap, new Properties())) {
            TopicPartition tp = new TopicPartition(topics.findings(), 0);
            consumer.assign(List.of(tp));
            consumer.seekToEnd(List.of(tp));
            consumer.position(tp);
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                String kase = "LAT-" + topics.events() + "-" + i;
                String row = CaseEventJson.line(new CaseEventJson.CaseRow(CaseEventsAsBatchPropertyTest.COUNTY, kase,
                        "S20P2", accepted, Optional.empty(), Optional.empty()));
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topics.events(), kase, row)).get();
                boolean found = false;
                while (!found) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(5))) {
                        found |= r.key().endsWith("/" + kase);
                    }
                    if (System.nanoTime() - sent > TimeUnit.SECONDS.toNanos(30)) {
                        throw new AssertionError("no finding for " + kase + " in 30 s");
                    }
                }
                micros.add((System.nanoTime() - sent) / 1000);
            }
        }
        micros.sort(null);
        System.out.printf("  latency record -> finding (%d samples, commit interval 100 ms): median %.1f ms, p90 %.1f ms, "
                + "max %.1f ms%n", micros.size(), micros.get(micros.size() / 2) / 1000.0,
                micros.get(micros.size() * 9 / 10) / 1000.0, micros.get(micros.size() - 1) / 1000.0);
    }

    /** The committed records of a one-partition topic. */
    private static long count(String bootstrap, String topic) {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            long n = 0;
            while (consumer.position(tp) < end) {
                n += consumer.poll(Duration.ofMillis(200)).count();
            }
            return n;
        }
    }

    private static long committed(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long sum = 0;
        for (var e : offsets.entrySet()) {
            if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                sum += e.getValue().offset();
            }
        }
        return sum;
    }

    private static KafkaProducer<String, String> producer(String bootstrap, Properties more) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000); // a loaded machine: no timeout, no retry
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000);
        p.putAll(more);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static String uptime() throws IOException {
        return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).strip();
    }
}
