package org.approvalrules.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.intake.ApprovedChannel;
import org.approvalrules.api.intake.HandlingPlace;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeRegisters;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.ResultRecord;
import org.approvalrules.api.intake.StepRecord;
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
    /** Logs with cases exported by both systems (the same case number the same day or the next). */
    static final Gen<List<IntakeRecord>> LOGS = IntakeGens.logs(WHO, ITEMS,
            DateRange.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 9, 30)), List.of("公安分中心"), 40, true);

    /**
     * Approved channels (channels.csv): none, or the logs' branch centre approved from a day in the logs' span, for
     * good or until a later day (its records before and after are the department end).
     */
    static final Gen<List<ApprovedChannel>> CHANNELS = Gen.zip(Gen.ints(0, 150), Gen.ints(-60, 150), (from, days) ->
            from % 3 == 0 ? List.<ApprovedChannel>of() : List.of(new ApprovedChannel("公安分中心",
                    AcceptanceChannel.BRANCH_CENTRE, LocalDate.of(2024, 5, 1).plusDays(from),
                    days < 0 ? Optional.empty() : Optional.of(LocalDate.of(2024, 5, 1).plusDays(from + days)))));

    /** A log, the approved channels, the partitions, the shuffle and the grace in hours (0 to 5 days). */
    record Scenario(List<IntakeRecord> log, List<ApprovedChannel> channels, int partitions, long shuffleSeed,
            int graceHours) {
    }

    static final Gen<Scenario> SCENARIOS = Gen.zip(Gen.zip(LOGS, CHANNELS, (l, c) -> Map.entry(l, c)),
            Gen.zip(Gen.zip(Gen.ints(1, 4), Gen.ints(0, 120), (p, g) -> new int[] {p, g}), Gen.longs(0, 1_000_000),
                    (pg, seed) -> new long[] {pg[0], seed, pg[1]}),
            (lc, ps) -> new Scenario(lc.getKey(), lc.getValue(), (int) ps[0], ps[1], (int) ps[2]));

    static final ApprovalRules RULES = ApprovalRules.builder().build();
    static final IntakeTopology.Topics TOPICS = IntakeTopology.Topics.defaults();
    static final IntakeTopology.Topics TRACKED = TOPICS.withCaseTracks();
    static final int LOOK_BACK = IntakeTopology.lookBackDays(RULES.locality(NATIONAL));
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final ObjectMapper JSON = new ObjectMapper();

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

    static TopologyTestDriver driver(Duration grace) {
        return driver(grace, List.of());
    }

    static TopologyTestDriver driver(Duration grace, List<ApprovedChannel> channels) {
        return driver(grace, channels, TOPICS);
    }

    static TopologyTestDriver driver(Duration grace, List<ApprovedChannel> channels, IntakeTopology.Topics topics) {
        Properties props = IntakeTopology.config("as-batch", "127.0.0.1:9", 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirs.resolve("d" + drivers++).toString());
        return new TopologyTestDriver(new IntakeTopology(RULES, Map.of(NATIONAL, MOVES), Map.of(NATIONAL, channels),
                topics, grace).build(), props);
    }

    /** One record to send: its topic, its line, its time, and the key that decides its partition. */
    record Send(String topic, String line, LocalDateTime at, String route) {
    }

    static Send send(IntakeRecord r) {
        IntakeJson.Intake in = new IntakeJson.Intake(NATIONAL, r);
        return new Send(TOPICS.intake(), IntakeJson.line(in), r.acceptedAt(), IntakeTopology.groupKey(in));
    }

    static List<Send> sends(List<IntakeRecord> records) {
        return records.stream().map(StreamingAsBatchPropertyTest::send).toList();
    }

    /** Runs intake records (already in arrival order) through {@code partitions} tasks, intake topics only. */
    static Output stream(List<IntakeJson.Intake> arrivals, int partitions, Duration grace,
            List<ApprovedChannel> channels) {
        return stream(sends(arrivals.stream().map(IntakeJson.Intake::record).toList()), partitions, grace, channels, TOPICS);
    }

    /**
     * Runs records (already in arrival order) through {@code partitions} tasks with the grace given, each to the
     * partition of its route (a case's results and steps with its intake records, as the topology's case-number
     * repartition would bring them together), then advances time.
     */
    static Output stream(List<Send> arrivals, int partitions, Duration grace, List<ApprovedChannel> channels,
            IntakeTopology.Topics topics) {
        List<TopologyTestDriver> tasks = new ArrayList<>();
        try {
            for (int p = 0; p < partitions; p++) {
                tasks.add(driver(grace, channels, topics));
            }
            Map<String, List<TestInputTopic<String, String>>> inputs = new java.util.HashMap<>();
            LocalDateTime last = LocalDateTime.of(2000, 1, 1, 0, 0);
            for (Send r : arrivals) {
                inputs.computeIfAbsent(r.topic(), t -> tasks.stream().map(d -> d.createInputTopic(t,
                        Serdes.String().serializer(), Serdes.String().serializer())).toList())
                        .get(partition(r.route(), partitions)).pipeInput(r.route(), r.line());
                last = r.at().isAfter(last) ? r.at() : last;
            }
            List<TestInputTopic<String, String>> in = tasks.stream().map(t -> t.createInputTopic(topics.intake(),
                    Serdes.String().serializer(), Serdes.String().serializer())).toList();
            // time goes on: a centre-end record far later on every task judges everything still held
            for (TestInputTopic<String, String> t : in) {
                t.pipeInput("TICK", IntakeJson.line(new IntakeJson.Intake(NATIONAL, IntakeRecord.of("TICK", "TICK",
                        WHO.get(0), AcceptanceChannel.CENTRE_WINDOW, last.plus(grace).plusDays(LOOK_BACK + 2L)))));
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

    /** As {@link #shuffle(List, long, Duration)}, for records of any topic. */
    static List<Send> shuffleSends(List<Send> all, long seed, Duration grace) {
        return shuffle(all, Send::at, seed, grace);
    }

    /** Results and steps of some of a log's cases, and results of cases it does not have. */
    record Tracks(List<ResultRecord> results, List<StepRecord> steps) {
    }

    /**
     * Per case number of {@code log}, at random: nothing; a result (or a certificate) 0–20 days after the acceptance,
     * or up to two days before it (the acceptance recorded afterwards); with an approval step at the department or
     * the window before it; or, instead of a result, a delivery step. Up to two results of centre-only ITEM-A with
     * no acceptance in the log. Every case with steps is closed (a result or a delivery), within 20 days.
     */
    static Tracks tracks(List<IntakeRecord> log, long seed) {
        Random r = new Random(seed);
        Map<String, IntakeRecord> first = new java.util.TreeMap<>();
        for (IntakeRecord rec : log) {
            first.merge(rec.caseNumber(), rec, (a, b) -> a.acceptedAt().isAfter(b.acceptedAt()) ? b : a);
        }
        List<ResultRecord> results = new ArrayList<>();
        List<StepRecord> steps = new ArrayList<>();
        HandlingPlace[] places = HandlingPlace.values();
        for (IntakeRecord c : first.values()) {
            int what = r.nextInt(6);
            if (what == 0) {
                continue;
            }
            LocalDateTime at = c.acceptedAt();
            LocalDateTime issued = r.nextInt(6) == 0 ? at.minusHours(1 + r.nextInt(47))
                    : at.plusDays(r.nextInt(21)).plusHours(r.nextInt(8));
            if (what <= 3) {
                LocalDateTime decided = at.plusHours(1 + r.nextInt(48));
                steps.add(new StepRecord(c.caseNumber(), c.itemCode(), Power.APPROVAL,
                        r.nextBoolean() ? HandlingPlace.DEPARTMENT : HandlingPlace.WINDOW, decided));
            }
            if (what == 3) {
                steps.add(new StepRecord(c.caseNumber(), c.itemCode(), Power.DELIVERY,
                        r.nextBoolean() ? HandlingPlace.DEPARTMENT : HandlingPlace.WINDOW, issued.plusDays(1)));
            } else {
                results.add(new ResultRecord(c.caseNumber(), c.itemCode(),
                        r.nextBoolean() ? ResultRecord.Kind.RESULT : ResultRecord.Kind.CERTIFICATE,
                        places[r.nextInt(places.length)], issued));
            }
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            results.add(new ResultRecord("X" + i, "ITEM-A", ResultRecord.Kind.RESULT, HandlingPlace.WINDOW,
                    LocalDateTime.of(2024, 6, 1, 9, 0).plusDays(r.nextInt(120))));
        }
        return new Tracks(results, steps);
    }

    /** The records to send: the log, then the results and steps, each routed with its case's intake records. */
    static List<Send> sends(List<IntakeRecord> log, Tracks tracks, IntakeTopology.Topics topics) {
        List<Send> out = new ArrayList<>(sends(log));
        Map<String, String> routes = new java.util.HashMap<>();
        for (Send s : out) {
            routes.putIfAbsent(IntakeJson.parse(s.line()).record().caseNumber(), s.route());
        }
        for (ResultRecord r : tracks.results()) {
            out.add(new Send(topics.results().orElseThrow(), CaseTrackJson.line(new CaseTrackJson.Result(NATIONAL, r)),
                    r.issuedAt(), routes.getOrDefault(r.caseNumber(), r.caseNumber())));
        }
        for (StepRecord r : tracks.steps()) {
            out.add(new Send(topics.steps().orElseThrow(), CaseTrackJson.line(new CaseTrackJson.Step(NATIONAL, r)),
                    r.at(), routes.getOrDefault(r.caseNumber(), r.caseNumber())));
        }
        return out;
    }

    /**
     * Arrival order: acceptance order disturbed by less than {@code grace}: each record is sent at its acceptance
     * time plus a random delay below the grace, so none comes more than the grace after a later-accepted one.
     */
    static List<IntakeRecord> shuffle(List<IntakeRecord> log, long seed, Duration grace) {
        return shuffle(log, IntakeRecord::acceptedAt, seed, grace);
    }

    /** {@code all} sent each at its time plus a random delay below {@code grace}, in the order of sending. */
    static <T> List<T> shuffle(List<T> all, java.util.function.Function<T, LocalDateTime> time, long seed,
            Duration grace) {
        Random random = new Random(seed);
        record Late<T>(T r, long at, int tie) {
        }
        List<Late<T>> late = new ArrayList<>();
        for (T r : all) {
            long delay = grace.isZero() ? 0 : random.nextLong(grace.toMillis());
            late.add(new Late<>(r, time.apply(r).atZone(ZONE).toInstant().toEpochMilli() + delay, random.nextInt()));
        }
        late.sort(Comparator.<Late<T>>comparingLong(Late::at).thenComparingInt(Late::tie));
        return late.stream().map(Late::r).toList();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long millis(IntakeRecord r) {
        return r.acceptedAt().atZone(ZONE).toInstant().toEpochMilli();
    }

    static List<String> batch(List<IntakeRecord> log, List<ApprovedChannel> channels) {
        return batch(RULES, log, channels);
    }

    static List<String> batch(ApprovalRules rules, List<IntakeRecord> log, List<ApprovedChannel> channels) {
        return batch(rules, log, channels, new Tracks(List.of(), List.of()));
    }

    /** The batch scan's findings by {@code rules}, without the monthly volume signal. */
    static List<String> batch(ApprovalRules rules, List<IntakeRecord> log, List<ApprovedChannel> channels,
            Tracks tracks) {
        List<String> out = new ArrayList<>();
        IntakeScan scan = rules.locality(NATIONAL).scanIntake(new IntakeRegisters(MOVES, tracks.results(),
                tracks.steps(), channels));
        log.forEach(scan::add);
        for (Finding f : scan.finish()) {
            // the stream judges cases; the monthly volume signal (subject item@month) is the batch's alone
            if (!f.ruleId().equals("intake.department-volume")) {
                out.add(FindingsJson.line(f));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @Test
    void theStreamFindsWhatTheBatchFindsWhateverThePartitioningAndOrderWithinTheGrace() {
        int[] twoEnd = new int[1];
        int[] approved = new int[1];
        int[] outside = new int[1];
        int[] front = new int[1];
        Property.forAll(SCENARIOS).tries(25).check("stream = batch", s -> {
            Duration grace = Duration.ofHours(s.graceHours());
            Tracks tracks = tracks(s.log(), s.shuffleSeed() ^ 0x5DEECE66DL);
            List<Send> arrivals = shuffleSends(sends(s.log(), tracks, TRACKED), s.shuffleSeed(), grace);
            Output out = stream(arrivals, s.partitions(), grace, s.channels(), TRACKED);
            List<String> expected = batch(RULES, s.log(), s.channels(), tracks);
            assertThat(out.deadLetters()).as("dead letters").isEmpty();
            assertThat(out.findings()).as("findings over %d partitions, grace %s", s.partitions(), grace)
                    .isEqualTo(expected);
            twoEnd[0] += expected.stream().anyMatch(l -> l.contains("\"intake.two-end\"")) ? 1 : 0;
            outside[0] += expected.stream().anyMatch(l -> l.contains("\"intake.outside-system\"")) ? 1 : 0;
            front[0] += expected.stream().anyMatch(l -> l.contains("\"intake.front-office\"")) ? 1 : 0;
            // an approved channel changes the answer: the batch without it differs, and the stream followed it
            approved[0] += !s.channels().isEmpty() && !batch(RULES, s.log(), List.of(), tracks).equals(expected) ? 1 : 0;
        });
        assertThat(outside[0]).as("scenarios with 体外循环").isGreaterThan(5);
        assertThat(front[0]).as("scenarios with 前店后厂").isGreaterThan(5);
        assertThat(twoEnd[0]).as("scenarios with two-end intake").isGreaterThan(5);
        assertThat(approved[0]).as("scenarios where an approved channel changed the findings").isGreaterThan(3);
    }

    /**
     * A record sent later than the grace allows (after a record accepted more than the grace after it, on the same
     * task) is a dead letter, counted, and judged by no one: the findings are the batch's over the other records.
     */
    @Test
    void aRecordBeyondTheGraceIsADeadLetterNotMisjudged() {
        int[] tried = new int[1];
        Property.forAll(SCENARIOS).tries(25).check("beyond the grace → dead letter", s -> {
            if (s.log().size() < 2) {
                return;
            }
            Duration grace = Duration.ofHours(s.graceHours());
            List<IntakeRecord> order = new ArrayList<>(shuffle(s.log(), s.shuffleSeed(), grace));
            // the latecomer: a record of the same group as a record accepted more than the grace after it
            IntakeRecord late = null;
            IntakeRecord after = null;
            for (IntakeRecord a : order) {
                for (IntakeRecord b : order) {
                    if (late == null && a.applicant().equals(b.applicant()) && a.itemCode().equals(b.itemCode())
                            && millis(b) - millis(a) > grace.toMillis()) {
                        late = a;
                        after = b;
                    }
                }
            }
            if (late == null) {
                return;
            }
            tried[0]++;
            order.remove(late);
            order.add(order.indexOf(after) + 1, late);
            // a record of the same case number as the latecomer, sent in time, would still be judged with it
            IntakeRecord dropped = late;
            List<IntakeRecord> kept = new ArrayList<>(s.log());
            kept.remove(dropped);
            Output out = stream(order.stream().map(r -> new IntakeJson.Intake(NATIONAL, r)).toList(), s.partitions(),
                    grace, s.channels());
            assertThat(out.deadLetters()).as("dead letters").singleElement().asString()
                    .contains(IntakeTopology.TOO_LATE).contains("case " + dropped.caseNumber());
            assertThat(out.findings()).as("findings without the latecomer").isEqualTo(batch(kept, s.channels()));
        });
        assertThat(tried[0]).as("scenarios with a latecomer").isGreaterThan(10);
    }

    /**
     * After the stream-time punctuation the store holds no case whose latest acceptance day is more than L days
     * before the day of stream time − grace; older cases were judged and dropped; too-late records are counted.
     */
    @Test
    void theStoreHoldsNothingOlderThanTheWindowPlusTheGrace() {
        Duration grace = Duration.ofHours(30);
        Property.forAll(LOGS).tries(10).check("retention L + grace", log -> {
            if (log.isEmpty()) {
                return;
            }
            try (TopologyTestDriver t = driver(grace)) {
                TestInputTopic<String, String> in = t.createInputTopic(TOPICS.intake(), Serdes.String().serializer(),
                        Serdes.String().serializer());
                long stream = Long.MIN_VALUE;
                int late = 0;
                int held = 0;
                for (IntakeRecord r : shuffle(log, log.size(), grace)) {
                    in.pipeInput("k", IntakeJson.line(new IntakeJson.Intake(NATIONAL, r)));
                    stream = Math.max(stream, millis(r));
                    LocalDate horizon = LocalDate.ofInstant(Instant.ofEpochMilli(stream).minus(grace), ZONE);
                    KeyValueStore<String, String> store = t.getKeyValueStore(IntakeTopology.STORE);
                    held = 0;
                    try (KeyValueIterator<String, String> all = store.all()) {
                        while (all.hasNext()) {
                            KeyValue<String, String> kv = all.next();
                            if (kv.key.startsWith("\u0000")) {
                                assertThat(kv.value).as("stream time").isEqualTo(Long.toString(stream));
                                continue;
                            }
                            JsonNode group = tree(kv.value);
                            for (var c : group.properties()) {
                                LocalDate last = LocalDate.ofEpochDay(c.getValue().get("last").asLong());
                                assertThat(last.plusDays(LOOK_BACK)).as("case %s kept beyond L + grace", c.getKey())
                                        .isAfterOrEqualTo(horizon);
                                for (JsonNode line : c.getValue().get("records")) {
                                    LocalDate day = IntakeJson.parse(line.asText()).record().acceptedAt().toLocalDate();
                                    // the records of one case lie within a day (IntakeGens' copies)
                                    assertThat(day.plusDays(LOOK_BACK + 1L)).isAfterOrEqualTo(horizon);
                                }
                                held++;
                            }
                        }
                    }
                }
                late = (int) t.metrics().entrySet().stream()
                        .filter(e -> e.getKey().name().equals(IntakeTopology.TOO_LATE + "-total"))
                        .mapToDouble(e -> (Double) e.getValue().metricValue()).sum();
                assertThat(late).as("shuffled within the grace: none too late").isZero();
                // the log spans five months, L is 30 days: most cases have left the store
                if (log.size() > 20) {
                    assertThat(held).as("cases held at the end").isLessThan(log.size());
                }
            }
        });
    }
}
