package org.approvalrules.testkit.calendar;

import java.time.LocalDate;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CompiledCalendar;

/** Calendars built by hand for the suite's own tests (national 2024 and 2025 arrangements). */
final class Fixtures {

    private Fixtures() {
    }

    /**
     * National 2024 (国办发明电〔2023〕7号) and 2025 (国办发明电〔2024〕12号); without the adjusted
     * working days when {@code withWorkingWeekends} is false (what a library that cannot express a
     * working Saturday would compute).
     */
    static CompiledCalendar national2024And2025(CoveragePolicy policy, boolean withWorkingWeekends) {
        CompiledCalendar.Builder b = CompiledCalendar.builder(DivisionCode.NATIONAL, DateRange.ofYears(2024, 2025))
                .policy(policy);
        String n24 = "国办发明电〔2023〕7号";
        off(b, "2024-01-01", "2024-01-01", "元旦", n24);
        off(b, "2024-02-10", "2024-02-17", "春节", n24);
        off(b, "2024-04-04", "2024-04-06", "清明节", n24);
        off(b, "2024-05-01", "2024-05-05", "劳动节", n24);
        off(b, "2024-06-10", "2024-06-10", "端午节", n24);
        off(b, "2024-09-15", "2024-09-17", "中秋节", n24);
        off(b, "2024-10-01", "2024-10-07", "国庆节", n24);
        String n25 = "国办发明电〔2024〕12号";
        off(b, "2025-01-01", "2025-01-01", "元旦", n25);
        off(b, "2025-01-28", "2025-02-04", "春节", n25);
        off(b, "2025-04-04", "2025-04-06", "清明节", n25);
        off(b, "2025-05-01", "2025-05-05", "劳动节", n25);
        off(b, "2025-05-31", "2025-06-02", "端午节", n25);
        off(b, "2025-10-01", "2025-10-08", "国庆节、中秋节", n25);
        if (withWorkingWeekends) {
            for (String d : new String[] {"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
                    "2024-09-14", "2024-09-29", "2024-10-12"}) {
                b.day(LocalDate.parse(d), DayKind.ADJUSTED_WORKDAY, "调休", "000000", n24);
            }
            for (String d : new String[] {"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"}) {
                b.day(LocalDate.parse(d), DayKind.ADJUSTED_WORKDAY, "调休", "000000", n25);
            }
        }
        return b.build();
    }

    private static void off(CompiledCalendar.Builder b, String from, String to, String name, String notice) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            b.day(d, DayKind.HOLIDAY, name, "000000", notice);
        }
    }
}
