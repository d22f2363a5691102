package org.approvalrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.approvalrules.api.ApprovalRulesException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * How the command line ends on an error: one line on stderr, Chinese first, no Java class name and no stack
 * trace. A mistake in the command line or in the input is exit {@link #EXIT_USAGE}; a run that rejected record
 * lines exits 3 ({@link RecordRun#EXIT_REJECTS}); a bug of this program is exit {@link #EXIT_INTERNAL}, with the
 * stack trace only when {@code APPROVAL_RULES_DEBUG} is set.
 */
public final class ErrorHandlers {

    /** A mistake in the arguments or the input files. */
    public static final int EXIT_USAGE = 2;
    /** A bug in this program (as {@code EX_SOFTWARE} of sysexits.h). */
    public static final int EXIT_INTERNAL = 70;

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static final Pattern QUALIFIED = Pattern.compile("(?:class |interface )?\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][\\w$]*)");

    private ErrorHandlers() {
    }

    /** Installs both handlers on {@code cl}. */
    public static CommandLine install(CommandLine cl) {
        cl.setParameterExceptionHandler(new Parameters());
        cl.setExecutionExceptionHandler(new Execution());
        return cl;
    }

    /** Errors in the command line: what is wrong, and where to find the usage. */
    static final class Parameters implements IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            err.println("错误 / error: " + describe(ex) + "（用法 / usage: " + cl.getCommandSpec().qualifiedName() + " --help）");
            err.flush();
            return EXIT_USAGE;
        }
    }

    /** The one-line description of a command-line error, Chinese first. */
    static String describe(ParameterException ex) {
        if (ex instanceof CommandLine.MissingParameterException m) {
            return "缺少必需的选项或参数 / missing required option or parameter: " + names(m.getMissing());
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return "未知的选项或多余的参数 / unknown option or unexpected argument: " + String.join(" ", u.getUnmatched());
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return "选项只能给一次 / option given more than once: " + names(List.of(o.getOverwritten()));
        }
        String m = ex.getMessage() == null ? "" : ex.getMessage();
        if (HAN.matcher(m).find()) {
            // our own converters and commands: already bilingual; drop picocli's English prefix
            int colon = m.startsWith("Invalid value for ") ? m.indexOf(": ") : -1;
            String what = colon < 0 ? "" : m.substring("Invalid value for ".length(), colon).replace("option ", "").replace("'", "");
            return colon < 0 ? m : "选项 " + what + " 的值无效 / invalid value for " + what + "：" + m.substring(colon + 2);
        }
        return "命令行有误 / invalid command line: " + withoutClassNames(m);
    }

    private static String names(List<? extends ArgSpec> specs) {
        return specs.stream().map(a -> a instanceof OptionSpec o ? o.longestName() : a.paramLabel())
                .collect(Collectors.joining(", "));
    }

    /** {@code java.time.LocalDate} → {@code LocalDate}: no package names in what a user reads. */
    static String withoutClassNames(String text) {
        return QUALIFIED.matcher(text).replaceAll("$1");
    }

    /** Errors while running a command: a library error or an unreadable file is the user's (2); anything else is a bug. */
    static final class Execution implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
            PrintWriter err = cl.getErr();
            Throwable e = ex instanceof UncheckedIOException u ? u.getCause() : ex;
            String line = userError(e);
            if (line != null) {
                err.println("错误 / error: " + line);
                err.flush();
                return EXIT_USAGE;
            }
            err.println("内部错误（程序缺陷，请报告；设 APPROVAL_RULES_DEBUG=1 可见详情） / internal error (a bug, please report it; "
                    + "set APPROVAL_RULES_DEBUG=1 for details): " + withoutClassNames(String.valueOf(e.getMessage())));
            if (System.getenv("APPROVAL_RULES_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_INTERNAL;
        }
    }

    /** The line for an error of the user's making, or null when {@code e} is a bug. */
    static String userError(Throwable e) {
        if (e instanceof ApprovalRulesException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException f) {
            return f.getFile() + ": 文件不存在 / file not found";
        }
        if (e instanceof AccessDeniedException f) {
            return f.getFile() + ": 无权访问 / permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": 无法访问文件 / cannot access the file: " + withoutClassNames(String.valueOf(f.getReason()));
        }
        if (e instanceof IOException io) {
            return "读写文件出错 / input or output error: " + withoutClassNames(String.valueOf(io.getMessage()));
        }
        return null;
    }
}
