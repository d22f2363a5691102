package org.approvalrules.drools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.calendar.CalendarCoverageException;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.rules.CaseEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a service embedding the entry point sees of it: the localities in service, the last reload, a listener. */
class EntryPointServiceTest {

    private static final DivisionCode NATIONAL = DivisionCode.NATIONAL;
    private static final Instant AS_OF = LocalDateTime.parse("2026-12-22T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();

    private static DeadlineInput december(String id) {
        return DeadlineInput.builder(id, LocalDateTime.parse("2026-12-21T10:00"), TimeLimit.workingDays(20)).build();
    }

    record Evaluated(DivisionCode locality, int cases, long nanos) {
    }

    @Test
    void aListenerIsToldOfEveryBatchAndEveryReloadAndCannotBreakEither() {
        List<Evaluated> evaluated = new ArrayList<>();
        List<ApprovalRules.Reload> reloads = new ArrayList<>();
        ApprovalRules.Listener listener = new ApprovalRules.Listener() {
            @Override
            public void evaluated(DivisionCode locality, List<CaseEvaluation> results, long nanos) {
                evaluated.add(new Evaluated(locality, results.size(), nanos));
                throw new IllegalStateException("a broken metrics backend");
            }

            @Override
            public void reloaded(ApprovalRules.Reload outcome) {
                reloads.add(outcome);
                throw new IllegalStateException("a broken metrics backend");
            }
        };
        DivisionCode county = DivisionCode.parse("451031");
        DeadlineInput a = DeadlineInput.builder("A", LocalDateTime.parse("2024-09-02T10:00"), TimeLimit.workingDays(20)).build();
        DeadlineInput b = DeadlineInput.builder("B", LocalDateTime.parse("2024-09-03T10:00"), TimeLimit.workingDays(5)).build();
        Instant asOf = LocalDateTime.parse("2024-09-10T12:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        try (ApprovalRules rules = ApprovalRules.builder().listener(listener).build()) {
            assertThat(rules.localities()).isEmpty();
            assertThat(rules.lastReload()).isEmpty();

            List<CaseEvaluation> results = rules.evaluate(NATIONAL, List.of(a, b), asOf);
            CaseEvaluation one = rules.locality(county).evaluate(List.of(a), asOf).get(0);

            assertThat(results).hasSize(2);
            assertThat(one.deadline().caseId()).isEqualTo("A");
            assertThat(evaluated).extracting(Evaluated::locality, Evaluated::cases)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(NATIONAL, 2), org.assertj.core.groups.Tuple.tuple(county, 1));
            assertThat(evaluated).allSatisfy(e -> assertThat(e.nanos()).isPositive());
            assertThat(rules.localities()).containsExactlyInAnyOrder(NATIONAL, county);

            ApprovalRules.Reload r = rules.reload(NATIONAL);
            assertThat(r.swapped()).isTrue();
            assertThat(reloads).containsExactly(r);
            assertThat(rules.lastReload()).contains(r);
            assertThat(rules.localities()).containsExactlyInAnyOrder(NATIONAL, county);
        }
    }

    @Test
    void aReloadReReadsTheCalendarDirectorySoNextYearsNoticeGoesInWithoutARestart(@TempDir Path dir) throws IOException {
        Path calendars = Files.createDirectories(dir.resolve("calendar"));
        try (ApprovalRules rules = ApprovalRules.builder().calendarDirectory(calendars).build()) {
            assertThatThrownBy(() -> rules.evaluate(NATIONAL, List.of(december("Y1")), AS_OF))
                    .isInstanceOf(CalendarCoverageException.class);
            String before = rules.calendar(NATIONAL).version();

            Path national = Files.createDirectories(calendars.resolve("000000"));
            Files.writeString(national.resolve("2027.csv"), "date,kind,name,source\n2027-01-01,HOLIDAY,元旦,测试通知\n");
            ApprovalRules.Reload r = rules.reload(NATIONAL);

            assertThat(r.swapped()).as("%s", r.problems()).isTrue();
            assertThat(r.calendarVersion()).isPresent().get().isNotEqualTo(before);
            CaseEvaluation e = rules.evaluate(NATIONAL, List.of(december("Y1")), AS_OF).get(0);
            assertThat(e.deadline().statutory().dueDate()).isEqualTo(LocalDate.of(2027, 1, 19));

            // a malformed file: nothing swapped, the calendar in service stays, the outcome says where
            Files.writeString(national.resolve("2027.csv"), "date,kind,name,source\n2027-02-30,HOLIDAY,春节,测试通知\n");
            ApprovalRules.Reload bad = rules.reload(NATIONAL);
            assertThat(bad.swapped()).isFalse();
            assertThat(bad.problems()).singleElement().asString().contains("2027.csv");
            assertThat(rules.lastReload()).contains(bad);
            assertThat(rules.evaluate(NATIONAL, List.of(december("Y2")), AS_OF).get(0).deadline().statutory().dueDate())
                    .isEqualTo(LocalDate.of(2027, 1, 19));
        }
    }
}
