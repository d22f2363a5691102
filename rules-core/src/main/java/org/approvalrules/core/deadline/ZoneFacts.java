package org.approvalrules.core.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Fast local ↔ instant conversion for zones whose offset no longer changes (China has kept +08:00
 * since 1991): after the zone's last transition the fixed offset is used directly, before it the zone
 * rules are consulted as usual. Results are identical to {@code ZonedDateTime}; only cheaper.
 * Thread-safe; one entry is cached for the zone most recently used, and in it the instant most
 * recently converted.
 */
final class ZoneFacts {

    private static volatile ZoneFacts last;

    /** The last instant converted and its local time: batches evaluate many cases as of one instant. */
    private volatile Converted lastLocal;

    /** An instant with its local time, and that time's epoch day and nano of day. */
    record Converted(Instant instant, LocalDateTime local, long day, long nanoOfDay) {
    }

    private static final int SECONDS_PER_DAY = 86_400;

    private final ZoneId zone;
    private final ZoneRules rules;
    private final ZoneOffset fixed;
    private final Instant fixedSince;
    /** Local dates after this epoch day are wholly in the fixed-offset era (past any gap or overlap). */
    private final long fixedAfterDay;

    private ZoneFacts(ZoneId zone) {
        this.zone = zone;
        this.rules = zone.getRules();
        List<ZoneOffsetTransition> ts = rules.getTransitions();
        if (rules.isFixedOffset()) {
            fixed = rules.getOffset(Instant.EPOCH);
            fixedSince = Instant.MIN;
            fixedAfterDay = Long.MIN_VALUE;
        } else if (rules.getTransitionRules().isEmpty() && !ts.isEmpty()) {
            ZoneOffsetTransition t = ts.get(ts.size() - 1);
            fixed = t.getOffsetAfter();
            fixedSince = t.getInstant();
            fixedAfterDay = t.getDateTimeAfter().toLocalDate().toEpochDay() + 1;
        } else {
            fixed = null;
            fixedSince = null;
            fixedAfterDay = Long.MAX_VALUE;
        }
    }

    static ZoneFacts of(ZoneId zone) {
        ZoneFacts f = last;
        if (f != null && (f.zone == zone || f.zone.equals(zone))) {
            return f;
        }
        f = new ZoneFacts(zone);
        last = f;
        return f;
    }

    /** The local date-time of {@code instant}. */
    LocalDateTime local(Instant instant) {
        return converted(instant).local();
    }

    /** The local date-time of {@code instant}, with its epoch day and nano of day. */
    Converted converted(Instant instant) {
        Converted c = lastLocal;
        if (c != null && c.instant.equals(instant)) {
            return c;
        }
        ZoneOffset o = fixed != null && !instant.isBefore(fixedSince) ? fixed : rules.getOffset(instant);
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), o);
        c = new Converted(instant, t, t.toLocalDate().toEpochDay(), t.toLocalTime().toNanoOfDay());
        lastLocal = c;
        return c;
    }

    /**
     * The instant of {@code time} on {@code date}, whose epoch day the caller already knows
     * (as {@code date.atTime(time).atZone(zone).toInstant()}, without the intermediate objects).
     */
    Instant instant(LocalDate date, long epochDay, LocalTime time) {
        if (epochDay > fixedAfterDay) {
            return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + time.toSecondOfDay() - fixed.getTotalSeconds(),
                    time.getNano());
        }
        return date.atTime(time).atZone(zone).toInstant();
    }
}
