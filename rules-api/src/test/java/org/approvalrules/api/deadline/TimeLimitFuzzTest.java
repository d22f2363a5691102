package org.approvalrules.api.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.approvalrules.api.TypedErrors;

/**
 * Fuzzes {@link TimeLimit#parse}: any text gives a limit or a typed error; a limit is within its
 * documented bounds and round-trips through {@code toString()}.
 */
class TimeLimitFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void parse(byte[] input) {
        String text = TypedErrors.text(input);
        TimeLimit limit = TypedErrors.valueOrNull(() -> TimeLimit.parse(text));
        if (limit == null) {
            return;
        }
        assertThat(limit.amount()).isBetween(0, TimeLimit.MAX_AMOUNT);
        assertThat(limit.unit() == LimitUnit.IMMEDIATE).isEqualTo(limit.amount() == 0 && limit.equals(TimeLimit.IMMEDIATE));
        assertThat(TimeLimit.parse(limit.toString())).isEqualTo(limit);
    }
}
