package org.approvalrules.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Lines handed to a thread of their own, which writes them with {@code write} in the order given: the thread that
 * makes the lines (the merge of a scan's findings) goes on while the other masks, encodes and writes them. Lines
 * travel in chunks of {@value #CHUNK}, at most {@value #CHUNKS} chunks waiting. An error of {@code write} stops the
 * writing and is thrown (once) by the next {@link #accept} or by {@link #close}; {@link #close} writes what is left
 * and waits for it. For one producing thread.
 */
public final class AsyncLines implements Consumer<String>, AutoCloseable {

    static final int CHUNK = 256;
    static final int CHUNKS = 16;
    private static final List<String> END = List.of();

    private final BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread writer;
    private volatile Throwable failed;
    private List<String> chunk = new ArrayList<>(CHUNK);
    private boolean closed;
    private boolean thrown;

    /** Starts the writing thread, named {@code name}. */
    public AsyncLines(Consumer<String> write, String name) {
        writer = new Thread(() -> {
            try {
                for (List<String> c = queue.take(); c != END; c = queue.take()) {
                    c.forEach(write);
                }
            } catch (InterruptedException e) {
                failed = e;
            } catch (RuntimeException | Error e) {
                failed = e;
                queue.clear(); // let a producer waiting for room see the error
            }
        }, name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(String line) {
        chunk.add(line);
        if (chunk.size() == CHUNK) {
            put(chunk);
            chunk = new ArrayList<>(CHUNK);
        }
    }

    private void put(List<String> c) {
        try {
            while (!queue.offer(c, 50, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (!writer.isAlive()) {
                    throw new IllegalStateException("the writing thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        }
        rethrow();
    }

    private void rethrow() {
        Throwable e = failed;
        if (e == null || thrown) {
            return;
        }
        thrown = true; // once: close() after a failed accept() must not throw it again (a try-with-resources would
                       // add it to itself as suppressed)
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
        throw new IllegalStateException("interrupted while writing", e);
    }

    /** Writes the lines left and waits for the writing thread; throws its error, if any. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failed == null) {
                if (!chunk.isEmpty()) {
                    put(chunk);
                }
                put(END);
            }
        } finally {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                writer.interrupt();
            }
        }
        rethrow();
    }
}
