package org.approvalrules.core.records;

import java.util.Objects;

/**
 * One record refused by a record reader: where it is and why, never its content (a reject file must not copy
 * identifiers out of the input).
 *
 * @param file the file name shown in messages
 * @param line the 1-based physical line where the record starts (0 when it concerns no one line)
 * @param field the field (column) at fault, or null for the record as a whole
 * @param reason why, Chinese first with English alongside
 */
public record Reject(String file, int line, String field, String reason) {

    public Reject {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
    }

    /** {@code line<TAB>field<TAB>reason}, tabs and line breaks inside a part replaced by spaces. */
    public String tsv() {
        return line + "\t" + clean(field == null ? "" : field) + "\t" + clean(reason);
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
