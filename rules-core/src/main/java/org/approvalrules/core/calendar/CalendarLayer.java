package org.approvalrules.core.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.calendar.OfficeHours;
import org.approvalrules.api.division.DivisionCode;

/**
 * One layer of the official calendar as read from its directory: the national layer
 * ({@code 000000}) or a local one (province, city, county). Holds the days the layer sets, the
 * years it has files for, optional office hours and zone, and notes such as
 * "2022: notice not found". Immutable and thread-safe.
 *
 * @param code the division code the layer belongs to
 * @param name the layer's name, e.g. {@code 广西壮族自治区}
 * @param officeHours office hours the layer sets, if any
 * @param zone time zone the layer sets, if any
 * @param years the years the layer has a file for (a year file may hold only comments)
 * @param days the rows of all year files, by date
 * @param notes free-text notes by key (e.g. {@code note.2022}), with the layer's caveats
 * @param origin where the layer was read from (classpath resource folder or directory)
 * @param recurringFrom when present, the layer's holidays recur every year from that year on, so each such year
 *     without a year file is NOT covered by this layer (key {@code recurring.from}); empty: one-off days only
 * @param estimate the rule that estimates the recurring holidays in an uncovered year (PROVISIONAL only)
 */
public record CalendarLayer(DivisionCode code, String name, Optional<OfficeHours> officeHours, Optional<ZoneId> zone,
        SortedSet<Integer> years, NavigableMap<LocalDate, LayerDay> days, SortedMap<String, String> notes,
        String origin, Optional<Integer> recurringFrom, LocalHolidayEstimate estimate) {

    public CalendarLayer {
        InvalidValueException.requireNonNull(code, "code");
        InvalidValueException.requireNonNull(name, "name");
        InvalidValueException.requireNonNull(officeHours, "officeHours");
        InvalidValueException.requireNonNull(zone, "zone");
        InvalidValueException.requireNonNull(origin, "origin");
        InvalidValueException.requireNonNull(recurringFrom, "recurringFrom");
        InvalidValueException.requireNonNull(estimate, "estimate");
        years = Collections.unmodifiableSortedSet(new TreeSet<>(InvalidValueException.requireNonNull(years, "years")));
        days = Collections.unmodifiableNavigableMap(new TreeMap<>(InvalidValueException.requireNonNull(days, "days")));
        notes = Collections.unmodifiableSortedMap(new TreeMap<>(InvalidValueException.requireNonNull(notes, "notes")));
    }

    /** Whether this is the national layer. */
    public boolean isNational() {
        return code.equals(DivisionCode.NATIONAL);
    }

    /**
     * Whether this layer covers {@code year}: a one-off layer covers every year; a recurring layer covers the
     * years before it started recurring and the years it has a file for.
     */
    public boolean coversYear(int year) {
        return recurringFrom.isEmpty() || year < recurringFrom.get() || years.contains(year);
    }

    /** The rows of one year. */
    public Map<LocalDate, LayerDay> daysOf(int year) {
        return days.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true);
    }

    @Override
    public String toString() {
        return "CalendarLayer[" + code + " " + name + ", years " + (years.isEmpty() ? "-" : years.first() + ".." + years.last())
                + ", " + days.size() + " days, " + origin + recurringFrom.map(y -> ", recurring from " + y).orElse("") + "]";
    }
}
