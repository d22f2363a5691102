package org.approvalrules.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;

/** Demo: the bundled official calendar, national against Guangxi, and working-day arithmetic. */
public final class CalendarDemo implements DemoSection {

    private static final DivisionCode GUANGXI = DivisionCode.of("450000");

    @Override
    public String title() {
        return "工作日历 / working-day calendar (国务院办公厅通知 2004–2026 + 地方图层 / local layers)";
    }

    @Override
    public void run(PrintWriter out) {
        CalendarRepository repo = CalendarRepository.bundled();
        WorkingCalendar national = repo.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        WorkingCalendar guangxi = repo.calendarFor(GUANGXI, CoveragePolicy.STRICT);
        out.println("   覆盖 / coverage " + repo.coverage() + "; 图层 / layers " + repo.layers() + "; 数据版本 / data version "
                + repo.version());

        out.println("   壮族三月三 2024 — 全国 / national vs 广西 / Guangxi (450000):");
        for (LocalDate d = LocalDate.of(2024, 4, 10); !d.isAfter(LocalDate.of(2024, 4, 15)); d = d.plusDays(1)) {
            out.println(String.format("     %s %-9s  全国 %-8s  广西 %-8s%s", d, d.getDayOfWeek(), national.kindOf(d),
                    guangxi.kindOf(d), why(guangxi.explain(d))).stripTrailing());
        }
        LocalDate wed = LocalDate.of(2024, 4, 10);
        out.println("     " + wed + " + 1 个工作日 / working day: 全国 " + national.plusWorkingDays(wed, 1) + ", 广西 "
                + guangxi.plusWorkingDays(wed, 1));

        LocalDate start = LocalDate.of(2024, 9, 27);
        out.println("   " + start + "（星期五）起 5 个工作日 / 5 working days after Friday " + start + " (全国 / national):");
        LocalDate d = start;
        for (int i = 1; i <= 5; i++) {
            LocalDate next = national.plusWorkingDays(start, i);
            for (LocalDate skip = d.plusDays(1); skip.isBefore(next); skip = skip.plusDays(1)) {
                out.println("       跳过 / skip " + national.explain(skip));
            }
            out.println("     第 " + i + " 个 / #" + i + ": " + national.explain(next));
            d = next;
        }
        out.println("   => " + national.plusWorkingDays(start, 5) + "；workingDaysBetween(" + start + ", " + d + ") = "
                + national.workingDaysBetween(start, d));
        LocalDate unpublished = LocalDate.of(2027, 1, 4);
        out.println("   2027 年尚未发布 / not yet published: STRICT → "
                + failure(() -> national.kindOf(unpublished)).lines().findFirst().orElse(""));
        out.println("     PROVISIONAL → " + repo.calendarFor(DivisionCode.NATIONAL, CoveragePolicy.PROVISIONAL).explain(unpublished));
        LocalDate sanyuesan = LocalDate.of(2025, 3, 31);
        out.println("   广西 2025 年通知未收录 / Guangxi 2025 notice missing (" + sanyuesan + ", 农历三月初三): STRICT → "
                + failure(() -> repo.calendarFor(GUANGXI, CoveragePolicy.STRICT).kindOf(sanyuesan)).lines().findFirst().orElse(""));
        out.println("     PROVISIONAL → " + repo.calendarFor(GUANGXI, CoveragePolicy.PROVISIONAL).explain(sanyuesan));
    }

    private static String why(DayExplanation e) {
        return e.name().isPresent() ? "  ← " + e.name().get() + " [图层/layer " + e.layer() + "; " + e.source().orElse("") + "]" : "";
    }

    private static String failure(Runnable r) {
        try {
            r.run();
            return "(no error)";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
