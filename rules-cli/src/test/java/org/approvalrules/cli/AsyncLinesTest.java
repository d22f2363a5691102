package org.approvalrules.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines written on another thread arrive whole, in order, and an error of the writer reaches the producer. */
class AsyncLinesTest {

    @Test
    void everyLineIsWrittenInOrderOnTheWritingThread() {
        for (int n : new int[] {0, 1, AsyncLines.CHUNK - 1, AsyncLines.CHUNK, AsyncLines.CHUNK * AsyncLines.CHUNKS * 3 + 7}) {
            List<String> written = new ArrayList<>();
            List<String> threads = new ArrayList<>();
            try (AsyncLines lines = new AsyncLines(l -> {
                written.add(l);
                if (threads.isEmpty()) {
                    threads.add(Thread.currentThread().getName());
                }
            }, "test-write")) {
                for (int i = 0; i < n; i++) {
                    lines.accept("line " + i);
                }
            }
            assertThat(written).as("%d lines", n).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(written.get(i)).isEqualTo("line " + i);
            }
            if (n > 0) {
                assertThat(threads).containsExactly("test-write");
            }
        }
    }

    @Test
    void anErrorOfTheWriterIsThrownToTheProducer() {
        AsyncLines lines = new AsyncLines(l -> {
            if (l.equals("line 300")) {
                throw new IllegalStateException("disk full at " + l);
            }
        }, "test-write");
        assertThatThrownBy(() -> {
            try (lines) {
                for (int i = 0; i < 100_000; i++) {
                    lines.accept("line " + i);
                }
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("disk full at line 300");
    }
}
