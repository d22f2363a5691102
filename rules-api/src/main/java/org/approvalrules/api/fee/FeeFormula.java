package org.approvalrules.api.fee;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.money.Money;

/**
 * How one component of a fee standard turns a quantity into an amount. Three shapes cover the published
 * standards: {@link FixedPerUnit} (不动产登记费 80 元/件), {@link FirstFreeThenEach} (证书工本费: the first
 * certificate free, each further one 10 元) and {@link ProgressiveBands} (信息处理费 by request or by page).
 * All amounts are whole fen; the arithmetic is done by {@code org.approvalrules.core.fee.FeeCalculator}.
 */
public sealed interface FeeFormula permits FeeFormula.FixedPerUnit, FeeFormula.FirstFreeThenEach,
        FeeFormula.ProgressiveBands {

    /** Whether the formula charges nothing for any quantity. */
    boolean isFree();

    /**
     * Every unit costs {@code perUnit}. Immutable and thread-safe.
     *
     * @param perUnit the rate, not negative
     */
    record FixedPerUnit(Money perUnit) implements FeeFormula {
        public FixedPerUnit {
            InvalidValueException.requireNonNull(perUnit, "formula.perUnit");
            if (perUnit.isNegative()) {
                throw new InvalidValueException("formula.perUnit", perUnit, "单价不能为负 / a rate must not be negative");
            }
        }

        @Override
        public boolean isFree() {
            return perUnit.isZero();
        }

        @Override
        public String toString() {
            return perUnit + "/unit";
        }
    }

    /**
     * The first {@code freeUnits} units are free, each further one costs {@code each}. Immutable and thread-safe.
     *
     * @param freeUnits how many units are free, not negative
     * @param each the rate of each further unit, not negative
     */
    record FirstFreeThenEach(int freeUnits, Money each) implements FeeFormula {
        public FirstFreeThenEach {
            InvalidValueException.requireNonNull(each, "formula.each");
            if (freeUnits < 0) {
                throw new InvalidValueException("formula.freeUnits", freeUnits, "免费数量不能为负 / free units must not be negative");
            }
            if (each.isNegative()) {
                throw new InvalidValueException("formula.each", each, "单价不能为负 / a rate must not be negative");
            }
        }

        @Override
        public boolean isFree() {
            return each.isZero();
        }

        @Override
        public String toString() {
            return "first " + freeUnits + " free, then " + each + " each";
        }
    }

    /**
     * Progressive bands (累进): units in each band cost that band's rate; after the last closed band, a
     * {@link SteppedTail} may continue without limit. Checked: at least one band; the bands are contiguous
     * from unit 1; only the last may be open; with a tail, the last band is closed and the tail starts
     * right after it; without one, the last band is open (every quantity has a price). Immutable and thread-safe.
     *
     * @param bands the bands in order
     * @param tail the rising open end, when the last band is closed
     * @param bases the document (and article) of each band, then of the tail, when the standard gives each band
     *     its own basis; empty when the standard's basis covers them all
     */
    record ProgressiveBands(List<FeeBand> bands, Optional<SteppedTail> tail, List<String> bases) implements FeeFormula {
        public ProgressiveBands {
            InvalidValueException.requireNonNull(bands, "formula.bands");
            InvalidValueException.requireNonNull(tail, "formula.tail");
            InvalidValueException.requireNonNull(bases, "formula.bases");
            bands = List.copyOf(bands);
            bases = List.copyOf(bases);
            int expected = bands.size() + (tail.isPresent() ? 1 : 0);
            if (!bases.isEmpty() && bases.size() != expected) {
                throw new InvalidValueException("formula.bases", bases.size(), "每档须有依据（" + expected + "项）/ one basis per band ("
                        + expected + ")");
            }
            for (int i = 0; i < bases.size(); i++) {
                if (bases.get(i) == null || bases.get(i).isBlank()) {
                    throw new InvalidValueException("formula.bases[" + i + "]", "", "档次缺少依据 / a band without a basis");
                }
            }
            if (bands.isEmpty()) {
                throw new InvalidValueException("formula.bands", bands, "至少需要一个档次 / at least one band is required");
            }
            int next = 1;
            for (int i = 0; i < bands.size(); i++) {
                FeeBand b = bands.get(i);
                if (b.from() != next) {
                    throw new InvalidValueException("formula.bands[" + i + "]", b,
                            "档次须从第" + next + "件（页）起连续 / bands must be contiguous, this one should start at " + next);
                }
                if (b.isOpen() && i < bands.size() - 1) {
                    throw new InvalidValueException("formula.bands[" + i + "]", b,
                            "只有最后一档可以不设上限 / only the last band may be open");
                }
                next = b.isOpen() ? FeeBand.OPEN : b.to() + 1;
            }
            FeeBand last = bands.get(bands.size() - 1);
            if (tail.isPresent()) {
                if (last.isOpen() || tail.get().from() != next) {
                    throw new InvalidValueException("formula.tail", tail.get(),
                            "递增档须紧接最后一个封闭档（从第" + next + "件起）/ the stepped tail must follow the last closed band"
                                    + " (start at " + next + ")");
                }
            } else if (!last.isOpen()) {
                throw new InvalidValueException("formula.bands", last, "最后一档须不设上限或后接递增档 / the last band must be open "
                        + "or be followed by a stepped tail");
            }
        }

        /** Bands without bases of their own. */
        public ProgressiveBands(List<FeeBand> bands, Optional<SteppedTail> tail) {
            this(bands, tail, List.of());
        }

        /** The basis of the band unit {@code unit} falls in, when the bands have bases of their own. */
        public Optional<String> basisOf(int unit) {
            if (bases.isEmpty()) {
                return Optional.empty();
            }
            for (int i = 0; i < bands.size(); i++) {
                if (unit >= bands.get(i).from() && unit <= bands.get(i).to()) {
                    return Optional.of(bases.get(i));
                }
            }
            return tail.isPresent() && unit >= tail.get().from() ? Optional.of(bases.get(bands.size())) : Optional.empty();
        }

        /** Bands ending in an open band. */
        public static ProgressiveBands of(FeeBand... bands) {
            return new ProgressiveBands(List.of(bands), Optional.empty());
        }

        /** Closed bands followed by a stepped tail. */
        public static ProgressiveBands of(List<FeeBand> bands, SteppedTail tail) {
            return new ProgressiveBands(bands, Optional.of(tail));
        }

        /**
         * Parses the text form, one band an entry ({@code "1-30:0", "31-100:10", "101-200:20", "201-:40"}),
         * the last entry optionally a stepped tail ({@code "31-:200+100/10"}).
         */
        public static ProgressiveBands parse(List<String> entries) {
            InvalidValueException.requireNonNull(entries, "formula.bands");
            List<FeeBand> bands = new ArrayList<>();
            Optional<SteppedTail> tail = Optional.empty();
            for (int i = 0; i < entries.size(); i++) {
                String e = entries.get(i);
                if (SteppedTail.looksLikeTail(e)) {
                    if (i != entries.size() - 1) {
                        throw new InvalidValueException("formula.bands[" + i + "]", e,
                                "递增档只能是最后一项 / a stepped tail must be the last entry");
                    }
                    tail = Optional.of(SteppedTail.parse(e));
                } else {
                    bands.add(FeeBand.parse(e));
                }
            }
            return new ProgressiveBands(bands, tail);
        }

        /** The text form, the inverse of {@link #parse(List)}. */
        public List<String> entries() {
            List<String> out = new ArrayList<>(bands.stream().map(FeeBand::toString).toList());
            tail.ifPresent(t -> out.add(t.toString()));
            return List.copyOf(out);
        }

        @Override
        public boolean isFree() {
            return tail.map(t -> t.firstRate().isZero() && t.increment().isZero()).orElse(true)
                    && bands.stream().allMatch(b -> b.rate().isZero());
        }

        @Override
        public String toString() {
            return "bands " + String.join(", ", entries());
        }
    }
}
