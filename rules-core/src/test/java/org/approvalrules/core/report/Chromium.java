package org.approvalrules.core.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian package {@code chromium}) driven from the command line: the DOM after the page's
 * script ran ({@code --dump-dom}) and a screenshot. When no Chromium is installed, the test using it is
 * skipped, unless the environment variable {@code APPROVAL_RULES_REQUIRE_CHROMIUM=1} is set (CI: .ci/run),
 * in which case it fails.
 */
final class Chromium {
    private final Path executable;
    private final Path profile;

    private Chromium(Path executable, Path profile) {
        this.executable = executable;
        this.profile = profile;
    }

    /** The installed Chromium, with a fresh profile under {@code tmp}; skips or fails the test when none. */
    static Chromium require(Path tmp) {
        Optional<Path> exe = find();
        if (exe.isEmpty()) {
            if ("1".equals(System.getenv("APPROVAL_RULES_REQUIRE_CHROMIUM"))) {
                fail("APPROVAL_RULES_REQUIRE_CHROMIUM=1 but no chromium on this machine (apt-get install chromium)");
            }
            assumeTrue(false, "no chromium installed: browser test skipped");
        }
        return new Chromium(exe.get(), tmp.resolve("chromium-profile"));
    }

    private static Optional<Path> find() {
        Stream<Path> candidates = Stream.concat(Stream.of(Path.of("/usr/bin/chromium")),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .filter(p -> !p.isEmpty())
                        .flatMap(p -> Stream.of(Path.of(p, "chromium"), Path.of(p, "chromium-browser"))));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    /** The page's DOM once its scripts ran, as Chromium serialises it. */
    String dumpDom(Path html, String fragment) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url(html, fragment)));
    }

    /** Saves a screenshot of the page at the given window size. */
    void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", url(html, "")));
    }

    private static String url(Path html, String fragment) {
        return html.toAbsolutePath().toUri() + (fragment.isEmpty() ? "" : "#" + fragment);
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile));
        cmd.addAll(args);
        Path err = Files.createTempFile("chromium-", ".log");
        Path out = Files.createTempFile("chromium-", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                fail("chromium did not finish: " + cmd);
            }
            if (p.exitValue() != 0) {
                fail("chromium exited with " + p.exitValue() + ": " + cmd + "\n" + Files.readString(err));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
