package org.approvalrules.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.intake.IntakeLogReader;

/**
 * One record of the case-event topic as a line of JSON (docs/STREAMING.md, "A case record"): either a case
 * row (the columns of {@code cases.csv}: {@code case_number}, {@code item_code}, {@code accepted}, optional
 * {@code decided} and {@code delivered}, the other columns accepted and not used) or an event (the columns of
 * {@code events.csv}: {@code case_number}, {@code kind}, {@code at}, {@code procedure} for PROCEDURE_*,
 * {@code days} and {@code reference} for EXTENSION), each with {@code locality}. English or Chinese names,
 * values strings ({@code days} also a JSON integer), times in the intake log's forms, enumerations by
 * constant name or Chinese label. A record with {@code kind} is an event, one without a case row. Unknown
 * fields are rejected. Thread-safe.
 */
public final class CaseEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Field → the names it is accepted under (the English column first). */
    private static final Map<String, List<String>> NAMES;

    static {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("locality", List.of("locality", "行政区划代码"));
        m.put("case_number", List.of("case_number", "办件编号"));
        // cases.csv
        m.put("item_code", List.of("item_code", "实施编码"));
        m.put("department", List.of("department", "部门编码"));
        m.put("applicant_id", List.of("applicant_id", "申请者证件号码"));
        m.put("id_type", List.of("id_type", "证件类型"));
        m.put("applicant_category", List.of("applicant_category", "申请人类别"));
        m.put("channel", List.of("channel", "受理渠道"));
        m.put("channel_name", List.of("channel_name", "渠道名称"));
        m.put("accepted", List.of("accepted", "受理时间"));
        m.put("decided", List.of("decided", "办结时间"));
        m.put("delivered", List.of("delivered", "送达时间"));
        m.put("result_place", List.of("result_place", "出件地点"));
        // events.csv
        m.put("kind", List.of("kind", "事件"));
        m.put("at", List.of("at", "时间"));
        m.put("procedure", List.of("procedure", "特别程序"));
        m.put("days", List.of("days", "天数"));
        m.put("reference", List.of("reference", "依据"));
        NAMES = Map.copyOf(m);
    }

    private static final JsonRecords FIELDS = new JsonRecords(NAMES);

    private static final List<String> EVENT_ONLY = List.of("kind", "at", "procedure", "days", "reference");
    private static final List<String> ROW_ONLY = List.of("item_code", "department", "applicant_id", "id_type",
            "applicant_category", "channel", "channel_name", "accepted", "decided", "delivered", "result_place");

    /** The kinds of case event ({@code events.csv} column {@code kind}). */
    public enum Kind {
        APPLICATION("申请"),
        ACCEPTANCE("受理"),
        CORRECTION_REQUESTED("补正告知"),
        CORRECTION_RECEIVED("补正材料收到"),
        PROCEDURE_START("特别程序开始"),
        PROCEDURE_END("特别程序结束"),
        EXTENSION("延期"),
        DECISION("决定"),
        DELIVERY("送达");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The Chinese label. */
        public String label() {
            return label;
        }

        static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(text.strip()) || k.label.equals(text.strip())) {
                    return k;
                }
            }
            throw new InvalidValueException("kind", text, "未知事件（应为 " + List.of(values()) + " 或其中文名） / unknown event kind");
        }
    }

    /** A record of the case-event topic: a case row or an event, of one case of one locality. */
    public sealed interface CaseRecord permits CaseRow, Event {
        DivisionCode locality();

        String caseNumber();

        /** The latest time the record states. */
        LocalDateTime at();
    }

    /** A case row ({@code cases.csv}): the item and the case's times (the applicant is not kept). */
    public record CaseRow(DivisionCode locality, String caseNumber, String itemCode, LocalDateTime accepted,
            Optional<LocalDateTime> decided, Optional<LocalDateTime> delivered) implements CaseRecord {
        public CaseRow {
            InvalidValueException.requireNonNull(locality, "locality");
            requireText(caseNumber, "case_number");
            requireText(itemCode, "item_code");
            InvalidValueException.requireNonNull(accepted, "accepted");
            InvalidValueException.requireNonNull(decided, "decided");
            InvalidValueException.requireNonNull(delivered, "delivered");
        }

        @Override
        public LocalDateTime at() {
            LocalDateTime t = accepted;
            if (decided.isPresent() && decided.get().isAfter(t)) {
                t = decided.get();
            }
            if (delivered.isPresent() && delivered.get().isAfter(t)) {
                t = delivered.get();
            }
            return t;
        }
    }

    /**
     * An event ({@code events.csv}).
     *
     * @param procedure the special procedure, for PROCEDURE_START and PROCEDURE_END (required there, absent
     *     elsewhere)
     * @param days the working days of an EXTENSION (required there, absent elsewhere)
     * @param reference the basis (依据), e.g. the approval document of an extension (required for EXTENSION)
     */
    public record Event(DivisionCode locality, String caseNumber, Kind kind, LocalDateTime at,
            Optional<ProcedureKind> procedure, Optional<Integer> days, Optional<String> reference) implements CaseRecord {
        public Event {
            InvalidValueException.requireNonNull(locality, "locality");
            requireText(caseNumber, "case_number");
            InvalidValueException.requireNonNull(kind, "kind");
            InvalidValueException.requireNonNull(at, "at");
            InvalidValueException.requireNonNull(procedure, "procedure");
            InvalidValueException.requireNonNull(days, "days");
            InvalidValueException.requireNonNull(reference, "reference");
            boolean proc = kind == Kind.PROCEDURE_START || kind == Kind.PROCEDURE_END;
            if (proc != procedure.isPresent()) {
                throw new InvalidValueException("procedure", procedure.map(Enum::name).orElse(""), proc
                        ? "事件 " + kind + " 须有特别程序 / a " + kind + " event needs its procedure"
                        : "只有 PROCEDURE_START/PROCEDURE_END 有特别程序 / only procedure events have a procedure");
            }
            boolean ext = kind == Kind.EXTENSION;
            if (ext != days.isPresent()) {
                throw new InvalidValueException("days", days.map(String::valueOf).orElse(""), ext
                        ? "延期事件须有天数 / an EXTENSION event needs its days"
                        : "只有 EXTENSION 有天数 / only an EXTENSION event has days");
            }
            if (ext && reference.isEmpty()) {
                throw new InvalidValueException("reference", "", "延期事件须有依据（批准文号） / an EXTENSION event needs its "
                        + "reference (the approval)");
            }
        }
    }

    private CaseEventJson() {
    }

    /**
     * The record {@code line} stands for.
     *
     * @throws InvalidValueException naming the field and its value when the line is not such a record
     */
    public static CaseRecord parse(String line) {
        JsonNode n = FIELDS.object(line);
        DivisionCode locality = DivisionCode.parse(required(n, "locality"));
        String caseNumber = required(n, "case_number");
        Optional<String> kind = optional(n, "kind");
        if (kind.isPresent()) {
            for (String f : ROW_ONLY) {
                if (present(n, f)) {
                    throw new InvalidValueException(f, "", "事件记录不应有办件字段 / an event record has no case fields");
                }
            }
            Kind k = Kind.parse(kind.get());
            Optional<ProcedureKind> procedure = optional(n, "procedure").map(CaseEventJson::procedure);
            return new Event(locality, caseNumber, k, time(n, "at"), procedure, days(n), optional(n, "reference"));
        }
        for (String f : EVENT_ONLY) {
            if (present(n, f)) {
                throw new InvalidValueException(f, "", "办件记录不应有事件字段（事件须有 kind） / a case row has no event "
                        + "fields (an event needs kind)");
            }
        }
        return new CaseRow(locality, caseNumber, required(n, "item_code"), time(n, "accepted"),
                optional(n, "decided").map(v -> parseTime("decided", v)),
                optional(n, "delivered").map(v -> parseTime("delivered", v)));
    }

    /** The record as one line in the canonical form (English names; what {@link #parse} reads back). */
    public static String line(CaseRecord r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("locality", r.locality().toString());
        o.put("case_number", r.caseNumber());
        if (r instanceof CaseRow c) {
            o.put("item_code", c.itemCode());
            o.put("accepted", c.accepted().toString());
            c.decided().ifPresent(t -> o.put("decided", t.toString()));
            c.delivered().ifPresent(t -> o.put("delivered", t.toString()));
        } else if (r instanceof Event e) {
            o.put("kind", e.kind().name());
            o.put("at", e.at().toString());
            e.procedure().ifPresent(p -> o.put("procedure", p.name()));
            e.days().ifPresent(d -> o.put("days", d.toString()));
            e.reference().ifPresent(s -> o.put("reference", s));
        }
        return o.toString();
    }

    private static ProcedureKind procedure(String text) {
        for (ProcedureKind k : ProcedureKind.values()) {
            if (k.name().equalsIgnoreCase(text.strip()) || k.chineseName().equals(text.strip())) {
                return k;
            }
        }
        throw new InvalidValueException("procedure", text, "未知特别程序 / unknown special procedure");
    }

    private static Optional<Integer> days(JsonNode n) {
        JsonNode v = node(n, "days");
        if (v == null) {
            return Optional.empty();
        }
        String text = v.isIntegralNumber() ? v.asText() : v.isTextual() ? v.asText().strip() : null;
        if (text == null || !text.matches("\\d{1,4}")) {
            throw new InvalidValueException("days", v.toString(), "应为整数天数 / expected a whole number of days");
        }
        return Optional.of(Integer.parseInt(text));
    }

    private static LocalDateTime time(JsonNode n, String field) {
        return parseTime(field, required(n, field));
    }

    private static LocalDateTime parseTime(String field, String text) {
        LocalDateTime t = IntakeLogReader.parseTime(text);
        if (t == null) {
            throw new InvalidValueException(field, text, "无法识别的时间（例：2024-09-27T10:30） / "
                    + "unrecognised time (e.g. 2024-09-27T10:30)");
        }
        return t;
    }

    private static void requireText(String v, String field) {
        InvalidValueException.requireNonNull(v, field);
        if (v.isBlank()) {
            throw new InvalidValueException(field, v, "不能为空 / must not be blank");
        }
    }

    private static boolean present(JsonNode n, String field) {
        return node(n, field) != null;
    }

    private static String required(JsonNode n, String field) {
        return FIELDS.required(n, field);
    }

    private static Optional<String> optional(JsonNode n, String field) {
        return FIELDS.optional(n, field);
    }

    private static JsonNode node(JsonNode n, String field) {
        return FIELDS.node(n, field);
    }
}
