package org.approvalrules.core.supervise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.approvalrules.api.DataFormatException;
import org.approvalrules.core.csv.CsvColumn;
import org.approvalrules.core.csv.CsvHeader;
import org.approvalrules.core.csv.CsvReader;
import org.approvalrules.core.csv.CsvRow;
import org.approvalrules.core.records.Rejects;

/**
 * The files of a supervision data directory (docs/DATA-FORMAT.md): {@code <name>.csv} through {@link CsvReader}
 * (headers by name, Chinese or English, any order, unknown columns ignored) or {@code <name>.jsonl} (one JSON object
 * per line, keys the English column names, values strings, numbers or booleans); both at once is an error. A record
 * that cannot be read goes to the {@link Rejects} given; a missing header, an unreadable file, a quoting or
 * encoding error stop the read (then the run is refused).
 */
public final class SupervisionFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SupervisionFiles() {
    }

    /** One record of a data file, CSV or JSON Lines. */
    public interface Row {
        /** The file name shown in errors and rejects (relative to the data directory). */
        String file();

        /** The 1-based line where the record starts. */
        int line();

        /** The stripped value of {@code c}; empty when absent or blank. */
        Optional<String> optional(CsvColumn c);

        /** The stripped non-blank value of {@code c}, or an error naming file, line and column. */
        default String require(CsvColumn c) {
            return optional(c).orElseThrow(() -> error(c, "", "不能为空 / must not be empty"));
        }

        /** An error in column {@code c} of this record. */
        DataFormatException error(CsvColumn c, String value, String reason);

        /** Whether the file (CSV: its header) or this record (JSON Lines: its keys) has column {@code c}. */
        boolean has(CsvColumn c);
    }

    /** A data file found in the directory. */
    public record Source(Path path, String name, boolean jsonl) {
    }

    /**
     * The file {@code base}.csv or {@code base}.jsonl in {@code dir} (base may contain a folder, e.g.
     * {@code intake/log}); empty when neither exists.
     *
     * @throws DataFormatException when both exist, or the name is a directory
     */
    public static Optional<Source> find(Path dir, String base) {
        Path csv = dir.resolve(base + ".csv");
        Path jsonl = dir.resolve(base + ".jsonl");
        boolean c = Files.exists(csv);
        boolean j = Files.exists(jsonl);
        if (c && j) {
            throw new DataFormatException(base + ".jsonl", 0, null, null, "与 " + base + ".csv 同时存在，只能提供其一 / "
                    + base + ".csv exists too: give one of them");
        }
        if (!c && !j) {
            return Optional.empty();
        }
        Path p = c ? csv : jsonl;
        String shown = base + (c ? ".csv" : ".jsonl");
        if (Files.isDirectory(p)) {
            throw new DataFormatException(shown, 0, null, null, "是目录而不是文件 / is a directory, not a file");
        }
        if (!Files.isReadable(p)) {
            throw new DataFormatException(shown, 0, null, null, "无权读取 / permission denied");
        }
        return Optional.of(new Source(p, shown, !c));
    }

    /**
     * Runs {@code read} (another domain's reader of {@code src}, which names the file by its path) and renames the
     * file of a {@link DataFormatException} it throws to {@code src}'s name in the data directory.
     */
    static <T> T named(Source src, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (DataFormatException e) {
            if (!src.path().toString().equals(e.file())) {
                throw e;
            }
            throw new DataFormatException(src.name(), e.line(), e.field().orElse(null), e.value().orElse(null),
                    e.reason(), e);
        }
    }

    /** The CSV and JSON Lines files of folder {@code sub} (e.g. {@code intake}), sorted by name; none when absent. */
    public static List<Source> folder(Path dir, String sub) {
        Path d = dir.resolve(sub);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        List<Source> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.endsWith(".csv") || n.endsWith(".jsonl")) {
                    out.add(new Source(p, sub + "/" + n, n.endsWith(".jsonl")));
                }
            }
        } catch (IOException e) {
            throw new DataFormatException(sub, 0, null, null, "无法读取目录 / cannot list the folder: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Streams the records of {@code src} to {@code sink}; a record whose reading throws a {@link DataFormatException}
     * in {@code sink} goes to {@code rejects}. Returns the records passed without error.
     */
    public static long read(Source src, List<CsvColumn> columns, Rejects rejects, Consumer<Row> sink) {
        return src.jsonl() ? readJsonl(src, columns, rejects, sink) : readCsv(src, columns, rejects, sink);
    }

    private static long readCsv(Source src, List<CsvColumn> columns, Rejects rejects, Consumer<Row> sink) {
        long n = 0;
        try (CsvReader r = CsvReader.open(src.path(), src.name(), CsvReader.Syntax.PLAIN)) {
            CsvHeader h = CsvHeader.read(r, columns, true);
            for (CsvRow row = r.next(); row != null; row = r.next()) {
                CsvRow current = row;
                try {
                    h.checkWidth(current);
                    sink.accept(new Row() {
                        @Override
                        public String file() {
                            return current.file();
                        }

                        @Override
                        public int line() {
                            return current.line();
                        }

                        @Override
                        public Optional<String> optional(CsvColumn c) {
                            return h.optional(current, c);
                        }

                        @Override
                        public DataFormatException error(CsvColumn c, String value, String reason) {
                            return h.error(current, c, value, reason);
                        }

                        @Override
                        public boolean has(CsvColumn c) {
                            return h.has(c);
                        }
                    });
                    n++;
                } catch (DataFormatException e) {
                    rejects.reject(e);
                }
            }
        }
        return n;
    }

    private static long readJsonl(Source src, List<CsvColumn> columns, Rejects rejects, Consumer<Row> sink) {
        long n = 0;
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(src.path()),
                StandardCharsets.UTF_8.newDecoder()))) {
            int line = 0;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                int at = line;
                try {
                    JsonNode node;
                    try {
                        node = JSON.readTree(text);
                    } catch (JsonProcessingException e) {
                        throw new DataFormatException(src.name(), at, null, null, "不是有效的 JSON / not valid JSON: "
                                + e.getOriginalMessage());
                    }
                    if (node == null || !node.isObject()) {
                        throw new DataFormatException(src.name(), at, null, null, "每行须为一个 JSON 对象 / each line must be a JSON object");
                    }
                    JsonNode obj = node;
                    for (CsvColumn c : columns) {
                        if (c.required() && key(obj, c) == null) {
                            throw new DataFormatException(src.name(), at, c.aliases().get(0), null, "缺少字段 " + c.shownAliases()
                                    + " / missing field " + c.aliases().get(0));
                        }
                    }
                    sink.accept(new Row() {
                        @Override
                        public String file() {
                            return src.name();
                        }

                        @Override
                        public int line() {
                            return at;
                        }

                        @Override
                        public Optional<String> optional(CsvColumn c) {
                            String k = key(obj, c);
                            if (k == null || obj.get(k).isNull()) {
                                return Optional.empty();
                            }
                            JsonNode v = obj.get(k);
                            String s = v.isArray() ? joined(v) : v.asText().strip();
                            return s.isEmpty() ? Optional.empty() : Optional.of(s);
                        }

                        @Override
                        public DataFormatException error(CsvColumn c, String value, String reason) {
                            return new DataFormatException(src.name(), at, c.aliases().get(0), value, reason);
                        }

                        @Override
                        public boolean has(CsvColumn c) {
                            return key(obj, c) != null;
                        }
                    });
                    n++;
                } catch (DataFormatException e) {
                    rejects.reject(e);
                }
            }
        } catch (NoSuchFileException e) {
            throw new DataFormatException(src.name(), 0, null, null, "文件不存在 / file not found");
        } catch (AccessDeniedException e) {
            throw new DataFormatException(src.name(), 0, null, null, "无权读取 / permission denied");
        } catch (CharacterCodingException e) {
            throw new DataFormatException(src.name(), 0, null, null, "JSON Lines 须为 UTF-8 / JSON Lines must be UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static String key(JsonNode obj, CsvColumn c) {
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            String k = it.next().getKey();
            if (c.matches(k)) {
                return k;
            }
        }
        return null;
    }

    private static String joined(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(e -> parts.add(e.asText().strip()));
        return String.join(";", parts);
    }
}
