package org.approvalrules.core.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.approvalrules.api.DataFormatException;

/**
 * Where the known columns are in a file's header row. Columns may come in any order; a required column missing,
 * a column given twice or (unless allowed) a header naming no known column is a {@link DataFormatException} with
 * file, line and column.
 */
public final class CsvHeader {

    private final CsvRow row;
    private final Map<CsvColumn, Integer> index;
    private final Map<CsvColumn, String> shown;
    private final int width;

    private CsvHeader(CsvRow row, Map<CsvColumn, Integer> index, Map<CsvColumn, String> shown) {
        this.row = row;
        this.index = Map.copyOf(index);
        this.shown = Map.copyOf(shown);
        this.width = row.size();
    }

    /**
     * Reads the header: the first record of {@code reader}.
     *
     * @param unknownAllowed whether a header naming no column of {@code columns} is ignored (else an error)
     */
    public static CsvHeader read(CsvReader reader, List<CsvColumn> columns, boolean unknownAllowed) {
        CsvRow head = reader.next();
        if (head == null) {
            throw new DataFormatException(reader.file(), 0, "header", null, "文件为空，缺少表头 / empty file, no header line");
        }
        return of(head, columns, unknownAllowed);
    }

    /** Finds {@code columns} in the header row {@code head}. */
    public static CsvHeader of(CsvRow head, List<CsvColumn> columns, boolean unknownAllowed) {
        Map<CsvColumn, Integer> index = new HashMap<>();
        Map<CsvColumn, String> shown = new HashMap<>();
        for (int i = 0; i < head.size(); i++) {
            String h = head.get(i).strip();
            if (h.isEmpty()) {
                continue;
            }
            CsvColumn found = null;
            for (CsvColumn c : columns) {
                if (c.matches(h)) {
                    found = c;
                    break;
                }
            }
            if (found == null) {
                if (unknownAllowed) {
                    continue;
                }
                throw head.error(i, "header", h, "未知列，可用 / unknown column, expected one of: "
                        + columns.stream().map(CsvColumn::shownAliases).toList());
            }
            Integer before = index.put(found, i);
            if (before != null) {
                throw head.error(i, "header", h, "列重复（已在第 " + (before + 1) + " 列） / column given twice (already column "
                        + (before + 1) + ")");
            }
            shown.put(found, h);
        }
        for (CsvColumn c : columns) {
            if (c.required() && !index.containsKey(c)) {
                throw new DataFormatException(head.file(), head.line(), "header", null, "缺少列 " + c.shownAliases()
                        + " / missing column " + c.aliases().get(c.aliases().size() - 1));
            }
        }
        return new CsvHeader(head, index, shown);
    }

    /** The header row itself. */
    public CsvRow row() {
        return row;
    }

    /** Whether the file has {@code c}. */
    public boolean has(CsvColumn c) {
        return index.containsKey(c);
    }

    /** The 0-based position of {@code c}, or -1. */
    public int index(CsvColumn c) {
        return index.getOrDefault(c, -1);
    }

    /** The header as written in the file for {@code c}, else its shown name. */
    public String name(CsvColumn c) {
        return shown.getOrDefault(c, c.name());
    }

    /** The number of header fields. */
    public int width() {
        return width;
    }

    /**
     * Column {@code c} of this header resolved once (its position and shown name), for a reader that reads the same
     * columns of many rows: {@link Field#value} and {@link Field#require} give what {@link #optional} and
     * {@link #require} give, without looking the column up for each cell.
     */
    public Field field(CsvColumn c) {
        return new Field(index(c), name(c));
    }

    /** A column resolved in a header ({@link #field}); immutable. */
    public static final class Field {
        private final int index;
        private final String name;

        private Field(int index, String name) {
            this.index = index;
            this.name = name;
        }

        /** Whether the header has the column. */
        public boolean present() {
            return index >= 0;
        }

        /** The stripped value in {@code row}, or null when the column is absent or the cell blank. */
        public String value(CsvRow row) {
            if (index < 0) {
                return null;
            }
            String v = row.get(index).strip();
            return v.isEmpty() ? null : v;
        }

        /** The stripped, non-blank value in {@code row}, or an error naming row and column. */
        public String require(CsvRow row) {
            String v = value(row);
            if (v == null) {
                throw error(row, "", MUST_NOT_BE_EMPTY);
            }
            return v;
        }

        /** An error on {@code row} in this column. */
        public DataFormatException error(CsvRow row, String value, String reason) {
            return row.error(Math.max(0, index), name, value, reason);
        }
    }

    private static final String MUST_NOT_BE_EMPTY = "不能为空 / must not be empty";

    /** The stripped value of {@code c} in {@code row}; empty when the column is absent or the cell blank. */
    public Optional<String> optional(CsvRow row, CsvColumn c) {
        int i = index(c);
        if (i < 0) {
            return Optional.empty();
        }
        String v = row.get(i).strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The stripped, non-blank value of {@code c} in {@code row}, or an error naming row and column. */
    public String require(CsvRow row, CsvColumn c) {
        return optional(row, c).orElseThrow(() -> error(row, c, "", MUST_NOT_BE_EMPTY));
    }

    /** An error on {@code row} in column {@code c}. */
    public DataFormatException error(CsvRow row, CsvColumn c, String value, String reason) {
        return row.error(Math.max(0, index(c)), name(c), value, reason);
    }

    /**
     * Refuses a row with non-blank fields beyond the header (a comma that should have been quoted); a shorter row is
     * accepted, its missing fields read as blank.
     */
    public void checkWidth(CsvRow row) {
        for (int k = width; k < row.size(); k++) {
            if (!row.get(k).isBlank()) {
                throw row.error(k, "column " + (k + 1), null, "多出 " + (row.size() - width) + " 列（表头 " + width
                        + " 列；字段中的逗号须加引号） / " + row.size() + " fields, the header has " + width
                        + " (quote a field that contains a comma)");
            }
        }
    }

    /** {@code 受理时间 (第 5 列 / column 5)}: a field name with its 1-based column. */
    static String field(String name, int index) {
        return name + " (第 " + (index + 1) + " 列 / column " + (index + 1) + ")";
    }
}
