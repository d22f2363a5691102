package org.approvalrules.api.intake;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.approvalrules.api.applicant.ApplicantId;
import org.approvalrules.api.cases.AcceptanceChannel;
import org.approvalrules.api.finding.Finding;

/**
 * A scan of one intake log for two-end intake (两头受理, 明进暗不进), fed record by record in any order
 * and judged at {@link #finish()} by the locality's rules. For one thread.
 */
public interface IntakeScan {

    /**
     * Adds one record.
     *
     * @throws org.approvalrules.api.InvalidValueException naming the case when the record cannot be checked
     *     (e.g. no parameter value in force on its date)
     */
    void add(IntakeRecord record);

    /**
     * Adds one record given by its fields, checked as {@link IntakeRecord} checks them: the path of a reader that
     * need not build a record (and its time) per line. By default it builds the record and calls {@link #add}.
     *
     * @param channelName the channel's name, or null when none
     * @param localSecond the acceptance time (local time of the locality) as seconds from 1970-01-01T00:00
     * @param nano the nanoseconds of that second (0–999,999,999)
     * @throws org.approvalrules.api.InvalidValueException as {@link #add(IntakeRecord)}, or for an invalid field
     */
    default void add(String caseNumber, String itemCode, ApplicantId applicant, AcceptanceChannel channel,
            String channelName, long localSecond, int nano) {
        add(new IntakeRecord(caseNumber, itemCode, applicant, channel, Optional.ofNullable(channelName),
                LocalDateTime.ofEpochSecond(localSecond, nano, ZoneOffset.UTC)));
    }

    /** Records added so far. */
    long records();

    /**
     * Pairs the records, judges them and returns every finding, ordered by rule id, then subject. The scan
     * cannot be used afterwards. The list holds every finding at once: for logs of millions of records, use
     * {@link #finish(Consumer)}.
     */
    List<Finding> finish();

    /**
     * As {@link #finish()}, handing the findings to {@code sink} one at a time in the same order, without
     * holding them all (an implementation may keep them in temporary files). By default it calls {@link #finish()}.
     */
    default void finish(Consumer<Finding> sink) {
        finish().forEach(sink);
    }

    /**
     * As {@link #finish(Consumer)}, handing {@code sink} a text made of each finding by {@code text} (its line of
     * output, say) instead of the finding, in the same order. An implementation may call {@code text} on several
     * threads at once, while it judges (so {@code text} must be thread-safe, and nothing it does may depend on the
     * order of the calls); {@code sink} is called on the calling thread. By default it calls
     * {@link #finish(Consumer)}.
     */
    default void finish(Function<? super Finding, String> text, Consumer<String> sink) {
        finish(f -> sink.accept(text.apply(f)));
    }
}
