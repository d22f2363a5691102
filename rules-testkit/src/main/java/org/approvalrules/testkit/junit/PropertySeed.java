package org.approvalrules.testkit.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fixes the seed of every {@link org.approvalrules.testkit.gen.Property} run in the annotated test
 * (or all tests of the annotated class), e.g. to reproduce a reported failure: {@code @PropertySeed(42L)}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@ExtendWith(PropertySeedExtension.class)
public @interface PropertySeed {
    /** The seed. */
    long value();
}
