package org.approvalrules.core.records;

import java.util.Objects;
import java.util.function.Consumer;
import org.approvalrules.api.DataFormatException;

/**
 * What a record reader does with a bad record. Record files (intake logs, deadline batches, and those to come) are
 * read to the end: in {@link Mode#CONTINUE} each bad record is handed to a sink as a {@link Reject} (line, field,
 * reason; never the line itself) and counted, and the reader goes on; in {@link Mode#STRICT} the first bad record's
 * {@link DataFormatException} is thrown. Configuration files (packs, parameters, calendars) do not use this: they
 * are always strict.
 *
 * <p>Not thread-safe: one per read.
 */
public final class Rejects {

    /** Stop at the first bad record, or continue and collect. */
    public enum Mode { STRICT, CONTINUE }

    private final Mode mode;
    private final Consumer<Reject> sink;
    private long count;

    private Rejects(Mode mode, Consumer<Reject> sink) {
        this.mode = mode;
        this.sink = sink;
    }

    /** The first bad record stops the read with its error. */
    public static Rejects strict() {
        return new Rejects(Mode.STRICT, r -> {
            throw new IllegalStateException("strict rejects never reach the sink");
        });
    }

    /** Bad records go to {@code sink}, counted, and the read continues. */
    public static Rejects continuing(Consumer<Reject> sink) {
        return new Rejects(Mode.CONTINUE, Objects.requireNonNull(sink, "sink"));
    }

    /** The mode. */
    public Mode mode() {
        return mode;
    }

    /**
     * Deals with one bad record: throws {@code e} when strict, else hands its file, line, field and reason (not its
     * value) to the sink.
     */
    public void reject(DataFormatException e) {
        if (mode == Mode.STRICT) {
            throw e;
        }
        count++;
        sink.accept(new Reject(e.file() == null ? "<input>" : e.file(), Math.max(0, e.line()), e.field().orElse(null),
                e.reason() == null ? e.getMessage() : e.reason()));
    }

    /** Records rejected so far. */
    public long count() {
        return count;
    }
}
