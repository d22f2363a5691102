package org.approvalrules.core.fee;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;
import org.approvalrules.api.fee.GuideFact;
import org.approvalrules.api.fee.ServiceGuide;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The 八公开 check of service guides: each {@link ServiceGuide} validated with Jakarta Validation (Hibernate
 * Validator, messages taken as written, no expression language), its violations become the missing fields of a
 * {@link GuideFact} that the locality's rule {@code fee.guide-incomplete} judges. Thread-safe.
 */
public final class GuideChecker {
    /** The eight fields in the order of the guide (seed 001), by their property names. */
    private static final List<String> ORDER = List.of("name", "legalBasis", "conditions", "materials", "procedure",
            "timeLimit", "feeBasisPublished", "feeStandardPublished");

    private static final class Holder {
        static final ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        static final Validator VALIDATOR = FACTORY.getValidator();
    }

    private GuideChecker() {
    }

    /** The fact of one guide as of {@code asOf}: the fields it does not publish. */
    public static GuideFact fact(ServiceGuide guide, LocalDate asOf) {
        InvalidValueException.requireNonNull(guide, "guide");
        InvalidValueException.requireNonNull(asOf, "asOf");
        List<BilingualText> missing = Holder.VALIDATOR.validate(guide).stream()
                .sorted(Comparator.comparingInt(GuideChecker::position))
                .map(v -> label(v.getMessage())).distinct().toList();
        return new GuideFact(guide.itemCode(), guide.department(), missing, asOf);
    }

    private static int position(ConstraintViolation<ServiceGuide> v) {
        int i = ORDER.indexOf(v.getPropertyPath().toString());
        return i < 0 ? ORDER.size() : i;
    }

    private static BilingualText label(String message) {
        int slash = message.indexOf(" / ");
        return slash < 0 ? BilingualText.of(message, message) : BilingualText.of(message.substring(0, slash),
                message.substring(slash + 3));
    }
}
