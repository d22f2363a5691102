package org.approvalrules.api.spi;

import java.time.Instant;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.rules.CalendarFunctions;

/**
 * What one evaluation runs with besides the facts. Immutable.
 *
 * @param asOf the evaluation instant (what is known)
 * @param calendar the locality's working calendar, the rules' global {@code calendar}
 * @param calendarVersion the version of that calendar, carried by every finding
 */
public record EvaluationContext(Instant asOf, CalendarFunctions calendar, String calendarVersion) {

    public EvaluationContext {
        InvalidValueException.requireNonNull(asOf, "asOf");
        InvalidValueException.requireNonNull(calendar, "calendar");
        InvalidValueException.requireNonNull(calendarVersion, "calendarVersion");
    }
}
