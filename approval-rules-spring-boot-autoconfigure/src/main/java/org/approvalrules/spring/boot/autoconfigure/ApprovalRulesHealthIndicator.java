package org.approvalrules.spring.boot.autoconfigure;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.ApprovalRulesException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.ApprovalRules;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of approval-rules ({@code /actuator/health/approvalRules}): for each locality in service its rule-set
 * version, calendar version and calendar coverage; the national calendar's last year; refused reloads.
 * <ul>
 * <li><b>DOWN</b> when a locality's rules or calendar cannot be used: its pack does not compile, or (STRICT
 * coverage) today is outside its calendar, so every current case would fail;</li>
 * <li><b>WARNING</b> (status code {@value #WARNING_CODE}) when the rules serve but something needs a person:
 * from 1 October, next year's national calendar is not loaded (the State Council notice usually appears in
 * November; cases reaching into next year then fail under STRICT coverage, or are provisional); a reload was
 * refused (the old rules serve; the problems say file, line and reason); today is outside a calendar under
 * PROVISIONAL coverage;</li>
 * <li><b>UP</b> otherwise.</li>
 * </ul>
 * "Today" comes from the application clock ({@code approval-rules.clock-zone}).
 */
public class ApprovalRulesHealthIndicator implements HealthIndicator {

    /** The code of the warning status; list it in {@code management.endpoint.health.status.order}. */
    public static final String WARNING_CODE = "WARNING";
    /** Rules serve, but a person should act (see the details). */
    public static final Status WARNING = new Status(WARNING_CODE, "规则可用，但需处理 / rules serve, but something needs attention");
    /** From this day of a year on, next year's national calendar is expected. */
    public static final MonthDay NEXT_YEAR_CALENDAR_EXPECTED = MonthDay.of(10, 1);

    private final ApprovalRules rules;
    private final ApprovalRulesReloader reloader;
    private final CoveragePolicy coverage;
    private final Clock clock;

    public ApprovalRulesHealthIndicator(ApprovalRules rules, ApprovalRulesReloader reloader, CoveragePolicy coverage,
            Clock clock) {
        this.rules = rules;
        this.reloader = reloader;
        this.coverage = coverage;
        this.clock = clock;
    }

    @Override
    public Health health() {
        LocalDate today = LocalDate.now(clock);
        List<String> down = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, Object> localities = new LinkedHashMap<>();
        for (DivisionCode l : reloader.localities()) {
            Map<String, Object> d = new LinkedHashMap<>();
            localities.put(l.value(), d);
            try {
                ApprovalRules.Locality locality = rules.locality(l);
                WorkingCalendar cal = locality.calendar();
                d.put("ruleSetVersion", locality.ruleSetVersion());
                d.put("calendarVersion", locality.calendarVersion());
                d.put("calendarCoverage", cal.coverage().toString());
                boolean coversToday = cal.covers(today);
                d.put("calendarCoversToday", coversToday);
                if (!coversToday) {
                    String why = l + "：日历不含今天 " + today + "（覆盖 " + cal.coverage() + "） / the calendar of " + l
                            + " does not cover today " + today + " (coverage " + cal.coverage() + ")";
                    if (coverage == CoveragePolicy.STRICT) {
                        down.add(why + "；STRICT：当前办件无法计算 / STRICT: current cases cannot be evaluated");
                    } else {
                        warnings.add(why + "；PROVISIONAL：结果为临时 / PROVISIONAL: results are provisional");
                    }
                }
            } catch (ApprovalRulesException e) {
                d.put("error", e.getMessage());
                down.add(l + "：规则包或日历不可用 / the pack or calendar cannot be used: " + e.getMessage());
            }
        }
        Map<String, Object> national = new LinkedHashMap<>();
        try {
            WorkingCalendar cal = rules.calendar(DivisionCode.NATIONAL);
            int next = today.getYear() + 1;
            boolean nextLoaded = !cal.coverage().end().isBefore(LocalDate.of(next, 12, 31));
            national.put("coverage", cal.coverage().toString());
            national.put("version", cal.version());
            national.put("nextYear", next);
            national.put("nextYearLoaded", nextLoaded);
            if (!nextLoaded && !MonthDay.from(today).isBefore(NEXT_YEAR_CALENDAR_EXPECTED)) {
                warnings.add("未加载 " + next + " 年全国节假日安排（国务院办公厅通知通常于11月发布），跨入 " + next
                        + " 年的办件将" + (coverage == CoveragePolicy.STRICT ? "无法计算" : "为临时结果")
                        + " / the national calendar of " + next + " is not loaded (the State Council notice usually appears in "
                        + "November); cases reaching into " + next + " will " + (coverage == CoveragePolicy.STRICT
                                ? "fail (STRICT coverage)" : "be provisional"));
            }
        } catch (ApprovalRulesException e) {
            national.put("error", e.getMessage());
            down.add("全国日历不可用 / the national calendar cannot be used: " + e.getMessage());
        }
        List<Map<String, Object>> refused = new ArrayList<>();
        for (ReloadOutcome o : reloader.refused()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("layer", o.layer().value());
            r.put("at", o.at().toString());
            r.put("trigger", o.trigger().name());
            r.put("problems", o.problemLines());
            refused.add(r);
            warnings.add("规则包层 " + o.layer() + " 的修改被拒绝，原规则继续服务 / the edit of pack layer " + o.layer()
                    + " was refused, the previous rules serve: " + String.join("; ", o.problemLines()));
        }
        Health.Builder b = !down.isEmpty() ? Health.down() : !warnings.isEmpty() ? Health.status(WARNING) : Health.up();
        b.withDetail("ruleEngine", rules.ruleEngine()).withDetail("coverage", coverage.name()).withDetail("today", today.toString())
                .withDetail("localities", localities).withDetail("nationalCalendar", national);
        if (!refused.isEmpty()) {
            b.withDetail("refusedReloads", refused);
        }
        reloader.last().ifPresent(o -> b.withDetail("lastReload", Map.of("layer", o.layer().value(), "at", o.at().toString(),
                "swapped", o.swapped(), "trigger", o.trigger().name())));
        if (!down.isEmpty()) {
            b.withDetail("down", down);
        }
        if (!warnings.isEmpty()) {
            b.withDetail("warnings", warnings);
        }
        return b.build();
    }
}
