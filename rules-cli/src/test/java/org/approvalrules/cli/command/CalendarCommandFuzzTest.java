package org.approvalrules.cli.command;

import org.approvalrules.cli.ApprovalRulesCommand;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Fuzzes the in-flight cases file of {@code calendar diff --cases FILE} (CSV {@code id,start,due})
 * through the command line as the launcher runs it: any file content ends with exit code 0, or with
 * exit code 2 and one clear error line (a library exception); never exit code 3 (an internal error,
 * printed with a stack trace).
 */
class CalendarCommandFuzzTest {

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "5m")
    void diffCases(byte[] input) throws IOException {
        Path layers = Files.createDirectories(dir.resolve("layers"));
        Path cases = dir.resolve("cases.csv");
        Files.write(cases, input);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ApprovalRulesCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("calendar", "diff", "--locality", "450000", "--layers", layers.toString(),
                "--cases", cases.toString());
        assertThat(code).as("exit code; stderr: %s", err).isIn(0, 2);
        if (code == 2) {
            assertThat(err.toString()).startsWith("错误 / error: ").contains(cases.getFileName().toString()).doesNotContain("\tat ");
        }
    }
}
