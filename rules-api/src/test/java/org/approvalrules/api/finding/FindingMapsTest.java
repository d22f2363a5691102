package org.approvalrules.api.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.junit.jupiter.api.Test;

class FindingMapsTest {

    private static Finding finding(Map<String, String> parameters, Map<String, String> evidence) {
        return new Finding("deadline.red.promised", Severity.RED, "C1", BilingualText.of("逾期", "overdue"),
                "行政许可法第四十二条", "000000", "v1", "cal1", parameters, evidence);
    }

    @Test
    void aFindingCopiesAnyMapSortedAndUnmodifiableAndKeepsOneMadeBySortedMap() {
        Map<String, String> mutable = new LinkedHashMap<>();
        mutable.put("b", "2");
        mutable.put("a", "1");
        Finding f = finding(mutable, mutable);
        mutable.put("c", "3");
        assertThat(f.parameters()).isNotSameAs(mutable).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(f.evidence()).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThatThrownBy(() -> f.parameters().put("z", "9")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> f.parameters().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);

        Map<String, String> shared = Finding.sortedMap(Map.of("y", "2", "x", "1", "w", "0"));
        assertThat(shared.keySet()).containsExactly("w", "x", "y");
        assertThat(finding(shared, Map.of()).parameters()).isSameAs(shared);
        assertThat(finding(shared, shared).evidence()).isSameAs(shared);
        assertThat(shared).isEqualTo(new HashMap<>(Map.of("y", "2", "x", "1", "w", "0")))
                .hasSameHashCodeAs(Map.of("y", "2", "x", "1", "w", "0"));
        assertThat(shared.toString()).isEqualTo("{w=0, x=1, y=2}");
        assertThat(Finding.sortedMap(Map.of())).isEmpty();
    }

    @Test
    void nullKeysAndValuesAreRefusedWhereverTheMapComesFrom() {
        Map<String, String> nullValue = new HashMap<>();
        nullValue.put("a", null);
        assertThatThrownBy(() -> Finding.sortedMap(nullValue)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> finding(nullValue, Map.of())).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("parameters");
        for (Map<String, String> ok : List.of(Map.of("k", "v"), Finding.sortedMap(Map.of("k", "v")))) {
            assertThat(finding(Map.of(), ok).evidence()).containsExactly(Map.entry("k", "v"));
        }
    }
}
