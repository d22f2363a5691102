package org.approvalrules.core.csv;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A column a CSV file may have, known under several header names (Chinese, English, GB/T 39046 or an older
 * exchange name), matched after stripping and ignoring case.
 *
 * @param name the name shown in errors and docs (usually the Chinese one)
 * @param aliases every accepted header, {@code name} included
 * @param required whether a file without it is refused
 */
public record CsvColumn(String name, List<String> aliases, boolean required) {

    public CsvColumn {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        if (aliases.isEmpty()) {
            throw new IllegalArgumentException("a column needs at least one header name: " + name);
        }
    }

    /**
     * Equal columns have equal names, so the name's (cached) hash serves: a header looks its columns up for every
     * cell read, and hashing the alias list each time was a measurable part of reading a large file.
     */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof CsvColumn c && required == c.required && name.equals(c.name) && aliases.equals(c.aliases);
    }

    /** A required column; the first alias is its shown name. */
    public static CsvColumn required(String... aliases) {
        return new CsvColumn(aliases[0], List.of(aliases), true);
    }

    /** An optional column; the first alias is its shown name. */
    public static CsvColumn optional(String... aliases) {
        return new CsvColumn(aliases[0], List.of(aliases), false);
    }

    /** Whether {@code header} names this column. */
    public boolean matches(String header) {
        String h = header.strip();
        for (String a : aliases) {
            if (a.toLowerCase(Locale.ROOT).equals(h.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The accepted names, for messages: {@code 办件编号 / SBLSH / case_number}. */
    public String shownAliases() {
        return String.join(" / ", aliases);
    }
}
