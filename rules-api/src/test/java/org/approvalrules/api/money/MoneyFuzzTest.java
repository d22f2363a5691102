package org.approvalrules.api.money;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.approvalrules.api.TypedErrors;

/**
 * Fuzzes {@link Money#parse} and {@link Money#of(String, RoundingMode)}: any text gives an amount or
 * a typed error; an amount has scale 2, equals the decimal the text denotes (exactly, or rounded half
 * up), and round-trips through {@code toString()}.
 */
class MoneyFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void parse(byte[] input) {
        String text = TypedErrors.text(input);
        Money exact = TypedErrors.valueOrNull(() -> Money.parse(text));
        Money rounded = TypedErrors.valueOrNull(() -> Money.of(text, RoundingMode.HALF_UP));
        if (exact != null) {
            assertThat(exact.yuanAmount().scale()).isEqualTo(2);
            assertThat(exact.yuanAmount()).isEqualByComparingTo(new BigDecimal(text));
            assertThat(Money.parse(exact.toString())).isEqualTo(exact);
            assertThat(Money.ofFen(exact.fen())).isEqualTo(exact);
            assertThat(rounded).isEqualTo(exact);
        }
        if (rounded != null) {
            assertThat(rounded.yuanAmount().scale()).isEqualTo(2);
            assertThat(rounded.yuanAmount()).isEqualByComparingTo(new BigDecimal(text).setScale(2, RoundingMode.HALF_UP));
            assertThat(Money.parse(rounded.toString())).isEqualTo(rounded);
        }
    }
}
