package org.approvalrules.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.Labelled;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.intake.HandlingPlace;
import org.approvalrules.api.intake.ResultRecord;
import org.approvalrules.api.intake.StepRecord;
import org.approvalrules.core.intake.IntakeLogReader;

/**
 * A result or a step of a case as a line of JSON, the columns of {@code results.csv} and {@code steps.csv} in the
 * common data layout (docs/DATA-FORMAT.md, docs/STREAMING.md) plus {@code locality}: results {@code case_number}
 * 办件编号, {@code item_code} 实施编码, {@code kind} 类型 (RESULT 办结 / CERTIFICATE 出证; RESULT when absent),
 * {@code place} 地点 (WINDOW / DEPARTMENT / ONLINE / MAIL), {@code at} 时间; steps {@code case_number},
 * {@code item_code}, {@code step} 环节 (a power: ACCEPTANCE, REVIEW, APPROVAL, CERTIFICATION, DELIVERY …, or its
 * Chinese name with or without 权), {@code place}, {@code at}, and {@code staff_id} 人员编号 and {@code window} 窗口
 * (accepted, not used). Every value a string, times in the intake log's forms; unknown fields are rejected.
 * Thread-safe.
 */
public final class CaseTrackJson {
    private static final List<String> LOCALITY = List.of("locality", "行政区划代码");
    private static final List<String> CASE = List.of("case_number", "办件编号", "SBLSH");
    private static final List<String> ITEM = List.of("item_code", "实施编码", "SXBM");
    private static final List<String> PLACE = List.of("place", "地点", "出件地点");
    private static final List<String> AT = List.of("at", "时间", "出件时间");
    private static final JsonRecords RESULT_FIELDS = new JsonRecords(Map.of("locality", LOCALITY, "case_number", CASE,
            "item_code", ITEM, "kind", List.of("kind", "类型", "结果类型"), "place", PLACE, "at", AT));
    private static final JsonRecords STEP_FIELDS = new JsonRecords(Map.of("locality", LOCALITY, "case_number", CASE,
            "item_code", ITEM, "step", List.of("step", "环节"), "place", PLACE, "at", AT,
            "staff_id", List.of("staff_id", "人员编号"), "window", List.of("window", "窗口")));

    /** A result of a locality. */
    public record Result(DivisionCode locality, ResultRecord record) {
        public Result {
            InvalidValueException.requireNonNull(locality, "locality");
            InvalidValueException.requireNonNull(record, "record");
        }
    }

    /** A step of a locality. */
    public record Step(DivisionCode locality, StepRecord record) {
        public Step {
            InvalidValueException.requireNonNull(locality, "locality");
            InvalidValueException.requireNonNull(record, "record");
        }
    }

    private CaseTrackJson() {
    }

    /**
     * The result {@code line} stands for.
     *
     * @throws InvalidValueException naming the field and its value when the line is not such a record
     */
    public static Result parseResult(String line) {
        JsonNode n = RESULT_FIELDS.object(line);
        DivisionCode locality = DivisionCode.parse(RESULT_FIELDS.required(n, "locality"));
        String caseNumber = RESULT_FIELDS.required(n, "case_number");
        String item = RESULT_FIELDS.required(n, "item_code");
        ResultRecord.Kind kind = RESULT_FIELDS.optional(n, "kind").map(v -> known(ResultRecord.Kind.parse(v), "kind", v,
                "应为 RESULT（办结）或 CERTIFICATE（出证） / expected RESULT or CERTIFICATE")).orElse(ResultRecord.Kind.RESULT);
        HandlingPlace place = place(RESULT_FIELDS, n);
        return new Result(locality, new ResultRecord(caseNumber, item, kind, place, time(RESULT_FIELDS, n)));
    }

    /**
     * The step {@code line} stands for.
     *
     * @throws InvalidValueException naming the field and its value when the line is not such a record
     */
    public static Step parseStep(String line) {
        JsonNode n = STEP_FIELDS.object(line);
        DivisionCode locality = DivisionCode.parse(STEP_FIELDS.required(n, "locality"));
        String caseNumber = STEP_FIELDS.required(n, "case_number");
        String item = STEP_FIELDS.required(n, "item_code");
        String v = STEP_FIELDS.required(n, "step");
        Power power = Labelled.byName(Power.class, v);
        if (power == null) {
            power = Labelled.byName(Power.class, v + "权");
        }
        Power step = known(power, "step", v, "未知环节（应为 ACCEPTANCE、REVIEW、APPROVAL、CERTIFICATION、DELIVERY 等） / "
                + "unknown step (expected a power: ACCEPTANCE, REVIEW, APPROVAL, CERTIFICATION, DELIVERY …)");
        STEP_FIELDS.optional(n, "staff_id");
        STEP_FIELDS.optional(n, "window");
        return new Step(locality, new StepRecord(caseNumber, item, step, place(STEP_FIELDS, n), time(STEP_FIELDS, n)));
    }

    /** The result as one line in the canonical form (English names; what {@link #parseResult} reads back). */
    public static String line(Result in) {
        ResultRecord r = in.record();
        ObjectNode o = JsonRecords.MAPPER.createObjectNode();
        o.put("locality", in.locality().toString());
        o.put("case_number", r.caseNumber());
        o.put("item_code", r.itemCode());
        o.put("kind", r.kind().name());
        o.put("place", r.place().name());
        o.put("at", r.issuedAt().toString());
        return o.toString();
    }

    /** The step as one line in the canonical form (English names; what {@link #parseStep} reads back). */
    public static String line(Step in) {
        StepRecord r = in.record();
        ObjectNode o = JsonRecords.MAPPER.createObjectNode();
        o.put("locality", in.locality().toString());
        o.put("case_number", r.caseNumber());
        o.put("item_code", r.itemCode());
        o.put("step", r.step().name());
        o.put("place", r.place().name());
        o.put("at", r.at().toString());
        return o.toString();
    }

    private static HandlingPlace place(JsonRecords fields, JsonNode n) {
        String v = fields.required(n, "place");
        return known(HandlingPlace.parse(v), "place", v, "未知地点（应为 WINDOW 窗口、DEPARTMENT 部门、ONLINE 网上 或 MAIL 邮寄） / "
                + "unknown place (expected WINDOW, DEPARTMENT, ONLINE or MAIL)");
    }

    private static LocalDateTime time(JsonRecords fields, JsonNode n) {
        String text = fields.required(n, "at");
        LocalDateTime at = IntakeLogReader.parseTime(text);
        if (at == null) {
            throw new InvalidValueException("at", text, "无法识别的时间（例：2024-09-27T10:30） / unrecognised time (e.g. "
                    + "2024-09-27T10:30)");
        }
        return at;
    }

    private static <T> T known(T value, String field, String text, String reason) {
        if (value == null) {
            throw new InvalidValueException(field, text, reason);
        }
        return value;
    }
}
