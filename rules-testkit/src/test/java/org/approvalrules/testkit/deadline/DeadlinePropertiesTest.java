package org.approvalrules.testkit.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineCalculator;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.deadline.DeadlineEngine;
import org.approvalrules.testkit.gen.PropertyFailure;
import org.junit.jupiter.api.Test;

/** The deadline property suite on the bundled national calendar and on Guangxi's (壮族三月三 layer). */
class DeadlinePropertiesTest {

    private static final WorkingCalendar NATIONAL = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL,
            CoveragePolicy.STRICT);
    private static final WorkingCalendar GUANGXI = CalendarRepository.bundled().calendarFor(DivisionCode.parse("450000"),
            CoveragePolicy.STRICT);

    private static DeadlinePropertySuite national() {
        return new DeadlinePropertySuite(DeadlineEngine.INSTANCE, NATIONAL, DeadlinePolicy.DEFAULT);
    }

    @Test
    void dueDateIsAWorkingDay() {
        national().dueDateIsAWorkingDay();
    }

    @Test
    void suspensionNeverMakesItEarlier() {
        national().suspensionNeverMakesItEarlier();
    }

    @Test
    void suspensionInsideThePeriodMovesItByItsWorkingDays() {
        national().suspensionInsideThePeriodMovesItByItsWorkingDays();
    }

    @Test
    void extensionMovesItByItsDays() {
        national().extensionMovesItByItsDays();
    }

    @Test
    void monotoneInAcceptance() {
        national().monotoneInAcceptance();
    }

    @Test
    void monotoneInLimit() {
        national().monotoneInLimit();
    }

    @Test
    void completedOnTimeIffNotAfterDueInstant() {
        national().completedOnTimeIffNotAfterDueInstant();
    }

    @Test
    void equalsNaiveModel() {
        national().tries(500).equalsNaiveModel();
    }

    @Test
    void wholeSuiteOnGuangxi() {
        new DeadlinePropertySuite(DeadlineEngine.INSTANCE, GUANGXI, DeadlinePolicy.DEFAULT).checkAll();
    }

    @Test
    void wholeSuiteWithTheAfterHoursRuleOff() {
        new DeadlinePropertySuite(DeadlineEngine.INSTANCE, NATIONAL, DeadlinePolicy.DEFAULT.withAfterHoursFromNextWorkingDay(false))
                .tries(100).checkAll();
    }

    @Test
    void theSuiteCatchesACalculatorThatIgnoresProcedures() {
        DeadlineCalculator broken = new DeadlineCalculator() {
            @Override
            public DeadlineResult evaluate(DeadlineInput in, WorkingCalendar c, DeadlinePolicy p, Instant asOf) {
                return DeadlineEngine.INSTANCE.evaluate(in.toBuilder().procedures(List.of()).build(), c, p, asOf);
            }
        };
        PropertyFailure f = catchThrowableOfType(PropertyFailure.class,
                () -> new DeadlinePropertySuite(broken, NATIONAL, DeadlinePolicy.DEFAULT).suspensionInsideThePeriodMovesItByItsWorkingDays());
        assertThat(f.getMessage()).contains("minimised counterexample").contains("approvalrules.seed");
        // minimised: no larger than what was first found
        Object[] min = (Object[]) f.minimised();
        Object[] orig = (Object[]) f.original();
        assertThat(((DeadlineInput) min[0]).statutory().amount())
                .isLessThanOrEqualTo(((DeadlineInput) orig[0]).statutory().amount());
        assertThat((Integer) min[2]).isLessThanOrEqualTo((Integer) orig[2]);
    }
}
