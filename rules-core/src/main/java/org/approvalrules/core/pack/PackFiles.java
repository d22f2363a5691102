package org.approvalrules.core.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.approvalrules.api.rules.RulePackException;

/**
 * The files of one layer directory, wherever they live: a directory on disk (a locality's own pack)
 * or the classpath (the bundled national pack, listed in an {@code INDEX} file). Paths are relative
 * to the layer directory and use {@code /}.
 */
public interface PackFiles {

    /** All files of the layer, relative paths, sorted. */
    List<String> list();

    /** The text of a file (UTF-8). */
    String read(String relativePath);

    /** The largest file {@link #readBytes} reads: 8 MiB. */
    int MAX_BYTES = 8 * 1024 * 1024;

    /**
     * The bytes of a file (decision tables: CSV text or a spreadsheet), at most {@link #MAX_BYTES}.
     *
     * @throws RulePackException naming the file when it cannot be read or is larger
     */
    byte[] readBytes(String relativePath);

    /** How to name a file in messages, e.g. {@code packs/451031/rules/local.drl}. */
    String displayName(String relativePath);

    /** The layer directory on disk, when there is one (used for calendar layers). */
    Optional<Path> directory();

    /**
     * A layer directory on disk. Hidden files ({@code .name}) and the owner files Excel and WPS keep
     * beside an open workbook ({@code ~$name.drl.xlsx}) are not part of the layer.
     */
    static PackFiles directory(Path dir) {
        return new PackFiles() {
            @Override
            public List<String> list() {
                try (Stream<Path> s = Files.walk(dir)) {
                    return s.filter(Files::isRegularFile)
                            .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                            .filter(p -> !p.startsWith(".") && !p.contains("/.") && !p.contains("~$"))
                            .sorted().toList();
                } catch (IOException e) {
                    throw new RulePackException(dir.toString(), 0, "无法读取目录 / cannot list directory: " + e.getMessage());
                }
            }

            @Override
            public String read(String rel) {
                try {
                    return Files.readString(dir.resolve(rel), StandardCharsets.UTF_8);
                } catch (IOException | UncheckedIOException e) {
                    throw new RulePackException(displayName(rel), 0, "无法读取文件 / cannot read file: " + e.getMessage());
                }
            }

            @Override
            public byte[] readBytes(String rel) {
                try {
                    Path file = dir.resolve(rel);
                    if (Files.size(file) > MAX_BYTES) {
                        throw new RulePackException(displayName(rel), 0, "文件超过 8 MiB / file larger than 8 MiB ("
                                + Files.size(file) + " bytes)");
                    }
                    return Files.readAllBytes(file);
                } catch (IOException | UncheckedIOException e) {
                    throw new RulePackException(displayName(rel), 0, "无法读取文件 / cannot read file: " + e.getMessage());
                }
            }

            @Override
            public String displayName(String rel) {
                return dir.resolve(rel).toString();
            }

            @Override
            public Optional<Path> directory() {
                return Optional.of(dir);
            }
        };
    }

    /**
     * A layer on the classpath under {@code base} (e.g. {@code org/approvalrules/packs/000000}); its
     * {@code INDEX} file lists the other files, one relative path a line.
     */
    static PackFiles classpath(ClassLoader loader, String base) {
        String index = readResource(loader, base + "/INDEX").orElse(null);
        List<String> files = new ArrayList<>();
        if (index != null) {
            index.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().forEach(files::add);
        }
        return new PackFiles() {
            @Override
            public List<String> list() {
                return List.copyOf(files);
            }

            @Override
            public String read(String rel) {
                return readResource(loader, base + "/" + rel).orElseThrow(() -> new RulePackException(
                        displayName(rel), 0, "INDEX 列出的文件不存在 / file listed in INDEX is missing"));
            }

            @Override
            public byte[] readBytes(String rel) {
                return readResourceBytes(loader, base + "/" + rel).orElseThrow(() -> new RulePackException(
                        displayName(rel), 0, "INDEX 列出的文件不存在 / file listed in INDEX is missing"));
            }

            @Override
            public String displayName(String rel) {
                return "classpath:" + base + "/" + rel;
            }

            @Override
            public Optional<Path> directory() {
                return Optional.empty();
            }
        };
    }

    private static Optional<String> readResource(ClassLoader loader, String name) {
        return readResourceBytes(loader, name).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> readResourceBytes(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new RulePackException(name, 0, "资源超过 8 MiB / resource larger than 8 MiB");
            }
            return Optional.of(bytes);
        } catch (IOException e) {
            throw new RulePackException(name, 0, "无法读取资源 / cannot read resource: " + e.getMessage());
        }
    }
}
