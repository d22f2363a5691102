package org.approvalrules.core.parameter;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.approvalrules.api.BilingualText;
import org.approvalrules.api.InvalidValueException;

/**
 * A rule-pack parameter (OpenFisca style): a stable id, a bilingual description, a type, and values
 * by effective date, each with its reference. The value used for a case is the one in force on the
 * case's own date. Immutable.
 *
 * @param id stable id, e.g. {@code deadline.yellow.remaining-working-days}
 * @param type the declared type
 * @param description what it means, Chinese and English
 * @param values values in increasing date order (at least one)
 * @param layer division code of the layer that last set values
 */
public record Parameter(String id, ParameterType type, BilingualText description, List<DatedValue> values,
        String layer) {

    public Parameter {
        InvalidValueException.requireNonNull(id, "parameter.id");
        InvalidValueException.requireNonNull(type, "parameter.type");
        InvalidValueException.requireNonNull(description, "parameter.description");
        InvalidValueException.requireNonNull(layer, "parameter.layer");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new InvalidValueException("parameter.values", id, "参数至少需要一个取值 / a parameter needs a value");
        }
        for (int i = 1; i < values.size(); i++) {
            if (!values.get(i).from().isAfter(values.get(i - 1).from())) {
                throw new InvalidValueException("parameter.values", id,
                        "取值日期必须递增 / effective dates must increase");
            }
        }
    }

    /** The value in force on {@code date}, empty before the first effective date. */
    public Optional<DatedValue> valueOn(LocalDate date) {
        DatedValue found = null;
        for (DatedValue v : values) {
            if (v.from().isAfter(date)) {
                break;
            }
            found = v;
        }
        return Optional.ofNullable(found);
    }
}
