package org.approvalrules.kafka;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.testkit.gen.IntakeGens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: the cost of the intake topology per record, in CPU time and bytes allocated by the processing thread
 * (figures that a shared machine disturbs far less than wall-clock time), with the state the store holds at the end.
 * Runs only with {@code -Dapprovalrules.bench=true}:
 * {@code mvn -B -q -pl rules-kafka -am test -Dtest=IntakeStreamCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dapprovalrules.bench=true}. One task ({@link TopologyTestDriver}, which processes each record in the calling
 * thread: the thread's CPU time and allocation are the topology's, RocksDB included), the national pack, a generated
 * log of {@code approvalrules.bench.records} records (default 20,000) over 200 applicants, 5 items and a year,
 * copies under one case number, shuffled within the default grace; with and without case tracks (results and steps of
 * {@link StreamingAsBatchPropertyTest#tracks}). A first run warms up and is not a figure.
 */
@EnabledIfSystemProperty(named = "approvalrules.bench", matches = "true")
class IntakeStreamCostBenchmark {
    static final int RECORDS = Integer.getInteger("approvalrules.bench.records", 20_000);

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        List<ApplicantId> who = IntakeGens.applicants(200);
        List<IntakeRecord> log = new ArrayList<>();
        long seed = 1;
        while (log.size() < RECORDS) {
            log.addAll(IntakeGens.logs(who, List.of("ITEM-A", "ITEM-B", "ITEM-C", "ITEM-D", "ITEM-E"),
                    DateRange.of(LocalDate.of(2024, 6, 1), LocalDate.of(2025, 5, 31)), List.of("公安分中心"), 1000, true)
                    .generate(seed++).stream().map(r -> new IntakeRecord(r.caseNumber() + "-" + log.size(), r.itemCode(),
                            r.applicant(), r.channel(), r.channelName(), r.acceptedAt())).toList());
        }
        System.out.println("uptime before: " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int run = 0; run < 3; run++) {
            for (boolean tracked : new boolean[] {false, true}) {
                measure(log, tracked, run);
            }
        }
        System.out.println("uptime after: " + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private void measure(List<IntakeRecord> log, boolean tracked, int run) {
        IntakeTopology.Topics topics = tracked ? IntakeTopology.Topics.defaults().withCaseTracks()
                : IntakeTopology.Topics.defaults();
        List<StreamingAsBatchPropertyTest.Send> sends = new ArrayList<>(tracked
                ? StreamingAsBatchPropertyTest.sends(log, StreamingAsBatchPropertyTest.tracks(log, 9L), topics)
                : StreamingAsBatchPropertyTest.sends(log));
        sends = StreamingAsBatchPropertyTest.shuffleSends(sends, 7L, IntakeTopology.DEFAULT_GRACE);
        Properties p = IntakeTopology.config("cost-" + run + tracked, "127.0.0.1:9", 1);
        p.put(StreamsConfig.STATE_DIR_CONFIG, dir.resolve("s" + run + tracked).toString());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (ApprovalRules rules = ApprovalRules.builder().build();
                TopologyTestDriver d = new TopologyTestDriver(new IntakeTopology(rules,
                        Map.of(StreamingAsBatchPropertyTest.NATIONAL, StreamingAsBatchPropertyTest.MOVES), topics)
                        .build(), p)) {
            Map<String, TestInputTopic<String, String>> in = new java.util.HashMap<>();
            TestOutputTopic<String, String> findings = d.createOutputTopic(topics.findings(),
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            TestOutputTopic<String, String> dead = d.createOutputTopic(topics.deadLetters(),
                    Serdes.String().deserializer(), Serdes.String().deserializer());
            long tid = Thread.currentThread().getId();
            long cpu0 = threads.getThreadCpuTime(tid);
            long alloc0 = threads.getThreadAllocatedBytes(tid);
            long wall0 = System.nanoTime();
            long found = 0;
            for (StreamingAsBatchPropertyTest.Send s : sends) {
                in.computeIfAbsent(s.topic(), t -> d.createInputTopic(t, Serdes.String().serializer(),
                        Serdes.String().serializer())).pipeInput(s.route(), s.line());
                found += findings.getQueueSize();
                findings.readValuesToList();
            }
            long cpu = threads.getThreadCpuTime(tid) - cpu0;
            long alloc = threads.getThreadAllocatedBytes(tid) - alloc0;
            long wall = System.nanoTime() - wall0;
            int held = 0;
            long bytes = 0;
            for (String store : tracked ? List.of(IntakeTopology.STORE, IntakeTopology.TRACKS)
                    : List.of(IntakeTopology.STORE)) {
                try (KeyValueIterator<String, String> it = d.<String, String>getKeyValueStore(store).all()) {
                    while (it.hasNext()) {
                        var kv = it.next();
                        held++;
                        bytes += kv.key.length() + kv.value.length();
                    }
                }
            }
            System.out.printf("run %d %s: %d records, CPU %.1f µs/record, allocated %.1f KB/record, wall %.1f µs/record "
                            + "(not a figure on a shared machine); findings so far %d, dead letters %d; store entries "
                            + "held at the end %d (%.1f MB of JSON)%n",
                    run, tracked ? "with case tracks" : "intake only", sends.size(), cpu / 1e3 / sends.size(),
                    alloc / 1024.0 / sends.size(), wall / 1e3 / sends.size(), found, dead.getQueueSize(), held,
                    bytes / 1e6);
        }
    }
}
