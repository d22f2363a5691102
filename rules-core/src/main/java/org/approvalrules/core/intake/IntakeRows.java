package org.approvalrules.core.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.csv.CsvHeader;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;
import org.approvalrules.core.records.Rejects;

/**
 * The rows of one record file of the intake domain: CSV through {@link CsvReader} (a header line, columns by name),
 * or JSON Lines when the name ends in {@code .jsonl} (one object a line, keyed by each column's English name — the
 * last of its aliases — or any other of its aliases, as the first object has it; unknown keys ignored, a JSON array
 * cell joined by {@code ;}). Both give {@link CsvRow}s
 * read against one {@link CsvHeader}, so a reader handles them alike. A JSON Lines file whose first object lacks a
 * required key is a file error (like a CSV header without the column); a line that is not a JSON object is an error
 * on that line, for the caller's rejects. Not thread-safe.
 */
final class IntakeRows implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CsvReader csv;
    private final BufferedReader json;
    private final String file;
    private final CsvHeader header;
    private final List<CsvColumn> columns;
    /** JSON Lines: each column's key, the alias the first object uses (else its English name). */
    private final List<String> keys;
    private int line;
    private String pending;

    private IntakeRows(CsvReader csv, BufferedReader json, String file, List<CsvColumn> columns) {
        this.csv = csv;
        this.json = json;
        this.file = file;
        this.columns = columns;
        if (csv != null) {
            header = CsvHeader.read(csv, columns, true);
            keys = List.of();
        } else {
            JsonNode first = checkFirstObject();
            keys = columns.stream().map(c -> c.aliases().stream().filter(a -> first != null && first.has(a)).findFirst()
                    .orElse(key(c))).toList();
            header = CsvHeader.of(new CsvRow(file, 1, keys), columns, true);
        }
    }

    /** Opens {@code file}: JSON Lines when its name ends in {@code .jsonl}, else CSV. */
    static IntakeRows open(Path file, List<CsvColumn> columns) {
        String shown = file.toString();
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            CsvReader r = CsvReader.open(file, shown, CsvReader.Syntax.PLAIN);
            try {
                return new IntakeRows(r, null, shown, columns);
            } catch (RuntimeException e) {
                r.close();
                throw e;
            }
        }
        BufferedReader in;
        try {
            if (Files.isDirectory(file)) {
                throw new DataFormatException(shown, 0, null, null, "是目录而不是文件 / is a directory, not a file");
            }
            in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(shown, 0, null, null, "文件不存在 / file not found");
        } catch (IOException e) {
            throw new DataFormatException(shown, 0, null, null, "无法读取 / cannot read: " + e.getMessage(), e);
        }
        try {
            return new IntakeRows(null, in, shown, columns);
        } catch (RuntimeException e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The English key of a column in JSON Lines: its last alias. */
    static String key(CsvColumn c) {
        return c.aliases().get(c.aliases().size() - 1);
    }

    /** Whether the rows are CSV (JSON Lines otherwise). */
    boolean csv() {
        return csv != null;
    }

    CsvHeader header() {
        return header;
    }

    /**
     * The next row, or null at the end. A JSON line that is no object goes to {@code rejects} (and the read goes on);
     * a CSV quoting or encoding error stops the read, as {@link CsvReader} does.
     */
    CsvRow next(Rejects rejects) {
        if (csv != null) {
            return csv.next();
        }
        while (true) {
            try {
                return nextJson();
            } catch (DataFormatException e) {
                if (e.line() == 0) {
                    throw e;
                }
                rejects.reject(e);
            }
        }
    }

    private CsvRow nextJson() {
        String text = pending != null ? pending : readLine();
        pending = null;
        while (text != null && text.isBlank()) {
            text = readLine();
        }
        if (text == null) {
            return null;
        }
        JsonNode o = parse(text);
        List<String> values = new ArrayList<>(columns.size());
        for (String k : keys) {
            values.add(cell(o.get(k)));
        }
        return new CsvRow(file, line, values);
    }

    /** Reads ahead to the first object and checks it has every required column (under any alias); null if none. */
    private JsonNode checkFirstObject() {
        String text = readLine();
        while (text != null && text.isBlank()) {
            text = readLine();
        }
        pending = text;
        if (text == null) {
            return null;
        }
        JsonNode o;
        try {
            o = parse(text);
        } catch (DataFormatException e) {
            return null; // a bad first line is that line's reject
        }
        for (CsvColumn c : columns) {
            if (c.required() && c.aliases().stream().noneMatch(o::has)) {
                throw new DataFormatException(file, line, "header", null, "第一个对象缺少键 " + key(c) + " / the first object "
                        + "has no key " + key(c));
            }
        }
        return o;
    }

    private JsonNode parse(String text) {
        try {
            JsonNode o = JSON.readTree(text.charAt(0) == '\uFEFF' ? text.substring(1) : text);
            if (o == null || !o.isObject()) {
                throw new DataFormatException(file, line, null, null, "不是 JSON 对象 / not a JSON object");
            }
            return o;
        } catch (JsonProcessingException e) {
            throw new DataFormatException(file, line, null, null, "JSON 格式错误 / malformed JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static String cell(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(x.asText()));
            return String.join(";", parts);
        }
        return v.asText();
    }

    private String readLine() {
        try {
            String s = json.readLine();
            if (s != null) {
                line++;
            }
            return s;
        } catch (IOException e) {
            throw new DataFormatException(file, line, null, null, "无法读取 / cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (csv != null) {
            csv.close();
        } else {
            try {
                json.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
