package org.approvalrules.core.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.approvalrules.api.rules.RulePackException;

/**
 * The safety lint run on every DRL text before it is compiled. A locality's DRL is code: it may only
 * import the library's API types, {@code java.time}, {@code java.math} and {@code java.util}
 * collections, and may not use {@code System}, {@code Runtime}, reflection, class loading, threads,
 * files or the network, nor declare globals of its own (the engine provides {@code out}, {@code params}
 * and {@code calendar}). Comments and string literals are ignored. Every finding names file and line.
 *
 * <p>The lint reads the text as the Java compiler does: Java unicode escapes ({@code \}{@code u0074},
 * {@code \}{@code uuuu0074}) are resolved first ({@link #resolveUnicodeEscapes}), so an escaped spelling of a
 * forbidden name is caught like the plain one. This lint gives friendly messages early; the authoritative
 * check is made on the compiled classes (rules-drools {@code CompiledRuleCheck}).
 */
public final class DrlLint {

    /** Import prefixes that are allowed (a prefix ending in '.' allows a package tree). */
    public static final List<String> ALLOWED_IMPORTS = List.of("org.approvalrules.api.", "java.time.", "java.math.",
            "java.util.List", "java.util.Map", "java.util.Set", "java.util.Collection", "java.util.ArrayList",
            "java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap", "java.util.LinkedHashSet",
            "java.util.TreeMap", "java.util.TreeSet", "java.util.Optional", "java.util.Collections",
            "java.util.Arrays", "java.util.Objects");

    private record Banned(Pattern pattern, String what) {
    }

    private static final List<Banned> BANNED = List.of(
            new Banned(Pattern.compile("\\bSystem\\b"), "System"),
            new Banned(Pattern.compile("\\bRuntime\\b"), "Runtime"),
            new Banned(Pattern.compile("\\bProcessBuilder\\b|\\bProcessHandle\\b"), "进程 / processes"),
            new Banned(Pattern.compile("\\bClass\\s*\\.\\s*forName\\b|\\bgetClass\\s*\\(|\\.class\\b"
                    + "|java\\s*\\.\\s*lang\\s*\\.\\s*(reflect|invoke)|\\bMethodHandles?\\b|\\bsetAccessible\\b"
                    + "|\\bgetDeclared\\w*|\\bUnsafe\\b"), "反射 / reflection"),
            new Banned(Pattern.compile("\\bClassLoader\\b|\\bloadClass\\b|\\bdefineClass\\b|\\bServiceLoader\\b"),
                    "类加载 / class loading"),
            new Banned(Pattern.compile("\\bThread\\w*\\b|\\bExecutor\\w*\\b|\\bForkJoin\\w*\\b|\\bCompletableFuture\\b"
                    + "|\\bjava\\s*\\.\\s*util\\s*\\.\\s*concurrent\\b|\\bsynchronized\\b"), "线程 / threads"),
            new Banned(Pattern.compile("\\bjava\\s*\\.\\s*(io|nio)\\b|\\bFiles\\b|\\bPaths?\\b|\\bFile\\w*\\b"
                    + "|\\bRandomAccessFile\\b"), "文件 / files"),
            new Banned(Pattern.compile("\\bjava\\s*\\.\\s*net\\b|\\bjavax?\\s*\\.\\s*net\\b|\\bSocket\\w*\\b|\\bURL\\b"
                    + "|\\bURI\\b|\\bHttpClient\\b|\\bInetAddress\\b"), "网络 / network"),
            new Banned(Pattern.compile("^\\s*global\\b"),
                    "自行声明全局变量（out、params 与 calendar 已提供） / declaring globals (out, params and calendar are provided)"));

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+|function\\s+)?([\\w.$*]+)");
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:java|javax|jdk|sun|com|org|net)(?:\\s*\\.\\s*\\w+)+)");

    private DrlLint() {
    }

    /**
     * Returns the problems of one DRL text (empty when it is clean): one per line, the first found on it,
     * with how many more the line has.
     */
    public static List<RulePackException.Problem> check(String file, String text) {
        List<RulePackException.Problem> problems = new ArrayList<>();
        for (RulePackException.Problem p : checkAll(file, text)) {
            RulePackException.Problem last = problems.isEmpty() ? null : problems.get(problems.size() - 1);
            if (last != null && last.line() == p.line()) {
                String reason = last.reason();
                int more = reason.endsWith(" more）") ? Integer.parseInt(reason.replaceAll(".*（另有 (\\d+) 处.*", "$1")) : 0;
                String base = more == 0 ? reason : reason.substring(0, reason.lastIndexOf("（另有 "));
                problems.set(problems.size() - 1, new RulePackException.Problem(file, p.line(), base + "（另有 " + (more + 1)
                        + " 处 / and " + (more + 1) + " more）"));
            } else {
                problems.add(p);
            }
        }
        return problems;
    }

    private static List<RulePackException.Problem> checkAll(String file, String text) {
        List<RulePackException.Problem> problems = new ArrayList<>();
        String[] lines = codeOnly(resolveUnicodeEscapes(text)).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int ln = i + 1;
            Matcher im = IMPORT.matcher(line);
            if (im.find()) {
                String name = im.group(2);
                if (im.group(1) != null || !allowedImport(name)) {
                    problems.add(new RulePackException.Problem(file, ln, "不允许的导入 " + name
                            + "（只允许 org.approvalrules.api、java.time、java.math、java.util 集合） / import not allowed: "
                            + name + " (allowed: org.approvalrules.api.., java.time.., java.math.., java.util collections)"));
                }
                continue;
            }
            if (line.trim().startsWith("package ")) {
                continue;
            }
            for (Banned b : BANNED) {
                Matcher m = b.pattern().matcher(line);
                if (m.find()) {
                    problems.add(new RulePackException.Problem(file, ln, "禁止使用 " + b.what() + "：“" + m.group().trim()
                            + "” / forbidden in rule packs: " + b.what()));
                }
            }
            Matcher q = QUALIFIED.matcher(line);
            while (q.find()) {
                String name = q.group(1).replaceAll("\\s+", "");
                if (!allowedImport(name) && !name.startsWith("java.lang.String") && !name.startsWith("java.lang.Math")
                        && !name.startsWith("java.lang.Integer")) {
                    problems.add(new RulePackException.Problem(file, ln, "不允许引用 " + name
                            + " / reference to a type outside the allow-list: " + name));
                }
            }
        }
        return problems;
    }

    static boolean allowedImport(String name) {
        for (String a : ALLOWED_IMPORTS) {
            if (a.endsWith(".") ? name.startsWith(a) : name.equals(a)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text with Java unicode escapes resolved as javac resolves them (JLS §3.3): a backslash preceded by
     * an even number of backslashes, one or more {@code u}, four hex digits. An escape that stands for a line
     * terminator becomes {@code '\r'}, which ends comments and string literals like a line end but is not
     * counted as one, so line numbers stay those of the file. An incomplete escape is left as written (the
     * compiler rejects it).
     */
    public static String resolveUnicodeEscapes(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        int backslashes = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\' && backslashes % 2 == 0 && i + 1 < n && text.charAt(i + 1) == 'u') {
                int j = i + 1;
                while (j < n && text.charAt(j) == 'u') {
                    j++;
                }
                int value = j + 4 <= n ? hex(text, j) : -1;
                if (value >= 0) {
                    char r = (char) value;
                    sb.append(r == '\n' ? '\r' : r);
                    // an escaped backslash does not escape what follows (JLS §3.3)
                    backslashes = 0;
                    i = j + 4;
                    continue;
                }
            }
            backslashes = c == '\\' ? backslashes + 1 : 0;
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static int hex(String text, int at) {
        int v = 0;
        for (int k = at; k < at + 4; k++) {
            int d = Character.digit(text.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /**
     * The text with comments and string-literal contents blanked out (newlines kept, so line numbers
     * stay right).
     */
    static String codeOnly(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            char d = i + 1 < n ? text.charAt(i + 1) : '\0';
            if (c == '/' && d == '/') {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && d == '*') {
                i += 2;
                while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
                    sb.append(text.charAt(i) == '\n' ? '\n' : ' ');
                    i++;
                }
                i += 2;
            } else if (c == '"' || c == '\'') {
                sb.append(c);
                i++;
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    if (text.charAt(i) == '\\') {
                        i++;
                        sb.append(' ');
                    }
                    sb.append(' ');
                    i++;
                }
                if (i < n && text.charAt(i) == c) {
                    sb.append(c);
                    i++;
                }
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
