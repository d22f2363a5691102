package org.approvalrules.testkit.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.authorization.AuthorizationData;
import org.approvalrules.api.authorization.CatalogueItem;
import org.approvalrules.api.authorization.Delegation;
import org.approvalrules.api.authorization.Power;
import org.approvalrules.api.authorization.PowerRate;
import org.approvalrules.api.authorization.RosterCoverageFact;
import org.approvalrules.api.authorization.RosterDays;
import org.approvalrules.api.authorization.WindowRoster;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DateRange;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.authorization.AuthorizationAssessor;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.testkit.gen.AuthorizationGens;
import org.approvalrules.testkit.gen.DeadlineGens;
import org.approvalrules.testkit.gen.Gen;
import org.approvalrules.testkit.gen.Property;
import org.junit.jupiter.api.Test;

/**
 * The authorization measured from records (AuthorizationAssessor) on random catalogues and delegations
 * (testkit.gen.AuthorizationGens#records), and every month of every covered year of the national and Guangxi
 * calendars swept for rosters.
 */
class AuthorizationRecordPropertiesTest {
    static final DateRange YEARS = new DateRange(LocalDate.of(2023, 1, 1), LocalDate.of(2024, 12, 31));
    static final WorkingCalendar NATIONAL = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
    static final WorkingCalendar GUANGXI = CalendarRepository.bundled().calendarFor(DivisionCode.parse("450000"), CoveragePolicy.STRICT);
    static final AuthorizationAssessor ASSESSOR = new AuthorizationAssessor(AuthorizationPropertiesTest.targets(new int[] {100, 100, 80,
            100, 80, 100, 100}));

    record Case(AuthorizationData data, LocalDate on) {
    }

    static Gen<Case> cases() {
        return Gen.zip(AuthorizationGens.records(3, 8, YEARS, 40), DeadlineGens.dates(YEARS), Case::new);
    }

    static List<PowerRate> rates(AuthorizationData data, LocalDate on) {
        return ASSESSOR.facts(data, NATIONAL, on, on).rateLines();
    }

    @Test
    void ratesLieInZeroOneAndCountTheInCentreCatalogue() {
        Property.forAll(cases()).tries(300).check("rates in [0, 1] over the in-centre catalogue", c -> {
            AuthorizationAssessor.Facts f = ASSESSOR.facts(c.data(), NATIONAL, c.on(), c.on());
            Map<String, Long> inCentre = new HashMap<>();
            c.data().items().stream().filter(i -> i.inCentreOn(c.on())).forEach(i -> inCentre.merge(i.department(), 1L, Long::sum));
            long total = inCentre.values().stream().mapToLong(Long::longValue).sum();
            for (PowerRate r : f.rateLines()) {
                assertThat(r.rate()).isBetween(0.0, 1.0);
                assertThat((long) r.denominator()).isEqualTo(r.department().equals(PowerRate.LOCALITY) ? total : inCentre.get(r.department()));
                // naive: an in-centre item counts when a delegation of the power is in force that day
                long delegated = c.data().items().stream().filter(i -> i.inCentreOn(c.on())
                        && (r.department().equals(PowerRate.LOCALITY) || i.department().equals(r.department()))
                        && c.data().delegations().stream().anyMatch(d -> d.itemCode().equals(i.itemCode()) && d.power() == r.power()
                                && d.inForceOn(c.on()))).count();
                assertThat((long) r.numerator()).isEqualTo(delegated);
            }
            // a department with no in-centre item is listed, never rated
            for (String d : f.departmentsWithoutItems()) {
                assertThat(inCentre).doesNotContainKey(d);
                assertThat(f.rateLines()).noneMatch(r -> r.department().equals(d));
            }
            assertThat(f.rateLines()).hasSize(inCentre.isEmpty() ? 0 : (inCentre.size() + 1) * Power.values().length);
        });
    }

    record Added(Case c, int item, int power) {
    }

    @Test
    void addingADelegationNeverLowersARate() {
        Gen<Added> gen = Gen.zip(cases(), Gen.zip(Gen.ints(0, 7), Gen.ints(0, 6), (i, p) -> new int[] {i, p}),
                (c, ip) -> new Added(c, ip[0], ip[1]));
        Property.forAll(gen).tries(300).check("adding a delegation never lowers a rate", a -> {
            AuthorizationData d = a.c().data();
            CatalogueItem item = d.items().get(a.item());
            Power p = Power.values()[a.power()];
            Delegation extra = new Delegation(item.department(), item.itemCode(), p, "新增授权文件", a.c().on(), Optional.empty());
            if (d.delegations().stream().anyMatch(x -> x.overlaps(extra))) {
                return; // the records would hold two delegations of one item and power on a day: refused, not a case
            }
            List<Delegation> more = new ArrayList<>(d.delegations());
            more.add(extra);
            AuthorizationData after = new AuthorizationData(d.items(), more, List.of(), List.of(), List.of(), d.given());
            Map<String, PowerRate> before = new HashMap<>();
            rates(d, a.c().on()).forEach(r -> before.put(r.department() + "/" + r.power(), r));
            for (PowerRate r : rates(after, a.c().on())) {
                PowerRate b = before.get(r.department() + "/" + r.power());
                assertThat(r.numerator()).isGreaterThanOrEqualTo(b.numerator());
                assertThat(r.denominator()).isEqualTo(b.denominator());
                boolean raised = item.inCentreOn(a.c().on()) && r.power() == p
                        && (r.department().equals(PowerRate.LOCALITY) || r.department().equals(item.department()));
                assertThat(r.numerator()).isEqualTo(b.numerator() + (raised ? 1 : 0));
            }
        });
    }

    private static WindowRoster roster(RosterDays days, OfficeHours hours, LocalDate from) {
        return new WindowRoster("W1", "D0", days, Optional.of(hours.open()), Optional.of(hours.close()), from, Optional.empty());
    }

    /** Every month of every year {@code cal} covers: the every-working-day roster has no gap, a Monday–Friday one misses exactly the working weekends. */
    private static void sweep(WorkingCalendar cal) {
        int months = 0;
        for (int year = cal.coverage().start().getYear(); year <= cal.coverage().end().getYear(); year++) {
            for (int m = 1; m <= 12; m++) {
                YearMonth ym = YearMonth.of(year, m);
                LocalDate first = ym.atDay(1);
                LocalDate last = ym.atEndOfMonth();
                if (!first.datesUntil(last.plusDays(1)).allMatch(cal::covers)) {
                    continue; // a local layer may leave a year uncovered: STRICT refuses it, not a gap
                }
                months++;
                OfficeHours hours = cal.officeHours(first);
                RosterCoverageFact every = AuthorizationAssessor.rosterCoverage(List.of(roster(RosterDays.EVERY_WORKING_DAY, hours, first)),
                        cal, first, last);
                assertThat(every.complete()).as(cal.id() + " " + ym).isTrue();
                assertThat(every.workingDays()).isEqualTo((int) first.datesUntil(last.plusDays(1)).filter(cal::isWorkingDay).count());
                Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
                RosterCoverageFact monFri = AuthorizationAssessor.rosterCoverage(List.of(roster(RosterDays.weekdays(weekdays), hours, first)),
                        cal, first, last);
                assertThat(monFri.uncoveredDays()).as(cal.id() + " " + ym).containsExactlyElementsOf(first.datesUntil(last.plusDays(1))
                        .filter(d -> cal.kindOf(d) == DayKind.ADJUSTED_WORKDAY && !weekdays.contains(d.getDayOfWeek())).toList());
            }
        }
        assertThat(months).as("months swept on " + cal.id()).isGreaterThan(100);
    }

    @Test
    void anEveryWorkingDayRosterHasNoGapInAnyMonthOnTheNationalCalendar() {
        sweep(NATIONAL);
    }

    @Test
    void anEveryWorkingDayRosterHasNoGapInAnyMonthOnTheGuangxiCalendar() {
        sweep(GUANGXI);
    }
}
