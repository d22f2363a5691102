package org.approvalrules.examples.spring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.LimitResult;
import org.approvalrules.api.rules.CaseEvaluation;
import org.approvalrules.core.json.FindingsJson;
import org.approvalrules.spring.boot.autoconfigure.MeteredApprovalRules;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /cases}: a case ({@link CaseRequest}) in; its deadline and its locality's findings out, each
 * finding in the common findings shape ({@link FindingsJson}, docs/FINDINGS.md, docs/findings.schema.json). A bad request is 400 with the field and the reason (Chinese first,
 * English alongside).
 */
@RestController
public class CaseController {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final MeteredApprovalRules rules;

    public CaseController(MeteredApprovalRules rules) {
        this.rules = rules;
    }

    @PostMapping(path = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> evaluate(@RequestBody String body) throws JsonProcessingException {
        CaseRequest request;
        try {
            request = JSON.readValue(body, CaseRequest.class);
        } catch (JsonProcessingException e) {
            return error(HttpStatus.BAD_REQUEST, "body", "请求体不是有效的办件 JSON / the body is not a valid case: "
                    + e.getOriginalMessage());
        }
        ZoneId zone = rules.rules().clock().getZone();
        Instant asOf = request.asOfInstant(zone);
        CaseEvaluation e = rules.evaluate(request.localityCode(), request.input(),
                asOf != null ? asOf : rules.rules().clock().instant());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(json(e, zone)));
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<String> invalid(InvalidValueException e) throws JsonProcessingException {
        return error(HttpStatus.BAD_REQUEST, e.field(), e.getMessage());
    }

    @ExceptionHandler(ApprovalRulesException.class)
    ResponseEntity<String> unprocessable(ApprovalRulesException e) throws JsonProcessingException {
        return error(HttpStatus.UNPROCESSABLE_ENTITY, null, e.getMessage());
    }

    private static ResponseEntity<String> error(HttpStatus status, String field, String message)
            throws JsonProcessingException {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode err = o.putObject("error");
        if (field != null) {
            err.put("field", field);
        }
        err.put("message", message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(o));
    }

    /** The answer: the deadline (instants with the clock zone's offset) and the findings. */
    static ObjectNode json(CaseEvaluation e, ZoneId zone) {
        ObjectNode o = JSON.createObjectNode();
        DeadlineResult r = e.deadline();
        o.put("caseId", e.caseId());
        o.put("locality", e.locality().value());
        o.put("status", e.status().name());
        o.put("provisional", r.provisional());
        o.put("asOf", instant(r.asOf(), zone));
        limit(o.putObject("statutory"), r.statutory(), zone);
        r.promised().ifPresent(p -> limit(o.putObject("promised"), p, zone));
        o.put("dueDate", r.governing().dueDate().toString());
        o.put("ruleSetVersion", e.ruleSetVersion());
        o.put("calendarVersion", e.calendarVersion());
        o.set("findings", FindingsJson.toJson(e.findings()));
        return o;
    }

    private static void limit(ObjectNode o, LimitResult l, ZoneId zone) {
        o.put("limit", l.limit().toString());
        o.put("dueDate", l.dueDate().toString());
        o.put("dueInstant", instant(l.dueInstant(), zone));
        o.put("remainingWorkingDays", l.remainingWorkingDays());
    }

    private static String instant(Instant i, ZoneId zone) {
        return i.atZone(zone).toOffsetDateTime().toString();
    }
}
