package org.approvalrules.api.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.approvalrules.api.InvalidValueException;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void factoriesAgreeAndPrintTwoDecimals() {
        assertThat(Money.of("80.00")).isEqualTo(Money.yuan(80)).isEqualTo(Money.ofFen(8000))
                .isEqualTo(Money.of("80")).isEqualTo(Money.of(new BigDecimal("80.0")));
        assertThat(Money.yuan(80).toString()).isEqualTo("80.00");
        assertThat(Money.ofFen(5).toString()).isEqualTo("0.05");
        assertThat(Money.ofFen(-1050).toString()).isEqualTo("-10.50");
        assertThat(Money.ZERO.toString()).isEqualTo("0.00");
        assertThat(Money.of("550.5").fen()).isEqualTo(55050);
        assertThat(Money.of("80.00").yuanAmount().scale()).isEqualTo(2);
    }

    @Test
    void parseRoundTripsToString() {
        for (String s : List.of("0.00", "80.00", "550.00", "0.01", "-10.50", "999999999999999.99")) {
            Money m = Money.parse(s);
            assertThat(m.toString()).isEqualTo(s);
            assertThat(Money.parse(m.toString())).isEqualTo(m).hasSameHashCodeAs(m);
        }
        assertThat(Money.of("-0.00")).isEqualTo(Money.ZERO);
    }

    @Test
    void arithmeticIsExactInFen() {
        assertThat(Money.of("0.10").plus(Money.of("0.20"))).isEqualTo(Money.of("0.30"));
        assertThat(Money.yuan(80).minus(Money.yuan(90))).isEqualTo(Money.yuan(-10));
        assertThat(Money.yuan(10).times(3)).isEqualTo(Money.yuan(30));
        assertThat(Money.yuan(100).times(0)).isEqualTo(Money.ZERO);
        assertThat(Money.yuan(5).negate()).isEqualTo(Money.yuan(-5));
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(Money.yuan(-1).isNegative()).isTrue();
        assertThat(Money.yuan(1).isPositive()).isTrue();
        assertThat(Money.yuan(1).isNegative()).isFalse();
        assertThat(Money.yuan(80).compareTo(Money.yuan(550))).isNegative();
        assertThat(Money.of("80.01").compareTo(Money.yuan(80))).isPositive();
    }

    @Test
    void multiplicationRoundsHalfUpByDefaultAndAsToldOtherwise() {
        Money price = Money.of("0.05");
        assertThat(price.multiply(new BigDecimal("0.5"))).isEqualTo(Money.of("0.03")); // 0.025 → 0.03
        assertThat(price.multiply(new BigDecimal("0.5"), RoundingMode.HALF_EVEN)).isEqualTo(Money.of("0.02"));
        assertThat(price.multiply(new BigDecimal("0.5"), RoundingMode.DOWN)).isEqualTo(Money.of("0.02"));
        assertThat(Money.of("-0.05").multiply(new BigDecimal("0.5"))).isEqualTo(Money.of("-0.03"));
        assertThat(Money.yuan(100).multiply(new BigDecimal("0.5"), RoundingMode.UNNECESSARY)).isEqualTo(Money.yuan(50));
        assertThatThrownBy(() -> price.multiply(new BigDecimal("0.5"), RoundingMode.UNNECESSARY))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("fen");
    }

    @Test
    void moreThanTwoDecimalsNeedsARoundingMode() {
        assertThatThrownBy(() -> Money.of("80.001")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("80.001").hasMessageContaining("2 decimals");
        assertThatThrownBy(() -> Money.of(new BigDecimal("0.125"))).isInstanceOf(InvalidValueException.class);
        assertThat(Money.of("80.005", RoundingMode.HALF_UP)).isEqualTo(Money.of("80.01"));
        assertThat(Money.of("80.005", RoundingMode.HALF_EVEN)).isEqualTo(Money.of("80.00"));
        assertThat(Money.of(new BigDecimal("0.125"), RoundingMode.FLOOR)).isEqualTo(Money.of("0.12"));
        assertThat(Money.of("80.000")).isEqualTo(Money.yuan(80)); // trailing zeros are not extra precision
    }

    @Test
    void malformedTextIsRejectedWithTheValue() {
        for (String bad : List.of("", "80,00", "1,000.00", "+80", "8E1", " 80", "80 ", "¥80", "80.", ".5", "NaN",
                "1000000000000000")) {
            assertThatThrownBy(() -> Money.of(bad)).as(bad).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("\"" + bad + "\"");
        }
        assertThatThrownBy(() -> Money.of((String) null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.of("1", null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.yuan(Long.MAX_VALUE)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("out of range");
    }
}
