package org.approvalrules.api.deadline;

import java.util.List;
import java.util.stream.Collectors;
import org.approvalrules.api.InvalidValueException;

/**
 * The explanation of a deadline result, step by step, for a supervisor: the start rule, the days
 * skipped and why, each suspension and extension with its article, each due date, the status and the
 * thresholds used. {@code toString()} is one readable line per step. Immutable and thread-safe.
 *
 * @param steps the steps in order
 */
public record DeadlineTrace(List<TraceStep> steps) {

    public DeadlineTrace {
        InvalidValueException.requireNonNull(steps, "steps");
        steps = List.copyOf(steps);
    }

    /** The steps of one kind. */
    public List<TraceStep> steps(TraceStep.Kind kind) {
        return steps.stream().filter(s -> s.kind() == kind).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return steps.stream().map(TraceStep::toString).collect(Collectors.joining("\n"));
    }
}
