package org.approvalrules.core.parameter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.InvalidValueException;

/**
 * One row of a {@link ParameterType#TABLE} value: named cells (scalars, as written) and the line of the parameter
 * file the row is on, so that a consumer can name the line of a bad row. Immutable.
 *
 * @param line the 1-based line of the row in its parameter file (0 when unknown)
 * @param cells the cells in the order written
 */
public record TableRow(int line, Map<String, String> cells) {
    public TableRow {
        InvalidValueException.requireNonNull(cells, "row.cells");
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    }

    /** The cell {@code key}, when written and not blank. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(cells.get(key)).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** The row as written back in a listing: {@code {from: 1, to: 10, rate: 0}}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        cells.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append(": ").append(v));
        return b.append('}').toString();
    }
}
