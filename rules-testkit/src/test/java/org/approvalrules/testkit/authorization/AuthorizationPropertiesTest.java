package org.approvalrules.testkit.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.approvalrules.ApprovalRules;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.authorization.AuthorizationTables;
import org.approvalrules.api.authorization.DelegationRateFact;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.WindowAuthorization;
import org.approvalrules.api.authorization.WindowOpeningFact;
import org.approvalrules.api.authorization.WindowSchedule.WeeklyPattern;
import org.approvalrules.api.authorization.WindowSchedule;
import org.approvalrules.api.authorization.WindowStaffing;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.authorization.AuthorizationChecker;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.parameter.DatedValue;
import org.approvalrules.core.parameter.Parameter;
import org.approvalrules.core.parameter.ParameterSet;
import org.approvalrules.core.parameter.ParameterType;
import org.approvalrules.core.rules.EntryPointAccess;
import org.approvalrules.core.rules.LocalitySnapshot;
import org.approvalrules.testkit.gen.AuthorizationGens;
import org.approvalrules.testkit.gen.DeadlineGens;
import org.approvalrules.testkit.gen.Gen;
import org.approvalrules.testkit.gen.Property;
import org.junit.jupiter.api.Test;

/** The authorization checker against naive recounts, on random tables and the bundled calendars. */
class AuthorizationPropertiesTest {
    /** The bundled national rules through the entry point (the window rule reads no parameter). */
    static final LocalitySnapshot NATIONAL_RULES = EntryPointAccess.snapshot(ApprovalRules.builder().build(),
            DivisionCode.NATIONAL);
    static final DateRange YEAR = new DateRange(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));

    /** Targets in whole percent, one per power, as a parameter set. */
    static ParameterSet targets(int[] percent) {
        Map<String, Parameter> m = new HashMap<>();
        for (Power p : Power.values()) {
            String id = AuthorizationChecker.targetParameter(p);
            m.put(id, new Parameter(id, ParameterType.DECIMAL, BilingualText.of("目标", "target"),
                    List.of(new DatedValue(LocalDate.of(2004, 7, 1), BigDecimal.valueOf(percent[p.ordinal()], 2), "ref", "p.yaml", 1)), "000000"));
        }
        return new ParameterSet(m);
    }

    record Case(List<WindowAuthorization> table, LocalDate on, int[] percent) {
        @Override
        public String toString() {
            return "on " + on + ", targets " + java.util.Arrays.toString(percent) + ", " + table;
        }
    }

    @Test
    void ratesAndFindingsEqualANaiveRecount() {
        Gen<int[]> percents = Gen.listOf(Gen.elements(0, 50, 80, 95, 100), 7, 7).map(l -> l.stream().mapToInt(Integer::intValue).toArray());
        Gen<Case> cases = Gen.zip(AuthorizationGens.tables(3, 6, YEAR, 25),
                Gen.zip(DeadlineGens.dates(YEAR), percents, (d, p) -> new Object[] {d, p}),
                (t, dp) -> new Case(t, (LocalDate) dp[0], (int[]) dp[1]));
        Property.forAll(cases).tries(300).check("delegation rates equal a recount", c -> {
            List<DelegationRateFact> facts = new AuthorizationChecker(targets(c.percent())).rates(AuthorizationTables.of(c.table()), c.on());
            Map<String, Map<Power, DelegationRateFact>> rates = new TreeMap<>();
            facts.forEach(f -> rates.computeIfAbsent(f.department(), d -> new EnumMap<>(Power.class)).put(f.power(), f));
            // naive: the latest authorization of each department and item on or before the date
            Map<String, Map<String, WindowAuthorization>> latest = new TreeMap<>();
            for (WindowAuthorization a : c.table()) {
                if (!a.effectiveFrom().isAfter(c.on())) {
                    latest.computeIfAbsent(a.department(), d -> new HashMap<>()).merge(a.itemCode(), a,
                            (x, y) -> x.effectiveFrom().isAfter(y.effectiveFrom()) ? x : y);
                }
            }
            assertThat(rates.keySet()).isEqualTo(latest.keySet());
            List<String> expected = new ArrayList<>();
            latest.forEach((dep, items) -> {
                for (Power p : Power.values()) {
                    long n = items.values().stream().filter(a -> a.powers().contains(p)).count();
                    assertThat(rates.get(dep).get(p).numerator()).isEqualTo(n);
                    assertThat(rates.get(dep).get(p).denominator()).isEqualTo(items.size());
                    if (n * 100 < (long) c.percent()[p.ordinal()] * items.size()) {
                        expected.add(dep + " " + p);
                    }
                }
            });
            // what the national rule authorization.power-rate-below-target tests of each fact
            List<String> actual = facts.stream().filter(f -> !f.complete()
                    && f.below(BigDecimal.valueOf(c.percent()[f.power().ordinal()], 2)))
                    .map(f -> f.department() + " " + f.power()).toList();
            assertThat(actual).containsExactlyElementsOf(expected);
        });
    }

    private static void weekdayWindowIsClosedExactlyOnWorkingWeekends(WorkingCalendar cal) {
        AuthorizationChecker checker = new AuthorizationChecker(targets(new int[7]));
        WindowSchedule weekdays = WindowSchedule.of("部门0", WeeklyPattern.weekdays(cal.coverage().start(), WindowStaffing.FULL_DAY));
        Gen<LocalDate[]> periods = Gen.zip(DeadlineGens.dates(cal.coverage()), Gen.ints(0, 120),
                (from, len) -> new LocalDate[] {from, from.plusDays(len)}).filter(p -> cal.coverage().contains(p[1])
                        && p[0].datesUntil(p[1].plusDays(1)).allMatch(cal::covers)); // a local layer may leave a year uncovered
        Property.forAll(periods).tries(300).check("weekday window closed exactly on " + cal.id() + "'s working weekends", p -> {
            WindowOpeningFact o = checker.windowOpening(weekdays, cal, p[0], p[1]);
            TreeSet<LocalDate> adjusted = new TreeSet<>();
            int working = 0;
            for (LocalDate d = p[0]; !d.isAfter(p[1]); d = d.plusDays(1)) {
                working += cal.isWorkingDay(d) ? 1 : 0;
                if (cal.kindOf(d) == DayKind.ADJUSTED_WORKDAY) {
                    adjusted.add(d);
                }
            }
            assertThat(o.closedDays()).containsExactlyElementsOf(adjusted);
            assertThat(o.halfDays()).isEmpty();
            assertThat(o.workingDays()).isEqualTo(working);
            assertThat(NATIONAL_RULES.evaluate(List.of(o), Instant.parse("2030-01-01T00:00:00Z"))).hasSize(adjusted.isEmpty() ? 0 : 1);
        });
    }

    @Test
    void aWeekdayWindowIsFlaggedExactlyOnTheNationalWorkingWeekends() {
        weekdayWindowIsClosedExactlyOnWorkingWeekends(CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT));
    }

    @Test
    void aWeekdayWindowIsFlaggedExactlyOnGuangxisWorkingWeekends() {
        // Guangxi's layer adds local working Saturdays and cancels some national ones (壮族三月三)
        weekdayWindowIsClosedExactlyOnWorkingWeekends(CalendarRepository.bundled().calendarFor(DivisionCode.parse("450000"), CoveragePolicy.STRICT));
    }
}
