package org.approvalrules.drools;

import org.approvalrules.core.rules.RuleSets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.core.calendar.CalendarRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules calling the global {@code calendar}: which calendar they see, and what they find with it. */
class CompiledRuleSetTest {
    static final DivisionCode COUNTY = DivisionCode.parse("451031");
    static final Instant AS_OF = Instant.parse("2024-10-10T01:00:00Z");
    static final WorkingCalendar NATIONAL_CALENDAR =
            CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);

    @TempDir
    Path dir;

    /** A county layer whose rules ask the calendar: a local holiday, and fewer than 3 working days in the next 5. */
    private RuleSets countyWithCalendarRules() throws IOException {
        RuleSetRegistryTest.write(dir, "451031/manifest.yaml", "pack: test.county\nlayer: \"451031\"\nversion: \"1\"\n");
        RuleSetRegistryTest.write(dir, "451031/rules/calendar.drl", """
                import org.approvalrules.api.calendar.DayKind;

                rule "local.holiday" @id("local.holiday") @reference("县规定") @severity(YELLOW)
                when
                    $c : CaseFacts( calendar.isLocalHoliday(acceptedOn), calendar.kindOf(acceptedOn) == DayKind.HOLIDAY )
                then
                    out.report(kcontext, $c, calendar.nameOf($c.acceptedOn()) + "@" + calendar.layerOf($c.acceptedOn()),
                            "local holiday");
                end

                rule "local.short-week" @id("local.short-week") @reference("县规定") @severity(INFO)
                when
                    $c : CaseFacts( calendar.workingDaysBetween(acceptedOn, acceptedOn.plusDays(5)) < 3 )
                then
                    out.report(kcontext, $c, "未来5日工作日 " + calendar.workingDaysBetween($c.acceptedOn(), $c.acceptedOn().plusDays(5)),
                            "short week ahead");
                end
                """);
        return RuleSets.directory(dir, new DroolsRuleEngineProvider());
    }

    static CaseFacts accepted(String id, String at) {
        return CaseFacts.onTrack(id, COUNTY, LocalDateTime.parse(at), TimeLimit.workingDays(20), TimeLimit.workingDays(20), 10, 10);
    }

    static List<String> found(List<Finding> findings) {
        return findings.stream().map(f -> f.subject() + " " + f.ruleId() + " " + f.message().zh()).sorted().toList();
    }

    @Test
    void aRuleCallingTheCalendarFiresOnTheLocalHolidayOfTheBundledCalendarOfTheLocality() throws IOException {
        try (RuleSets reg = countyWithCalendarRules()) {
            List<CaseFacts> cases = List.of(accepted("SAN", "2024-04-11T10:00"), accepted("EVE", "2024-04-10T10:00"),
                    accepted("NAT", "2024-10-01T10:00"), accepted("ORD", "2024-05-14T10:00"));
            List<String> expected = List.of(
                    // (4/10, 4/15]: only Monday 4/15 works in Guangxi
                    "EVE local.short-week 未来5日工作日 1",
                    // National Day week: 10/1-10/6 all off
                    "NAT local.short-week 未来5日工作日 0",
                    "SAN local.holiday 壮族三月三@450000",
                    // (4/11, 4/16]: 4/15, 4/16
                    "SAN local.short-week 未来5日工作日 2");
            assertThat(found(reg.ruleSet(COUNTY).evaluate(cases, AS_OF))).isEqualTo(expected);
            assertThat(found(reg.ruleSet(COUNTY).evaluate(cases, AS_OF))).isEqualTo(expected);
        }
    }

    @Test
    void theCalendarGivenIsTheOneTheRulesSee() throws IOException {
        try (RuleSets reg = countyWithCalendarRules()) {
            List<CaseFacts> cases = List.of(accepted("SAN", "2024-04-11T10:00"), accepted("EVE", "2024-04-10T10:00"));
            // nationally 4/11 and 4/12 are working days: no local holiday, no short week
            assertThat(reg.ruleSet(COUNTY).evaluate(cases, AS_OF, NATIONAL_CALENDAR)).isEmpty();
            assertThatThrownBy(() -> reg.ruleSet(COUNTY).evaluate(cases, AS_OF, (WorkingCalendar) null))
                    .isInstanceOf(InvalidValueException.class).hasMessageContaining("calendar");
        }
    }

    @Test
    void aDateOutsideAStrictCalendarFailsTheEvaluationWithTheCoverageMessage() throws IOException {
        try (RuleSets reg = countyWithCalendarRules()) {
            Instant later = Instant.parse("2031-05-01T01:00:00Z");
            assertThatThrownBy(() -> reg.ruleSet(COUNTY).evaluate(List.of(accepted("F", "2031-04-11T10:00")), later))
                    .hasMessageContaining("2031").hasMessageContaining("PROVISIONAL");
        }
    }

    @Test
    void rulesThatDoNotCallTheCalendarNeverLoadIt() {
        try (RuleSets reg = RuleSets.bundled(new DroolsRuleEngineProvider())) {
            // a calendar that fails whatever it is asked but its version (which every finding carries):
            // the national rules never ask it
            WorkingCalendar refusing = (WorkingCalendar) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {WorkingCalendar.class}, (proxy, method, args) -> {
                        if (method.getName().equals("version")) {
                            return "refusing-1";
                        }
                        throw new AssertionError("the national rules asked the calendar: " + method.getName());
                    });
            CaseFacts late = CaseFacts.onTrack("L", DivisionCode.NATIONAL, LocalDateTime.parse("2024-09-02T10:00"),
                    TimeLimit.workingDays(20), TimeLimit.workingDays(10), -2, 8);
            assertThat(reg.ruleSet(DivisionCode.NATIONAL).evaluate(List.of(late), AS_OF, refusing))
                    .singleElement().satisfies(f -> {
                        assertThat(f.ruleId()).isEqualTo("deadline.red.promised");
                        assertThat(f.calendarVersion()).isEqualTo("refusing-1");
                    });
        }
    }
}
