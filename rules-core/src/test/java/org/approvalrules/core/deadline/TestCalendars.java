package org.approvalrules.core.deadline;

import java.time.LocalDate;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CompiledCalendar;

/** National calendars for 2024–2025 entered from 国办发明电〔2023〕7号 and 国办发明电〔2024〕12号. */
final class TestCalendars {

    private TestCalendars() {
    }

    static CompiledCalendar national(CoveragePolicy policy) {
        return national(DateRange.ofYears(2024, 2025), policy);
    }

    static CompiledCalendar national(DateRange coverage, CoveragePolicy policy) {
        CompiledCalendar.Builder b = CompiledCalendar.builder(DivisionCode.NATIONAL, coverage).policy(policy);
        String n24 = "国办发明电〔2023〕7号";
        String n25 = "国办发明电〔2024〕12号";
        off(b, coverage, "元旦", n24, "2024-01-01", "2024-01-01");
        off(b, coverage, "春节", n24, "2024-02-10", "2024-02-17");
        work(b, coverage, "春节", n24, "2024-02-04", "2024-02-18");
        off(b, coverage, "清明节", n24, "2024-04-04", "2024-04-06");
        work(b, coverage, "清明节", n24, "2024-04-07");
        off(b, coverage, "劳动节", n24, "2024-05-01", "2024-05-05");
        work(b, coverage, "劳动节", n24, "2024-04-28", "2024-05-11");
        off(b, coverage, "端午节", n24, "2024-06-10", "2024-06-10");
        off(b, coverage, "中秋节", n24, "2024-09-15", "2024-09-17");
        work(b, coverage, "中秋节", n24, "2024-09-14");
        off(b, coverage, "国庆节", n24, "2024-10-01", "2024-10-07");
        work(b, coverage, "国庆节", n24, "2024-09-29", "2024-10-12");
        off(b, coverage, "元旦", n25, "2025-01-01", "2025-01-01");
        off(b, coverage, "春节", n25, "2025-01-28", "2025-02-04");
        work(b, coverage, "春节", n25, "2025-01-26", "2025-02-08");
        off(b, coverage, "清明节", n25, "2025-04-04", "2025-04-06");
        off(b, coverage, "劳动节", n25, "2025-05-01", "2025-05-05");
        work(b, coverage, "劳动节", n25, "2025-04-27");
        off(b, coverage, "端午节", n25, "2025-05-31", "2025-06-02");
        off(b, coverage, "国庆节、中秋节", n25, "2025-10-01", "2025-10-08");
        work(b, coverage, "国庆节、中秋节", n25, "2025-09-28", "2025-10-11");
        return b.build();
    }

    private static void off(CompiledCalendar.Builder b, DateRange cov, String name, String src, String from, String to) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            if (cov.contains(d)) {
                b.day(d, DayKind.HOLIDAY, name, "000000", src);
            }
        }
    }

    private static void work(CompiledCalendar.Builder b, DateRange cov, String name, String src, String... dates) {
        for (String s : dates) {
            LocalDate d = LocalDate.parse(s);
            if (cov.contains(d)) {
                b.day(d, DayKind.ADJUSTED_WORKDAY, name, "000000", src);
            }
        }
    }
}
