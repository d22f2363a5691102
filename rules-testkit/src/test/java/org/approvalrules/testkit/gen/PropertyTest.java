package org.approvalrules.testkit.gen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.approvalrules.testkit.junit.PropertySeed;
import org.junit.jupiter.api.Test;

class PropertyTest {

    @Test
    void failingPropertyIsMinimisedAndNamesItsSeed() {
        PropertyFailure f = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(Gen.ints(0, 1000)).seed(7L).holds("below 50", x -> x < 50));
        assertThat(f.minimised()).isEqualTo(50);
        assertThat(f.seed()).isEqualTo(7L);
        assertThat(f.getMessage()).contains("-Dapprovalrules.seed=7").contains("minimised counterexample").contains(": 50");
    }

    @Test
    void listsShrinkToTheSmallestFailingList() {
        PropertyFailure f = catchThrowableOfType(PropertyFailure.class, () -> Property.forAll(Gen.listOf(Gen.ints(0, 100), 0, 20))
                .seed(3L).holds("sum below 100", l -> l.stream().mapToInt(Integer::intValue).sum() < 100));
        // greedy shrinking ends in a local minimum: every one-step simplification passes
        @SuppressWarnings("unchecked")
        List<Integer> min = (List<Integer>) f.minimised();
        assertThat(min.stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(min.size()).isLessThanOrEqualTo(((List<?>) f.original()).size());
    }

    @Test
    void sameSeedSameValues() {
        Gen<List<Integer>> g = Gen.listOf(Gen.ints(-5, 5), 1, 8);
        List<List<Integer>> a = new ArrayList<>();
        List<List<Integer>> b = new ArrayList<>();
        Property.forAll(g).seed(99L).tries(50).check("collect", a::add);
        Property.forAll(g).seed(99L).tries(50).check("collect", b::add);
        assertThat(a).isEqualTo(b).hasSize(50);
        assertThat(g.generate(5L)).isEqualTo(g.generate(5L));
    }

    @Test
    void zipAndMapShrinkBothSides() {
        Gen<int[]> pairs = Gen.zip(Gen.ints(0, 500), Gen.ints(0, 500), (x, y) -> new int[] {x, y});
        PropertyFailure f = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(pairs.map(p -> List.of(p[0], p[1]))).seed(11L)
                        .holds("x + y < 300", p -> p.get(0) + p.get(1) < 300));
        @SuppressWarnings("unchecked")
        List<Integer> min = (List<Integer>) f.minimised();
        assertThat(min.get(0) + min.get(1)).isEqualTo(300);
    }

    @Test
    void flatMapShrinksTheOuterValue() {
        Gen<List<Integer>> g = Gen.ints(1, 50).flatMap(n -> Gen.listOf(Gen.constant(n), n, n));
        PropertyFailure f = catchThrowableOfType(PropertyFailure.class,
                () -> Property.forAll(g).seed(5L).holds("short", l -> l.size() < 10));
        assertThat((List<?>) f.minimised()).hasSize(10);
    }

    @Test
    @PropertySeed(4242L)
    void annotationFixesTheSeed() {
        assertThat(Property.forAll(Gen.ints(0, 1)).effectiveSeed()).isEqualTo(4242L);
    }

    @Test
    void systemPropertyOrDefaultSeed() {
        String old = System.getProperty(Property.SEED_PROPERTY);
        try {
            System.setProperty(Property.SEED_PROPERTY, "123");
            assertThat(Property.forAll(Gen.ints(0, 1)).effectiveSeed()).isEqualTo(123L);
            System.clearProperty(Property.SEED_PROPERTY);
            assertThat(Property.forAll(Gen.ints(0, 1)).effectiveSeed()).isEqualTo(Property.DEFAULT_SEED);
        } finally {
            if (old != null) {
                System.setProperty(Property.SEED_PROPERTY, old);
            }
        }
    }

    @Test
    void filterThatNeverMatchesSaysSo() {
        assertThatThrownBy(() -> Gen.ints(0, 10).filter(x -> x > 10).generate(1L)).hasMessageContaining("filter");
    }
}
