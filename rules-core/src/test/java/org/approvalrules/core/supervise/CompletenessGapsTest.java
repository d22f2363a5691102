package org.approvalrules.core.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.supervise.CompletenessFact;
import org.approvalrules.core.supervise.SupervisionData.CaseRecord;
import org.junit.jupiter.api.Test;

/** Case-number gaps: what is a gap, and the look-alikes that are not. */
class CompletenessGapsTest {

    private static CaseRecord c(String number, String department, String accepted) {
        return new CaseRecord(number, "I1", department, LocalDateTime.parse(accepted), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 2);
    }

    @Test
    void aGapIsTheMissingNumbersBetweenTwoSeenInOneDepartmentAndYear() {
        List<CompletenessFact> gaps = CompletenessStage.gaps(List.of(c("D01-2026-000116", "D01", "2026-03-02T09:00"),
                c("D01-2026-000120", "D01", "2026-03-03T09:00"), c("D01-2026-000121", "D01", "2026-03-03T10:00")));
        assertThat(gaps).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(CompletenessFact.Kind.CASE_NUMBER_GAP);
            assertThat(g.department()).isEqualTo("D01");
            assertThat(g.count()).isEqualTo(3);
            assertThat(g.detail()).isEqualTo("D01-2026-000117…D01-2026-000119");
            assertThat(g.factDate()).hasToString("2026-12-31");
        });
    }

    @Test
    void lookAlikesAreNotGaps() {
        List<CaseRecord> cases = List.of(
                // a sequence that restarts with the year
                c("D01-2025-000999", "D01", "2025-12-30T09:00"), c("D01-2026-000001", "D01", "2026-01-04T09:00"),
                // the same numbers in two departments, each sequence complete
                c("D02-2026-000001", "D02", "2026-01-05T09:00"), c("D03-2026-000002", "D03", "2026-01-05T09:00"),
                // two prefixes of one department (window and online series)
                c("D04-W-2026-000001", "D04", "2026-01-05T09:00"), c("D04-N-2026-000003", "D04", "2026-01-05T09:00"),
                // numbers given out of order
                c("D05-2026-000003", "D05", "2026-01-06T09:00"), c("D05-2026-000001", "D05", "2026-01-05T09:00"),
                c("D05-2026-000002", "D05", "2026-01-05T10:00"),
                // no trailing digits: nothing to compare
                c("D06-ABC", "D06", "2026-01-05T09:00"));
        assertThat(CompletenessStage.gaps(cases)).isEmpty();
    }

    @Test
    void withoutAYearInTheNumberTheAcceptanceYearSeparatesSequences() {
        assertThat(CompletenessStage.gaps(List.of(c("A000009", "D01", "2025-12-31T09:00"), c("A000001", "D01", "2026-01-04T09:00"),
                c("A000003", "D01", "2026-01-05T09:00")))).singleElement()
                .satisfies(g -> assertThat(g.detail()).isEqualTo("A000002"));
    }

    /** Exhaustive over every set of numbers in 1..10: the gaps are exactly the numbers missing between min and max. */
    @Test
    void everySubsetOfTenNumbers() {
        for (int mask = 1; mask < 1 << 10; mask++) {
            List<CaseRecord> cases = new ArrayList<>();
            List<Integer> present = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                if ((mask & 1 << i) != 0) {
                    present.add(i + 1);
                    cases.add(c(String.format("D01-2026-%06d", i + 1), "D01", "2026-03-02T09:00"));
                }
            }
            long expected = present.get(present.size() - 1) - present.get(0) + 1 - present.size();
            List<CompletenessFact> gaps = CompletenessStage.gaps(cases);
            assertThat(gaps.stream().mapToLong(CompletenessFact::count).sum()).as("mask %s", mask).isEqualTo(expected);
            for (CompletenessFact g : gaps) {
                String first = g.detail().split("…")[0];
                int from = Integer.parseInt(first.substring(first.length() - 6));
                for (int k = 0; k < g.count(); k++) {
                    assertThat(present).as("mask %s", mask).doesNotContain(from + k);
                }
                assertThat(present).contains(from - 1, (int) (from + g.count()));
            }
        }
    }
}
