package org.approvalrules.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.deadline.CorrectionPolicy;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.DeadlineStatus;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.core.calendar.CompiledCalendar;
import org.approvalrules.core.calendar.PlainCalendar;
import org.junit.jupiter.api.Test;

/**
 * The engine computes on working-day ranks: straight from a {@link CompiledCalendar}, or through the
 * adapter for any other calendar. Both paths must give the same results and explanations, inside the
 * coverage and across its edges (PROVISIONAL).
 */
class DeadlineEngineCalendarPathsTest {

    private static final ProcedureKind[] KINDS = {ProcedureKind.EXPERT_REVIEW, ProcedureKind.TESTING,
            ProcedureKind.HEARING, ProcedureKind.ON_SITE_SURVEY, ProcedureKind.CORRECTION};

    @Test
    void compiledAndAdaptedCalendarsGiveTheSameResults() {
        CompiledCalendar compiled = TestCalendars.national(DateRange.ofYears(2024, 2024), CoveragePolicy.PROVISIONAL);
        PlainCalendar plain = new PlainCalendar(compiled);
        Random r = new Random(20241001);
        for (int i = 0; i < 3_000; i++) {
            DeadlineInput in = randomCase(r, i);
            DeadlinePolicy policy = r.nextBoolean() ? DeadlinePolicy.DEFAULT
                    : DeadlinePolicy.DEFAULT.withCorrection(CorrectionPolicy.RESTART).withAfterHoursFromNextWorkingDay(false);
            Instant asOf = LocalDateTime.of(2024, 1, 1, 8, 0).plusHours(r.nextInt(24 * 500))
                    .atZone(ZoneId.of("Asia/Shanghai")).toInstant();
            DeadlineResult fast = DeadlineEngine.INSTANCE.evaluate(in, compiled, policy, asOf);
            DeadlineResult adapted = DeadlineEngine.INSTANCE.evaluate(in, plain, policy, asOf);
            assertThat(adapted).as("case %d", i).isEqualTo(fast);
            assertThat(adapted.trace().toString()).isEqualTo(fast.trace().toString());
        }
    }

    /**
     * The engine reuses one worker per thread: a result must not depend on what that thread evaluated
     * before, and a calendar that itself evaluates deadlines (re-entering the engine) must not disturb
     * the evaluation that called it.
     */
    @Test
    void resultsDoNotDependOnEarlierOrNestedEvaluations() {
        CompiledCalendar compiled = TestCalendars.national(DateRange.ofYears(2024, 2024), CoveragePolicy.PROVISIONAL);
        Random r = new Random(7);
        DeadlineInput[] cases = new DeadlineInput[400];
        Instant[] asOf = new Instant[cases.length];
        for (int i = 0; i < cases.length; i++) {
            cases[i] = randomCase(r, i);
            // as of some day in the case's life: many are still open, paused or on track
            asOf[i] = cases[i].accepted().plusDays(r.nextInt(40)).plusHours(r.nextInt(24))
                    .atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        }
        DeadlinePolicy restart = DeadlinePolicy.DEFAULT.withCorrection(CorrectionPolicy.RESTART);
        DeadlineResult[] first = new DeadlineResult[cases.length];
        for (int i = 0; i < cases.length; i++) {
            first[i] = DeadlineEngine.INSTANCE.evaluate(cases[i], compiled, DeadlinePolicy.DEFAULT, asOf[i]);
        }
        assertThat(first).extracting(DeadlineResult::status).contains(DeadlineStatus.PAUSED, DeadlineStatus.ON_TRACK,
                DeadlineStatus.RED);
        // the same cases in reverse order, each right after a different case under another policy
        for (int i = cases.length - 1; i >= 0; i--) {
            int j = (i + 7) % cases.length;
            DeadlineEngine.INSTANCE.evaluate(cases[j], compiled, restart, asOf[j]);
            assertThat(DeadlineEngine.INSTANCE.evaluate(cases[i], compiled, DeadlinePolicy.DEFAULT, asOf[i]))
                    .as("case %d", i).isEqualTo(first[i]);
        }
        // a calendar whose every answer first evaluates another case on the same thread
        int[] nested = {0};
        PlainCalendar reentrant = new PlainCalendar(compiled) {
            @Override
            public boolean isWorkingDay(LocalDate date) {
                int j = ++nested[0] % cases.length;
                DeadlineEngine.INSTANCE.evaluate(cases[j], compiled, restart, asOf[j]);
                return super.isWorkingDay(date);
            }
        };
        for (int i = 0; i < 100; i++) {
            assertThat(DeadlineEngine.INSTANCE.evaluate(cases[i], reentrant, DeadlinePolicy.DEFAULT, asOf[i]))
                    .as("case %d", i).isEqualTo(first[i]);
        }
        assertThat(nested[0]).isPositive();
    }

    private static DeadlineInput randomCase(Random r, int i) {
        LocalDateTime accepted = LocalDate.of(2023, 11, 1).plusDays(r.nextInt(450)).atTime(r.nextInt(24), r.nextInt(60));
        TimeLimit limit = switch (r.nextInt(4)) {
            case 0 -> TimeLimit.calendarDays(1 + r.nextInt(60));
            case 1 -> TimeLimit.IMMEDIATE;
            default -> TimeLimit.workingDays(r.nextInt(40));
        };
        DeadlineInput.Builder b = DeadlineInput.builder("P-" + i, accepted, limit);
        if (limit.unit() == TimeLimit.IMMEDIATE.unit() || r.nextBoolean()) {
            b.promised(limit.unit() == TimeLimit.IMMEDIATE.unit() ? limit : TimeLimit.workingDays(limit.amount() / 2));
        }
        for (int k = r.nextInt(4); k > 0; k--) {
            LocalDateTime start = accepted.plusDays(r.nextInt(30)).plusHours(r.nextInt(8));
            ProcedureKind kind = KINDS[r.nextInt(KINDS.length)];
            b.procedure(r.nextInt(5) == 0 ? SpecialProcedure.open(kind, start)
                    : SpecialProcedure.of(kind, start, start.plusDays(r.nextInt(15)).plusHours(r.nextInt(5))));
        }
        if (r.nextInt(3) == 0) {
            b.extension(new Extension(1 + r.nextInt(10), Extension.Basis.ART_42_ORDINARY, "批〔" + i + "〕",
                    accepted.toLocalDate().plusDays(r.nextInt(40))));
        }
        if (r.nextInt(4) == 0) {
            LocalDateTime notice = accepted.plusDays(r.nextInt(12));
            b.correctionNotice(notice);
            if (r.nextBoolean()) {
                b.correctedMaterials(notice.plusDays(r.nextInt(10)));
            }
        }
        if (r.nextInt(3) == 0) {
            LocalDateTime decided = accepted.plusDays(r.nextInt(60));
            b.decided(decided);
            if (r.nextBoolean()) {
                b.delivered(decided.plusDays(r.nextInt(20)));
            }
        } else if (r.nextInt(3) == 0) {
            b.completed(accepted.plusDays(r.nextInt(60)));
        }
        return b.build();
    }
}
