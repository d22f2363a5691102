package org.approvalrules.api.calendar;

import java.time.LocalTime;
import org.approvalrules.api.InvalidValueException;

/**
 * A locality's office hours on a working day (办公时间): when windows open and when business stops.
 * A period that ends "at the end of business" ends at {@link #close()}. Immutable and thread-safe;
 * {@code toString()} is {@code "09:00-17:00"}.
 */
public record OfficeHours(LocalTime open, LocalTime close) {

    /** Default used when a layer names none: 09:00–17:00 (a parameter; localities set their own). */
    public static final OfficeHours DEFAULT = new OfficeHours(LocalTime.of(9, 0), LocalTime.of(17, 0));

    public OfficeHours {
        InvalidValueException.requireNonNull(open, "open");
        InvalidValueException.requireNonNull(close, "close");
        if (!close.isAfter(open)) {
            throw new InvalidValueException("officeHours.close", close,
                    "下班时间须晚于上班时间 " + open + " / close must be after open " + open);
        }
    }

    /** Parses {@code "HH:MM-HH:MM"}. */
    public static OfficeHours parse(CharSequence text) {
        InvalidValueException.requireNonNull(text, "officeHours");
        String s = text.toString().trim();
        int dash = s.indexOf('-');
        if (dash < 0) {
            throw new InvalidValueException("officeHours", s, "格式应为 HH:MM-HH:MM / expected HH:MM-HH:MM");
        }
        try {
            return new OfficeHours(LocalTime.parse(s.substring(0, dash).trim()), LocalTime.parse(s.substring(dash + 1).trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidValueException("officeHours", s, "时间格式错误 / times must be HH:MM");
        }
    }

    /** Whether {@code time} is within {@code [open, close)}. */
    public boolean isOpenAt(LocalTime time) {
        return !time.isBefore(open) && time.isBefore(close);
    }

    @Override
    public String toString() {
        return open + "-" + close;
    }
}
