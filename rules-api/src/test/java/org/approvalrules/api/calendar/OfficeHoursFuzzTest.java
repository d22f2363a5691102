package org.approvalrules.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.approvalrules.api.TypedErrors;

/**
 * Fuzzes {@link OfficeHours#parse}: any text gives office hours or a typed error; hours open before
 * they close, are open at opening time and closed at closing time, and round-trip through
 * {@code toString()}.
 */
class OfficeHoursFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void parse(byte[] input) {
        String text = TypedErrors.text(input);
        OfficeHours hours = TypedErrors.valueOrNull(() -> OfficeHours.parse(text));
        if (hours == null) {
            return;
        }
        assertThat(hours.open()).isBefore(hours.close());
        assertThat(hours.isOpenAt(hours.open())).isTrue();
        assertThat(hours.isOpenAt(hours.close())).isFalse();
        assertThat(OfficeHours.parse(hours.toString())).isEqualTo(hours);
    }
}
