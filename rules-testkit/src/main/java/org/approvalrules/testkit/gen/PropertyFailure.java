package org.approvalrules.testkit.gen;

/**
 * A property failed: carries the seed, the original and the minimised counterexample. It is an
 * {@link AssertionError} so every test framework reports it as a failure.
 */
public final class PropertyFailure extends AssertionError {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final transient Object original;
    private final transient Object minimised;

    PropertyFailure(String property, long seed, int tryNo, Object original, Object minimised, int shrinkSteps,
            Throwable cause) {
        super("性质不成立 / property failed: " + property + "\n"
                + "  seed " + seed + ", try " + tryNo + "; reproduce with -D" + Property.SEED_PROPERTY + "=" + seed
                + " (or @PropertySeed(" + seed + "L))\n"
                + "  minimised counterexample (" + shrinkSteps + " shrink steps): " + show(minimised) + "\n"
                + "  original counterexample: " + show(original) + "\n"
                + "  failure: " + cause, cause);
        this.seed = seed;
        this.original = original;
        this.minimised = minimised;
    }

    private static String show(Object o) {
        return o instanceof Object[] a ? java.util.Arrays.deepToString(a) : String.valueOf(o);
    }

    /** The seed that reproduces the run. */
    public long seed() {
        return seed;
    }

    /** The counterexample as first generated. */
    public Object original() {
        return original;
    }

    /** The smallest counterexample shrinking found. */
    public Object minimised() {
        return minimised;
    }
}
