package org.approvalrules.cli;

import org.approvalrules.cli.command.DeadlineCommand;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The conventions every command shares: {@code --help} on every command and subcommand; command-line errors as one
 * line, Chinese first, without Java class names, exit 2; and the deadline command's one path through the entry
 * point with or without {@code --packs}.
 */
class CliConventionsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(LocalDateTime.parse("2024-10-21T12:00").atZone(SHANGHAI).toInstant(), SHANGHAI);
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|org|com|picocli)\\.[a-z]+\\.|Exception\\b|\\tat ");
    /** The example packs of the repository (rules-cli's tests run in rules-cli/). */
    private static final Path EXAMPLE_PACKS = Paths.get("..", "examples", "packs");

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = ApprovalRulesCommand.commandLine(out, err, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == DeadlineCommand.class ? cls.cast(new DeadlineCommand(CLOCK)) : CommandLine.defaultFactory().create(cls);
            }
        });
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return new Run(code, out.toString(), err.toString());
    }

    /** Every command and subcommand, as the words that name it. */
    static Stream<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        collect(ApprovalRulesCommand.commandLine(), new ArrayList<>(), all);
        return all.stream();
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, into);
            }
        });
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void helpWorksOnEveryCommandAndSubcommand(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        Run r = run(args.toArray(String[]::new));
        assertThat(r.code()).as("%s: %s", command, r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: approval-rules" + (command.isEmpty() ? "" : " " + String.join(" ", command)));
    }

    @Test
    void theCommandTreeHasTheCommandsThatFailedBefore() {
        assertThat(commands().map(c -> String.join(" ", c)))
                .contains("demo", "rules", "rules check", "rules test", "rules explain", "intake");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "fee --standard real-estate.residential --date 2024-02-30",
        "deadline --accepted 2024-09-27T10:30 --limit x --unit WORKING_DAYS",
        "deadline --coverage SOMETIMES",
        "deadline --locality 4501",
        "deadline --nonsense",
        "intake --log x.csv",
        "deadline --limit 3 --limit 4",
    })
    void commandLineErrorsAreOneBilingualLineWithoutClassNames(String line) {
        Run r = run(line.split(" "));
        assertThat(r.code()).as(r.err()).isEqualTo(ErrorHandlers.EXIT_USAGE);
        assertThat(r.err().lines()).as(r.err()).hasSize(1).first().asString()
                .startsWith("错误 / error: ").doesNotContainPattern(CLASS_NAME).containsPattern("\\p{IsHan}.* / ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anImpossibleDateSaysSoInBothLanguages() {
        Run r = run("fee", "--standard", "real-estate.residential", "--date", "2024-02-30");
        assertThat(r.err()).contains("不存在的日期 / no such date: '2024-02-30'").doesNotContain("LocalDate");
    }

    @Test
    void aDivisionCodeIsValidatedTheSameWayByEveryCommand() {
        String deadline = run("deadline", "--locality", "45010", "--accepted", "2024-09-27T10:30", "--limit", "20",
                "--unit", "WORKING_DAYS").err();
        String fee = run("fee", "--standard", "real-estate.residential", "--locality", "45010").err();
        String reason = "行政区划代码必须是6位数字 / division code must have 6 digits";
        assertThat(deadline).contains(reason);
        assertThat(fee).contains(reason);
    }

    @Test
    void deadlineWithoutPacksGivesTheNationalFindings() {
        Run r = run("deadline", "--accepted", "2024-09-27T10:30", "--limit", "20", "--unit", "WORKING_DAYS", "--promised", "30",
                "--as-of", "2024-10-08T12:00");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("[RED] deadline.promised.above-statutory CLI: 承诺时限 30 WORKING_DAYS 超过法定时限 20 WORKING_DAYS");
        Run packs = run("deadline", "--accepted", "2024-09-27T10:30", "--limit", "20", "--unit", "WORKING_DAYS", "--promised", "30",
                "--as-of", "2024-10-08T12:00", "--packs", EXAMPLE_PACKS.toString());
        assertThat(packs.out()).contains("[RED] deadline.promised.above-statutory");
    }

    @Test
    void withoutPromisedLimitNoPromisedLimitCheckRuns() {
        // the example province caps the promised limit at 0.5 of statutory: with a promised limit of 15 of 20 it warns,
        // without one it has nothing to check
        String[] base = {"deadline", "--accepted", "2024-09-27T10:30", "--limit", "20", "--unit", "WORKING_DAYS",
            "--as-of", "2024-10-08T12:00", "--locality", "451031", "--packs", EXAMPLE_PACKS.toString()};
        Run none = run(base);
        assertThat(none.code()).as(none.err()).isZero();
        assertThat(none.out()).doesNotContain("deadline.promised.").doesNotContain("promised.not-compressed");
        List<String> with = new ArrayList<>(List.of(base));
        with.addAll(List.of("--promised", "15"));
        Run promised = run(with.toArray(String[]::new));
        assertThat(promised.out()).contains("[YELLOW] deadline.promised.above-cap");
    }

    @Test
    void asOfBeforeAcceptanceIsAnError() {
        Run r = run("deadline", "--accepted", "2024-09-27T10:30", "--limit", "20", "--unit", "WORKING_DAYS", "--as-of", "2024-09-27T10:00");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("错误 / error: as-of: 评估时点早于受理时间 2024-09-27T10:30");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBugIsAnInternalErrorWithItsOwnExitCode() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Broken());
        cl.setErr(new java.io.PrintWriter(err, true));
        ErrorHandlers.install(cl);
        assertThat(cl.execute()).isEqualTo(ErrorHandlers.EXIT_INTERNAL).isNotIn(0, 2, RecordRun.EXIT_REJECTS);
        assertThat(err.toString()).startsWith("内部错误").contains("invariant broken").doesNotContain("\tat ");
    }

    /** A command with a bug. */
    @CommandLine.Command(name = "broken")
    static final class Broken implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("invariant broken");
        }
    }
}
