package org.approvalrules.drools;

import static org.approvalrules.drools.SandboxPacks.compile;
import static org.approvalrules.drools.SandboxPacks.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check on the compiled form: what a rule references, loops, recursion and fact changes, by layer. */
class CompiledRuleCheckTest {
    static final String COUNTY = "451031";
    static final String NATIONAL = "000000";

    private static List<Problem> county(String header, String consequence) {
        return compile(COUNTY, "rules/x.drl", rule("x.attack", header, consequence));
    }

    /** Asserts one refusal (or more) naming file, rule and its line, with {@code fragment} in the reason. */
    private static void assertRefused(List<Problem> problems, String fragment) {
        assertThat(problems).as("refusals").isNotEmpty();
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/x.drl");
            assertThat(p.reason()).contains(fragment);
        });
        assertThat(problems).allSatisfy(p -> assertThat(p.reason()).satisfiesAnyOf(
                r -> assertThat(r).contains("rule x.attack"), r -> assertThat(r).contains("function ")));
    }

    @Test
    void legitimateLocalityRulesPass() {
        String header = """
                import java.util.List;
                import java.time.LocalDate;
                import java.math.BigDecimal;
                function int twice(int x) { return x * 2; }
                declare Mark
                    id : String
                end
                """;
        String consequence = """
                int n = twice($c.promisedRemainingWorkingDays());
                List<String> l = List.of("a", "b");
                l.forEach(s -> out.report(kcontext, $c, s + n + LocalDate.of(2024, 1, 1).plusDays(n), "x"));
                BigDecimal d = BigDecimal.TEN.multiply(BigDecimal.valueOf(n));
                var sb = new StringBuilder().append(d).append(Math.max(1, n));
                out.report(kcontext, $c, sb.toString(), String.valueOf(List.copyOf(l).size()));
                insert(new Mark($c.caseId()));
                """;
        assertThat(county(header, consequence)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "Sys\\u0074em.exit(7);                                          | java.lang.System.exit",
        "new j\\u0061va.io.\\u0046ile(\"x\").createNewFile();            | java.io.File",
        "java.lang.System.exit(7);                                     | java.lang.System.exit",
        "Runtime.getRuntime().halt(7);                                 | java.lang.Runtime",
        "var f = new java.io.File(\"x\"); out.report(kcontext, $c, f.getName(), \"\"); | java.io.File",
        "Object o = Class.forName(\"java.lang.\" + \"System\");        | java.lang.Class.forName",
        "java.util.function.Supplier<Runtime> s = Runtime::getRuntime; | java.lang.Runtime",
        "Runnable r = () -> java.lang.System.exit(1); r.run();         | java.lang.System.exit",
        "Object m = $c.getClass().getMethods();                        | getClass",
        "new Thread(() -> {}).start();                                 | java.lang.Thread",
        "java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(\"x\")); | java.nio.file",
        "((org.kie.api.runtime.rule.RuleContext) kcontext).getKieRuntime().halt(); | which rule packs may not use",
        "drools.halt();                                                | org.drools.model.Drools.halt",
        "try { out.report(kcontext, $c, \"a\", \"b\"); } catch (Throwable t) { }  | catches java.lang.Throwable",
        "out.report(kcontext, $c, java.time.LocalDate.now().toString(), \"\"); | now",
        "while ($c != null) { }                                        | loop",
        "for (int i = 0; i < 3; i++) { out.report(kcontext, $c, \"\" + i, \"\"); } | loop",
        "java.util.function.IntSupplier s = () -> { int i = 0; while (i >= 0) { i++; } return i; }; | loop",
        "delete($c);                                                   | deletes or modifies a fact",
        "retract($c);                                                  | deletes or modifies a fact",
        "update($c);                                                   | deletes or modifies a fact",
        "modify($c) { };                                               | deletes or modifies a fact",
        "insert($c);                                                   | inserts a fact of type org.approvalrules.api.rules.CaseFacts",
        "Object o = $c; insert(o);                                     | inserts a fact of type",
    })
    void eachAttackIsRefusedNamingFileAndRule(String consequence, String fragment) {
        assertRefused(county("", consequence), fragment);
    }

    @Test
    void staticImportsDoNotHideTheMember() {
        assertRefused(county("import static java.lang.System.exit;", "exit(7);"), "java.lang.System.exit");
    }

    @Test
    void recursionInFunctionsIsRefusedDirectOrMutual() {
        assertThat(county("function int f(int x) { return x <= 0 ? 0 : f(x - 1); }", "int a = f(3);"))
                .anySatisfy(p -> assertThat(p.reason()).contains("function f").contains("recursion"));
        assertThat(county("function int f(int x) { return x <= 0 ? 0 : g(x - 1); }\n"
                + "function int g(int x) { return f(x); }", "int a = f(3);"))
                .anySatisfy(p -> assertThat(p.reason()).contains("recursion").containsAnyOf("f → g → f", "g → f → g"));
        assertThat(county("function int f(int x) { java.util.function.IntUnaryOperator o = y -> f(y); return o.applyAsInt(x); }",
                "int a = f(3);")).anySatisfy(p -> assertThat(p.reason()).contains("recursion"));
    }

    @Test
    void theNationalLayerMayChangeFactsButKeepsToTheAllowList() {
        assertThat(compile(NATIONAL, "rules/x.drl", rule("x.attack", "", "delete($c);"))).isEmpty();
        assertThat(compile(NATIONAL, "rules/x.drl", rule("x.attack", "", "Sys\\u0074em.exit(7);")))
                .anySatisfy(p -> assertThat(p.reason()).contains("rule x.attack").contains("java.lang.System.exit"));
    }

    @Test
    void aRefusalNamesTheRuleAndItsLineAmongOthersOfTheFile() {
        String drl = rule("a.fine", "", "out.report(kcontext, $c, \"a\", \"b\");") + "\n"
                + rule("b.bad", "", "delete($c);");
        List<Problem> problems = compile(COUNTY, "rules/two.drl", drl);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).file()).isEqualTo("rules/two.drl");
        assertThat(problems.get(0).reason()).contains("rule b.bad").doesNotContain("a.fine");
        assertThat(problems.get(0).line()).isEqualTo(drl.lines().toList().indexOf(
                drl.lines().filter(l -> l.startsWith("rule \"b.bad\"")).findFirst().orElseThrow()) + 1);
    }

    @Test
    void aCompileErrorInTheGeneratedJavaNamesTheDrlFile() {
        // $c spelled with an escape: Drools does not pass the binding, javac fails on the generated consequence
        List<Problem> problems = county("", "delete($\\u0063);");
        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/x.drl");
            assertThat(p.line()).isEqualTo(2);
        });
    }
}
