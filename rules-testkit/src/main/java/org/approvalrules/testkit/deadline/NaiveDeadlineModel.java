package org.approvalrules.testkit.deadline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlinePolicy;
import org.approvalrules.api.deadline.Extension;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.SpecialProcedure;
import org.approvalrules.api.deadline.TimeLimit;

/**
 * A deliberately simple, day-by-day reference model of the deadline rules, written independently of
 * the engine: it walks the calendar one day at a time with {@link WorkingCalendar#isWorkingDay} only
 * and keeps suspended days in a set. It covers acceptance, special procedures and extensions (not
 * corrections or Art. 32). Slow on purpose; use it to check an engine, not in production.
 */
public final class NaiveDeadlineModel {

    private final WorkingCalendar cal;
    private final DeadlinePolicy policy;

    /** A model on {@code calendar} under {@code policy}. */
    public NaiveDeadlineModel(WorkingCalendar calendar, DeadlinePolicy policy) {
        this.cal = calendar;
        this.policy = policy;
    }

    /** What the model computes for one limit. */
    public record Expected(LocalDate base, LocalDate due, int elapsed, int remaining) {
    }

    /** The day before day 1. */
    public LocalDate base(LocalDateTime accepted) {
        LocalDate d = accepted.toLocalDate();
        if (!policy.afterHoursFromNextWorkingDay()) {
            return d;
        }
        boolean move;
        if (!cal.isWorkingDay(d)) {
            move = true;
        } else {
            OfficeHours h = cal.officeHours(d);
            move = !accepted.toLocalTime().isBefore(h.close());
        }
        if (move) {
            do {
                d = d.plusDays(1);
            } while (!cal.isWorkingDay(d));
        }
        return d;
    }

    /** Days on which the clock stands still, as known at {@code now}. */
    public Set<LocalDate> suspendedDays(DeadlineInput in, LocalDateTime now) {
        Set<LocalDate> days = new HashSet<>();
        for (SpecialProcedure p : in.procedures()) {
            if (p.start().isAfter(now) || !policy.stopsClock(p.kind())) {
                continue;
            }
            boolean closed = p.resumed().isPresent() && !p.resumed().get().isAfter(now);
            LocalDate end = closed ? p.resumed().get().toLocalDate().minusDays(1) : now.toLocalDate();
            for (LocalDate d = p.start().toLocalDate(); !d.isAfter(end); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }

    /** The statutory limit's expectation as of {@code now} (completion ignored). */
    public Expected statutory(DeadlineInput in, LocalDateTime now) {
        return limit(in, in.statutory(), now);
    }

    /** One limit's expectation as of {@code now}, measured at {@code now}'s date. */
    public Expected limit(DeadlineInput in, TimeLimit limit, LocalDateTime now) {
        LocalDate base = base(in.accepted());
        Set<LocalDate> off = suspendedDays(in, now);
        int ext = 0;
        if (limit.unit() != LimitUnit.IMMEDIATE) {
            for (Extension e : in.extensions()) {
                if (!e.approvedOn().isAfter(now.toLocalDate())) {
                    ext += e.workingDays();
                }
            }
        }
        int n = limit.amount() + ext;
        LocalDate d = base;
        if (limit.unit() == LimitUnit.WORKING_DAYS) {
            int counted = 0;
            while (counted < n) {
                d = d.plusDays(1);
                if (cal.isWorkingDay(d) && !off.contains(d)) {
                    counted++;
                }
            }
        } else if (limit.unit() == LimitUnit.CALENDAR_DAYS) {
            int counted = 0;
            while (counted < n) {
                d = d.plusDays(1);
                if (!off.contains(d)) {
                    counted++;
                }
            }
        }
        while (!cal.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        LocalDate at = now.toLocalDate().isAfter(base) ? now.toLocalDate() : base;
        int elapsed = countWorking(base, at, off);
        int remaining = at.isAfter(d) ? -countWorking(d, at, off) : countWorking(at, d, off);
        return new Expected(base, d, elapsed, remaining);
    }

    /** Working, non-suspended days in (from, to]. */
    private int countWorking(LocalDate from, LocalDate to, Set<LocalDate> off) {
        int c = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (cal.isWorkingDay(d) && !off.contains(d)) {
                c++;
            }
        }
        return c;
    }
}
