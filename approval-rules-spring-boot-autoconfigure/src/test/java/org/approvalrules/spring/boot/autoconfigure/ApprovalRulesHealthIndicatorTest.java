package org.approvalrules.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Health by the application clock: the bundled national calendar covers 2004–2026, so from 1 October 2026 it
 * warns that 2027 is missing, and in 2027 a STRICT service is DOWN (a PROVISIONAL one warns).
 */
class ApprovalRulesHealthIndicatorTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ApprovalRulesAutoConfiguration.class))
            .withPropertyValues("approval-rules.localities=440106");

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "2025-10-01T00:30, STRICT,      UP,      ",
        "2026-09-30T23:59, STRICT,      UP,      ",
        "2026-10-01T00:00, STRICT,      WARNING, national calendar of 2027 is not loaded",
        "2026-12-31T12:00, PROVISIONAL, WARNING, national calendar of 2027 is not loaded",
        "2027-01-04T09:00, STRICT,      DOWN,    does not cover today 2027-01-04",
        "2027-01-04T09:00, PROVISIONAL, WARNING, results are provisional",
    })
    void statusFollowsTheClockAndTheCalendarYears(String shanghaiTime, String coverage, String status, String why) {
        Instant now = LocalDateTime.parse(shanghaiTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        runner.withPropertyValues("approval-rules.coverage=" + coverage)
                .withBean(Clock.class, () -> Clock.fixed(now, ZoneId.of("UTC")))
                .run(context -> {
                    Health h = context.getBean(ApprovalRulesHealthIndicator.class).health();
                    assertThat(h.getStatus()).isEqualTo(new Status(status));
                    Map<String, Object> d = h.getDetails();
                    assertThat(d.get("today")).isEqualTo(shanghaiTime.substring(0, 10));
                    @SuppressWarnings("unchecked")
                    Map<String, Map<String, Object>> localities = (Map<String, Map<String, Object>>) d.get("localities");
                    assertThat(localities).containsOnlyKeys("000000", "440106");
                    assertThat(localities.get("440106")).containsKeys("ruleSetVersion", "calendarVersion")
                            .containsEntry("calendarCoverage", "2004-01-01/2026-12-31");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> national = (Map<String, Object>) d.get("nationalCalendar");
                    assertThat(national).containsEntry("nextYear", Integer.parseInt(shanghaiTime.substring(0, 4)) + 1);
                    if (why == null) {
                        assertThat(d).doesNotContainKeys("warnings", "down");
                    } else {
                        @SuppressWarnings("unchecked")
                        List<String> reasons = (List<String>) d.get(status.equals("DOWN") ? "down" : "warnings");
                        assertThat(String.join("\n", reasons)).contains(why);
                    }
                });
    }

    /** The fix for the warning: a calendar directory that holds next year (here a one-day test year 2027). */
    @ParameterizedTest(name = "2027 loaded: {0} → {1}")
    @CsvSource({"true, UP", "false, WARNING"})
    void nextYearInTheCalendarDirectoryClearsTheWarning(boolean with2027, String status, @TempDir Path dir) {
        Instant now = LocalDateTime.parse("2026-10-08T09:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        runner.withPropertyValues("approval-rules.calendars=" + TestPacks.calendarLayers(dir, with2027))
                .withBean(Clock.class, () -> Clock.fixed(now, ZoneId.of("UTC")))
                .run(context -> {
                    Health h = context.getBean(ApprovalRulesHealthIndicator.class).health();
                    assertThat(h.getStatus()).isEqualTo(new Status(status));
                    assertThat(h.getDetails().get("nationalCalendar").toString())
                            .contains("coverage=2026-01-01/" + (with2027 ? "2027" : "2026") + "-12-31")
                            .contains("nextYearLoaded=" + with2027);
                });
    }
}
