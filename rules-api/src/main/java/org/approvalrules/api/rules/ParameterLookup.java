package org.approvalrules.api.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * The global {@code params} every rule pack's DRL reads parameters from. A value is chosen by the
 * date given (the case's own date, normally {@link CaseFacts#acceptedOn()}), never by today's date.
 * An unknown id or a wrong type is an error, reported by the pack lint before compiling where it can be.
 */
public interface ParameterLookup {

    /** An integer parameter in force on {@code date}. */
    int intAt(String id, LocalDate date);

    /** Whether a parameter with this id is defined at all (in any layer, at any date). */
    boolean defines(String id);

    /** A decimal parameter in force on {@code date}. */
    BigDecimal decimalAt(String id, LocalDate date);

    /** A boolean parameter in force on {@code date}. */
    boolean boolAt(String id, LocalDate date);

    /** A text parameter in force on {@code date}. */
    String stringAt(String id, LocalDate date);

    /** A list parameter in force on {@code date}. */
    List<String> listAt(String id, LocalDate date);

    /** Whether {@code time} lies inside a time-range parameter ({@code HH:mm-HH:mm}, or a list of them) in force on {@code date}. */
    boolean withinTimeRanges(String id, LocalDate date, LocalTime time);

    /**
     * The display values of the parameters {@code ids} in force on {@code date}, by id (what a finding
     * reports as the parameters it used); an id without a value that day is left out.
     */
    Map<String, String> displayValues(List<String> ids, LocalDate date);

    /** The legal reference (document) of the value of {@code id} in force on {@code date}. */
    String referenceAt(String id, LocalDate date);
}
