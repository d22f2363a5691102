package org.approvalrules.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.kafka.CaseEventJson.CaseRecord;
import org.approvalrules.kafka.CaseFile.ItemLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines as case events arrive, as a Kafka Streams topology (docs/STREAMING.md, "Case events"): case rows
 * and events ({@link CaseEventJson}, the columns of {@code cases.csv} and {@code events.csv}), keyed by case
 * number, are folded per case into a {@link CaseFile} in the state store {@value #STORE}; each case is
 * evaluated through the entry point ({@link ApprovalRules.Locality#evaluate(List, Instant)} on the
 * locality's snapshot in service) when a record of it arrives, as of the latest time the case's records
 * state, and again for every case held on wall-clock punctuation, as of the wall clock, so that yellow and
 * red warnings come out as time passes. A finding is written once per case, rule and severity (the case
 * file remembers what was written), keyed {@code locality/case number}, in the one findings shape naming the
 * rule-set and calendar versions it came from.
 *
 * <p>Bad records (not JSON, unknown field, bad time, a key other than the case number, a locality not
 * served, an item not in the catalogue, events that contradict the case, a case the entry point refuses)
 * go to the dead-letter topic with the reason, and the stream goes on; the case's state is unchanged.
 *
 * <p><b>Retention.</b> Each task keeps a watermark, the latest time its records state. A case decided and
 * delivered is dropped once the watermark passes its closing by the look-back window L of its locality
 * ({@link IntakeTopology#lookBackDays}); a record of a case the store does not hold that is dated more than
 * L before the watermark is a dead letter ("late"), as is a case whose case row has not come L after its last
 * event (it is dropped then). Open cases are kept: they still have deadlines.
 *
 * <p><b>Rule updates.</b> With a {@link PackWatcher}, each punctuation polls the pack directory; a changed
 * layer is reloaded (checked and compiled first; a broken pack is refused and the snapshot in service
 * stays) and the outcome is written to the status topic.
 */
public final class CaseEventTopology {
    private static final Logger LOG = LoggerFactory.getLogger(CaseEventTopology.class);
    /** The state store: {@code locality/case number} → the case file; plus the watermark. */
    public static final String STORE = "case-files";
    /** The time zone of every time in the records. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String WATERMARK = "\u0000watermark";
    private static final String FINDINGS = "findings-sink";
    private static final String DEAD = "dead-letters-sink";
    private static final String STATUS = "status-sink";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ApprovalRules rules;
    private final Map<DivisionCode, Map<String, ItemLimits>> items;
    private final Topics topics;
    private final Duration punctuation;
    private final Optional<PackWatcher> watcher;

    /**
     * The topics.
     *
     * @param events case rows and events (JSON), key the case number
     * @param findings findings, key {@code locality/case number}, value one finding in the findings shape
     * @param deadLetters rejected records, key {@code source-topic/partition/offset} (or {@code locality/case
     *     number} for a case dropped without its row), value {@code {reason, …}}
     * @param status rule reloads, key the layer, value {@code {layer, swapped, ruleSetVersions, problems}};
     *     and evaluations that failed on punctuation
     */
    public record Topics(String events, String findings, String deadLetters, String status) {
        public Topics {
            InvalidValueException.requireNonNull(events, "events");
            InvalidValueException.requireNonNull(findings, "findings");
            InvalidValueException.requireNonNull(deadLetters, "deadLetters");
            InvalidValueException.requireNonNull(status, "status");
        }

        /**
         * {@code approval-rules.case-events}, {@code approval-rules.findings}, {@code approval-rules.dead-letters},
         * {@code approval-rules.status}.
         */
        public static Topics defaults() {
            return new Topics("approval-rules.case-events", "approval-rules.findings", "approval-rules.dead-letters",
                    "approval-rules.status");
        }
    }

    /**
     * A topology over {@code rules} serving the localities of {@code items}, each with its catalogue of items
     * (item code → limits), punctuating every {@code punctuation} of wall-clock time, polling {@code watcher}
     * (if any) then.
     */
    public CaseEventTopology(ApprovalRules rules, Map<DivisionCode, Map<String, ItemLimits>> items, Topics topics,
            Duration punctuation, Optional<PackWatcher> watcher) {
        this.rules = InvalidValueException.requireNonNull(rules, "rules");
        InvalidValueException.requireNonNull(items, "items");
        if (items.isEmpty()) {
            throw new InvalidValueException("items", "{}", "至少服务一个地区 / serve at least one locality");
        }
        Map<DivisionCode, Map<String, ItemLimits>> copy = new LinkedHashMap<>();
        items.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        this.items = Map.copyOf(copy);
        this.topics = InvalidValueException.requireNonNull(topics, "topics");
        this.punctuation = InvalidValueException.requireNonNull(punctuation, "punctuation");
        if (punctuation.isNegative() || punctuation.isZero()) {
            throw new InvalidValueException("punctuation", punctuation, "应为正时长 / must be positive");
        }
        this.watcher = InvalidValueException.requireNonNull(watcher, "watcher");
        for (DivisionCode c : this.items.keySet()) {
            IntakeTopology.lookBackDays(rules.locality(c)); // every snapshot builds and has a window, or we fail now
        }
    }

    /** As above, punctuating every minute, with no pack watcher. */
    public CaseEventTopology(ApprovalRules rules, Map<DivisionCode, Map<String, ItemLimits>> items, Topics topics) {
        this(rules, items, topics, Duration.ofMinutes(1), Optional.empty());
    }

    /** The topology. */
    public Topology build() {
        Topology t = new Topology();
        t.addSource("case-events-source", Serdes.String().deserializer(), Serdes.String().deserializer(),
                topics.events());
        t.addProcessor("case-judge", Judge::new, "case-events-source");
        t.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.String()), "case-judge");
        t.addSink(FINDINGS, topics.findings(), Serdes.String().serializer(), Serdes.String().serializer(), "case-judge");
        t.addSink(DEAD, topics.deadLetters(), Serdes.String().serializer(), Serdes.String().serializer(), "case-judge");
        t.addSink(STATUS, topics.status(), Serdes.String().serializer(), Serdes.String().serializer(), "case-judge");
        return t;
    }

    /** The instant of a local time of the records. */
    static Instant instant(LocalDateTime t) {
        return t.atZone(ZONE).toInstant();
    }

    private final class Judge implements Processor<String, String, String, String> {
        private ProcessorContext<String, String> context;
        private KeyValueStore<String, String> store;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
            context.schedule(punctuation, PunctuationType.WALL_CLOCK_TIME, this::punctuate);
        }

        @Override
        public void process(Record<String, String> record) {
            var meta = context.recordMetadata().orElseThrow();
            String where = meta.topic() + "/" + meta.partition() + "/" + meta.offset();
            try {
                CaseRecord r = CaseEventJson.parse(record.value());
                if (record.key() == null || !record.key().equals(r.caseNumber())) {
                    throw new InvalidValueException("key", String.valueOf(record.key()), "记录的键应为办件编号 " + r.caseNumber()
                            + "（同一办件的记录才能保持顺序） / the key must be the case number (so a case's records keep "
                            + "their order)");
                }
                Map<String, ItemLimits> catalogue = items.get(r.locality());
                if (catalogue == null) {
                    throw new InvalidValueException("locality", r.locality().toString(),
                            "本应用不服务该地区 / a locality this application does not serve");
                }
                ApprovalRules.Locality locality = rules.locality(r.locality());
                String key = r.locality() + "/" + r.caseNumber();
                String held = store.get(key);
                Optional<LocalDateTime> watermark = watermark();
                int lookBack = IntakeTopology.lookBackDays(locality);
                if (held == null && watermark.isPresent() && r.at().isBefore(watermark.get().minusDays(lookBack))) {
                    throw new InvalidValueException("at", r.at(), "迟到：早于水位线 " + watermark.get() + " 超过回溯窗口 " + lookBack
                            + " 天，且未持有该办件（可能已清除） / late: more than the look-back window (" + lookBack + " days) "
                            + "before the watermark " + watermark.get() + " and its case is not held (it may have been "
                            + "dropped); case " + r.caseNumber());
                }
                CaseFile file = (held == null ? CaseFile.empty(r.locality(), r.caseNumber()) : CaseFile.parse(held)).with(r);
                Optional<DeadlineInput> in = input(file, catalogue);
                if (in.isPresent()) {
                    LocalDateTime asOf = file.latest().orElseThrow();
                    CaseEvaluation e = locality.evaluate(List.of(in.get()), instant(asOf)).get(0);
                    file = write(file, e, record.timestamp());
                }
                store.put(key, file.json());
                if (watermark.isEmpty() || r.at().isAfter(watermark.get())) {
                    store.put(WATERMARK, r.at().toString());
                }
            } catch (ApprovalRulesException e) {
                context.forward(new Record<>(where, deadLetter(e.getMessage(), meta.topic(), meta.partition(),
                        meta.offset()), record.timestamp()), DEAD);
            }
        }

        private Optional<DeadlineInput> input(CaseFile file, Map<String, ItemLimits> catalogue) {
            if (file.row().isEmpty()) {
                return Optional.empty();
            }
            String item = file.row().get().itemCode();
            ItemLimits limits = catalogue.get(item);
            if (limits == null) {
                throw new InvalidValueException("item_code", item, "事项目录中无此事项 / not an item of the locality's "
                        + "catalogue");
            }
            return file.input(limits);
        }

        /** Writes the findings of {@code e} not yet written about the case; the file remembering them. */
        private CaseFile write(CaseFile file, CaseEvaluation e, long timestamp) {
            Set<String> keys = new LinkedHashSet<>();
            for (Finding f : e.findings()) {
                String k = findingKey(f);
                if (!file.wrote(k) && keys.add(k)) {
                    context.forward(new Record<>(file.locality() + "/" + file.caseNumber(), FindingsJson.line(f),
                            timestamp), FINDINGS);
                }
            }
            return keys.isEmpty() ? file : file.withWritten(keys);
        }

        private Optional<LocalDateTime> watermark() {
            return Optional.ofNullable(store.get(WATERMARK)).map(LocalDateTime::parse);
        }

        private void punctuate(long now) {
            Instant asOf = Instant.ofEpochMilli(now);
            Optional<LocalDateTime> watermark = watermark();
            Map<DivisionCode, List<CaseFile>> byLocality = new LinkedHashMap<>();
            List<KeyValue<String, String>> all = StateStores.entriesExcept(store, WATERMARK);
            for (KeyValue<String, String> kv : all) {
                CaseFile f = CaseFile.parse(kv.value);
                ApprovalRules.Locality locality = rules.locality(f.locality());
                int lookBack = IntakeTopology.lookBackDays(locality);
                LocalDateTime horizon = watermark.map(w -> w.minusDays(lookBack)).orElse(LocalDateTime.MIN);
                if (f.closed().isPresent() && f.closed().get().isBefore(horizon)) {
                    store.delete(kv.key); // decided and delivered more than L ago: nothing more can come
                    continue;
                }
                if (f.row().isEmpty()) {
                    if (f.latest().orElseThrow().isBefore(horizon)) {
                        store.delete(kv.key);
                        context.forward(new Record<>(kv.key, deadLetter("办件记录在其最后事件后 " + lookBack + " 天内未到，事件作废 / "
                                + "the case row did not come within " + lookBack + " days of the case's last event; its "
                                + f.events().size() + " event(s) are dropped; case " + f.caseNumber(), topics.events(), -1, -1),
                                now), DEAD);
                    }
                    continue;
                }
                if (!instant(f.latest().orElseThrow()).isAfter(asOf)) { // else its arrival judged it as of a later time
                    byLocality.computeIfAbsent(f.locality(), k -> new ArrayList<>()).add(f);
                }
            }
            byLocality.forEach((code, files) -> evaluateAll(rules.locality(code), files, asOf, now));
            watcher.ifPresent(w -> {
                for (ApprovalRules.Reload r : w.poll()) {
                    context.forward(new Record<>(r.layer().toString(), status(r), now), STATUS);
                }
            });
        }

        /** Evaluates held cases of one locality as of the wall clock, in one batch (one by one if it fails). */
        private void evaluateAll(ApprovalRules.Locality locality, List<CaseFile> files, Instant asOf, long now) {
            Map<String, ItemLimits> catalogue = items.get(locality.code());
            List<DeadlineInput> inputs = new ArrayList<>();
            for (CaseFile f : files) {
                inputs.add(input(f, catalogue).orElseThrow()); // it was checked when its records came
            }
            List<CaseEvaluation> done;
            try {
                done = locality.evaluate(inputs, asOf);
            } catch (ApprovalRulesException batchFailed) {
                done = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) {
                    try {
                        done.add(locality.evaluate(List.of(inputs.get(i)), asOf).get(0));
                    } catch (ApprovalRulesException e) {
                        done.add(null);
                        CaseFile f = files.get(i);
                        LOG.error("办件 {} 在 {} 无法评估 / case {} cannot be evaluated as of {}: {}", f.caseNumber(), asOf,
                                f.caseNumber(), asOf, e.getMessage());
                        ObjectNode o = MAPPER.createObjectNode();
                        o.put("case", f.locality() + "/" + f.caseNumber());
                        o.put("asOf", asOf.toString());
                        o.put("reason", e.getMessage());
                        context.forward(new Record<>(f.locality() + "/" + f.caseNumber(), o.toString(), now), STATUS);
                    }
                }
            }
            for (int i = 0; i < files.size(); i++) {
                if (done.get(i) != null) {
                    CaseFile before = files.get(i);
                    CaseFile after = write(before, done.get(i), now);
                    if (after != before) {
                        store.put(before.locality() + "/" + before.caseNumber(), after.json());
                    }
                }
            }
        }
    }

    /** The key a finding is written once under, per case: rule id and severity. */
    static String findingKey(Finding f) {
        return f.ruleId() + "|" + f.severity();
    }

    static String status(ApprovalRules.Reload r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("layer", r.layer().toString());
        o.put("swapped", r.swapped());
        ObjectNode v = o.putObject("ruleSetVersions");
        r.ruleSetVersions().entrySet().stream().sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(
                DivisionCode::value))).forEach(e -> v.put(e.getKey().toString(), e.getValue()));
        var problems = o.putArray("problems");
        r.problems().forEach(p -> problems.add(String.valueOf(p)));
        return o.toString();
    }

    private static String deadLetter(String reason, String topic, int partition, long offset) {
        return JsonRecords.deadLetter(reason, topic, partition, offset);
    }
}
