package org.approvalrules.cli.demo;

import org.approvalrules.cli.command.DeadlineJson;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.ProcedureKind;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.deadline.DeadlineEngine;

/** Demo: a case accepted just before the 2024 National Day block, with an expert review, as of a fixed instant. */
public final class DeadlineDemo implements DemoSection {

    @Override
    public String title() {
        return "办结期限 / deadlines (行政许可法第四十二、四十五条)";
    }

    @Override
    public void run(PrintWriter out) {
        WorkingCalendar cal = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        DeadlineInput in = DeadlineInput.builder("DEMO-2024-0927", LocalDateTime.parse("2024-09-27T10:30"),
                        TimeLimit.workingDays(20))
                .promised(TimeLimit.workingDays(10))
                .procedure(SpecialProcedure.of(ProcedureKind.EXPERT_REVIEW, LocalDateTime.parse("2024-10-10T09:00"),
                        LocalDateTime.parse("2024-10-15T09:00")))
                .build();
        Instant asOf = LocalDateTime.parse("2024-10-21T12:00").atZone(cal.zone()).toInstant();
        DeadlineResult r = DeadlineEngine.INSTANCE.evaluate(in, cal, DeadlinePolicy.DEFAULT, asOf);
        out.println("   受理 2024-09-27 10:30（周五），法定20个工作日、承诺10个工作日，专家评审 2024-10-10 至 10-15；截至 2024-10-21 12:00");
        out.println("   accepted Fri 2024-09-27 10:30, statutory 20 / promised 10 working days, expert review 10-10..10-15; as of 2024-10-21 12:00");
        out.println("   法定截止 / statutory due: " + DeadlineJson.instant(r.statutory().dueInstant(), cal.zone()) + " → "
                + r.statutory().status());
        r.promised().ifPresent(p -> out.println("   承诺截止 / promised due:  " + DeadlineJson.instant(p.dueInstant(), cal.zone())
                + " → " + p.status() + "（剩余 / remaining " + p.remainingWorkingDays() + "）"));
        out.println("   状态 / status: " + r.status() + "   日历 / calendar " + r.calendarId() + "@" + r.calendarVersion());
        out.println("   依据 / trace:");
        for (String line : r.trace().toString().split("\n")) {
            out.println("     " + line);
        }
    }
}
