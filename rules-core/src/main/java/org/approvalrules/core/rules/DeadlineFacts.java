package org.approvalrules.core.rules;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.deadline.DeadlineEngine;

/**
 * Builds the {@link CaseFacts} rules see from a case's deadline input and the deadline engine's result
 * (as of the same instant), so that rule packs work on computed figures and never compute dates. The
 * facts carry the result itself too ({@link CaseFacts#deadline()}), for rules that need more of it.
 */
public final class DeadlineFacts {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private DeadlineFacts() {
    }

    /**
     * The facts of one case.
     *
     * @param input the case's deadline input
     * @param result the deadline engine's result for it
     * @param calendar the locality's calendar (the one the result was computed with)
     * @param locality the locality whose rules apply
     */
    public static CaseFacts of(DeadlineInput input, DeadlineResult result, WorkingCalendar calendar, DivisionCode locality) {
        InvalidValueException.requireNonNull(result, "result");
        return of(input, result, calendar, locality, LocalDateTime.ofInstant(result.asOf(), ZONE).toLocalDate());
    }

    /**
     * The facts of one case, with the date of the evaluation instant already known (a batch computes it
     * once).
     *
     * @param asOfDate the date of {@code result.asOf()} in Asia/Shanghai
     */
    static CaseFacts of(DeadlineInput input, DeadlineResult result, WorkingCalendar calendar, DivisionCode locality,
            LocalDate asOfDate) {
        InvalidValueException.requireNonNull(input, "input");
        InvalidValueException.requireNonNull(result, "result");
        InvalidValueException.requireNonNull(calendar, "calendar");
        InvalidValueException.requireNonNull(locality, "locality");
        if (!input.caseId().equals(result.caseId())) {
            throw new InvalidValueException("result.caseId", result.caseId(),
                    "期限结果不属于办件 " + input.caseId() + " / the deadline result belongs to another case");
        }
        int notice = -1;
        if (input.correctionNotice().isPresent()) {
            LocalDate receipt = input.materialsReceived().orElse(input.accepted()).toLocalDate();
            notice = calendar.workingDaysBetween(receipt, input.correctionNotice().get().toLocalDate());
        }
        int delivery = -1;
        if (input.decided().isPresent()) {
            LocalDate until = input.delivered().isPresent() ? input.delivered().get().toLocalDate() : asOfDate;
            delivery = calendar.workingDaysBetween(input.decided().get().toLocalDate(), until);
        }
        int afterDue = 0;
        int backDated = 0;
        int atAcceptance = 0;
        int unrecognised = 0;
        for (Finding f : result.findings()) {
            switch (f.ruleId()) {
                case DeadlineEngine.RULE_RECORDED_AFTER_EXPIRY -> afterDue++;
                case DeadlineEngine.RULE_BACK_DATED -> backDated++;
                case DeadlineEngine.RULE_AT_ACCEPTANCE -> atAcceptance++;
                case DeadlineEngine.RULE_KIND_NOT_RECOGNISED -> unrecognised++;
                default -> { }
            }
        }
        return new CaseFacts(input.caseId(), locality, input.accepted(), input.statutory(),
                input.promised().orElse(input.statutory()), result.governing().remainingWorkingDays(),
                result.statutory().remainingWorkingDays(), result.status().isCompleted(), notice, Math.max(-1, delivery),
                afterDue, backDated, atAcceptance, unrecognised, Optional.of(result));
    }
}
