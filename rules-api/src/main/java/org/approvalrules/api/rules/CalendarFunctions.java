package org.approvalrules.api.rules;

import java.time.LocalDate;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.DayExplanation;
import org.approvalrules.api.calendar.DayKind;
import org.approvalrules.api.calendar.WorkingCalendar;
import org.approvalrules.api.division.DivisionCode;

/**
 * The global {@code calendar} every rule pack's DRL can call: the working calendar of the locality
 * being evaluated (the State Council notices plus the local layers down to the locality, e.g.
 * Guangxi's 壮族三月三), as the few questions a rule asks about a date:
 * <pre>{@code
 * $c : CaseFacts( calendar.isLocalHoliday(acceptedOn) )
 * ... out.report(kcontext, $c, "在" + calendar.nameOf($c.acceptedOn()) + "受理", "accepted on " + ...);
 * }</pre>
 * Arithmetic follows {@link WorkingCalendar}'s conventions ({@code plusWorkingDays(d, n)} is the n-th
 * working day strictly after {@code d}; {@code workingDaysBetween(a, b)} counts {@code (a, b]}). Under
 * the STRICT coverage policy a date outside the published years throws
 * {@link org.approvalrules.api.calendar.CalendarCoverageException}, which fails the evaluation with its
 * message.
 *
 * <p>Why a rules-facing interface rather than a {@link WorkingCalendar} global: a working calendar also
 * carries what rules have no business with (content version, coverage policy, office hours and zone,
 * which rule packs take from their parameters instead), and it explains a day through {@code Optional}s,
 * which make DRL constraints long. This interface answers in plain values ({@code ""} when a day has no
 * name), so a constraint stays one short expression; anything else is one call away through
 * {@link #workingCalendar()}. Every function is read-only: implementations supply only
 * {@link #workingCalendar()} (usually through {@link #of(WorkingCalendar)}), and must be thread-safe.
 */
public interface CalendarFunctions {

    /** The calendar the functions answer from (immutable and thread-safe). */
    WorkingCalendar workingCalendar();

    /** The functions of {@code calendar}. */
    static CalendarFunctions of(WorkingCalendar calendar) {
        InvalidValueException.requireNonNull(calendar, "calendar");
        return () -> calendar;
    }

    /** The locality whose calendar this is. */
    default DivisionCode locality() {
        return workingCalendar().locality();
    }

    /** Whether offices work on {@code date} (an ordinary weekday or an adjusted working day). */
    default boolean isWorkingDay(LocalDate date) {
        return workingCalendar().isWorkingDay(date);
    }

    /** Whether {@code date} is a day off set by a holiday notice, national or local ({@link DayKind#HOLIDAY}). */
    default boolean isHoliday(LocalDate date) {
        return kindOf(date) == DayKind.HOLIDAY;
    }

    /**
     * Whether {@code date} is a holiday set by a local layer (a province, city or county notice, such as
     * 壮族三月三 in Guangxi), not by the national notices.
     */
    default boolean isLocalHoliday(LocalDate date) {
        return isHoliday(date) && !DivisionCode.NATIONAL.value().equals(layerOf(date));
    }

    /** The kind of {@code date}: working day, weekend, holiday or adjusted working day. */
    default DayKind kindOf(LocalDate date) {
        return workingCalendar().kindOf(date);
    }

    /** The festival or local-holiday name of {@code date} (e.g. {@code "壮族三月三"}), {@code ""} for an ordinary day. */
    default String nameOf(LocalDate date) {
        return explain(date).name().orElse("");
    }

    /**
     * The division code of the layer that made {@code date} what it is ({@code "000000"} for the national
     * notices, e.g. {@code "450000"} for 壮族三月三); for an ordinary weekday or weekend, the calendar's own
     * locality.
     */
    default String layerOf(LocalDate date) {
        return explain(date).layer();
    }

    /** Working days in {@code (a, b]}; negative when {@code b} is before {@code a}. */
    default int workingDaysBetween(LocalDate a, LocalDate b) {
        return workingCalendar().workingDaysBetween(a, b);
    }

    /** The n-th working day strictly after {@code date} ({@code date} itself when {@code n == 0}). */
    default LocalDate plusWorkingDays(LocalDate date, int n) {
        return workingCalendar().plusWorkingDays(date, n);
    }

    /** The n-th working day strictly before {@code date} ({@code date} itself when {@code n == 0}). */
    default LocalDate minusWorkingDays(LocalDate date, int n) {
        return workingCalendar().minusWorkingDays(date, n);
    }

    /** {@code date} if it is a working day, otherwise the next working day. */
    default LocalDate nextOrSameWorkingDay(LocalDate date) {
        return workingCalendar().nextOrSameWorkingDay(date);
    }

    /** Everything about {@code date}: kind, name, layer, the notice that set it, whether provisional. */
    default DayExplanation explain(LocalDate date) {
        return workingCalendar().explain(date);
    }
}
