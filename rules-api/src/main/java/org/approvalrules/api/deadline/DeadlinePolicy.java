package org.approvalrules.api.deadline;

import java.util.EnumSet;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.approvalrules.api.InvalidValueException;

/**
 * A locality's deadline parameters (a plain record so that rule packs can build it from dated
 * parameters). Immutable and thread-safe.
 *
 * @param afterHoursFromNextWorkingDay acceptance after office hours or on a non-working day is
 *     treated as acceptance on the next working day, so counting starts the day after that
 *     (default on; DOMAIN.md §3, a local practice); acceptance before opening on a working day is
 *     treated as acceptance at opening that same day
 * @param correction what a correction after acceptance does: PAUSE or RESTART
 * @param yellowRemainingWorkingDays yellow card when at most this many working days remain (empty: not used)
 * @param yellowRemainingShare yellow card when at most this share (0..1) of the limit remains (empty: not used)
 * @param localProcedureKinds procedure kinds beyond Art. 45 that this locality lets stop the clock
 *     (e.g. {@link ProcedureKind#ON_SITE_SURVEY}); Art. 45 kinds always stop it, CORRECTION follows
 *     {@code correction}; any other kind is not deducted and produces a finding
 */
public record DeadlinePolicy(boolean afterHoursFromNextWorkingDay, CorrectionPolicy correction,
        OptionalInt yellowRemainingWorkingDays, OptionalDouble yellowRemainingShare, Set<ProcedureKind> localProcedureKinds) {

    /** The Art. 45 kinds as an enum set, for {@link #stopsClock} (a bit test; never handed out). */
    private static final EnumSet<ProcedureKind> ART_45 = EnumSet.of(ProcedureKind.HEARING, ProcedureKind.BIDDING,
            ProcedureKind.AUCTION, ProcedureKind.INSPECTION, ProcedureKind.TESTING, ProcedureKind.QUARANTINE,
            ProcedureKind.APPRAISAL, ProcedureKind.EXPERT_REVIEW);

    /** The Art. 45 kinds: always stop the clock. */
    public static final Set<ProcedureKind> ART_45_KINDS = Set.copyOf(ART_45);

    /** Defaults: after-hours rule on, PAUSE, yellow at ≤ 3 working days or ≤ 20 % remaining, on-site survey stops the clock. */
    public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(true, CorrectionPolicy.PAUSE, OptionalInt.of(3),
            OptionalDouble.of(0.2), Set.of(ProcedureKind.ON_SITE_SURVEY));

    public DeadlinePolicy {
        InvalidValueException.requireNonNull(correction, "policy.correction");
        InvalidValueException.requireNonNull(yellowRemainingWorkingDays, "policy.yellowRemainingWorkingDays");
        InvalidValueException.requireNonNull(yellowRemainingShare, "policy.yellowRemainingShare");
        InvalidValueException.requireNonNull(localProcedureKinds, "policy.localProcedureKinds");
        localProcedureKinds = Set.copyOf(localProcedureKinds);
        if (yellowRemainingWorkingDays.isPresent() && (yellowRemainingWorkingDays.getAsInt() < 0
                || yellowRemainingWorkingDays.getAsInt() > 365)) {
            throw new InvalidValueException("policy.yellowRemainingWorkingDays", yellowRemainingWorkingDays.getAsInt(),
                    "黄牌剩余工作日阈值须在0到365之间 / must be 0..365");
        }
        if (yellowRemainingShare.isPresent() && !(yellowRemainingShare.getAsDouble() >= 0
                && yellowRemainingShare.getAsDouble() <= 1)) {
            throw new InvalidValueException("policy.yellowRemainingShare", yellowRemainingShare.getAsDouble(),
                    "黄牌剩余比例阈值须在0到1之间 / must be between 0 and 1");
        }
        if (localProcedureKinds.contains(ProcedureKind.CORRECTION)) {
            throw new InvalidValueException("policy.localProcedureKinds", ProcedureKind.CORRECTION,
                    "补正由 correction 参数决定 / CORRECTION is governed by the correction policy");
        }
    }

    /** Whether a procedure of {@code kind} (other than CORRECTION) stops the clock under this policy. */
    public boolean stopsClock(ProcedureKind kind) {
        return ART_45.contains(kind) || localProcedureKinds.contains(kind);
    }

    /** A copy with another correction policy. */
    public DeadlinePolicy withCorrection(CorrectionPolicy c) {
        return new DeadlinePolicy(afterHoursFromNextWorkingDay, c, yellowRemainingWorkingDays, yellowRemainingShare,
                localProcedureKinds);
    }

    /** A copy with the after-hours rule on or off. */
    public DeadlinePolicy withAfterHoursFromNextWorkingDay(boolean on) {
        return new DeadlinePolicy(on, correction, yellowRemainingWorkingDays, yellowRemainingShare, localProcedureKinds);
    }

    /** A copy with other yellow thresholds. */
    public DeadlinePolicy withYellow(OptionalInt days, OptionalDouble share) {
        return new DeadlinePolicy(afterHoursFromNextWorkingDay, correction, days, share, localProcedureKinds);
    }
}
