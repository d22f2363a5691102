package org.approvalrules.testkit.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-worked table in {@code deadline/real-cases.csv}, on the bundled calendars. */
class RealCasesTest {

    record Case(int line, String id, String locality, LocalDateTime accepted, TimeLimit limit, List<SpecialProcedure> procedures,
            LocalDate expected, String mentions, String reasoning) {
        @Override
        public String toString() {
            return id + " (line " + line + ")";
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                RealCasesTest.class.getResourceAsStream("/deadline/real-cases.csv"), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            boolean header = true;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",", 9);
                LimitUnit unit = LimitUnit.valueOf(f[4]);
                List<SpecialProcedure> ps = new ArrayList<>();
                for (String p : f[5].isEmpty() ? new String[0] : f[5].split(";")) {
                    String[] se = p.substring(0, p.indexOf(':')).split("/");
                    ps.add(SpecialProcedure.of(ProcedureKind.valueOf(p.substring(p.indexOf(':') + 1)),
                            LocalDate.parse(se[0]).atTime(9, 0), LocalDate.parse(se[1]).atTime(9, 0)));
                }
                out.add(new Case(n, f[0], f[1], LocalDateTime.parse(f[2]), new TimeLimit(Integer.parseInt(f[3]), unit), ps,
                        LocalDate.parse(f[6]), f[7], f[8]));
            }
        }
        assertThat(out).hasSizeGreaterThanOrEqualTo(15);
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void dueDateMatchesTheHandWorkedDate(Case c) {
        WorkingCalendar cal = CalendarRepository.bundled().calendarFor(DivisionCode.parse(c.locality()), CoveragePolicy.STRICT);
        DeadlineInput in = DeadlineInput.builder(c.id(), c.accepted(), c.limit()).procedures(c.procedures()).build();
        DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, cal, DeadlinePolicy.DEFAULT,
                c.accepted().plusDays(120).atZone(cal.zone()).toInstant()); // late enough for every procedure to be known
        assertThat(r.statutory().dueDate()).as(c.reasoning()).isEqualTo(c.expected());
        assertThat(r.statutory().dueInstant()).isEqualTo(c.expected().atTime(cal.officeHours(c.expected()).close())
                .atZone(cal.zone()).toInstant());
        assertThat(r.provisional()).isFalse();
        Optional.of(c.mentions()).filter(m -> !m.isEmpty()).ifPresent(m -> assertThat(r.trace().toString()).contains(m));
    }
}
