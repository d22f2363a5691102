package org.approvalrules.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarDiff;
import org.approvalrules.core.calendar.CalendarProviders;

/** Demo: the provider SPI, one day explained, and the diff that finds the deadlines to recompute. */
public final class CalendarServiceDemo implements DemoSection {

    @Override
    public String title() {
        return "日历服务 / calendar service: providers, explanations, diff";
    }

    @Override
    public void run(PrintWriter out) {
        CalendarProviders providers = CalendarProviders.load();
        CalendarProviders.Resolution gx = providers.resolve(DivisionCode.parse("450000"), CoveragePolicy.STRICT);
        WorkingCalendar national = providers.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        out.println("   450000 日历来自 / calendar from: " + gx.provider().name() + " → " + gx.calendar().id() + " version "
                + gx.calendar().version());
        out.println("   " + gx.calendar().explain(LocalDate.of(2024, 4, 11)));
        CalendarDiff diff = CalendarDiff.between(national, gx.calendar());
        out.println("   CalendarDiff 全国 → 广西 / national → Guangxi: " + diff.changes().size() + " 天类型不同 / days differ; 2024: "
                + diff.changesWithin(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)).stream()
                        .map(c -> c.date() + " " + c.oldKind() + " → " + c.newKind()).toList());
        List<CalendarDiff.AffectedCase> affected = diff.affected(List.of(
                new CalendarDiff.CaseSpan("GX-2024-0001", LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 29)),
                new CalendarDiff.CaseSpan("GX-2024-0002", LocalDate.of(2024, 5, 6), LocalDate.of(2024, 6, 3))));
        out.println("   须重算的办件 / cases to recompute: " + affected.stream().map(a -> a.span().caseId()).toList());
        out.println("   试试 / try: ./approval-rules calendar check --locality 450000 2022-04-02");
    }
}
