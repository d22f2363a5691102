package org.approvalrules.core.csv;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.approvalrules.api.DataFormatException;

/**
 * One CSV record: the file, the physical line where it starts, and its fields as written (not stripped).
 *
 * @param file the file name shown in errors
 * @param line the 1-based physical line where the record starts
 * @param values the fields, at least one
 */
public record CsvRow(String file, int line, List<String> values) {

    public CsvRow {
        Objects.requireNonNull(file, "file");
        values = values instanceof Fields ? values : List.copyOf(values);
        if (line < 1) {
            throw new IllegalArgumentException("line must be 1 or more: " + line);
        }
    }

    /** A row over {@code fields}, which the caller hands over and never changes again (the reader's one copy). */
    static CsvRow of(String file, int line, String[] fields) {
        for (String f : fields) {
            Objects.requireNonNull(f, "field");
        }
        return new CsvRow(file, line, new Fields(fields));
    }

    /** The fields of a row as read: an unmodifiable list over the array the reader made, not copied again. */
    private static final class Fields extends AbstractList<String> implements RandomAccess {
        private final String[] fields;

        Fields(String[] fields) {
            this.fields = fields;
        }

        @Override
        public String get(int index) {
            return fields[index];
        }

        @Override
        public int size() {
            return fields.length;
        }
    }

    /** The number of fields. */
    public int size() {
        return values.size();
    }

    /** Field {@code i} (0-based) as written, or "" when the row is shorter. */
    public String get(int i) {
        return i < values.size() ? values.get(i) : "";
    }

    /** Whether every field is blank (a row a spreadsheet keeps as {@code ,,,}). */
    public boolean blank() {
        return values.stream().allMatch(String::isBlank);
    }

    /** An error on this row in column {@code index} (0-based) named {@code name}. */
    public DataFormatException error(int index, String name, String value, String reason) {
        return new DataFormatException(file, line, CsvHeader.field(name, index), value, reason);
    }

    /** An error on this row as a whole. */
    public DataFormatException error(String value, String reason) {
        return new DataFormatException(file, line, null, value, reason);
    }
}
