package org.approvalrules.testkit.gen;

import java.util.Iterator;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs a property over generated values: {@code Property.forAll(gen).tries(500).check("name", v -> ...)}.
 * The check fails by throwing (e.g. an AssertJ assertion) or, for {@link #holds}, by returning false.
 * On failure the counterexample is shrunk and a {@link PropertyFailure} reports it with the seed.
 *
 * <p>Seed: the one given by {@link #seed(long)}; otherwise the thread's override (set by the JUnit
 * adapter's {@code @PropertySeed}); otherwise the system property {@value #SEED_PROPERTY}; otherwise
 * a fixed default, so builds are reproducible. Tries: {@value #TRIES_PROPERTY} or 200.
 *
 * @param <T> the value type
 */
public final class Property<T> {

    /** System property that fixes the seed of every property run. */
    public static final String SEED_PROPERTY = "approvalrules.seed";
    /** System property that sets the default number of tries. */
    public static final String TRIES_PROPERTY = "approvalrules.tries";
    /** The default seed when none is given. */
    public static final long DEFAULT_SEED = 20240927L;

    private static final ThreadLocal<Long> SEED_OVERRIDE = new ThreadLocal<>();
    private static final int MAX_SHRINK_STEPS = 2_000;

    private final Gen<T> gen;
    private Long seed;
    private int tries = Integer.getInteger(TRIES_PROPERTY, 200);

    private Property(Gen<T> gen) {
        this.gen = Objects.requireNonNull(gen, "gen");
    }

    /** A property over values of {@code gen}. */
    public static <T> Property<T> forAll(Gen<T> gen) {
        return new Property<>(gen);
    }

    /** Sets (or with null clears) the seed used by properties on this thread (used by the JUnit adapter). */
    public static void overrideSeed(Long seed) {
        if (seed == null) {
            SEED_OVERRIDE.remove();
        } else {
            SEED_OVERRIDE.set(seed);
        }
    }

    /** Fixes the seed. */
    public Property<T> seed(long s) {
        this.seed = s;
        return this;
    }

    /** Sets the number of tries. */
    public Property<T> tries(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("tries must be positive, was " + n);
        }
        this.tries = n;
        return this;
    }

    /** The seed this run will use. */
    public long effectiveSeed() {
        if (seed != null) {
            return seed;
        }
        if (SEED_OVERRIDE.get() != null) {
            return SEED_OVERRIDE.get();
        }
        String s = System.getProperty(SEED_PROPERTY);
        return s != null && !s.isBlank() ? Long.parseLong(s.trim()) : DEFAULT_SEED;
    }

    /** Checks that {@code predicate} holds for every generated value. */
    public void holds(String name, Predicate<? super T> predicate) {
        check(name, v -> {
            if (!predicate.test(v)) {
                throw new AssertionError("predicate returned false");
            }
        });
    }

    /** Checks that {@code body} does not throw for any generated value. */
    public void check(String name, Consumer<? super T> body) {
        long s = effectiveSeed();
        Random random = new Random(s);
        for (int i = 1; i <= tries; i++) {
            Shrinkable<T> candidate = gen.sample(random);
            Throwable failure = failure(body, candidate.value());
            if (failure != null) {
                shrinkAndThrow(name, s, i, candidate, failure, body);
            }
        }
    }

    private void shrinkAndThrow(String name, long s, int tryNo, Shrinkable<T> start, Throwable firstFailure,
            Consumer<? super T> body) {
        Shrinkable<T> current = start;
        Throwable failure = firstFailure;
        int steps = 0;
        boolean progress = true;
        while (progress && steps < MAX_SHRINK_STEPS) {
            progress = false;
            Iterator<Shrinkable<T>> it = current.shrinks().iterator();
            while (it.hasNext() && steps < MAX_SHRINK_STEPS) {
                Shrinkable<T> c = it.next();
                Throwable f = failure(body, c.value());
                if (f != null) {
                    current = c;
                    failure = f;
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        throw new PropertyFailure(name, s, tryNo, start.value(), current.value(), steps, failure);
    }

    private static <T> Throwable failure(Consumer<? super T> body, T value) {
        try {
            body.accept(value);
            return null;
        } catch (RuntimeException | AssertionError e) {
            return e;
        }
    }
}
