package org.approvalrules.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.deadline.TraceStep;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.calendar.CompiledCalendar;
import org.junit.jupiter.api.Test;

/** A Guangxi deadline in 2025, a year the Guangxi layer has no notice for (issue #15). */
class LocalCoverageDeadlineTest {

    private static final DivisionCode GUANGXI = DivisionCode.of("450000");

    private static DeadlineResult eval(CompiledCalendar cal, String accepted, int days) {
        DeadlineInput in = DeadlineInput.builder("GX-1", LocalDateTime.parse(accepted), TimeLimit.workingDays(days)).build();
        return DeadlineEngine.INSTANCE.evaluate(in, cal, DeadlinePolicy.DEFAULT,
                LocalDateTime.parse(accepted).plusHours(1).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @Test
    void strictRefusesNamingTheLayerAndProvisionalFlagsTheTraceWithTheEstimate() {
        CalendarRepository repo = CalendarRepository.bundled();
        assertThatThrownBy(() -> eval(repo.calendarFor(GUANGXI, CoveragePolicy.STRICT), "2025-03-27T10:00", 5))
                .isInstanceOf(CalendarCoverageException.class).hasMessageContaining("450000").hasMessageContaining("2025");
        DeadlineResult r = eval(repo.calendarFor(GUANGXI, CoveragePolicy.PROVISIONAL), "2025-03-27T10:00", 5);
        assertThat(r.provisional()).isTrue();
        // 3/28, (3/31, 4/1 estimated 三月三), 4/2, 4/3, (4/4–6 清明), 4/7, 4/8
        assertThat(r.statutory().dueDate()).isEqualTo(LocalDate.of(2025, 4, 8));
        String trace = r.trace().toString();
        assertThat(trace).contains("壮族三月三（推算").contains("临时推定 / provisional").contains("2025（450000 广西壮族自治区）");
        assertThat(r.trace().steps(TraceStep.Kind.COVERAGE)).hasSize(1);
        // the national calendar gives a different, covered answer: the difference is exactly the estimated days
        DeadlineResult nat = eval(repo.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT), "2025-03-27T10:00", 5);
        assertThat(nat.provisional()).isFalse();
        assertThat(nat.statutory().dueDate()).isEqualTo(LocalDate.of(2025, 4, 3));
    }

    @Test
    void strictRefusesASpanCrossingAnUncoveredYearEvenWhenBothEndsAreCovered() {
        CompiledCalendar strict = CalendarRepository.bundled().calendarFor(GUANGXI, CoveragePolicy.STRICT);
        assertThatThrownBy(() -> eval(strict, "2017-12-20T10:00", 300)).isInstanceOf(CalendarCoverageException.class)
                .hasMessageContaining("2018");
        assertThat(eval(strict, "2017-12-20T10:00", 5).provisional()).isFalse();
    }
}
