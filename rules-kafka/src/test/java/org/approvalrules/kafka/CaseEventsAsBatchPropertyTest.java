package org.approvalrules.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.kafka.CaseEventJson.CaseRecord;
import org.approvalrules.kafka.CaseEventJson.CaseRow;
import org.approvalrules.kafka.CaseEventJson.Event;
import org.approvalrules.kafka.CaseEventJson.Kind;
import org.approvalrules.kafka.CaseFile.ItemLimits;
import org.approvalrules.testkit.gen.Gen;
import org.approvalrules.testkit.gen.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same answers as the batch, for case events: random cases (rows and events, each case's records in their
 * own order, cases interleaved at random within the look-back window, split over 1–4 partitions by the case number as Kafka's default
 * partitioner does, one {@link TopologyTestDriver} per partition) give exactly the findings the entry point
 * gives in batch: for each case, the first finding of each rule and severity over the batch evaluations of
 * what had arrived of it, as of its latest time, then of the whole case as of the punctuation instant; the
 * whole cases are the generated deadline inputs, built independently of the stream's fold. Then the
 * watermark moves past the look-back window: decided and delivered cases leave the store, open ones stay,
 * and no finding is added or lost.
 */
class CaseEventsAsBatchPropertyTest {
    static final DivisionCode COUNTY = DivisionCode.of("451031");
    static final LocalDateTime START = LocalDateTime.of(2024, 6, 3, 9, 0);
    static final Instant PUNCTUATION = CaseEventTopology.instant(LocalDateTime.of(2024, 9, 20, 12, 0));
    static final Instant WALL_START = CaseEventTopology.instant(LocalDateTime.of(2024, 5, 1, 0, 0));
    static final List<ProcedureKind> KINDS = List.of(ProcedureKind.INSPECTION, ProcedureKind.EXPERT_REVIEW,
            ProcedureKind.HEARING);

    static final ApprovalRules RULES = ApprovalRules.builder().packs(Path.of("..", "examples", "packs")).build();
    static final CaseEventTopology.Topics TOPICS = CaseEventTopology.Topics.defaults();
    static final Map<String, ItemLimits> ITEMS = items();
    static final Topology TOPOLOGY = new CaseEventTopology(RULES, Map.of(COUNTY, ITEMS), TOPICS, Duration.ofHours(1),
            Optional.empty()).build();
    static final int LOOK_BACK = IntakeTopology.lookBackDays(RULES.locality(COUNTY));

    @TempDir
    static Path stateDirs;
    static int drivers;

    @AfterAll
    static void close() {
        RULES.close();
    }

    /** Items with every statutory limit from 5 to 20 working days, with and without a promised limit. */
    static Map<String, ItemLimits> items() {
        Map<String, ItemLimits> m = new LinkedHashMap<>();
        for (int s = 5; s <= 20; s++) {
            m.put("S" + s, new ItemLimits(TimeLimit.workingDays(s), Optional.empty()));
            for (int p = 1; p <= s; p++) {
                m.put("S" + s + "P" + p, new ItemLimits(TimeLimit.workingDays(s), Optional.of(TimeLimit.workingDays(p))));
            }
        }
        return Map.copyOf(m);
    }

    /** A generated case: its records in the order its systems send them, and the whole case as the engine's input. */
    record GeneratedCase(String caseNumber, List<CaseRecord> records, DeadlineInput whole, ItemLimits limits) {
    }

    /** One case from a seed: every kind of event, consistent, dated June–December 2024. */
    static GeneratedCase generate(int index, long seed) {
        Random r = new Random(seed);
        String id = "C-" + index + "-" + Long.toHexString(seed);
        LocalDateTime accepted = START.plusDays(r.nextInt(60)).plusHours(r.nextInt(8)).plusMinutes(r.nextInt(60));
        int s = 5 + r.nextInt(16);
        Optional<Integer> p = r.nextBoolean() ? Optional.of(1 + r.nextInt(s)) : Optional.empty();
        String item = "S" + s + p.map(v -> "P" + v).orElse("");
        ItemLimits limits = ITEMS.get(item);
        DeadlineInput.Builder b = DeadlineInput.builder(id, accepted, limits.statutory()).locality(COUNTY);
        limits.promised().ifPresent(b::promised);
        record Timed(LocalDateTime at, CaseRecord record) {
        }
        List<Timed> events = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            LocalDateTime applied = accepted.minusDays(r.nextInt(3)).minusHours(1);
            b.applied(applied);
            events.add(new Timed(applied, event(id, Kind.APPLICATION, applied)));
        }
        if (r.nextBoolean()) {
            events.add(new Timed(accepted, event(id, Kind.ACCEPTANCE, accepted)));
        }
        LocalDateTime last = accepted;
        if (r.nextInt(4) == 0) {
            LocalDateTime notice = accepted.plusDays(r.nextInt(4)).plusHours(1);
            b.correctionNotice(notice);
            events.add(new Timed(notice, event(id, Kind.CORRECTION_REQUESTED, notice)));
            last = notice;
            if (r.nextBoolean()) {
                LocalDateTime corrected = notice.plusDays(1 + r.nextInt(5));
                b.correctedMaterials(corrected);
                events.add(new Timed(corrected, event(id, Kind.CORRECTION_RECEIVED, corrected)));
                last = corrected;
            }
        }
        List<ProcedureKind> kinds = new ArrayList<>(KINDS);
        java.util.Collections.shuffle(kinds, r);
        List<org.approvalrules.api.deadline.SpecialProcedure> procedures = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            ProcedureKind k = kinds.remove(0);
            LocalDateTime start = accepted.plusDays(1 + r.nextInt(10)).withHour(10);
            events.add(new Timed(start, new Event(COUNTY, id, Kind.PROCEDURE_START, start, Optional.of(k), Optional.empty(),
                    Optional.empty())));
            if (r.nextInt(4) == 0) {
                procedures.add(org.approvalrules.api.deadline.SpecialProcedure.open(k, start));
                last = later(last, start);
            } else {
                LocalDateTime end = start.plusDays(1 + r.nextInt(10));
                procedures.add(org.approvalrules.api.deadline.SpecialProcedure.of(k, start, end));
                events.add(new Timed(end, new Event(COUNTY, id, Kind.PROCEDURE_END, end, Optional.of(k), Optional.empty(),
                        Optional.empty())));
                last = later(last, end);
            }
        }
        procedures.sort(CaseFile.PROCEDURE_ORDER);
        b.procedures(procedures);
        if (r.nextInt(4) == 0) {
            int days = 1 + r.nextInt(15);
            LocalDateTime at = accepted.plusDays(5 + r.nextInt(10)).withHour(15);
            String ref = "延期批准〔" + days + "〕号";
            b.extension(new org.approvalrules.api.deadline.Extension(days, days <= 10
                    ? org.approvalrules.api.deadline.Extension.Basis.ART_42_ORDINARY
                    : org.approvalrules.api.deadline.Extension.Basis.ART_42_JOINT, ref, at.toLocalDate()));
            events.add(new Timed(at, new Event(COUNTY, id, Kind.EXTENSION, at, Optional.empty(), Optional.of(days),
                    Optional.of(ref))));
            last = later(last, at);
        }
        Optional<LocalDateTime> decided = r.nextInt(3) == 0 ? Optional.empty()
                : Optional.of(last.plusDays(1 + r.nextInt(30)).plusHours(r.nextInt(5)));
        Optional<LocalDateTime> delivered = decided.isPresent() && r.nextBoolean()
                ? Optional.of(decided.get().plusDays(r.nextInt(15)).plusHours(1)) : Optional.empty();
        decided.ifPresent(t -> {
            b.decided(t);
            b.completed(t);
        });
        delivered.ifPresent(b::delivered);
        boolean closingRow = r.nextBoolean(); // decision and delivery as a second case row, or as events
        if (!closingRow) {
            decided.ifPresent(t -> events.add(new Timed(t, event(id, Kind.DECISION, t))));
            delivered.ifPresent(t -> events.add(new Timed(t, event(id, Kind.DELIVERY, t))));
        }
        List<Timed> timed = new ArrayList<>(events);
        timed.add(new Timed(accepted, new CaseRow(COUNTY, id, item, accepted, Optional.empty(), Optional.empty())));
        if (closingRow && decided.isPresent()) {
            timed.add(new Timed(delivered.orElse(decided.get()), new CaseRow(COUNTY, id, item, accepted, decided,
                    delivered)));
        }
        timed.sort(Comparator.comparing(Timed::at)); // stable: a row before the ACCEPTANCE event of its time
        return new GeneratedCase(id, timed.stream().map(Timed::record).toList(), b.build(), limits);
    }

    static Event event(String id, Kind kind, LocalDateTime at) {
        return new Event(COUNTY, id, kind, at, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return b.isAfter(a) ? b : a;
    }

    record Scenario(List<Long> caseSeeds, int partitions, long interleaveSeed) {
    }

    static final Gen<Scenario> SCENARIOS = Gen.zip(Gen.listOf(Gen.longs(0, Long.MAX_VALUE / 2), 1, 12),
            Gen.zip(Gen.ints(1, 4), Gen.longs(0, 1_000_000), (p, seed) -> new long[] {p, seed}),
            (seeds, ps) -> new Scenario(seeds, (int) ps[0], ps[1]));

    /**
     * Cases interleaved at random within the look-back window: each case's system lags by its own random
     * delay of less than L days, so each case's records keep their order and no record arrives L or more
     * days (of record time) after a later one.
     */
    static List<CaseRecord> interleave(List<GeneratedCase> cases, long seed) {
        Random r = new Random(seed);
        record Arrival(CaseRecord record, LocalDateTime at, int tie) {
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (GeneratedCase c : cases) {
            Duration lag = Duration.ofMinutes(r.nextInt(LOOK_BACK * 24 * 60));
            int tie = r.nextInt();
            for (CaseRecord rec : c.records()) {
                arrivals.add(new Arrival(rec, rec.at().plus(lag), tie));
            }
        }
        arrivals.sort(Comparator.comparing(Arrival::at).thenComparingInt(Arrival::tie)); // stable within a case
        return arrivals.stream().map(Arrival::record).toList();
    }

    /** The partition Kafka's default partitioner gives a key. */
    static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** What the entry point says in batch, written once per case, rule and severity. */
    static List<String> batch(List<GeneratedCase> cases) {
        return batch(RULES, cases, Optional.of(PUNCTUATION));
    }

    /**
     * As {@link #batch(List)}, by {@code rules}: on each arrival, then (when {@code punctuation} is given) every case whose records are
     * not later than it, as of it.
     */
    static List<String> batch(ApprovalRules rules, List<GeneratedCase> cases, Optional<Instant> punctuation) {
        ApprovalRules.Locality county = rules.locality(COUNTY);
        Map<String, Set<String>> written = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (GeneratedCase c : cases) {
            Set<String> keys = written.computeIfAbsent(c.caseNumber(), k -> new HashSet<>());
            CaseFile file = CaseFile.empty(COUNTY, c.caseNumber());
            for (CaseRecord r : c.records()) {
                file = file.with(r);
                Optional<DeadlineInput> in = file.input(c.limits());
                if (in.isPresent()) {
                    Instant asOf = CaseEventTopology.instant(file.latest().orElseThrow());
                    add(county.evaluate(List.of(in.get()), asOf).get(0), keys, out);
                }
            }
            // the stream's fold of the whole case is the generated case
            assertThat(file.input(c.limits())).as("fold of %s", c.caseNumber()).contains(c.whole());
        }
        if (punctuation.isPresent()) {
            List<GeneratedCase> due = cases.stream()
                    .filter(c -> !CaseEventTopology.instant(latest(c)).isAfter(punctuation.get())).toList();
            List<CaseEvaluation> atPunctuation = county.evaluate(due.stream().map(GeneratedCase::whole).toList(),
                    punctuation.get());
            for (CaseEvaluation e : atPunctuation) {
                add(e, written.get(e.caseId()), out);
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static LocalDateTime latest(GeneratedCase c) {
        return c.records().stream().map(CaseRecord::at).max(Comparator.naturalOrder()).orElseThrow();
    }

    static void add(CaseEvaluation e, Set<String> keys, List<String> out) {
        for (Finding f : e.findings()) {
            if (keys.add(CaseEventTopology.findingKey(f))) {
                out.add(FindingsJson.line(f));
            }
        }
    }

    /** What the stream wrote, and what its stores held after the watermark moved on. */
    record Output(List<String> findings, List<String> deadLetters, Set<String> heldAfter, List<String> findingsAfter) {
    }

    static Output stream(List<CaseRecord> arrivals, int partitions) {
        List<TopologyTestDriver> tasks = new ArrayList<>();
        try {
            for (int p = 0; p < partitions; p++) {
                Properties props = IntakeTopology.config("case-events-as-batch", "127.0.0.1:9", 1);
                props.put(StreamsConfig.STATE_DIR_CONFIG, stateDirs.resolve("d" + drivers++).toString());
                tasks.add(new TopologyTestDriver(TOPOLOGY, props, WALL_START));
            }
            List<TestInputTopic<String, String>> in = tasks.stream().map(t -> t.createInputTopic(TOPICS.events(),
                    Serdes.String().serializer(), Serdes.String().serializer())).toList();
            LocalDateTime last = START;
            for (CaseRecord r : arrivals) {
                in.get(partition(r.caseNumber(), partitions)).pipeInput(r.caseNumber(), CaseEventJson.line(r));
                last = later(last, r.at());
            }
            for (TopologyTestDriver t : tasks) {
                t.advanceWallClockTime(Duration.between(WALL_START, PUNCTUATION));
            }
            List<String> findings = read(tasks, TOPICS.findings());
            List<String> dead = read(tasks, TOPICS.deadLetters());
            // the watermark moves past every closing by more than the look-back window; an hour passes
            LocalDateTime tick = last.plusDays(LOOK_BACK + 1L);
            for (int p = 0; p < partitions; p++) {
                in.get(p).pipeInput("TICK" + p, CaseEventJson.line(new CaseRow(COUNTY, "TICK" + p, "S20", tick,
                        Optional.empty(), Optional.empty())));
                tasks.get(p).advanceWallClockTime(Duration.ofHours(1));
            }
            Set<String> held = new TreeSet<>();
            for (TopologyTestDriver t : tasks) {
                KeyValueStore<String, String> store = t.getKeyValueStore(CaseEventTopology.STORE);
                try (var it = store.all()) {
                    it.forEachRemaining((KeyValue<String, String> kv) -> held.add(kv.key));
                }
            }
            dead.addAll(read(tasks, TOPICS.deadLetters()));
            return new Output(findings, dead, held, read(tasks, TOPICS.findings()));
        } finally {
            tasks.forEach(TopologyTestDriver::close);
        }
    }

    static List<String> read(List<TopologyTestDriver> tasks, String topic) {
        List<String> out = new ArrayList<>();
        for (TopologyTestDriver t : tasks) {
            TestOutputTopic<String, String> o = t.createOutputTopic(topic, Serdes.String().deserializer(),
                    Serdes.String().deserializer());
            out.addAll(o.readValuesToList());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    @Test
    void theStreamFindsWhatTheBatchFindsWhateverThePartitioningAndInterleavingAndDropsClosedCases() {
        Map<String, int[]> seen = new LinkedHashMap<>();
        for (String rule : List.of("deadline.yellow.promised", "deadline.red.promised", "deadline.red.statutory")) {
            seen.put(rule, new int[1]);
        }
        int[] dropped = new int[1];
        Property.forAll(SCENARIOS).tries(30).check("stream = batch", s -> {
            List<GeneratedCase> cases = new ArrayList<>();
            for (int i = 0; i < s.caseSeeds().size(); i++) {
                cases.add(generate(i, s.caseSeeds().get(i)));
            }
            List<String> expected = batch(cases);
            Output out = stream(interleave(cases, s.interleaveSeed()), s.partitions());
            assertThat(out.deadLetters()).as("dead letters").isEmpty();
            assertThat(out.findings()).as("findings over %d partitions", s.partitions()).isEqualTo(expected);
            // retention: decided-and-delivered cases are gone, every other case is held, nothing more was written
            Set<String> open = new TreeSet<>();
            for (GeneratedCase c : cases) {
                if (c.whole().delivered().isEmpty()) {
                    open.add(COUNTY + "/" + c.caseNumber());
                } else {
                    dropped[0]++;
                }
            }
            Set<String> held = new TreeSet<>(out.heldAfter());
            held.removeIf(k -> k.startsWith(COUNTY + "/TICK") || k.startsWith("\u0000"));
            assertThat(held).as("cases held after the window").isEqualTo(open);
            assertThat(out.findingsAfter()).as("findings written after the window moved")
                    .allSatisfy(f -> assertThat(f).contains("\"subject\":\"TICK"));
            for (String f : expected) {
                seen.forEach((rule, n) -> n[0] += f.contains("\"ruleId\":\"" + rule + "\"") ? 1 : 0);
            }
        });
        seen.forEach((rule, n) -> assertThat(n[0]).as("findings of %s over all tries", rule).isGreaterThan(3));
        assertThat(dropped[0]).as("closed cases dropped over all tries").isGreaterThan(10);
    }
}
