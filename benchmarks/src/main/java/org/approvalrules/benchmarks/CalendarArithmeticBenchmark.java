package org.approvalrules.benchmarks;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.objectlab.kit.datecalc.common.DateCalculator;
import net.objectlab.kit.datecalc.common.DefaultHolidayCalendar;
import net.objectlab.kit.datecalc.common.HolidayHandlerType;
import net.objectlab.kit.datecalc.jdk8.LocalDateKitCalculatorsFactory;
import org.approvalrules.api.calendar.CoveragePolicy;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.calendar.CalendarRepository;
import org.approvalrules.core.calendar.CompiledCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Working-day arithmetic on the bundled national calendar (2004–2026) for n = 5, 20, 250:
 * our {@link CompiledCalendar} (O(1) rank arrays) against (a) the naive day-by-day loop over a
 * {@code HashSet<LocalDate>} of holidays plus a set of adjusted working days, and (b) ObjectLab Kit
 * {@code datecalc-jdk8} with the same holidays registered as its HolidayCalendar. ObjectLab cannot
 * express a working Saturday or Sunday (its WorkingWeek is a fixed weekday pattern), so its answers
 * differ from the official ones around every 调休 weekend; it is measured as configured as well as it
 * allows. Start dates are drawn at random (fixed seed) from a pre-generated array, so nothing
 * constant-folds; every result goes to a {@link Blackhole}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CalendarArithmeticBenchmark {

    private static final int SIZE = 1 << 12;
    private static final int MASK = SIZE - 1;

    @Param({"5", "20", "250"})
    int n;

    WorkingCalendar calendar;
    Set<LocalDate> holidays;
    Set<LocalDate> adjustedWorkdays;
    DateCalculator<LocalDate> objectLab;
    LocalDate[] starts;
    LocalDate[] ends;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        CompiledCalendar compiled = CalendarRepository.bundled().calendarFor(DivisionCode.NATIONAL, CoveragePolicy.STRICT);
        calendar = compiled;
        holidays = new HashSet<>();
        adjustedWorkdays = new HashSet<>();
        compiled.specialDays().forEach((date, e) -> {
            if (e.kind() == DayKind.HOLIDAY) {
                holidays.add(date);
            } else if (e.kind() == DayKind.ADJUSTED_WORKDAY) {
                adjustedWorkdays.add(date);
            }
        });
        LocalDateKitCalculatorsFactory factory = new LocalDateKitCalculatorsFactory();
        factory.registerHolidays("CN", new DefaultHolidayCalendar<>(holidays, compiled.coverage().start(), compiled.coverage().end()));
        objectLab = factory.getDateCalculator("CN", HolidayHandlerType.FORWARD);

        Random random = new Random(20240101L);
        long first = compiled.coverage().start().toEpochDay();
        long span = compiled.coverage().end().toEpochDay() - 400 - first; // room for 250 working days after
        starts = new LocalDate[SIZE];
        ends = new LocalDate[SIZE];
        for (int i = 0; i < SIZE; i++) {
            // working start dates, so that all three agree on what "n working days after" means
            LocalDate d = calendar.nextOrSameWorkingDay(LocalDate.ofEpochDay(first + (long) (random.nextDouble() * span)));
            starts[i] = d;
            ends[i] = calendar.plusWorkingDays(d, n);
            if (!naivePlus(d, n).equals(ends[i]) || naiveBetween(d, ends[i]) != n) {
                throw new IllegalStateException("naive reference disagrees at " + d + " + " + n);
            }
        }
    }

    private boolean naiveIsWorking(LocalDate d) {
        if (adjustedWorkdays.contains(d)) {
            return true;
        }
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !holidays.contains(d);
    }

    private LocalDate naivePlus(LocalDate d, int count) {
        LocalDate x = d;
        for (int k = 0; k < count; ) {
            x = x.plusDays(1);
            if (naiveIsWorking(x)) {
                k++;
            }
        }
        return x;
    }

    private int naiveBetween(LocalDate a, LocalDate b) {
        int count = 0;
        for (LocalDate x = a.plusDays(1); !x.isAfter(b); x = x.plusDays(1)) {
            if (naiveIsWorking(x)) {
                count++;
            }
        }
        return count;
    }

    @Benchmark
    public void oursPlusWorkingDays(Blackhole bh) {
        bh.consume(calendar.plusWorkingDays(starts[next++ & MASK], n));
    }

    @Benchmark
    public void oursWorkingDaysBetween(Blackhole bh) {
        int i = next++ & MASK;
        bh.consume(calendar.workingDaysBetween(starts[i], ends[i]));
    }

    @Benchmark
    public void naiveHashSetPlusWorkingDays(Blackhole bh) {
        bh.consume(naivePlus(starts[next++ & MASK], n));
    }

    @Benchmark
    public void naiveHashSetWorkingDaysBetween(Blackhole bh) {
        int i = next++ & MASK;
        bh.consume(naiveBetween(starts[i], ends[i]));
    }

    @Benchmark
    public void objectLabPlusWorkingDays(Blackhole bh) {
        objectLab.setStartDate(starts[next++ & MASK]);
        bh.consume(objectLab.moveByBusinessDays(n).getCurrentBusinessDate());
    }

    @Benchmark
    public void objectLabWorkingDaysBetween(Blackhole bh) {
        int i = next++ & MASK;
        bh.consume(objectLab.getNumberOfBusinessDaysBetween(starts[i], ends[i]));
    }
}
