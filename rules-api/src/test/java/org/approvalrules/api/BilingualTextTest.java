package org.approvalrules.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class BilingualTextTest {

    @Test
    void aTemplatedTextReadsAsTheStringsItStandsForAndEqualsThem() {
        BilingualText t = BilingualText.format("超过法定办结时限{}个工作日，{}受理", "past the statutory due date by {} working days, accepted {}",
                12, LocalTime.of(19, 5));
        BilingualText same = BilingualText.of("超过法定办结时限12个工作日，19:05受理", "past the statutory due date by 12 working days, accepted 19:05");
        assertThat(t.zh()).isEqualTo(same.zh());
        assertThat(t.en()).isEqualTo(same.en());
        assertThat(t).isEqualTo(same).hasSameHashCodeAs(same).hasToString(same.toString());
        assertThat(same).isEqualTo(t);
        assertThat(t).isNotEqualTo(BilingualText.format("超过法定办结时限{}个工作日，{}受理",
                "past the statutory due date by {} working days, accepted {}", 13, LocalTime.of(19, 5)));
        assertThat(BilingualText.format("{}", "{} left", new BigDecimal("0.50")).toString()).isEqualTo("0.50 / 0.50 left");
        assertThat(BilingualText.format("无", "none")).isEqualTo(BilingualText.of("无", "none"));
    }

    @Test
    void aTemplateWhoseSlotsDoNotMatchTheArgumentsIsRefusedWhenMade() {
        assertThatThrownBy(() -> BilingualText.format("剩余{}天", "{} of {} days left", 3))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("en").hasMessageContaining("1 arguments");
        assertThatThrownBy(() -> BilingualText.format("剩余天", "{} days left", 3))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("zh");
        assertThatThrownBy(() -> BilingualText.format(null, "x"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("zh");
        assertThatThrownBy(() -> BilingualText.of("中文", null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("en");
    }
}
