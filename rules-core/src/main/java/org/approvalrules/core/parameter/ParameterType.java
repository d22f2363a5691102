package org.approvalrules.core.parameter;

/** The type of a rule-pack parameter, declared with {@code type:} in its parameter file. */
public enum ParameterType {
    /** A whole number, e.g. a yellow-card threshold in working days. */
    INT,
    /** A decimal, e.g. the promised-limit cap 0.5 of statutory. */
    DECIMAL,
    /** true / false, e.g. the after-hours policy. */
    BOOL,
    /** Text, e.g. the correction policy {@code PAUSE} or {@code RESTART}. */
    STRING,
    /** One or more {@code HH:mm-HH:mm} ranges, e.g. office hours. */
    TIME_RANGE,
    /** A list of texts, e.g. branch centres. */
    LIST,
    /**
     * A list of rows, each a mapping of named scalar cells ({@link TableRow}, with its line), e.g. a fee
     * standard's bands {@code [{from: 1, to: 10, rate: 0, basis: "…"}, …]}. What the cells mean is the consumer's.
     */
    TABLE;

    /** Parses the YAML spelling: {@code int, decimal, bool, string, time-range, list, table}. */
    public static ParameterType parse(String s) {
        return switch (s == null ? "" : s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "int", "integer" -> INT;
            case "decimal" -> DECIMAL;
            case "bool", "boolean" -> BOOL;
            case "string", "text" -> STRING;
            case "time-range", "time_range", "timerange" -> TIME_RANGE;
            case "list" -> LIST;
            case "table" -> TABLE;
            default -> null;
        };
    }
}
