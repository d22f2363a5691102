package org.approvalrules.api.deadline;

import java.time.Clock;
import java.time.Instant;
import org.approvalrules.api.calendar.WorkingCalendar;

/**
 * Computes the deadlines of a case per the Administrative Licensing Law (行政许可法 Art. 32, 42, 44,
 * 45, 82) and the general counting rules (民法典 Art. 201, 203: 次日起算; a calendar-day period ending
 * on a holiday ends on the next working day; a period ends at the end of business).
 * Implementations are thread-safe. The evaluation is "as of" an instant so history can be replayed:
 * events after it (procedures started, resumed, extensions approved, completion) are not yet known.
 */
public interface DeadlineCalculator {

    /**
     * Evaluates {@code input} on {@code calendar} under {@code policy} as of {@code asOf}.
     *
     * @throws org.approvalrules.api.calendar.CalendarCoverageException when a STRICT calendar does not
     *     cover a date the evaluation needs
     */
    DeadlineResult evaluate(DeadlineInput input, WorkingCalendar calendar, DeadlinePolicy policy, Instant asOf);

    /** Evaluates as of the injected clock's current instant. */
    default DeadlineResult evaluate(DeadlineInput input, WorkingCalendar calendar, DeadlinePolicy policy, Clock clock) {
        return evaluate(input, calendar, policy, clock.instant());
    }
}
