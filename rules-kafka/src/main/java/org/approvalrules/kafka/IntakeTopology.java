package org.approvalrules.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.api.intake.ItemMove;
import org.approvalrules.core.intake.IntakeDetector;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.rules.EntryPointAccess;

/**
 * Two-end intake (两头受理, 明进暗不进) as a Kafka Streams topology (docs/STREAMING.md): intake records (JSON
 * Lines, {@link IntakeJson}) are checked, keyed by locality + applicant + item, repartitioned by that key
 * and kept in a state store; a record is judged through the entry point (the locality's snapshot in service,
 * {@link ApprovalRules.Locality#scanIntake}) once every record that could pair with it has arrived, and its
 * findings go to the findings topic in the one findings shape ({@link FindingsJson}), keyed by locality and
 * case number. Bad records, records of localities not served and records too late to be judged correctly
 * go to the dead-letter topic with the reason (identifiers masked).
 *
 * <p><b>Time.</b> Each task keeps a watermark: the latest acceptance date it has seen (in its store, so a
 * restarted task goes on from it). With L the look-back window of the record's locality (the largest
 * value of {@value IntakeDetector#WINDOW_DAYS} in its snapshot), records may arrive out of acceptance order
 * by less than L days; a record is judged when the watermark passes its date + 2L, kept until it passes
 * date + 3L, and a record dated before watermark − L is a dead letter (judging it could be silently wrong).
 * The findings are then those of the batch scan over the same records, provided each group's records
 * travel one path: producers key intake records by {@link #groupKey} (docs/STREAMING.md, "Order").
 */
public final class IntakeTopology {
    /** The state store: group key → the group's records; plus the watermark. */
    public static final String STORE = "intake-groups";
    /** The name of the internal repartition topic (prefixed by the application id). */
    public static final String REPARTITION = "intake-by-applicant-item";
    private static final String WATERMARK = "\u0000watermark";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ApprovalRules rules;
    private final Map<DivisionCode, List<ItemMove>> registers;
    private final Topics topics;

    /**
     * The topics.
     *
     * @param intake intake records (JSON Lines), any key
     * @param findings findings, key {@code locality/case number}, value one finding in the findings shape
     * @param deadLetters rejected records, key {@code source-topic/partition/offset}, value {@code {reason, …}}
     */
    public record Topics(String intake, String findings, String deadLetters) {
        public Topics {
            InvalidValueException.requireNonNull(intake, "intake");
            InvalidValueException.requireNonNull(findings, "findings");
            InvalidValueException.requireNonNull(deadLetters, "deadLetters");
        }

        /** {@code approval-rules.intake}, {@code approval-rules.findings}, {@code approval-rules.dead-letters}. */
        public static Topics defaults() {
            return new Topics("approval-rules.intake", "approval-rules.findings", "approval-rules.dead-letters");
        }
    }

    /**
     * A topology over {@code rules} serving the localities of {@code registers}, each with its register of
     * items moved into the centre (事项进驻清单, {@code IntakeLogReader.readMoves}).
     */
    public IntakeTopology(ApprovalRules rules, Map<DivisionCode, List<ItemMove>> registers, Topics topics) {
        this.rules = InvalidValueException.requireNonNull(rules, "rules");
        InvalidValueException.requireNonNull(registers, "registers");
        if (registers.isEmpty()) {
            throw new InvalidValueException("registers", "{}", "至少服务一个地区 / serve at least one locality");
        }
        Map<DivisionCode, List<ItemMove>> copy = new LinkedHashMap<>();
        registers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
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
    private record Routed(String key, String value, boolean dead) {
    }

    /** The topology. */
    public Topology build() {
        StreamsBuilder b = new StreamsBuilder();
        b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.String()));
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
                    judged.split(Named.as("judged-"))
                            .branch((k, r) -> r.dead(), Branched.withConsumer(d -> deadLetters(d), "dead"))
                            .defaultBranch(Branched.withConsumer(f -> f.map((k, r) -> KeyValue.pair(r.key(), r.value()))
                                    .to(topics.findings(), Produced.with(Serdes.String(), Serdes.String())), "findings"));
                }, "ok"));
        return b.build();
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

    private final class Check implements FixedKeyProcessor<String, String, Routed> {
        private FixedKeyProcessorContext<String, Routed> context;

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
                List<ItemMove> moves = registers.get(in.locality());
                if (moves == null) {
                    throw new InvalidValueException("locality", in.locality().toString(),
                            "本应用不服务该地区 / a locality this application does not serve");
                }
                // what the batch scan checks of one record (e.g. a parameter in force on its date)
                rules.locality(in.locality()).scanIntake(moves).add(in.record());
                out = new Routed(groupKey(in), IntakeJson.line(in), false);
            } catch (ApprovalRulesException e) {
                out = new Routed(where(meta), deadLetter(e.getMessage(), meta.topic(), meta.partition(), meta.offset()),
                        true);
            }
            context.forward(record.withValue(out));
        }
    }

    // ------------------------------------------------------------------ step 2: keep and judge

    private final class Judge implements Processor<String, String, String, Routed> {
        private ProcessorContext<String, Routed> context;
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<String, Routed> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, String> record) {
            IntakeJson.Intake in = IntakeJson.parse(record.value());
            ApprovalRules.Locality locality = rules.locality(in.locality());
            int lookBack = lookBackDays(locality);
            LocalDate day = in.record().acceptedAt().toLocalDate();
            String w = store.get(WATERMARK);
            LocalDate watermark = w == null ? null : LocalDate.parse(w);
            if (watermark != null && day.isBefore(watermark.minusDays(lookBack))) {
                var meta = context.recordMetadata().orElseThrow();
                context.forward(new Record<>(where(meta), new Routed(where(meta), deadLetter("迟到：早于水位线 " + watermark + " 超过回溯窗口 "
                        + lookBack + " 天，无法正确判定 / late: more than the look-back window (" + lookBack
                        + " days) before the watermark " + watermark + ", cannot be judged correctly; case "
                        + in.record().caseNumber(), meta.topic(), meta.partition(), meta.offset()), true),
                        record.timestamp()));
                return;
            }
            ArrayNode group = group(record.key());
            ObjectNode entry = (ObjectNode) read(record.value());
            entry.put("judged", false);
            group.add(entry);
            store.put(record.key(), group.toString());
            if (watermark == null || day.isAfter(watermark)) {
                store.put(WATERMARK, day.toString());
                advance(day, record.timestamp());
            }
        }

        private ArrayNode group(String key) {
            String g = store.get(key);
            return g == null ? MAPPER.createArrayNode() : (ArrayNode) read(g);
        }

        /** Judges every record whose pairs have all arrived; forgets records no one can pair with any more. */
        private void advance(LocalDate watermark, long timestamp) {
            List<KeyValue<String, String>> groups = StateStores.entriesExcept(store, WATERMARK);
            for (KeyValue<String, String> kv : groups) {
                ArrayNode group = (ArrayNode) read(kv.value);
                DivisionCode code = DivisionCode.parse(kv.key.substring(0, kv.key.indexOf('|')));
                ApprovalRules.Locality locality = rules.locality(code);
                int lookBack = lookBackDays(locality);
                List<IntakeRecord> all = new ArrayList<>();
                Set<String> due = new HashSet<>();
                for (var e : group) {
                    IntakeRecord r = IntakeJson.parse(withoutJudged(e)).record();
                    all.add(r);
                    if (!e.get("judged").asBoolean() && r.acceptedAt().toLocalDate().plusDays(2L * lookBack)
                            .isBefore(watermark)) {
                        due.add(r.caseNumber());
                        ((ObjectNode) e).put("judged", true);
                    }
                }
                if (!due.isEmpty()) {
                    for (Finding f : locality.scanIntake(all, registers.get(code))) {
                        if (due.contains(f.subject())) {
                            context.forward(new Record<>(code + "/" + f.subject(),
                                    new Routed(code + "/" + f.subject(), FindingsJson.line(f), false), timestamp));
                        }
                    }
                }
                ArrayNode kept = MAPPER.createArrayNode();
                for (var e : group) {
                    LocalDate d = IntakeJson.parse(withoutJudged(e)).record().acceptedAt().toLocalDate();
                    if (!d.plusDays(3L * lookBack).isBefore(watermark)) {
                        kept.add(e);
                    }
                }
                if (kept.isEmpty()) {
                    store.delete(kv.key);
                } else if (!due.isEmpty() || kept.size() != group.size()) {
                    store.put(kv.key, kept.toString());
                }
            }
        }
    }

    private static String withoutJudged(com.fasterxml.jackson.databind.JsonNode e) {
        ObjectNode c = ((ObjectNode) e).deepCopy();
        c.remove("judged");
        return c.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("状态存储损坏 / corrupt state store entry", e);
        }
    }
}
