package org.approvalrules.core.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.core.csv.CsvRow;
import org.junit.jupiter.api.Test;

/** Rows read ahead on a second thread come out in the source's order, the source's error where it stopped. */
class RowPipeTest {

    @Test
    void everyRowInOrderThenTheEnd() {
        int n = RowPipe.CHUNK * (RowPipe.CHUNKS + 3) + 7; // more than the queue holds, and a partial chunk
        AtomicInteger made = new AtomicInteger();
        List<Integer> lines = new ArrayList<>();
        try (RowPipe pipe = new RowPipe(() -> made.get() < n ? row(made.incrementAndGet()) : null, "t")) {
            for (CsvRow r = pipe.next(); r != null; r = pipe.next()) {
                lines.add(r.line());
            }
            assertThat(pipe.next()).isNull();
        }
        assertThat(lines).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(lines.get(i)).isEqualTo(i + 1);
        }
    }

    @Test
    void theSourceErrorAfterTheRowsBeforeIt() {
        AtomicInteger made = new AtomicInteger();
        List<Integer> lines = new ArrayList<>();
        try (RowPipe pipe = new RowPipe(() -> {
            if (made.get() == 1000) {
                throw new DataFormatException("log.csv", 1001, null, null, "引号未闭合 / unclosed quote");
            }
            return row(made.incrementAndGet());
        }, "t")) {
            assertThatThrownBy(() -> {
                for (CsvRow r = pipe.next(); r != null; r = pipe.next()) {
                    lines.add(r.line());
                }
            }).isInstanceOf(DataFormatException.class).hasMessageContaining("unclosed quote");
        }
        assertThat(lines).hasSize(1000).endsWith(1000);
    }

    @Test
    void closingEarlyStopsTheReader() {
        AtomicInteger made = new AtomicInteger();
        try (RowPipe pipe = new RowPipe(() -> row(made.incrementAndGet()), "t")) { // an endless source
            assertThat(pipe.next().line()).isEqualTo(1);
        }
        int after = made.get();
        assertThat(after).as("the reader stopped, a bounded read-ahead").isLessThanOrEqualTo(RowPipe.CHUNK * (RowPipe.CHUNKS + 3));
    }

    private static CsvRow row(int line) {
        return new CsvRow("log.csv", line, List.of("GX-" + line));
    }
}
