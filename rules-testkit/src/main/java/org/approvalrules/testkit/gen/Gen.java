package org.approvalrules.testkit.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A seeded generator of test values that knows how to shrink them: {@link #sample(Random)} returns
 * the value and its simpler candidates, so a failing case can be reported minimised. No test
 * framework needed; run properties with {@link Property}. Implementations must draw all randomness
 * from the given {@link Random} so that a seed reproduces a run.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface Gen<T> {

    /** A value with its shrink candidates. */
    Shrinkable<T> sample(Random random);

    /** Just the value. */
    default T generate(Random random) {
        return sample(random).value();
    }

    /** Just the value, from a seed. */
    default T generate(long seed) {
        return generate(new Random(seed));
    }

    /** The simpler candidates of a value this generator produced from {@code seed}. */
    default Stream<T> shrink(long seed) {
        return sample(new Random(seed)).shrinks().map(Shrinkable::value);
    }

    /** Maps values (shrinking follows). */
    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return r -> sample(r).map(f);
    }

    /**
     * A generator depending on a value of this one. Shrinks the outer value (regenerating the inner
     * one from the same seed), then the inner one.
     */
    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> f) {
        return r -> {
            Shrinkable<T> outer = sample(r);
            long seed = r.nextLong();
            return bind(outer, f, seed);
        };
    }

    private static <T, R> Shrinkable<R> bind(Shrinkable<T> outer, Function<? super T, Gen<R>> f, long seed) {
        Shrinkable<R> inner = f.apply(outer.value()).sample(new Random(seed));
        return Shrinkable.of(inner.value(), () -> Stream.concat(outer.shrinks().map(o -> bind(o, f, seed)), inner.shrinks()));
    }

    /** Keeps values satisfying {@code p} (retries up to 1,000 times, then fails). */
    default Gen<T> filter(Predicate<? super T> p) {
        return r -> {
            for (int i = 0; i < 1000; i++) {
                Shrinkable<T> s = sample(r);
                if (p.test(s.value())) {
                    return s.filter(p);
                }
            }
            throw new IllegalStateException("filter rejected 1000 values in a row; generate valid values directly");
        };
    }

    /** Always {@code value}. */
    static <T> Gen<T> constant(T value) {
        return r -> Shrinkable.leaf(value);
    }

    /** Integers in [min, max], shrinking towards {@code min}. */
    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** Longs in [min, max], shrinking towards {@code min} (by halving the distance, then by one). */
    static Gen<Long> longs(long min, long max) {
        if (max < min) {
            throw new IllegalArgumentException("max < min: " + max + " < " + min);
        }
        return r -> shrinkLong(min + (long) Math.floor(r.nextDouble() * (max - min + 1)), min);
    }

    /** Longs in [min, max], shrinking towards {@code origin} (which must lie in the range). */
    static Gen<Long> longs(long min, long max, long origin) {
        if (max < min || origin < min || origin > max) {
            throw new IllegalArgumentException("need min <= origin <= max: " + min + ", " + origin + ", " + max);
        }
        return r -> shrinkLong(min + (long) Math.floor(r.nextDouble() * (max - min + 1)), origin);
    }

    private static Shrinkable<Long> shrinkLong(long v, long target) {
        return Shrinkable.of(v, () -> {
            if (v == target) {
                return Stream.empty();
            }
            long d = v - target;
            LongStream halves = LongStream.iterate(d, x -> x / 2).takeWhile(x -> x != 0).map(x -> v - x);
            return halves.boxed().distinct().map(c -> shrinkLong(c, target));
        });
    }

    /** Booleans, shrinking to {@code false}. */
    static Gen<Boolean> booleans() {
        return ints(0, 1).map(i -> i == 1);
    }

    /** One of the values, shrinking towards the first. */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        List<T> list = List.of(values);
        return ints(0, list.size() - 1).map(list::get);
    }

    /** One of the generators, shrinking towards the first. */
    @SafeVarargs
    @SuppressWarnings("unchecked")
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> list = List.of(gens);
        return ints(0, list.size() - 1).flatMap(i -> list.get(i).map(x -> (T) x));
    }

    /** Empty or a value (empty about one time in four), shrinking to empty first. */
    static <T> Gen<Optional<T>> optional(Gen<T> gen) {
        return r -> {
            if (r.nextInt(4) == 0) {
                return Shrinkable.leaf(Optional.empty());
            }
            Shrinkable<Optional<T>> s = gen.sample(r).map(Optional::of);
            return Shrinkable.of(s.value(), () -> Stream.concat(Stream.of(Shrinkable.leaf(Optional.<T>empty())), s.shrinks()));
        };
    }

    /** Pairs of independent values, shrinking the first then the second. */
    static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        return r -> zipShrinkable(a.sample(r), b.sample(r), f);
    }

    private static <A, B, R> Shrinkable<R> zipShrinkable(Shrinkable<A> a, Shrinkable<B> b,
            BiFunction<? super A, ? super B, ? extends R> f) {
        return Shrinkable.of(f.apply(a.value(), b.value()), () -> Stream.concat(
                a.shrinks().map(x -> zipShrinkable(x, b, f)), b.shrinks().map(y -> zipShrinkable(a, y, f))));
    }

    /** Lists of {@code minSize..maxSize} elements; shrinks by dropping elements, then by shrinking each. */
    static <T> Gen<List<T>> listOf(Gen<T> element, int minSize, int maxSize) {
        return r -> {
            int n = minSize + r.nextInt(maxSize - minSize + 1);
            List<Shrinkable<T>> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(element.sample(r));
            }
            return shrinkList(items, minSize);
        };
    }

    private static <T> Shrinkable<List<T>> shrinkList(List<Shrinkable<T>> items, int minSize) {
        List<T> value = items.stream().map(Shrinkable::value).toList();
        return Shrinkable.of(value, () -> {
            Stream<Shrinkable<List<T>>> drops = items.size() <= minSize ? Stream.empty()
                    : IntStream.range(0, items.size()).mapToObj(i -> {
                        List<Shrinkable<T>> fewer = new ArrayList<>(items);
                        fewer.remove(i);
                        return shrinkList(fewer, minSize);
                    });
            Stream<Shrinkable<List<T>>> each = IntStream.range(0, items.size()).boxed()
                    .flatMap(i -> items.get(i).shrinks().map(s -> {
                        List<Shrinkable<T>> copy = new ArrayList<>(items);
                        copy.set(i, s);
                        return shrinkList(copy, minSize);
                    }));
            return Stream.concat(drops, each);
        });
    }
}
