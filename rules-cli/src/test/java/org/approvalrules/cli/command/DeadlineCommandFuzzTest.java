package org.approvalrules.cli.command;

import org.approvalrules.cli.ApprovalRulesCommand;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Fuzzes the batch CSV of {@code deadline --batch FILE --format jsonl} through the command line as
 * the launcher runs it (fixed clock): any file content ends with exit code 0; 2 with every error
 * line naming the file; or 3 when lines were rejected, the first stderr line then saying the run is
 * incomplete and the reject file holding one line per reject (never an internal error, also exit 3, with
 * its stack trace). Every output line is a JSON object with the case {@code id}, a {@code dueDate} and a
 * {@code status}.
 */
class DeadlineCommandFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-10-21T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void batch(byte[] input) throws IOException {
        Path file = dir.resolve("batch.csv");
        Files.write(file, input);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(ApprovalRulesCommand.class, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == DeadlineCommand.class ? cls.cast(new DeadlineCommand(CLOCK)) : CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new ApprovalRulesCommand.Errors());
        int code = cl.execute("deadline", "--batch", file.toString(), "--format", "jsonl");
        assertThat(code).as("exit code; stderr: %s", err).isIn(0, 2, 3);
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("内部错误");
        if (code == 2) {
            assertThat(err.toString()).contains(file.getFileName().toString());
        }
        Path rejects = dir.resolve("batch.csv.rejects");
        if (code == 3) {
            assertThat(err.toString()).startsWith("未完成").contains("INCOMPLETE");
            assertThat(Files.readAllLines(rejects, java.nio.charset.StandardCharsets.UTF_8)).hasSizeGreaterThan(1)
                    .allSatisfy(l -> assertThat(l).contains("\t"));
        } else if (code == 0) {
            assertThat(rejects).doesNotExist();
        }
        for (String line : out.toString().lines().toList()) {
            JsonNode n = JSON.readTree(line);
            assertThat(n.isObject()).as(line).isTrue();
            assertThat(n.path("id").asText()).as(line).isNotEmpty();
            assertThat(n.has("dueDate") || n.has("statutory")).as(line).isTrue();
        }
    }
}
