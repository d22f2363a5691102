package org.approvalrules.testkit.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.approvalrules.testkit.gen.Property;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The thin JUnit Jupiter adapter behind {@link PropertySeed}: sets the thread's seed around each test. */
public final class PropertySeedExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<PropertySeed> seed = context.getTestMethod().map(m -> m.getAnnotation(PropertySeed.class))
                .or(() -> context.getTestClass().map(c -> ((AnnotatedElement) c).getAnnotation(PropertySeed.class)));
        seed.ifPresent(s -> Property.overrideSeed(s.value()));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Property.overrideSeed(null);
    }
}
