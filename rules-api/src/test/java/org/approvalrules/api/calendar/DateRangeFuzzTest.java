package org.approvalrules.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.approvalrules.api.TypedErrors;

/**
 * Fuzzes {@link DateRange#parse}: any text gives a range or a typed error; a range is ordered,
 * contains its ends, and round-trips through {@code toString()}.
 */
class DateRangeFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void parse(byte[] input) {
        String text = TypedErrors.text(input);
        DateRange range = TypedErrors.valueOrNull(() -> DateRange.parse(text));
        if (range == null) {
            return;
        }
        assertThat(range.start()).isBeforeOrEqualTo(range.end());
        assertThat(range.days()).isPositive();
        assertThat(range.contains(range.start()) && range.contains(range.end())).isTrue();
        assertThat(DateRange.parse(range.toString())).isEqualTo(range);
    }
}
