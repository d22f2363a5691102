package org.approvalrules.core.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.approvalrules.core.csv.CsvRow;

/**
 * The rows of a source read ahead on a second thread (the CSV lexing, decoding and splitting of a log line), in
 * chunks of {@value #CHUNK} rows with at most {@value #CHUNKS} chunks waiting, while the calling thread parses and
 * scans the rows before them: the rows and an error stopping the source come out in the source's order, exactly as
 * reading the source on the calling thread would give them. For one consumer thread; {@link #close} stops the
 * reader and waits for it.
 */
final class RowPipe implements AutoCloseable {

    static final int CHUNK = 512;
    static final int CHUNKS = 8;

    /** The end of the source, or the error that stopped it. */
    private record End(Throwable error) {
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    private volatile boolean stopped;
    private List<CsvRow> chunk = List.of();
    private int at;
    private End end;

    /** Starts reading {@code source} (null at its end) on a daemon thread. */
    RowPipe(Supplier<CsvRow> source, String name) {
        reader = new Thread(() -> read(source), "intake-read-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(Supplier<CsvRow> source) {
        List<CsvRow> rows = new ArrayList<>(CHUNK);
        Object last;
        try {
            for (CsvRow r = source.get(); r != null && !stopped; r = source.get()) {
                rows.add(r);
                if (rows.size() == CHUNK) {
                    put(rows);
                    rows = new ArrayList<>(CHUNK);
                }
            }
            last = new End(null);
        } catch (RuntimeException | Error e) {
            last = new End(e); // after the rows read before it
        } catch (InterruptedException e) {
            return; // closed
        }
        try {
            if (!rows.isEmpty()) {
                put(rows);
            }
            put(last);
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void put(Object o) throws InterruptedException {
        while (!stopped) {
            if (queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new InterruptedException();
    }

    /** The next row, null at the end; throws the source's error where the source threw it. */
    @SuppressWarnings("unchecked")
    CsvRow next() {
        while (at == chunk.size()) {
            if (end != null) {
                if (end.error() instanceof RuntimeException e) {
                    throw e;
                }
                if (end.error() instanceof Error e) {
                    throw e;
                }
                return null;
            }
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading an intake log", e);
            }
            if (o instanceof End e) {
                end = e;
            } else {
                chunk = (List<CsvRow>) o;
                at = 0;
            }
        }
        return chunk.get(at++);
    }

    @Override
    public void close() {
        stopped = true;
        queue.clear();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
