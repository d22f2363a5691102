package org.approvalrules.testkit.gen;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A generated value with its lazily computed simpler candidates (integrated shrinking: shrinking
 * follows {@link Gen#map}, {@link Gen#flatMap} and {@link Gen#zip} without user code).
 * Immutable; the candidates are recomputed on each call.
 *
 * @param <T> the value type
 */
public final class Shrinkable<T> {
    private final T value;
    private final Supplier<Stream<Shrinkable<T>>> shrinks;

    private Shrinkable(T value, Supplier<Stream<Shrinkable<T>>> shrinks) {
        this.value = value;
        this.shrinks = Objects.requireNonNull(shrinks, "shrinks");
    }

    /** A value with the given candidates, simplest first. */
    public static <T> Shrinkable<T> of(T value, Supplier<Stream<Shrinkable<T>>> shrinks) {
        return new Shrinkable<>(value, shrinks);
    }

    /** A value that cannot be simplified. */
    public static <T> Shrinkable<T> leaf(T value) {
        return new Shrinkable<>(value, Stream::empty);
    }

    /** The value. */
    public T value() {
        return value;
    }

    /** Simpler candidates, simplest first. */
    public Stream<Shrinkable<T>> shrinks() {
        return shrinks.get();
    }

    /** The same tree with {@code f} applied to every value. */
    public <R> Shrinkable<R> map(Function<? super T, ? extends R> f) {
        return new Shrinkable<>(f.apply(value), () -> shrinks().map(s -> s.map(f)));
    }

    /** The same tree without candidates failing {@code p}. */
    public Shrinkable<T> filter(Predicate<? super T> p) {
        return new Shrinkable<>(value, () -> shrinks().filter(s -> p.test(s.value)).map(s -> s.filter(p)));
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
