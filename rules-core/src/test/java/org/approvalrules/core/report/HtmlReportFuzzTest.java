package org.approvalrules.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.approvalrules.core.LoaderErrors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Fuzzes {@link HtmlReport} (docs/FUZZING.md): any summary.json and findings.jsonl (one input, the two files
 * separated by a line {@code %%}) give a page or a DataFormatException naming the file. A page that is written is
 * self-contained and inert whatever the input: exactly the report's one script, no element with an event
 * handler attribute, nothing loaded from anywhere, no temporary file left.
 */
class HtmlReportFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void summaryAndFindings(byte[] input) throws IOException {
        byte[][] parts = LoaderErrors.parts(input, 2);
        Path dir = Files.createTempDirectory("report-fuzz");
        try {
            Files.write(dir.resolve("summary.json"), parts[0]);
            Files.write(dir.resolve("findings.jsonl"), parts[1]);
            Path html = dir.resolve("report.html");
            Path written = LoaderErrors.valueOrNull(dir.toString(), () -> {
                HtmlReport.write(dir.resolve("summary.json"), dir.resolve("findings.jsonl"), html,
                        new HtmlReport.Limits(50, 10));
                return html;
            });
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
            if (written == null) {
                assertThat(html).doesNotExist();
                return;
            }
            Document doc = Jsoup.parse(html.toFile(), "UTF-8");
            assertThat(doc.select("script")).hasSize(1);
            assertThat(doc.select("[src], [href], link, base, iframe, object, embed, img")).isEmpty();
            assertThat(doc.getAllElements()).allSatisfy(e -> assertThat(e.attributes().asList())
                    .noneMatch(a -> a.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("on")));
            assertThat(doc.select("#status")).hasSize(1);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
