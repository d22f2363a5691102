package org.approvalrules.api.intake;

import java.util.List;
import org.approvalrules.api.InvalidValueException;

/**
 * What a scan of intake logs is checked against, known before the first record: the move-in register (required),
 * and optionally the results issued ({@code results.csv}, for 体外循环 and 前店后厂), the steps of cases
 * ({@code steps.csv}, for 前店后厂) and the approved channels ({@code channels.csv}). An empty list means "not
 * given": the rules that need it make no finding. Immutable.
 *
 * @param moves the move-in register (事项进驻清单), one entry per item
 * @param results results and certificates issued
 * @param steps steps of cases
 * @param channels approved branch centres and online portals (in addition to parameter {@code intake.branch-centres})
 */
public record IntakeRegisters(List<ItemMove> moves, List<ResultRecord> results, List<StepRecord> steps,
        List<ApprovedChannel> channels) {

    public IntakeRegisters {
        moves = List.copyOf(InvalidValueException.requireNonNull(moves, "moves"));
        results = List.copyOf(InvalidValueException.requireNonNull(results, "results"));
        steps = List.copyOf(InvalidValueException.requireNonNull(steps, "steps"));
        channels = List.copyOf(InvalidValueException.requireNonNull(channels, "channels"));
    }

    /** The move-in register alone. */
    public static IntakeRegisters of(List<ItemMove> moves) {
        return new IntakeRegisters(moves, List.of(), List.of(), List.of());
    }
}
