package org.approvalrules.api.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import org.approvalrules.api.division.DivisionCode;

/**
 * The official working-day calendar of one locality: the State Council notices (national layer)
 * plus the local layers down to the locality. Implementations are immutable and thread-safe.
 *
 * <p>Arithmetic conventions (all in working days of this calendar):
 * <ul>
 *   <li>{@link #plusWorkingDays(LocalDate, int) plusWorkingDays(d, n)} is the n-th working day
 *       strictly after {@code d}; {@code n = 0} returns {@code d} itself.</li>
 *   <li>{@link #minusWorkingDays(LocalDate, int) minusWorkingDays(d, n)} is the n-th working day
 *       strictly before {@code d}; {@code n = 0} returns {@code d}.</li>
 *   <li>{@link #workingDaysBetween(LocalDate, LocalDate) workingDaysBetween(a, b)} counts working
 *       days in the half-open interval {@code (a, b]}; negative when {@code b < a}.</li>
 * </ul>
 * So {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}. Outside {@link #coverage()} the
 * calendar follows its {@link #policy()}: STRICT throws {@link CalendarCoverageException},
 * PROVISIONAL assumes weekends only, and {@link #covers(LocalDate)} tells the caller to mark the
 * result provisional.
 */
public interface WorkingCalendar {

    /** Human-readable id, e.g. {@code "CN-450000"}. */
    String id();

    /** The locality whose calendar this is ({@link DivisionCode#NATIONAL} for the national one). */
    DivisionCode locality();

    /** Content hash of everything the calendar was compiled from; equal content, equal version. */
    String version();

    /** The dates for which the calendar holds published notices. */
    DateRange coverage();

    /** What happens outside {@link #coverage()}. */
    CoveragePolicy policy();

    /** The locality's time zone; {@code Asia/Shanghai} unless a layer says otherwise. */
    default ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }

    /** The locality's office hours on {@code date} (a working day). */
    OfficeHours officeHours(LocalDate date);

    /** Whether {@code date} lies in the coverage (so results involving it are not provisional). */
    default boolean covers(LocalDate date) {
        return coverage().contains(date);
    }

    /** The kind of {@code date}. */
    DayKind kindOf(LocalDate date);

    /** Whether offices work on {@code date}. */
    default boolean isWorkingDay(LocalDate date) {
        return kindOf(date).isWorking();
    }

    /** The n-th working day strictly after {@code date}, or {@code date} when {@code n == 0}. */
    LocalDate plusWorkingDays(LocalDate date, int n);

    /** The n-th working day strictly before {@code date}, or {@code date} when {@code n == 0}. */
    LocalDate minusWorkingDays(LocalDate date, int n);

    /** Working days in {@code (a, b]}; {@code -workingDaysBetween(b, a)} when {@code b < a}. */
    int workingDaysBetween(LocalDate a, LocalDate b);

    /** The first working day strictly after {@code date}. */
    default LocalDate nextWorkingDay(LocalDate date) {
        return plusWorkingDays(date, 1);
    }

    /** {@code date} if it is a working day, otherwise the next working day. */
    default LocalDate nextOrSameWorkingDay(LocalDate date) {
        return isWorkingDay(date) ? date : nextWorkingDay(date);
    }

    /** Why {@code date} has its kind: layer, festival name, notice, provisional or not. */
    DayExplanation explain(LocalDate date);
}
