package org.approvalrules.core.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZoneFactsTest {

    /** Shanghai (fixed +08:00 since its last DST in 1991), a zone with DST today, and fixed offsets. */
    private static final String[] ZONES = {"Asia/Shanghai", "Europe/Berlin", "UTC", "+08:00"};

    @Test
    void conversionsEqualZonedDateTimeOnBothSidesOfTheLastTransition() {
        Random r = new Random(1991);
        for (String id : ZONES) {
            ZoneId zone = ZoneId.of(id);
            ZoneFacts facts = ZoneFacts.of(zone);
            for (int i = 0; i < 20_000; i++) {
                LocalDate date = LocalDate.of(1985, 1, 1).plusDays(r.nextInt(16_000)); // 1985 to 2028
                LocalTime time = LocalTime.ofSecondOfDay(r.nextInt(86_400)).withNano(r.nextInt(2) * 500_000_000);
                Instant expected = date.atTime(time).atZone(zone).toInstant();
                assertThat(facts.instant(date, date.toEpochDay(), time)).as("%s %s %s", id, date, time)
                        .isEqualTo(expected);
                assertThat(facts.local(expected)).isEqualTo(LocalDateTime.ofInstant(expected, zone));
                assertThat(facts.local(expected)).isEqualTo(LocalDateTime.ofInstant(expected, zone)); // cached
            }
        }
    }
}
