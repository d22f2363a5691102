package org.approvalrules.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlineInputException;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.kafka.CaseEventJson.CaseRecord;
import org.approvalrules.kafka.CaseEventJson.CaseRow;
import org.approvalrules.kafka.CaseEventJson.Event;
import org.approvalrules.kafka.CaseEventJson.Kind;

/**
 * What the stream knows of one case: its case row (when it has arrived), its events in arrival order and
 * the findings already written about it ({@code rule id|severity}, so that no warning is written twice).
 * {@link #input} folds it into the deadline engine's input. Immutable; kept in the state store as JSON.
 *
 * <p>The fold: acceptance, decision and delivery from the case row, or from ACCEPTANCE, DECISION and DELIVERY
 * events (the two must agree); APPLICATION → application time; CORRECTION_REQUESTED / CORRECTION_RECEIVED →
 * the one-time correction notice and the corrected materials (at most one each, Art. 32 一次性告知);
 * PROCEDURE_START and PROCEDURE_END of one procedure kind pair in time order (an end without a start is an
 * error, a start without an end a running procedure); EXTENSION → an extension approved on its day, under
 * Art. 42 §1 up to 10 working days, §2 above; the item's limits from the topology's item catalogue.
 */
public final class CaseFile {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The statutory and promised limits of an item ({@code items.csv}: statutory/promised limit, unit). */
    public record ItemLimits(TimeLimit statutory, Optional<TimeLimit> promised) {
        public ItemLimits {
            InvalidValueException.requireNonNull(statutory, "statutory");
            InvalidValueException.requireNonNull(promised, "promised");
        }
    }

    /** The order of a case's procedures in its deadline input: by start, then by kind. */
    public static final Comparator<SpecialProcedure> PROCEDURE_ORDER = Comparator.comparing(SpecialProcedure::start)
            .thenComparing(SpecialProcedure::kind);

    private final DivisionCode locality;
    private final String caseNumber;
    private final Optional<CaseRow> row;
    private final List<Event> events;
    private final Set<String> written;

    private CaseFile(DivisionCode locality, String caseNumber, Optional<CaseRow> row, List<Event> events,
            Set<String> written) {
        this.locality = locality;
        this.caseNumber = caseNumber;
        this.row = row;
        this.events = List.copyOf(events);
        this.written = Set.copyOf(written);
    }

    /** A case no record of which has arrived. */
    public static CaseFile empty(DivisionCode locality, String caseNumber) {
        return new CaseFile(InvalidValueException.requireNonNull(locality, "locality"),
                InvalidValueException.requireNonNull(caseNumber, "caseNumber"), Optional.empty(), List.of(), Set.of());
    }

    public DivisionCode locality() {
        return locality;
    }

    public String caseNumber() {
        return caseNumber;
    }

    /** The case row, once it has arrived. */
    public Optional<CaseRow> row() {
        return row;
    }

    /** The events in arrival order. */
    public List<Event> events() {
        return events;
    }

    /** The latest time any record of the case states. */
    public Optional<LocalDateTime> latest() {
        Optional<LocalDateTime> t = row.map(CaseRow::at);
        for (Event e : events) {
            if (t.isEmpty() || e.at().isAfter(t.get())) {
                t = Optional.of(e.at());
            }
        }
        return t;
    }

    /** When the case was closed: decided and delivered (the later of the two), if it is. */
    public Optional<LocalDateTime> closed() {
        Optional<LocalDateTime> decided = time(Kind.DECISION, row.flatMap(CaseRow::decided));
        Optional<LocalDateTime> delivered = time(Kind.DELIVERY, row.flatMap(CaseRow::delivered));
        if (decided.isEmpty() || delivered.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(delivered.get().isAfter(decided.get()) ? delivered.get() : decided.get());
    }

    /** Whether a finding with this key ({@code rule id|severity}) has been written. */
    public boolean wrote(String findingKey) {
        return written.contains(findingKey);
    }

    /** This file with the finding key marked written. */
    public CaseFile withWritten(Set<String> keys) {
        Set<String> w = new LinkedHashSet<>(written);
        w.addAll(keys);
        return new CaseFile(locality, caseNumber, row, events, w);
    }

    /**
     * This file with {@code r} added.
     *
     * @throws InvalidValueException when {@code r} is of another case, is a second case row that differs, or
     *     states a time the case already has differently (e.g. a DECISION event other than the row's decision)
     */
    public CaseFile with(CaseRecord r) {
        if (!r.locality().equals(locality) || !r.caseNumber().equals(caseNumber)) {
            throw new InvalidValueException("case_number", r.caseNumber(), "不属于办件 " + locality + "/" + caseNumber
                    + " / belongs to another case");
        }
        if (r instanceof CaseRow c) {
            CaseRow merged = c;
            if (row.isPresent()) {
                CaseRow old = row.get();
                if (!old.itemCode().equals(c.itemCode()) || !old.accepted().equals(c.accepted())) {
                    throw new InvalidValueException("item_code/accepted", c.itemCode() + " " + c.accepted(),
                            "与已收到的办件记录不一致（" + old.itemCode() + " " + old.accepted() + "） / differs from the case "
                                    + "row already received");
                }
                // a later row may add the decision and delivery; it may not change them
                merged = new CaseRow(locality, caseNumber, c.itemCode(), c.accepted(),
                        agree("decided", old.decided(), c.decided()), agree("delivered", old.delivered(), c.delivered()));
            }
            CaseFile f = new CaseFile(locality, caseNumber, Optional.of(merged), events, written);
            f.checkAgreement();
            return f;
        }
        Event e = (Event) r;
        List<Event> next = new ArrayList<>(events);
        next.add(e);
        CaseFile f = new CaseFile(locality, caseNumber, row, next, written);
        f.checkAgreement();
        return f;
    }

    private static Optional<LocalDateTime> agree(String field, Optional<LocalDateTime> old, Optional<LocalDateTime> now) {
        if (old.isPresent() && now.isPresent() && !old.equals(now)) {
            throw new InvalidValueException(field, now.get(), "与已收到的 " + old.get() + " 不一致 / differs from " + old.get()
                    + " already received");
        }
        return old.isPresent() ? old : now;
    }

    /** Row times and the events that state the same time agree; one-off events come once. */
    private void checkAgreement() {
        for (Kind k : List.of(Kind.ACCEPTANCE, Kind.DECISION, Kind.DELIVERY, Kind.APPLICATION,
                Kind.CORRECTION_REQUESTED, Kind.CORRECTION_RECEIVED)) {
            List<Event> of = events.stream().filter(e -> e.kind() == k).toList();
            if (of.size() > 1) {
                throw new InvalidValueException("kind", k.name(), "同一办件只能有一个 " + k.label() + " 事件 / a case has one "
                        + k + " event");
            }
        }
        if (row.isPresent()) {
            CaseRow c = row.get();
            time(Kind.ACCEPTANCE, Optional.of(c.accepted()));
            time(Kind.DECISION, c.decided());
            time(Kind.DELIVERY, c.delivered());
        }
    }

    /** The time of the one event of kind {@code k}, checked against the row's {@code fromRow}. */
    private Optional<LocalDateTime> time(Kind k, Optional<LocalDateTime> fromRow) {
        Optional<LocalDateTime> fromEvent = events.stream().filter(e -> e.kind() == k).map(Event::at).findFirst();
        if (fromRow.isPresent() && fromEvent.isPresent() && !fromRow.equals(fromEvent)) {
            throw new InvalidValueException("at", fromEvent.get(), k + " 事件时间与办件记录的 " + fromRow.get()
                    + " 不一致 / the " + k + " event differs from the case row's " + fromRow.get());
        }
        return fromRow.isPresent() ? fromRow : fromEvent;
    }

    /**
     * The deadline input of the case, once its case row has arrived.
     *
     * @throws DeadlineInputException when the events are inconsistent (e.g. a decision before acceptance)
     */
    public Optional<DeadlineInput> input(ItemLimits limits) {
        if (row.isEmpty()) {
            return Optional.empty();
        }
        CaseRow c = row.get();
        DeadlineInput.Builder b = DeadlineInput.builder(caseNumber, c.accepted(), limits.statutory());
        limits.promised().ifPresent(b::promised);
        b.locality(locality);
        one(Kind.APPLICATION).ifPresent(b::applied);
        one(Kind.CORRECTION_REQUESTED).ifPresent(b::correctionNotice);
        one(Kind.CORRECTION_RECEIVED).ifPresent(b::correctedMaterials);
        time(Kind.DECISION, c.decided()).ifPresent(t -> {
            b.decided(t);
            b.completed(t);
        });
        time(Kind.DELIVERY, c.delivered()).ifPresent(b::delivered);
        b.procedures(procedures());
        List<Extension> extensions = new ArrayList<>();
        for (Event e : sorted()) {
            if (e.kind() == Kind.EXTENSION) {
                int days = e.days().orElseThrow();
                try {
                    extensions.add(new Extension(days, days <= Extension.Basis.ART_42_ORDINARY.maxWorkingDays()
                            ? Extension.Basis.ART_42_ORDINARY : Extension.Basis.ART_42_JOINT, e.reference().orElseThrow(),
                            e.at().toLocalDate()));
                } catch (InvalidValueException x) {
                    throw new DeadlineInputException(caseNumber, "days", days, x.getMessage());
                }
            }
        }
        b.extensions(extensions);
        return Optional.of(b.build());
    }

    private Optional<LocalDateTime> one(Kind k) {
        return events.stream().filter(e -> e.kind() == k).map(Event::at).findFirst();
    }

    private List<Event> sorted() {
        return events.stream().sorted(Comparator.comparing(Event::at)).toList();
    }

    private List<SpecialProcedure> procedures() {
        List<Event> open = new ArrayList<>();
        List<SpecialProcedure> out = new ArrayList<>();
        for (Event e : sorted()) {
            if (e.kind() == Kind.PROCEDURE_START) {
                open.add(e);
            } else if (e.kind() == Kind.PROCEDURE_END) {
                Event start = open.stream().filter(s -> s.procedure().equals(e.procedure())).findFirst()
                        .orElseThrow(() -> new DeadlineInputException(caseNumber, "procedure", e.procedure().orElseThrow(),
                                "特别程序结束于 " + e.at() + " 却无开始 / a procedure ends with no start before it"));
                open.remove(start);
                out.add(SpecialProcedure.of(start.procedure().orElseThrow(), start.at(), e.at()));
            }
        }
        for (Event s : open) {
            out.add(SpecialProcedure.open(s.procedure().orElseThrow(), s.at()));
        }
        out.sort(PROCEDURE_ORDER);
        return out;
    }

    // ------------------------------------------------------------------ state store form

    /** The file as JSON (the store's value). */
    public String json() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("locality", locality.toString());
        o.put("case_number", caseNumber);
        row.ifPresent(r -> o.put("row", CaseEventJson.line(r)));
        ArrayNode ev = o.putArray("events");
        events.forEach(e -> ev.add(CaseEventJson.line(e)));
        ArrayNode w = o.putArray("written");
        written.forEach(w::add);
        return o.toString();
    }

    /** The file {@link #json} wrote. */
    public static CaseFile parse(String json) {
        try {
            JsonNode o = MAPPER.readTree(json);
            List<Event> events = new ArrayList<>();
            o.get("events").forEach(e -> events.add((Event) CaseEventJson.parse(e.asText())));
            Set<String> written = new LinkedHashSet<>();
            o.get("written").forEach(w -> written.add(w.asText()));
            Optional<CaseRow> row = o.hasNonNull("row")
                    ? Optional.of((CaseRow) CaseEventJson.parse(o.get("row").asText())) : Optional.empty();
            return new CaseFile(DivisionCode.parse(o.get("locality").asText()), o.get("case_number").asText(), row,
                    events, written);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("状态存储损坏 / corrupt state store entry", e);
        }
    }
}
