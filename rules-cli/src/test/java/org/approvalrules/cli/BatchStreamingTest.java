package org.approvalrules.cli;

import org.approvalrules.cli.command.RulesCommandTest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code deadline --batch} streams: a generated batch several times larger than the heap of a forked JVM
 * ({@value #HEAP_MB} MB) completes, with every line accounted for (cases written plus lines rejected). The same
 * command reading the whole file (as it did with {@code Files.readAllLines}) needs about ten times the file's size.
 */
class BatchStreamingTest {

    private static final int HEAP_MB = 32;
    private static final long FILE_BYTES = 100L << 20;
    private static final int BAD_EVERY = 100_000;

    @Test
    void aBatchMuchLargerThanTheHeapCompletesWithEveryLineAccountedFor() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "streaming"));
        Path batch = dir.resolve("batch.csv");
        long[] counts = generate(batch);
        long cases = counts[0];
        long bad = counts[1];
        assertThat(Files.size(batch)).isGreaterThan(3L * HEAP_MB << 20);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                ApprovalRulesCommand.class.getName(), "deadline", "--batch", batch.toString(), "--as-of", "2024-12-31"));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        String errText = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(errText).doesNotContain("OutOfMemoryError").doesNotContain("内存不足");
        assertThat(code).as(errText).isEqualTo(3);
        long written;
        try (var lines = Files.lines(out, StandardCharsets.UTF_8)) {
            written = lines.count();
        }
        assertThat(written).isEqualTo(cases - bad);
        assertThat(errText.lines().filter(l -> !l.startsWith("进度 / progress")).findFirst()).hasValueSatisfying(l -> assertThat(l)
                .contains("INCOMPLETE: " + (cases - bad) + " case(s) done, " + bad + " line(s) rejected"));
        try (var lines = Files.lines(dir.resolve("batch.csv.rejects"), StandardCharsets.UTF_8)) {
            assertThat(lines.count()).isEqualTo(bad + 1);
        }
        Files.delete(batch);
    }

    @Test
    void runningOutOfMemoryIsOneBilingualLineNamingTheHeapOptionAndExitTwo() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "streaming"));
        Path batch = Files.writeString(dir.resolve("one.csv"), "id,accepted,limit,unit\nA,2024-09-27T10:30,20,WORKING_DAYS\n");
        Path err = dir.resolve("oom-err.txt");
        // compiling the example county's rules does not fit in 12 MB
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx12m",
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), ApprovalRulesCommand.class.getName(),
                "deadline", "--packs", RulesCommandTest.EXAMPLE.toString(), "--locality", "451031", "--batch", batch.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(Files.readAllLines(err, StandardCharsets.UTF_8)).containsExactly(ApprovalRulesCommand.OUT_OF_MEMORY);
        assertThat(ApprovalRulesCommand.OUT_OF_MEMORY).startsWith("错误 / error: 内存不足").contains("-Xmx")
                .contains("APPROVAL_RULES_JAVA_OPTS").doesNotContain("java.lang");
    }

    /** Writes the batch; returns {cases, bad lines}. Every {@value #BAD_EVERY}th case has an impossible date. */
    private static long[] generate(Path batch) throws IOException {
        long n = 0;
        long bad = 0;
        LocalDate first = LocalDate.of(2024, 1, 2);
        try (BufferedWriter w = Files.newBufferedWriter(batch, StandardCharsets.UTF_8)) {
            w.write("id,accepted,limit,unit,promised\n");
            long size = 0;
            while (size < FILE_BYTES) {
                n++;
                String accepted = n % BAD_EVERY == 0 ? "2024-02-30T09:00" : first.plusDays(n % 300) + "T09:30";
                if (n % BAD_EVERY == 0) {
                    bad++;
                }
                String line = "GX-2024-" + n + "," + accepted + "," + (5 + n % 30) + ",WORKING_DAYS," + (1 + n % 5) + "\n";
                w.write(line);
                size += line.length();
            }
        }
        return new long[] {n, bad};
    }
}
