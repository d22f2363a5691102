package org.approvalrules.examples.spring;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;

/**
 * The body of {@code POST /cases}; unknown fields are refused.
 *
 * <pre>{@code
 * {"id": "GX-2026-0001", "locality": "451031", "accepted": "2026-03-02T10:00", "limit": 20,
 *  "unit": "WORKING_DAYS", "promised": 10, "completed": null, "asOf": "2026-03-16T10:00:00+08:00"}
 * }</pre>
 *
 * @param id the case number (办件编号), required
 * @param locality 6-digit division code; absent: {@code approval-rules.default-locality}
 * @param accepted acceptance (受理) as a local date-time or date, required
 * @param limit the statutory time limit (法定时限), required
 * @param unit WORKING_DAYS (default), CALENDAR_DAYS or IMMEDIATE
 * @param promised the promised time limit (承诺时限) in the same unit, optional
 * @param completed completion (办结) as a local date-time or date, optional
 * @param asOf the instant of the evaluation (ISO with offset); absent: now
 */
public record CaseRequest(String id, String locality, String accepted, Integer limit, String unit, Integer promised,
        String completed, String asOf) {

    /** The deadline input, every field checked with its name. */
    DeadlineInput input() {
        InvalidValueException.requireNonNull(id, "id");
        InvalidValueException.requireNonNull(limit, "limit");
        LimitUnit u = unit == null ? LimitUnit.WORKING_DAYS : unit(unit);
        DeadlineInput.Builder b = DeadlineInput.builder(id, dateTime("accepted", accepted), new TimeLimit(limit, u));
        if (promised != null) {
            b.promised(new TimeLimit(promised, u));
        }
        if (completed != null) {
            b.completed(dateTime("completed", completed));
        }
        return b.build();
    }

    /** The locality named, or null. */
    DivisionCode localityCode() {
        return locality == null ? null : DivisionCode.parse(locality);
    }

    /** The evaluation instant, or null for now. */
    Instant asOfInstant(ZoneId zone) {
        if (asOf == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(asOf).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDateTime.parse(asOf).atZone(zone).toInstant();
            } catch (DateTimeException e2) {
                throw new InvalidValueException("asOf", asOf,
                        "应为 ISO 时间，如 2026-03-16T10:00:00+08:00 / expected an ISO instant, e.g. 2026-03-16T10:00:00+08:00");
            }
        }
    }

    private static LimitUnit unit(String text) {
        try {
            return LimitUnit.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("unit", text, "未知时限单位 / unknown unit; one of " + List.of(LimitUnit.values()));
        }
    }

    private static LocalDateTime dateTime(String field, String text) {
        InvalidValueException.requireNonNull(text, field);
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, text,
                    "日期时间格式应为 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM / expected YYYY-MM-DD or YYYY-MM-DDTHH:MM");
        }
    }
}
