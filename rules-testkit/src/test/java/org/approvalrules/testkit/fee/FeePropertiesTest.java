package org.approvalrules.testkit.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.fee.ApplicantCategory;
import org.approvalrules.api.fee.ExemptionEvidence;
import org.approvalrules.api.fee.FeeAssessment;
import org.approvalrules.api.fee.FeeBand;
import org.approvalrules.api.fee.FeeComponent;
import org.approvalrules.api.fee.FeeExemption;
import org.approvalrules.api.fee.FeeFormula;
import org.approvalrules.api.fee.FeeRequest;
import org.approvalrules.api.fee.FeeSchedule;
import org.approvalrules.api.fee.FeeStandard;
import org.approvalrules.api.fee.QuantityKind;
import org.approvalrules.api.fee.SteppedTail;
import org.approvalrules.api.money.Money;
import org.approvalrules.core.fee.FeeCalculator;
import org.approvalrules.testkit.gen.Gen;
import org.approvalrules.testkit.gen.Property;
import org.junit.jupiter.api.Test;

/**
 * Properties of progressive fees over generated band tables (rates in whole fen, contiguous bands, an
 * optional stepped tail): monotone in the count, equal to a naive unit-by-unit recount, whole fen, and
 * zero where exempt.
 */
class FeePropertiesTest {

    /** A formula: 1–4 contiguous bands with rates 0..500.00 in fen, then an open band or a stepped tail. */
    static final Gen<FeeFormula.ProgressiveBands> FORMULAS = Gen.listOf(
            Gen.zip(Gen.ints(1, 60), Gen.longs(0, 50_000), (w, fen) -> new long[] {w, fen}), 1, 4)
            .flatMap(widths -> Gen.zip(Gen.booleans(),
                    Gen.zip(Gen.ints(1, 15), Gen.zip(Gen.longs(0, 50_000), Gen.longs(0, 20_000), (a, b) -> new long[] {a, b}),
                            (w, r) -> new long[] {w, r[0], r[1]}),
                    (stepped, tail) -> formula(widths, stepped, tail)));

    static FeeFormula.ProgressiveBands formula(List<long[]> widths, boolean stepped, long[] tail) {
        List<FeeBand> bands = new ArrayList<>();
        int from = 1;
        for (int i = 0; i < widths.size(); i++) {
            long[] w = widths.get(i);
            boolean last = i == widths.size() - 1;
            if (last && !stepped) {
                bands.add(FeeBand.from(from, Money.ofFen(w[1])));
            } else {
                bands.add(FeeBand.of(from, from + (int) w[0] - 1, Money.ofFen(w[1])));
                from += (int) w[0];
            }
        }
        return stepped ? FeeFormula.ProgressiveBands.of(bands, new SteppedTail(from, (int) tail[0], Money.ofFen(tail[1]),
                Money.ofFen(tail[2]))) : FeeFormula.ProgressiveBands.of(bands.toArray(FeeBand[]::new));
    }

    /** The naive model: price every unit on its own, by finding its band. */
    static long naiveFen(FeeFormula.ProgressiveBands f, int quantity) {
        long sum = 0;
        for (int u = 1; u <= quantity; u++) {
            sum += rateFen(f, u);
        }
        return sum;
    }

    static long rateFen(FeeFormula.ProgressiveBands f, int unit) {
        for (FeeBand b : f.bands()) {
            if (unit >= b.from() && unit <= b.to()) {
                return b.rate().fen();
            }
        }
        SteppedTail t = f.tail().orElseThrow();
        long k = (unit - t.from()) / t.width();
        return t.firstRate().fen() + k * t.increment().fen();
    }

    record Case(FeeFormula.ProgressiveBands formula, int quantity) {
    }

    static final Gen<Case> CASES = FORMULAS.flatMap(f -> Gen.ints(0, 400).map(q -> new Case(f, q)));

    @Test
    void equalsTheNaiveUnitByUnitRecount() {
        Property.forAll(CASES).holds("band sum = unit-by-unit sum",
                c -> FeeCalculator.amount(c.formula(), c.quantity()).fen() == naiveFen(c.formula(), c.quantity()));
    }

    @Test
    void isMonotoneNonDecreasingInTheCount() {
        Property.forAll(CASES).holds("fee(q) <= fee(q + 1)", c -> FeeCalculator.amount(c.formula(), c.quantity())
                .compareTo(FeeCalculator.amount(c.formula(), c.quantity() + 1)) <= 0);
    }

    @Test
    void isAlwaysWholeFenAndTheLinesCoverEachUnitOnce() {
        Property.forAll(CASES).check("whole fen, lines cover 1..q", c -> {
            List<FeeBand> bands = FeeCalculator.bands(c.formula(), c.quantity());
            assertThat(FeeCalculator.amount(c.formula(), c.quantity()).yuanAmount().scale()).isEqualTo(2);
            int next = 1;
            for (FeeBand b : bands) {
                assertThat(b.from()).isEqualTo(next);
                next = b.to() + 1;
            }
            assertThat(next - 1).isEqualTo(c.quantity());
        });
    }

    @Test
    void exemptMeansZeroForTheExemptedStandardAndGrossUnchanged() {
        Property.forAll(CASES).check("exempt => due 0, gross = standard", c -> {
            FeeStandard s = new FeeStandard("gen.fee", BilingualText.of("生成", "generated"), "测试依据",
                    List.of(new FeeComponent("pages", BilingualText.of("页", "pages"), QuantityKind.PAGES, c.formula())),
                    Optional.empty(), "000000", Map.of());
            FeeExemption e = new FeeExemption("gen-exempt", BilingualText.of("免", "exempt"), "测试减免",
                    Set.of(ApplicantCategory.SMALL_MICRO_ENTERPRISE), Set.of(ExemptionEvidence.WRITTEN_PLEDGE),
                    Set.of("gen.fee"), "000000", Map.of());
            FeeCalculator calc = new FeeCalculator(new FeeSchedule() {
                @Override
                public Optional<FeeStandard> standard(String id, LocalDate date) {
                    return Optional.of(s).filter(x -> x.id().equals(id));
                }

                @Override
                public List<FeeExemption> exemptions(LocalDate date) {
                    return List.of(e);
                }

                @Override
                public String version() {
                    return "gen";
                }
            });
            FeeRequest r = FeeRequest.of("gen.fee", Map.of(QuantityKind.PAGES, c.quantity()), LocalDate.of(2024, 1, 1));
            FeeAssessment paid = calc.assess(r);
            FeeAssessment exempt = calc.assess(r.by(ApplicantCategory.SMALL_MICRO_ENTERPRISE, ExemptionEvidence.WRITTEN_PLEDGE));
            assertThat(paid.due()).isEqualTo(FeeCalculator.amount(c.formula(), c.quantity()));
            assertThat(exempt.due()).isEqualTo(Money.ZERO);
            assertThat(exempt.gross()).isEqualTo(paid.due());
            assertThat(exempt.exempted()).isEqualTo(paid.due());
            assertThat(exempt.lines()).allSatisfy(l -> assertThat(l.exemptionCode()).contains("gen-exempt"));
        });
    }

    @Test
    void theTextFormOfEveryGeneratedFormulaParsesBack() {
        Property.forAll(FORMULAS).holds("parse(entries) == formula",
                f -> FeeFormula.ProgressiveBands.parse(f.entries()).equals(f));
    }

    /** A request of {@code quantity} units after {@code prior} earlier ones in the month. */
    record MonthCase(FeeFormula.ProgressiveBands formula, int prior, int quantity) {
    }

    static final Gen<MonthCase> MONTH_CASES = FORMULAS.flatMap(f -> Gen.zip(Gen.ints(0, 300), Gen.ints(0, 60),
            (p, q) -> new MonthCase(f, p, q)));

    @Test
    void aRequestAfterEarlierOnesIsDueItsOwnUnitsOnlyNeverNegativeAndWholeFen() {
        Property.forAll(MONTH_CASES).check("due(prior, q) = total(prior + q) - total(prior) >= 0, whole fen", c -> {
            Money due = FeeCalculator.amount(c.formula(), c.prior(), c.quantity());
            assertThat(due.isNegative()).isFalse();
            assertThat(due.yuanAmount().scale()).isEqualTo(2);
            assertThat(due).isEqualTo(FeeCalculator.amount(c.formula(), c.prior() + c.quantity())
                    .minus(FeeCalculator.amount(c.formula(), c.prior())));
            long naive = 0;
            for (int u = c.prior() + 1; u <= c.prior() + c.quantity(); u++) {
                naive += rateFen(c.formula(), u);
            }
            assertThat(due.fen()).isEqualTo(naive);
        });
    }

    @Test
    void isMonotoneInTheQuantityAndInThePriorRequestsWhenRatesRise() {
        // with rates that never fall from band to band (as 国办函〔2020〕109号's), a later request never costs less
        Gen<MonthCase> rising = MONTH_CASES.map(c -> new MonthCase(rising(c.formula()), c.prior(), c.quantity()));
        Property.forAll(rising).check("due(prior, q) <= due(prior, q + 1) and <= due(prior + 1, q)", c -> {
            Money due = FeeCalculator.amount(c.formula(), c.prior(), c.quantity());
            assertThat(due.compareTo(FeeCalculator.amount(c.formula(), c.prior(), c.quantity() + 1))).isLessThanOrEqualTo(0);
            assertThat(due.compareTo(FeeCalculator.amount(c.formula(), c.prior() + 1, c.quantity()))).isLessThanOrEqualTo(0);
        });
        Property.forAll(MONTH_CASES).holds("more units after the same prior never cost less, whatever the rates",
                c -> FeeCalculator.amount(c.formula(), c.prior(), c.quantity())
                        .compareTo(FeeCalculator.amount(c.formula(), c.prior(), c.quantity() + 1)) <= 0);
    }

    /** The same bands with their rates sorted so that they never fall, the tail starting at the last band's rate or more. */
    static FeeFormula.ProgressiveBands rising(FeeFormula.ProgressiveBands f) {
        List<Money> rates = new ArrayList<>(f.bands().stream().map(FeeBand::rate).sorted().toList());
        List<FeeBand> bands = new ArrayList<>();
        for (int i = 0; i < f.bands().size(); i++) {
            FeeBand b = f.bands().get(i);
            bands.add(new FeeBand(b.from(), b.to(), rates.get(i)));
        }
        Money top = rates.get(rates.size() - 1);
        return new FeeFormula.ProgressiveBands(bands, f.tail().map(t -> new SteppedTail(t.from(), t.width(),
                t.firstRate().compareTo(top) < 0 ? top : t.firstRate(), t.increment())));
    }
}
