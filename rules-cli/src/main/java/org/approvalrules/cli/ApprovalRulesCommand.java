package org.approvalrules.cli;

import org.approvalrules.cli.command.AuthorizationCommand;
import org.approvalrules.cli.command.CalendarCommand;
import org.approvalrules.cli.command.DeadlineCommand;
import org.approvalrules.cli.command.DemoCommand;
import org.approvalrules.cli.command.FeeCommand;
import org.approvalrules.cli.command.IntakeCommand;
import org.approvalrules.cli.command.RulesCommand;
import org.approvalrules.cli.command.SuperviseCommand;

import java.io.PrintWriter;
import org.approvalrules.api.privacy.MaskingOutputStream;
import org.approvalrules.api.privacy.MaskingWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code approval-rules} command: the project's main job. Each concern is a subcommand in its
 * own class; register new ones in {@code subcommands} below. {@code --help} and {@code --version} are inherited
 * by every command and subcommand; the converters are {@link Converters}, the error handlers {@link ErrorHandlers}.
 */
@Command(name = "approval-rules", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = ApprovalRulesCommand.Version.class,
        description = {"政务服务办件规则工具 / Rules for administrative-approval cases:",
                "working-day calendar, deadlines, locality rule packs."},
        subcommands = {
                DemoCommand.class,
                CalendarCommand.class,
                DeadlineCommand.class,
                RulesCommand.class,
                IntakeCommand.class,
                AuthorizationCommand.class,
                FeeCommand.class,
                SuperviseCommand.class,
                CommandLine.HelpCommand.class
        })
public final class ApprovalRulesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Builds the picocli command line with the project's conventions (exit codes, UTF-8 output, and both
     * streams masked by {@link MaskingWriter}: no identifier from an input file is printed in full).
     */
    public static CommandLine commandLine() {
        return commandLine(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The command line of {@link #commandLine()} writing to {@code out} and {@code err} (masked). */
    public static CommandLine commandLine(java.io.Writer out, java.io.Writer err) {
        return commandLine(out, err, CommandLine.defaultFactory());
    }

    /** The command line of {@link #commandLine(java.io.Writer, java.io.Writer)} creating commands with {@code factory}. */
    public static CommandLine commandLine(java.io.Writer out, java.io.Writer err, CommandLine.IFactory factory) {
        CommandLine cl = new CommandLine(ApprovalRulesCommand.class, factory);
        cl.setOut(new PrintWriter(new MaskingWriter(out), true));
        cl.setErr(new PrintWriter(new MaskingWriter(err), true));
        Converters.register(cl);
        ErrorHandlers.install(cl);
        return cl;
    }

    public static void main(String[] args) {
        // whatever else prints (the logging back end, the rule engine) is masked too; the commands' own streams are
        // masked once, line by line, by commandLine's MaskingWriter over the original streams (masking them twice
        // cost a second pass over every line, and a command that flushed mid-line would be masked in pieces)
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        System.setOut(new java.io.PrintStream(new MaskingOutputStream(stdout), true, java.nio.charset.StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(new MaskingOutputStream(stderr), true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = commandLine(new java.io.OutputStreamWriter(stdout, java.nio.charset.StandardCharsets.UTF_8),
                    new java.io.OutputStreamWriter(stderr, java.nio.charset.StandardCharsets.UTF_8)).execute(args);
        } catch (OutOfMemoryError e) {
            code = outOfMemory();
        }
        System.exit(code);
    }

    /** One line instead of a stack trace when the heap is too small for the input; exit 2. */
    static int outOfMemory() {
        System.err.println(OUT_OF_MEMORY);
        System.err.flush();
        return 2;
    }

    static final String OUT_OF_MEMORY = "错误 / error: 内存不足，请用 -Xmx 加大堆内存（例如 APPROVAL_RULES_JAVA_OPTS=-Xmx2g）"
            + " / out of memory: raise the heap with -Xmx (e.g. APPROVAL_RULES_JAVA_OPTS=-Xmx2g)";

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"approval-rules " + version()};
        }
    }

    public static String version() {
        String v = ApprovalRulesCommand.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-SNAPSHOT";
    }

    /** The execution exception handler of {@link ErrorHandlers}, for tests that build their own command line. */
    public static final class Errors implements CommandLine.IExecutionExceptionHandler {
        private final ErrorHandlers.Execution delegate = new ErrorHandlers.Execution();

        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
            return delegate.handleExecutionException(ex, cl, parseResult);
        }
    }
}
