package org.approvalrules.core.kpi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.deadline.DeadlineInput;
import org.approvalrules.api.deadline.DeadlineResult;
import org.approvalrules.api.deadline.DeadlineStatus;
import org.approvalrules.api.deadline.LimitResult;
import org.approvalrules.api.deadline.LimitUnit;
import org.approvalrules.api.deadline.TimeLimit;

/**
 * Deadline KPIs over a set of evaluated cases, each with its numerator and denominator.
 * Immutable and thread-safe; computed by an {@link Accumulator} in one pass (O(1) memory apart from
 * a histogram of working days used).
 *
 * @param onTime 按时办结率: completed cases completed by their promised due instant (statutory when none
 *     is promised), suspensions deducted / completed cases
 * @param sameDayImmediate 即办件当日办结率: immediate cases completed on their acceptance date / completed immediate cases
 * @param onTheSpot 当场办结率: cases of any kind completed on their acceptance date / completed cases
 * @param meanWorkingDaysUsed 平均办理工作日: working days used (suspensions deducted) summed / completed cases
 * @param p90WorkingDaysUsed 90th percentile (nearest rank) of working days used by completed cases, empty when none
 * @param compression 承诺压缩比: promised working days summed / statutory working days summed, over cases
 *     whose both limits are in working days
 */
public record DeadlineKpis(Ratio onTime, Ratio sameDayImmediate, Ratio onTheSpot, Ratio meanWorkingDaysUsed,
        Optional<Integer> p90WorkingDaysUsed, Ratio compression) {

    public DeadlineKpis {
        InvalidValueException.requireNonNull(onTime, "onTime");
        InvalidValueException.requireNonNull(sameDayImmediate, "sameDayImmediate");
        InvalidValueException.requireNonNull(onTheSpot, "onTheSpot");
        InvalidValueException.requireNonNull(meanWorkingDaysUsed, "meanWorkingDaysUsed");
        InvalidValueException.requireNonNull(p90WorkingDaysUsed, "p90WorkingDaysUsed");
        InvalidValueException.requireNonNull(compression, "compression");
    }

    /** A fresh accumulator. */
    public static Accumulator accumulator() {
        return new Accumulator();
    }

    @Override
    public String toString() {
        return "按时办结率/on-time " + onTime + "; 即办件当日办结率/same-day immediate " + sameDayImmediate
                + "; 当场办结率/on-the-spot " + onTheSpot + "; 平均用时/mean working days " + meanWorkingDaysUsed
                + String.format(" = %.2f", meanWorkingDaysUsed.value()) + "; P90 " + p90WorkingDaysUsed.map(String::valueOf)
                        .orElse("—")
                + "; 承诺压缩比/promised÷statutory " + compression;
    }

    /**
     * Adds cases one at a time. Not thread-safe: use one per thread and {@link #merge} them.
     */
    public static final class Accumulator {
        private long completed;
        private long onTime;
        private long immediateCompleted;
        private long immediateSameDay;
        private long onTheSpot;
        private long usedSum;
        private long promisedSum;
        private long statutorySum;
        private long[] histogram = new long[64];

        private Accumulator() {
        }

        /** Adds one case: its input and its evaluation (the evaluation's as-of decides what is completed). */
        public Accumulator add(DeadlineInput input, DeadlineResult result) {
            TimeLimit statutory = input.statutory();
            if (input.promised().isPresent() && statutory.unit() == LimitUnit.WORKING_DAYS
                    && input.promised().get().unit() == LimitUnit.WORKING_DAYS) {
                promisedSum += input.promised().get().amount();
                statutorySum += statutory.amount();
            }
            LimitResult governing = result.governing();
            if (!governing.status().isCompleted()) {
                return this;
            }
            completed++;
            if (governing.status() == DeadlineStatus.COMPLETED_ON_TIME) {
                onTime++;
            }
            LocalDateTime done = input.completion().orElseThrow();
            LocalDate acceptedDay = input.accepted().toLocalDate();
            boolean sameDay = done.toLocalDate().equals(acceptedDay);
            if (statutory.unit() == LimitUnit.IMMEDIATE) {
                immediateCompleted++;
                if (sameDay) {
                    immediateSameDay++;
                }
            }
            if (sameDay) {
                onTheSpot++;
            }
            int used = Math.max(0, governing.elapsedWorkingDays());
            usedSum += used;
            if (used >= histogram.length) {
                histogram = Arrays.copyOf(histogram, Math.max(used + 1, histogram.length * 2));
            }
            histogram[used]++;
            return this;
        }

        /** Adds everything another accumulator has seen. */
        public Accumulator merge(Accumulator o) {
            completed += o.completed;
            onTime += o.onTime;
            immediateCompleted += o.immediateCompleted;
            immediateSameDay += o.immediateSameDay;
            onTheSpot += o.onTheSpot;
            usedSum += o.usedSum;
            promisedSum += o.promisedSum;
            statutorySum += o.statutorySum;
            if (o.histogram.length > histogram.length) {
                histogram = Arrays.copyOf(histogram, o.histogram.length);
            }
            for (int i = 0; i < o.histogram.length; i++) {
                histogram[i] += o.histogram[i];
            }
            return this;
        }

        /** The KPIs so far. */
        public DeadlineKpis result() {
            Optional<Integer> p90 = Optional.empty();
            if (completed > 0) {
                long rank = (long) Math.ceil(0.9 * completed); // nearest rank, 1-based
                long seen = 0;
                for (int i = 0; i < histogram.length; i++) {
                    seen += histogram[i];
                    if (seen >= rank) {
                        p90 = Optional.of(i);
                        break;
                    }
                }
            }
            return new DeadlineKpis(new Ratio(onTime, completed), new Ratio(immediateSameDay, immediateCompleted),
                    new Ratio(onTheSpot, completed), new Ratio(usedSum, completed), p90,
                    new Ratio(promisedSum, statutorySum));
        }
    }
}
