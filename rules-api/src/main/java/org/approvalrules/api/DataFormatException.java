package org.approvalrules.api;

import java.util.Optional;
import org.approvalrules.api.privacy.Masking;

/**
 * A data file (calendar layer, parameter table, rule pack, intake log, batch input) could not be read.
 * Carries the file, the 1-based line (0 when the whole file is concerned), the field and the value.
 * Loading is all or nothing: when this is thrown nothing from the file has been applied.
 *
 * <p>Field, value and reason each go through {@link Masking#mask(CharSequence)}, and {@link #value()} returns the
 * masked value: an identifier in the wrong column is never echoed in full. Callers pass the field value, never a
 * whole raw line. The file path and the line number are not masked: the caller chose the path (a temporary
 * directory's random 18-digit name would otherwise look like an ID number) and the library counted the line.
 */
public class DataFormatException extends ApprovalRulesException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final String field;
    private final String value;
    private final String reason;

    public DataFormatException(String file, int line, String field, String value, String reason) {
        this(file, line, field, value, reason, null);
    }

    public DataFormatException(String file, int line, String field, String value, String reason, Throwable cause) {
        super(cause, format(file, line, mask(field), mask(value), Masking.mask(reason)));
        this.file = file;
        this.line = line;
        this.field = mask(field);
        this.value = mask(value);
        this.reason = mask(reason);
    }

    private static String mask(String s) {
        return s == null ? null : Masking.mask(s);
    }

    private static String format(String file, int line, String field, String value, String reason) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null) {
            sb.append(field).append(": ");
        }
        sb.append(reason);
        if (value != null) {
            sb.append(" (值/value: \"").append(value).append("\")");
        }
        return sb.toString();
    }

    /** The file name or path as given to the loader. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0 when the error concerns the whole file. */
    public int line() {
        return line;
    }

    /** The field (column, key) that was wrong, if known. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** Why the data was refused (masked), without file, line, field or value (e.g. for a reject file that must not echo data). */
    public String reason() {
        return reason;
    }

    /** The offending value, if known, masked ({@link Masking#mask(CharSequence)}). */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }
}
