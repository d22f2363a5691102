package org.approvalrules.drools;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.approvalrules.api.rules.RulePackException.Problem;

/**
 * Fuzzes the compiled-form check ({@link CompiledRuleCheck}) with spellings of forbidden calls: the input
 * picks a forbidden target (exit, halt, files, class loading, threads, processes, reflection, fact
 * deletion, loops), one of its spellings (plain, fully qualified, {@code java.lang.} prefix, {@code var},
 * casts, method references, static imports, class names built by string concatenation), whether to wrap
 * it in a lambda, and which letters to write as Java unicode escapes (with 1 to 4 {@code u}). The DRL is
 * compiled as a county layer without the source lint ({@link SandboxPacks}), so only the compiled-form
 * check stands between it and execution: every such rule must be refused (or fail to compile), each
 * refusal naming the file. The JVM staying alive and no file appearing is checked by the run itself.
 */
class CompiledRuleCheckFuzzTest {
    static final String FILE = "rules/fuzz.drl";

    /** One forbidden target and its spellings; a spelling may carry a header line after "||". */
    private record Target(String name, List<String> spellings) {
    }

    private static final List<Target> TARGETS = List.of(
            new Target("exit", List.of("System.exit(7);", "java.lang.System.exit(7);",
                    "java.util.function.IntConsumer f = System::exit; f.accept(7);",
                    "import static java.lang.System.exit;||exit(7);", "var s = 7; java.lang.System.exit(s);",
                    "Runnable r = () -> System.exit(7); r.run();")),
            new Target("halt", List.of("Runtime.getRuntime().halt(7);", "java.lang.Runtime.getRuntime().halt(7);",
                    "var rt = Runtime.getRuntime(); rt.halt(7);", "Object o = Runtime.getRuntime(); ((Runtime) o).halt(7);",
                    "java.util.function.Supplier<Runtime> s = Runtime::getRuntime; s.get().halt(7);",
                    "import static java.lang.Runtime.getRuntime;||getRuntime().halt(7);")),
            new Target("file", List.of("try { new java.io.File(\"fuzz-created\").createNewFile(); } catch (Exception e) { }",
                    "import java.io.File;||try { new File(\"fuzz-created\").createNewFile(); } catch (Exception e) { }",
                    "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"fuzz-created\"), \"x\"); } catch (Exception e) { }",
                    "try { var w = new java.io.FileWriter(\"fuzz-created\"); w.close(); } catch (Exception e) { }")),
            new Target("class-loading", List.of("try { Class.forName(\"java.lang.\" + \"Sys\" + \"tem\"); } catch (Exception e) { }",
                    "try { Object c = Class.forName(\"java.io.File\"); } catch (Exception e) { }",
                    "try { ClassLoader.getSystemClassLoader().loadClass(\"x\"); } catch (Exception e) { }",
                    "Object l = Thread.currentThread().getContextClassLoader();")),
            new Target("reflection", List.of("Object m = $c.getClass().getDeclaredMethods();",
                    "try { Object m = String.class.getMethod(\"length\"); } catch (Exception e) { }",
                    "java.util.function.Function<Object, Object> g = Object::getClass; g.apply($c);",
                    "try { java.lang.invoke.MethodHandles.lookup(); } catch (Exception e) { }")),
            new Target("thread", List.of("new Thread(() -> { }).start();", "java.lang.Thread t = new java.lang.Thread(); t.start();",
                    "java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> { });",
                    "java.util.List.of(1, 2).parallelStream().count();")),
            new Target("process", List.of("try { new ProcessBuilder(\"true\").start(); } catch (Exception e) { }",
                    "try { Runtime.getRuntime().exec(\"true\"); } catch (Exception e) { }",
                    "ProcessHandle.current().destroy();")),
            new Target("suppression", List.of("delete($c);", "retract($c);", "update($c);", "drools.delete($c);",
                    "Object o = $c; delete(o);", "insert($c);", "modify($c) { }")),
            new Target("loop", List.of("while ($c != null) { }", "for (;;) { }", "do { } while ($c != null);",
                    "Runnable r = () -> { while (true) { } }; r.run();", "int i = 0; while (i < 10) { i++; }")));

    @FuzzTest(maxDuration = "5m")
    void spellings(byte[] input) {
        Target target = TARGETS.get(at(input, 0) % TARGETS.size());
        String spelling = target.spellings().get(at(input, 1) % target.spellings().size());
        String header = "";
        String body = spelling;
        int bar = spelling.indexOf("||");
        if (bar >= 0) {
            header = spelling.substring(0, bar);
            body = spelling.substring(bar + 2);
        }
        if ((at(input, 2) & 1) != 0 && !body.contains("modify")) {
            body = "Runnable wrapped = () -> { " + body + " }; wrapped.run();";
        }
        int stride = at(input, 3) % 6;
        if (stride > 0) {
            header = escape(header, stride, 1 + at(input, 4) % 4, at(input, 5));
            body = escape(body, stride, 1 + at(input, 4) % 4, at(input, 5));
        }
        String drl = SandboxPacks.rule("fuzz.attack", header, body);
        List<Problem> problems = SandboxPacks.compile("451031", FILE, drl);
        assertThat(problems).as("%s spelled as:%n%s", target.name(), drl).isNotEmpty();
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo(FILE));
    }

    private static int at(byte[] input, int i) {
        return i < input.length ? input[i] & 0xff : 0;
    }

    /** Writes every {@code stride}-th letter (from {@code offset}) as a unicode escape with {@code us} u's. */
    static String escape(String text, int stride, int us, int offset) {
        StringBuilder sb = new StringBuilder();
        int letters = offset;
        for (char ch : text.toCharArray()) {
            if (Character.isLetter(ch) && letters++ % stride == 0) {
                sb.append('\\').append("u".repeat(us)).append(String.format("%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
