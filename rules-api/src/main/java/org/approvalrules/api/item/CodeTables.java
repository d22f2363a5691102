package org.approvalrules.api.item;

import java.util.function.Function;
import org.approvalrules.api.InvalidValueException;

/** Lookup of an enum constant by its GB/T 39046 code. */
final class CodeTables {
    private CodeTables() {
    }

    static <E extends Enum<E>> E byCode(E[] values, Function<E, String> code, String field, String value,
            String reason) {
        InvalidValueException.requireNonNull(value, field);
        for (E e : values) {
            if (code.apply(e).equals(value)) {
                return e;
            }
        }
        throw new InvalidValueException(field, value, reason);
    }
}
