package org.approvalrules.api.division;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.approvalrules.api.TypedErrors;

/**
 * Fuzzes {@link DivisionCode#parse}: any text gives a code or a typed error; a code round-trips
 * through {@code toString()} and has a consistent lineage (national first, each step the parent).
 */
class DivisionCodeFuzzTest {

    @FuzzTest(maxDuration = "3m")
    void parse(byte[] input) {
        String text = TypedErrors.text(input);
        DivisionCode code = TypedErrors.valueOrNull(() -> DivisionCode.parse(text));
        if (code == null) {
            return;
        }
        assertThat(code.toString()).isEqualTo(text).hasSize(6);
        assertThat(DivisionCode.parse(code.toString())).isEqualTo(code);
        List<DivisionCode> lineage = code.lineage();
        assertThat(lineage.get(0)).isEqualTo(DivisionCode.NATIONAL);
        assertThat(lineage.get(lineage.size() - 1)).isEqualTo(code);
        for (int i = 1; i < lineage.size(); i++) {
            assertThat(lineage.get(i).parent()).contains(lineage.get(i - 1));
            assertThat(lineage.get(i).level().ordinal()).isGreaterThan(lineage.get(i - 1).level().ordinal());
            assertThat(lineage.get(i - 1).contains(code)).isTrue();
        }
    }
}
