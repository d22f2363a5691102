package org.approvalrules.cli.command;

import org.approvalrules.core.json.FindingsJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.LimitResult;
import org.approvalrules.api.deadline.TraceStep;
import org.approvalrules.api.finding.Finding;

/** The JSON form of a {@link DeadlineResult} written by {@code approval-rules deadline --format json|jsonl}. */
public final class DeadlineJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private DeadlineJson() {
    }

    /** Instants are written with the calendar zone's offset, e.g. {@code 2024-10-30T17:00:00+08:00}. */
    public static String instant(Instant i, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atZone(zone).toOffsetDateTime());
    }

    /** The JSON of a deadline result with the findings reported (the engine's, or a rule pack's). */
    public static ObjectNode toJson(String id, DeadlineResult r, List<Finding> findings, ZoneId zone) {
        ObjectNode o = MAPPER.createObjectNode();
        if (id != null) {
            o.put("id", id);
        }
        limit(o, r.statutory(), zone, "statutoryStatus");
        o.put("status", r.status().name());
        r.redReason().ifPresent(x -> o.put("redReason", x.name()));
        o.put("provisional", r.provisional());
        o.put("asOf", instant(r.asOf(), zone));
        o.put("startRule", r.startRule().name());
        o.put("countingBase", r.countingBase().toString());
        r.promised().ifPresent(p -> limit(o.putObject("promised"), p, zone, "status"));
        r.deliveryDueDate().ifPresent(d -> o.put("deliveryDueDate", d.toString()));
        ObjectNode cal = o.putObject("calendar");
        cal.put("id", r.calendarId());
        cal.put("version", r.calendarVersion());
        o.set("findings", FindingsJson.toJson(findings));
        ArrayNode trace = o.putArray("trace");
        for (TraceStep s : r.trace().steps()) {
            ObjectNode so = trace.addObject();
            so.put("kind", s.kind().name());
            so.put("from", s.from().toString());
            so.put("to", s.to().toString());
            so.put("zh", s.text().zh());
            so.put("en", s.text().en());
            s.legalReference().ifPresent(ref -> so.put("legalReference", ref));
        }
        return o;
    }

    private static void limit(ObjectNode o, LimitResult l, ZoneId zone, String statusField) {
        o.put("limit", l.limit().toString());
        o.put("extensionDays", l.extensionDays());
        o.put("dueDate", l.dueDate().toString());
        o.put("dueInstant", instant(l.dueInstant(), zone));
        o.put("elapsedWorkingDays", l.elapsedWorkingDays());
        o.put("remainingWorkingDays", l.remainingWorkingDays());
        o.put("suspendedWorkingDays", l.suspendedWorkingDays());
        o.put(statusField, l.status().name());
    }
}
