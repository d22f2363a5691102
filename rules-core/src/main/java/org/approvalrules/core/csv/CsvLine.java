package org.approvalrules.core.csv;

import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.DataFormatException;

/** Splits CSV lines for the project's loaders (calendar layers, intake logs). */
public final class CsvLine {

    private CsvLine() {
    }

    /**
     * The fields of one CSV line (RFC 4180 quoting: {@code "a,b"} and {@code ""} inside quotes).
     *
     * @throws DataFormatException naming {@code file} and line {@code ln} when a quote is not closed
     */
    public static List<String> split(String line, String file, int ln) {
        List<String> out = new ArrayList<>(4);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            // the raw line is never echoed (it may hold identifiers): the column says where
            throw new DataFormatException(file, ln, "第 " + (out.size() + 1) + " 列 / column " + (out.size() + 1), null,
                    "引号未闭合 / unterminated quote");
        }
        out.add(cur.toString());
        return out;
    }
}
