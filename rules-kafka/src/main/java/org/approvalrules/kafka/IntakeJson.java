package org.approvalrules.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.intake.IntakeRecord;
import org.approvalrules.core.intake.IntakeLogReader;

/**
 * One intake record as a line of JSON (the intake log's columns, docs/STREAMING.md): an object with
 * {@code locality} (division code) and the log's fields under any of their names ({@code case_number}/办件编号/SBLSH,
 * {@code item_code}/实施编码/SXBM, {@code applicant_id}/申请者证件号码, {@code channel}/受理渠道, optional
 * {@code channel_name}/渠道名称, {@code accepted}/受理时间/SLSJ), every value a string, times in the log's forms.
 * Unknown fields are rejected. Thread-safe.
 */
public final class IntakeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Field → the names it is accepted under (as in the CSV log, plus {@code locality}). */
    private static final Map<String, List<String>> NAMES = Map.of(
            "locality", List.of("locality", "行政区划代码"),
            "case_number", List.of("case_number", "办件编号", "SBLSH"),
            "item_code", List.of("item_code", "实施编码", "SXBM"),
            "applicant_id", List.of("applicant_id", "申请者证件号码"),
            "channel", List.of("channel", "受理渠道"),
            "channel_name", List.of("channel_name", "渠道名称"),
            "accepted", List.of("accepted", "受理时间", "SLSJ"));
    private static final JsonRecords FIELDS = new JsonRecords(NAMES);

    /** A record of a locality. */
    public record Intake(DivisionCode locality, IntakeRecord record) {
        public Intake {
            InvalidValueException.requireNonNull(locality, "locality");
            InvalidValueException.requireNonNull(record, "record");
        }
    }

    private IntakeJson() {
    }

    /**
     * The record {@code line} stands for.
     *
     * @throws InvalidValueException naming the field and its value (an identifier masked) when the line is
     *     not such a record
     */
    public static Intake parse(String line) {
        JsonNode n = FIELDS.object(line);
        String code = required(n, "locality");
        DivisionCode locality = DivisionCode.parse(code);
        String applicant = required(n, "applicant_id");
        ApplicantId id;
        try {
            id = ApplicantId.parse(applicant);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("applicant_id", ApplicantId.mask(applicant), e.getMessage());
        }
        String channelText = required(n, "channel");
        AcceptanceChannel channel = IntakeLogReader.parseChannel(channelText);
        if (channel == null) {
            throw new InvalidValueException("channel", channelText, IntakeLogReader.UNKNOWN_CHANNEL);
        }
        String acceptedText = required(n, "accepted");
        LocalDateTime accepted = IntakeLogReader.parseTime(acceptedText);
        if (accepted == null) {
            throw new InvalidValueException("accepted", acceptedText, "无法识别的时间（例：2024-09-27T10:30） / "
                    + "unrecognised time (e.g. 2024-09-27T10:30)");
        }
        return new Intake(locality, new IntakeRecord(required(n, "case_number"), required(n, "item_code"), id, channel,
                optional(n, "channel_name"), accepted));
    }

    /** The record as one line in the canonical form (English names; what {@link #parse} reads back). */
    public static String line(Intake in) {
        IntakeRecord r = in.record();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("locality", in.locality().toString());
        o.put("case_number", r.caseNumber());
        o.put("item_code", r.itemCode());
        o.put("applicant_id", r.applicant().value());
        o.put("channel", r.channel().name());
        r.channelName().ifPresent(c -> o.put("channel_name", c));
        o.put("accepted", r.acceptedAt().toString());
        return o.toString();
    }

    private static String required(JsonNode n, String field) {
        return FIELDS.required(n, field);
    }

    private static Optional<String> optional(JsonNode n, String field) {
        return FIELDS.optional(n, field);
    }
}
