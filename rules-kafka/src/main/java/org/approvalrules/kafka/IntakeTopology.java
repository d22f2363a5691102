package org.approvalrules.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.ApprovedChannel;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.IntakeRegisters;
import org.approvalrules.api.intake.IntakeScan;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.api.intake.ResultRecord;
import org.approvalrules.api.intake.StepRecord;
import org.approvalrules.core.intake.IntakeDetector;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.rules.EntryPointAccess;

/**
 * Intake checks (两头受理, 明进暗不进; with results and steps 体外循环, 前店后厂) as a Kafka Streams topology
 * (docs/STREAMING.md): intake records (JSON Lines, {@link IntakeJson}) are checked, keyed by locality + applicant +
 * item, repartitioned by that key and kept in a state store; a case is judged through the entry point (the
 * locality's snapshot in service, {@link ApprovalRules.Locality#scanIntake}) once every record that could pair with
 * it has arrived, and its findings go to the findings topic in the one findings shape ({@link FindingsJson}), keyed
 * by locality and case number. When the topics name results and steps ({@link CaseTrackJson}), intake records,
 * results and steps are also keyed by locality + case number into a second store of case tracks, each judged once
 * its case is closed. Bad records, records of localities not served and records too late to be judged correctly
 * go to the dead-letter topic with the reason (identifiers masked).
 *
 * <p><b>Time.</b> A record's timestamp is its acceptance time; each task keeps its stream time, the latest
 * acceptance time it has seen (in its store, so a restarted task goes on from it). With L the look-back window of
 * the record's locality (the largest value of {@value IntakeDetector#WINDOW_DAYS} in its snapshot) and G the grace
 * (allowed lateness, {@link #DEFAULT_GRACE} unless given): a record accepted before stream time − G is a dead letter
 * ({@value #TOO_LATE}, counted by the task's {@code too-late-total} metric); a case (the records of one case number)
 * is kept until the day of stream time − G is more than L days after its latest acceptance day, then judged through
 * the entry point and dropped. While two cases are held together, a scan of their group notes for each department-end
 * case the nearest centre-end case it pairs with, so the judgement needs no record older than L + G. The findings are
 * those of the batch scan over the same records when every record arrives within G (docs/STREAMING.md, "Order"),
 * provided each group's records travel one path: producers key intake records by {@link #groupKey}.
 */
public final class IntakeTopology {
    /** The state store: group key → the group's cases; plus the task's stream time. */
    public static final String STORE = "intake-groups";
    /** The name of the internal repartition topic (prefixed by the application id). */
    public static final String REPARTITION = "intake-by-applicant-item";
    /** The state store of case tracks: locality/case number → the case's intake records, results and steps. */
    public static final String TRACKS = "intake-case-tracks";
    /** The name of the internal repartition topic of case tracks (prefixed by the application id). */
    public static final String TRACK_REPARTITION = "intake-by-case";
    /** The reason's first word, and the metric, of a record accepted more than the grace before stream time. */
    public static final String TOO_LATE = "too-late";
    /** The metrics scope of this topology's sensors ({@code too-late-total} per task, {@code stream-approval-rules-intake-metrics}). */
    public static final String METRIC_SCOPE = "approval-rules-intake";
    /** The allowed lateness when none is given: two days (a department system that exports once a day, and one missed export). */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(2);
    /** The largest grace accepted: a grace of a year would keep a year of records and is surely a mistake. */
    public static final Duration MAX_GRACE = Duration.ofDays(366);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String WATERMARK = "\u0000watermark";
    /** The first character of a case-track value: what follows is an intake record, a result or a step. */
    private static final String INTAKE = "I";
    /** A judged track: the day of its latest record, kept {@value #MEMORY_DAYS} days after it. */
    private static final String JUDGED = "judged";
    /** How long a judged case track is remembered (its case number and latest day): a year. */
    static final int MEMORY_DAYS = 366;
    private static final String RESULT = "R";
    private static final String STEP = "S";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ApprovalRules rules;
    private final Map<DivisionCode, IntakeRegisters> registers;
    private final Topics topics;
    private final Duration grace;
    private final long graceMillis;

    /**
     * The topics.
     *
     * @param intake intake records (JSON Lines), any key
     * @param findings findings, key {@code locality/case number}, value one finding in the findings shape
     * @param deadLetters rejected records, key {@code source-topic/partition/offset}, value {@code {reason, …}}
     * @param results results and certificates issued ({@link CaseTrackJson}), any key; empty: 体外循环 not checked
     * @param steps steps of cases ({@link CaseTrackJson}), any key; empty: 前店后厂 not checked
     */
    public record Topics(String intake, String findings, String deadLetters, Optional<String> results,
            Optional<String> steps) {
        public Topics {
            InvalidValueException.requireNonNull(intake, "intake");
            InvalidValueException.requireNonNull(findings, "findings");
            InvalidValueException.requireNonNull(deadLetters, "deadLetters");
            InvalidValueException.requireNonNull(results, "results");
            InvalidValueException.requireNonNull(steps, "steps");
        }

        /** Intake alone: two-end intake and 明进暗不进, no results or steps. */
        public Topics(String intake, String findings, String deadLetters) {
            this(intake, findings, deadLetters, Optional.empty(), Optional.empty());
        }

        /** {@code approval-rules.intake}, {@code approval-rules.findings}, {@code approval-rules.dead-letters}. */
        public static Topics defaults() {
            return new Topics("approval-rules.intake", "approval-rules.findings", "approval-rules.dead-letters");
        }

        /** These topics and {@code approval-rules.results}, {@code approval-rules.steps} (体外循环, 前店后厂). */
        public Topics withCaseTracks() {
            return new Topics(intake, findings, deadLetters, Optional.of("approval-rules.results"),
                    Optional.of("approval-rules.steps"));
        }

        boolean tracked() {
            return results.isPresent() || steps.isPresent();
        }
    }

    /**
     * A topology over {@code rules} serving the localities of {@code registers}, each with its register of
     * items moved into the centre (事项进驻清单, {@code IntakeLogReader.readMoves}).
     */
    public IntakeTopology(ApprovalRules rules, Map<DivisionCode, List<ItemMove>> registers, Topics topics) {
        this(rules, registers, topics, DEFAULT_GRACE);
    }

    /**
     * As {@link #IntakeTopology(ApprovalRules, Map, Topics)}, with {@code grace} the allowed lateness: a record
     * accepted more than {@code grace} before the stream time (the latest acceptance time the task has seen) is a
     * dead letter ({@value #TOO_LATE}); records are kept L days + {@code grace} (docs/STREAMING.md, "Time").
     */
    public IntakeTopology(ApprovalRules rules, Map<DivisionCode, List<ItemMove>> registers, Topics topics,
            Duration grace) {
        this(rules, registers, Map.of(), topics, grace);
    }

    /**
     * As {@link #IntakeTopology(ApprovalRules, Map, Topics, Duration)}, with the approved channels
     * ({@code channels.csv}, {@code IntakeRegisterReader.readChannels}) of some of the localities served: the
     * branch centres and online portals that are the centre end on their days, besides parameter
     * {@code intake.branch-centres} (docs/INTAKE.md).
     */
    public IntakeTopology(ApprovalRules rules, Map<DivisionCode, List<ItemMove>> registers,
            Map<DivisionCode, List<ApprovedChannel>> channels, Topics topics, Duration grace) {
        InvalidValueException.requireNonNull(grace, "grace");
        if (grace.isNegative() || grace.compareTo(MAX_GRACE) > 0) {
            throw new InvalidValueException("grace", grace, "宽限应在 0 至 " + MAX_GRACE.toDays() + " 天之间 / the grace must be "
                    + "between 0 and " + MAX_GRACE.toDays() + " days");
        }
        this.grace = grace;
        this.graceMillis = grace.toMillis();
        this.rules = InvalidValueException.requireNonNull(rules, "rules");
        InvalidValueException.requireNonNull(registers, "registers");
        if (registers.isEmpty()) {
            throw new InvalidValueException("registers", "{}", "至少服务一个地区 / serve at least one locality");
        }
        InvalidValueException.requireNonNull(channels, "channels");
        for (DivisionCode c : channels.keySet()) {
            if (!registers.containsKey(c)) {
                throw new InvalidValueException("channels", c.toString(),
                        "批准渠道所属地区不在服务范围内 / approved channels of a locality not served");
            }
        }
        Map<DivisionCode, IntakeRegisters> copy = new LinkedHashMap<>();
        registers.forEach((k, v) -> copy.put(k, new IntakeRegisters(v, List.of(), List.of(),
                channels.getOrDefault(k, List.of()))));
        this.registers = Map.copyOf(copy);
        this.topics = InvalidValueException.requireNonNull(topics, "topics");
        for (DivisionCode c : this.registers.keySet()) {
            lookBackDays(rules.locality(c)); // every snapshot builds and has a window parameter, or we fail now
        }
    }

    /**
     * Streams settings for this application: exactly-once v2, string serdes, {@code threads} stream threads.
     */
    public static Properties config(String applicationId, String bootstrapServers, int threads) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        return p;
    }

    /** The look-back window of a snapshot: the largest window-days value it has on any date. */
    public static int lookBackDays(ApprovalRules.Locality locality) {
        Parameter p = EntryPointAccess.snapshot(locality).parameters().get(IntakeDetector.WINDOW_DAYS)
                .orElseThrow(() -> new InvalidValueException("parameter", IntakeDetector.WINDOW_DAYS,
                        "地区 " + locality.code() + " 无此参数 / the locality has no such parameter"));
        int max = 0;
        for (DatedValue v : p.values()) {
            max = Math.max(max, ((Number) v.value()).intValue());
        }
        return max;
    }

    /**
     * The key records are grouped and partitioned by: locality, a SHA-256 digest of the applicant's
     * identifier (so that no identifier appears in a key) and the item code.
     */
    public static String groupKey(IntakeJson.Intake in) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(in.record().applicant().value().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(in.locality() + "|");
            for (int i = 0; i < 12; i++) {
                hex.append(String.format("%02x", d[i]));
            }
            return hex.append('|').append(in.record().itemCode()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record routed to one of two topics. */
    private record Routed(String key, String value, boolean dead, String track) {
        Routed(String key, String value, boolean dead) {
            this(key, value, dead, null);
        }
    }

    /** The topology. */
    public Topology build() {
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.String()));
        @SuppressWarnings("unchecked")
        KStream<String, String>[] tracks = new KStream[1];
        KStream<String, Routed> checked = b.stream(topics.intake(), Consumed.with(Serdes.String(), Serdes.String())
                        .withName("intake-source"))
                .processValues(Check::new, Named.as("intake-check"));
        checked.split(Named.as("intake-"))
                .branch((k, r) -> r.dead(), Branched.withConsumer(s -> deadLetters(s), "dead"))
                .defaultBranch(Branched.withConsumer(s -> {
                    KStream<String, Routed> judged = s
                            .map((k, r) -> KeyValue.pair(r.key(), r.value()), Named.as("intake-key"))
                            .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName(REPARTITION))
                            .process(Judge::new, Named.as("intake-judge"), STORE);
                    route(judged, "judged-");
                    if (topics.tracked()) {
                        tracks[0] = s.map((k, r) -> KeyValue.pair(r.track(), INTAKE + r.value()), Named.as("intake-by-case"));
                    }
                }, "ok"));
        if (topics.tracked()) {
            b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRACKS), Serdes.String(),
                    Serdes.String()));
            KStream<String, String> all = tracks[0];
            for (String kind : List.of(RESULT, STEP)) {
                Optional<String> topic = kind.equals(RESULT) ? topics.results() : topics.steps();
                if (topic.isEmpty()) {
                    continue;
                }
                String name = kind.equals(RESULT) ? "results" : "steps";
                KStream<String, Routed> checkedTrack = b.stream(topic.get(), Consumed.with(Serdes.String(), Serdes.String())
                        .withName(name + "-source")).processValues(() -> new CheckTrack(kind), Named.as(name + "-check"));
                KStream<String, String>[] ok = new KStream[1];
                checkedTrack.split(Named.as(name + "-"))
                        .branch((k, r) -> r.dead(), Branched.withConsumer(d -> deadLetters(d), "dead"))
                        .defaultBranch(Branched.withConsumer(o -> ok[0] = o.map((k, r) -> KeyValue.pair(r.track(), kind
                                + r.value()), Named.as(name + "-by-case")), "ok"));
                all = all.merge(ok[0], Named.as(name + "-merge"));
            }
            KStream<String, Routed> tracked = all
                    .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName(TRACK_REPARTITION))
                    .process(Tracker::new, Named.as("tracks-judge"), TRACKS);
            route(tracked, "tracked-");
        }
        return b.build();
    }

    /** Dead letters to their topic, findings to theirs. */
    private void route(KStream<String, Routed> out, String prefix) {
        out.split(Named.as(prefix))
                .branch((k, r) -> r.dead(), Branched.withConsumer(d -> deadLetters(d), "dead"))
                .defaultBranch(Branched.withConsumer(f -> f.map((k, r) -> KeyValue.pair(r.key(), r.value()))
                        .to(topics.findings(), Produced.with(Serdes.String(), Serdes.String())), "findings"));
    }

    private void deadLetters(KStream<String, Routed> s) {
        s.map((k, r) -> KeyValue.pair(r.key(), r.value()))
                .to(topics.deadLetters(), Produced.with(Serdes.String(), Serdes.String()));
    }

    private static String deadLetter(String reason, String topic, int partition, long offset) {
        return JsonRecords.deadLetter(reason, topic, partition, offset);
    }

    private static String where(org.apache.kafka.streams.processor.api.RecordMetadata m) {
        return m.topic() + "/" + m.partition() + "/" + m.offset();
    }

    // ------------------------------------------------------------------ step 1: check and key

    /** Checks an intake record: parsed, of a locality served, one the batch scan takes; keyed by its group. */
    private class Check implements FixedKeyProcessor<String, String, Routed> {
        FixedKeyProcessorContext<String, Routed> context;

        @Override
        public void init(FixedKeyProcessorContext<String, Routed> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, String> record) {
            var meta = context.recordMetadata().orElseThrow();
            Routed out;
            try {
                IntakeJson.Intake in = IntakeJson.parse(record.value());
                IntakeRegisters moves = registers.get(in.locality());
                if (moves == null) {
                    throw new InvalidValueException("locality", in.locality().toString(),
                            "本应用不服务该地区 / a locality this application does not serve");
                }
                // what the batch scan checks of one record (e.g. a parameter in force on its date)
                rules.locality(in.locality()).scanIntake(moves).add(in.record());
                // the record's timestamp from here on is its acceptance time: stream time is acceptance time
                String line = IntakeJson.line(in);
                context.forward(record.withValue(new Routed(groupKey(in), line, false,
                                in.locality() + "/" + in.record().caseNumber()))
                        .withTimestamp(in.record().acceptedAt().atZone(ZONE).toInstant().toEpochMilli()));
                return;
            } catch (ApprovalRulesException e) {
                out = new Routed(where(meta), deadLetter(e.getMessage(), meta.topic(), meta.partition(), meta.offset()),
                        true);
            }
            context.forward(record.withValue(out));
        }
    }

    // ------------------------------------------------------------------ step 2: keep and judge

    /**
     * A processor on stream time: a store with the task's stream time (the latest record timestamp, an acceptance,
     * issue or step time), records more than the grace behind it sent to the dead letters and counted, and a
     * stream-time punctuation whenever the day of stream time − grace moves on.
     */
    private abstract class Timed implements Processor<String, String, String, Routed> {
        private final String storeName;
        ProcessorContext<String, Routed> context;
        KeyValueStore<String, String> store;
        private Sensor tooLate;

        Timed(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<String, Routed> context) {
            this.context = context;
            this.store = context.getStateStore(storeName);
            this.tooLate = context.metrics().addRateTotalSensor(METRIC_SCOPE, context.taskId().toString(), TOO_LATE,
                    Sensor.RecordingLevel.INFO);
        }

        /** Whether {@code record} is more than the grace behind stream time: then it is a counted dead letter. */
        boolean late(Record<String, String> record, String caseNumber, String zh, String en) {
            String w = store.get(WATERMARK);
            if (w == null || record.timestamp() >= Long.parseLong(w) - graceMillis) {
                return false;
            }
            tooLate.record();
            var meta = context.recordMetadata().orElseThrow();
            LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochMilli(Long.parseLong(w)), ZONE);
            String reason = TOO_LATE + "：早于流时间 " + time + " 减宽限 " + grace + "，" + zh + "（办件 " + caseNumber + "） / "
                    + TOO_LATE + ": more than the grace " + grace + " before the stream time " + time + "; " + en
                    + " (case " + caseNumber + ")";
            context.forward(new Record<>(where(meta), new Routed(where(meta),
                    JsonRecords.deadLetter(reason, meta.topic(), meta.partition(), meta.offset()), true),
                    record.timestamp()));
            return true;
        }

        /** Moves stream time to {@code record}'s timestamp when later; punctuates when the horizon's day moves. */
        void advance(Record<String, String> record) {
            String w = store.get(WATERMARK);
            long at = record.timestamp();
            if (w == null || at > Long.parseLong(w)) {
                store.put(WATERMARK, Long.toString(at));
                if (w == null || horizon(at) > horizon(Long.parseLong(w))) {
                    punctuate(horizon(at), at);
                }
            }
        }

        /** Judges and drops what the store need not hold once the day of stream time − grace is {@code horizon}. */
        abstract void punctuate(long horizon, long timestamp);
    }

    /**
     * Keeps each group's cases (records by case number) for L days + grace after their latest acceptance day, notes
     * for every case the nearest centre-end cases it was paired with while both were held, and judges a case when it
     * leaves the store (docs/STREAMING.md, "Time").
     */
    private final class Judge extends Timed {
        Judge() {
            super(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            IntakeJson.Intake in = IntakeJson.parse(record.value());
            if (late(record, in.record().caseNumber(), "其可配对的记录可能已判定、已移出，无法正确判定",
                    "the records it could pair with may have been judged and dropped, so it cannot be judged correctly")) {
                return;
            }
            ObjectNode group = group(record.key());
            ObjectNode kase = group.has(in.record().caseNumber()) ? (ObjectNode) group.get(in.record().caseNumber())
                    : group.putObject(in.record().caseNumber());
            kase.withArrayProperty("records").add(record.value());
            long day = in.record().acceptedAt().toLocalDate().toEpochDay();
            kase.put("last", Math.max(day, kase.path("last").asLong(Long.MIN_VALUE)));
            if (group.size() > 1) {
                note(in.locality(), group);
            }
            store.put(record.key(), group.toString());
            advance(record);
        }

        private ObjectNode group(String key) {
            String g = store.get(key);
            return g == null ? MAPPER.createObjectNode() : (ObjectNode) read(g);
        }

        /**
         * Scans the group's cases held now and notes, for every case the scan pairs as the department end, the
         * centre-end case it was paired with and that case's day (the earliest seen).
         */
        private void note(DivisionCode code, ObjectNode group) {
            List<IntakeRecord> all = new ArrayList<>();
            group.properties().forEach(e -> e.getValue().get("records")
                    .forEach(r -> all.add(IntakeJson.parse(r.asText()).record())));
            for (Finding f : scan(rules.locality(code), registers.get(code), all)) {
                JsonNode kase = group.get(f.subject());
                String centre = f.evidence().get("centreCase");
                String centreDay = f.evidence().get("centreAcceptedOn");
                if (!f.ruleId().equals(IntakeDetector.TWO_END) || kase == null || centre == null || centreDay == null) {
                    continue;
                }
                long d = LocalDate.parse(centreDay).toEpochDay();
                ObjectNode near = ((ObjectNode) kase).withObjectProperty("near");
                if (!near.has(centre) || near.get(centre).asLong() > d) {
                    near.put(centre, d);
                }
            }
        }

        /**
         * The stream-time punctuation: judges and drops every case whose latest acceptance day is more than L days
         * before the horizon (stream time − grace).
         */
        @Override
        void punctuate(long horizon, long timestamp) {
            for (KeyValue<String, String> kv : StateStores.entriesExcept(store, WATERMARK)) {
                ObjectNode group = (ObjectNode) read(kv.value);
                DivisionCode code = DivisionCode.parse(kv.key.substring(0, kv.key.indexOf('|')));
                ApprovalRules.Locality locality = rules.locality(code);
                int lookBack = lookBackDays(locality);
                List<String> gone = new ArrayList<>();
                group.properties().forEach(e -> {
                    if (e.getValue().get("last").asLong() + lookBack < horizon) {
                        gone.add(e.getKey());
                    }
                });
                for (String caseNumber : gone) {
                    judge(code, locality, caseNumber, group.get(caseNumber), timestamp);
                    group.remove(caseNumber);
                }
                if (group.isEmpty()) {
                    store.delete(kv.key);
                } else if (!gone.isEmpty()) {
                    store.put(kv.key, group.toString());
                }
            }
        }

        /**
         * Judges one case through the entry point: its records and, as centre-end records on their days, the
         * centre-end cases it was noted with (the nearest of them is the batch's nearest).
         */
        private void judge(DivisionCode code, ApprovalRules.Locality locality, String caseNumber, JsonNode kase,
                long timestamp) {
            List<IntakeRecord> records = new ArrayList<>();
            kase.get("records").forEach(r -> records.add(IntakeJson.parse(r.asText()).record()));
            IntakeRecord one = records.get(0);
            kase.path("near").properties().forEach(e -> records.add(IntakeRecord.of(e.getKey(), one.itemCode(),
                    one.applicant(), AcceptanceChannel.CENTRE_WINDOW, LocalDate.ofEpochDay(e.getValue().asLong())
                            .atStartOfDay())));
            for (Finding f : scan(locality, registers.get(code), records)) {
                if (f.subject().equals(caseNumber)) {
                    context.forward(new Record<>(code + "/" + caseNumber,
                            new Routed(code + "/" + caseNumber, FindingsJson.line(f), false), timestamp));
                }
            }
        }
    }

    // ------------------------------------------------------------------ case tracks: 体外循环, 前店后厂

    /** Checks a result or step: parsed, of a locality served; its timestamp from here on is its time. */
    private final class CheckTrack extends Check {
        private final String kind;

        CheckTrack(String kind) {
            this.kind = kind;
        }

        @Override
        public void process(FixedKeyRecord<String, String> record) {
            var meta = context.recordMetadata().orElseThrow();
            try {
                DivisionCode locality;
                String caseNumber;
                String line;
                LocalDateTime at;
                if (kind.equals(RESULT)) {
                    CaseTrackJson.Result r = CaseTrackJson.parseResult(record.value());
                    locality = r.locality();
                    caseNumber = r.record().caseNumber();
                    line = CaseTrackJson.line(r);
                    at = r.record().issuedAt();
                } else {
                    CaseTrackJson.Step r = CaseTrackJson.parseStep(record.value());
                    locality = r.locality();
                    caseNumber = r.record().caseNumber();
                    line = CaseTrackJson.line(r);
                    at = r.record().at();
                }
                if (!registers.containsKey(locality)) {
                    throw new InvalidValueException("locality", locality.toString(),
                            "本应用不服务该地区 / a locality this application does not serve");
                }
                context.forward(record.withValue(new Routed(where(meta), line, false, locality + "/" + caseNumber))
                        .withTimestamp(at.atZone(ZONE).toInstant().toEpochMilli()));
            } catch (ApprovalRulesException e) {
                context.forward(record.withValue(new Routed(where(meta), deadLetter(e.getMessage(), meta.topic(),
                        meta.partition(), meta.offset()), true)));
            }
        }
    }

    /**
     * Keeps each case number's intake records, results and steps (its track) until the case is closed (a result, or
     * a certification or delivery step) and the day of stream time − grace is more than L days after the track's
     * latest day; then judges it through the entry point (体外循环, 前店后厂) and drops it.
     */
    private final class Tracker extends Timed {
        Tracker() {
            super(TRACKS);
        }

        @Override
        public void process(Record<String, String> record) {
            String kind = record.value().substring(0, 1);
            String line = record.value().substring(1);
            long at = record.timestamp();
            String caseNumber = record.key().substring(record.key().indexOf('/') + 1);
            if (late(record, caseNumber, "其办件轨迹（体外循环、前店后厂）可能已判定、已移出",
                    "its case track (handling outside the system, front office) may have been judged and dropped")) {
                return;
            }
            String t = store.get(record.key());
            ObjectNode track = t == null ? MAPPER.createObjectNode() : (ObjectNode) read(t);
            if (track.has(JUDGED)) {
                var meta = context.recordMetadata().orElseThrow();
                LocalDate judged = LocalDate.ofEpochDay(track.get(JUDGED).asLong());
                context.forward(new Record<>(where(meta), new Routed(where(meta), JsonRecords.deadLetter(
                        "办件 " + caseNumber + " 已结且已判定（最后记录于 " + judged + "，超过回溯窗口之后才到）：本记录不再判定 / case "
                                + caseNumber + " was closed and judged (its latest record on " + judged + "), this record came "
                                + "more than the look-back window after it and is not judged", meta.topic(), meta.partition(),
                        meta.offset()), true), record.timestamp()));
                return;
            }
            LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochMilli(at), ZONE);
            boolean closes = switch (kind) {
                case RESULT -> true;
                case STEP -> {
                    Power step = CaseTrackJson.parseStep(line).record().step();
                    yield step == Power.CERTIFICATION || step == Power.DELIVERY;
                }
                default -> false;
            };
            track.withArrayProperty(kind).add(line);
            track.put("last", Math.max(time.toLocalDate().toEpochDay(), track.path("last").asLong(Long.MIN_VALUE)));
            track.put("closed", closes || track.path("closed").asBoolean(false));
            store.put(record.key(), track.toString());
            advance(record);
        }

        /** Judges and drops every closed track whose latest day is more than L days before {@code horizon}. */
        @Override
        void punctuate(long horizon, long timestamp) {
            for (KeyValue<String, String> kv : StateStores.entriesExcept(store, WATERMARK)) {
                JsonNode track = read(kv.value);
                if (track.has(JUDGED)) {
                    if (track.get(JUDGED).asLong() + MEMORY_DAYS < horizon) {
                        store.delete(kv.key);
                    }
                    continue;
                }
                DivisionCode code = DivisionCode.parse(kv.key.substring(0, kv.key.indexOf('/')));
                ApprovalRules.Locality locality = rules.locality(code);
                if (!track.get("closed").asBoolean() || track.get("last").asLong() + lookBackDays(locality) >= horizon) {
                    continue;
                }
                String caseNumber = kv.key.substring(kv.key.indexOf('/') + 1);
                List<IntakeRecord> records = new ArrayList<>();
                List<ResultRecord> results = new ArrayList<>();
                List<StepRecord> steps = new ArrayList<>();
                track.path(INTAKE).forEach(r -> records.add(IntakeJson.parse(r.asText()).record()));
                track.path(RESULT).forEach(r -> results.add(CaseTrackJson.parseResult(r.asText()).record()));
                track.path(STEP).forEach(r -> steps.add(CaseTrackJson.parseStep(r.asText()).record()));
                IntakeRegisters base = registers.get(code);
                for (Finding f : scan(locality, new IntakeRegisters(base.moves(), results, steps, base.channels()), records)) {
                    if (f.subject().equals(caseNumber) && (f.ruleId().equals(IntakeDetector.OUTSIDE_SYSTEM)
                            || f.ruleId().equals(IntakeDetector.FRONT_OFFICE))) {
                        context.forward(new Record<>(kv.key, new Routed(kv.key, FindingsJson.line(f), false), timestamp));
                    }
                }
                // remembered as judged (its latest day alone), so that a straggler is a dead letter, not a new case
                store.put(kv.key, MAPPER.createObjectNode().put(JUDGED, track.get("last").asLong()).toString());
            }
        }
    }

    /** The day of {@code streamTime} − the grace, in Asia/Shanghai, as an epoch day. */
    private long horizon(long streamTime) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(streamTime - graceMillis), ZONE).toEpochDay();
    }

    /** The findings of the entry point's intake scan of {@code records} against {@code registers}. */
    private static List<Finding> scan(ApprovalRules.Locality locality, IntakeRegisters registers,
            List<IntakeRecord> records) {
        IntakeScan scan = locality.scanIntake(registers);
        records.forEach(scan::add);
        return scan.finish();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("状态存储损坏 / corrupt state store entry", e);
        }
    }
}
