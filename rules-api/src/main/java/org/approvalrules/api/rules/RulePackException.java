package org.approvalrules.api.rules;

import java.util.List;
import java.util.stream.Collectors;
import org.approvalrules.api.ApprovalRulesException;

/**
 * A rule pack could not be loaded, linted, layered or compiled. Carries every problem found, each with
 * its file and 1-based line (0 when the whole file is concerned) and, where two files conflict, the
 * other file. When this is thrown nothing from the pack has been put into service.
 */
public class RulePackException extends ApprovalRulesException {
    private static final long serialVersionUID = 1L;

    /**
     * One problem in a pack.
     *
     * @param file the file (path as given to the loader)
     * @param line 1-based line, 0 for the whole file
     * @param reason what is wrong, "中文 / English" (masked: {@code privacy.Masking}; the paths are not)
     * @param otherFile the other file involved (e.g. the ancestor that defines a duplicate id), or empty
     */
    public record Problem(String file, int line, String reason, String otherFile) {
        public Problem {
            file = file == null ? "<pack>" : file;
            reason = reason == null ? "" : org.approvalrules.api.privacy.Masking.mask(reason);
            otherFile = otherFile == null ? "" : otherFile;
        }

        /** A problem in one file. */
        public Problem(String file, int line, String reason) {
            this(file, line, reason, "");
        }

        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + reason
                    + (otherFile.isEmpty() ? "" : " (另见/see also " + otherFile + ")");
        }
    }

    private final List<Problem> problems;

    /** One problem. */
    public RulePackException(String file, int line, String reason) {
        this(List.of(new Problem(file, line, reason)), null);
    }

    /** One problem involving two files. */
    public RulePackException(String file, int line, String reason, String otherFile) {
        this(List.of(new Problem(file, line, reason, otherFile)), null);
    }

    /** Several problems (at least one). */
    public RulePackException(List<Problem> problems) {
        this(problems, null);
    }

    /** Several problems with an underlying cause. */
    public RulePackException(List<Problem> problems, Throwable cause) {
        super(cause, format(problems)); // reasons are masked in Problem; paths are the caller's, kept as given
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a RulePackException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    private static String format(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        return problems.size() + " 个规则包错误 / rule pack errors:\n  "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
    }

    /** Every problem found, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** The file of the first problem. */
    public String file() {
        return problems.get(0).file();
    }

    /** The line of the first problem (0 when the whole file is concerned). */
    public int line() {
        return problems.get(0).line();
    }
}
