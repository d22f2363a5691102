package org.approvalrules.api.division;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.approvalrules.api.InvalidValueException;
import org.junit.jupiter.api.Test;

class DivisionCodeTest {

    @Test
    void countyLineageRunsUpToNational() {
        assertThat(DivisionCode.parse("451031").lineage()).extracting(DivisionCode::value)
                .containsExactly("000000", "450000", "451000", "451031");
        assertThat(DivisionCode.parse("429004").parent()).contains(DivisionCode.parse("420000"));
        assertThat(DivisionCode.parse("451000").level()).isEqualTo(DivisionCode.Level.CITY);
        assertThat(DivisionCode.parse("450000").contains(DivisionCode.parse("451031"))).isTrue();
        assertThat(DivisionCode.parse("460000").contains(DivisionCode.parse("451031"))).isFalse();
    }

    @Test
    void malformedCodesNameTheValue() {
        assertThatThrownBy(() -> DivisionCode.parse("45103")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("45103").hasMessageContaining("6 digits");
        assertThatThrownBy(() -> DivisionCode.parse("45a031")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> DivisionCode.parse("450031")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> DivisionCode.parse(null)).isInstanceOf(InvalidValueException.class);
    }
}
