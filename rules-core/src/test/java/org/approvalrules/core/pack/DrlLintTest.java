package org.approvalrules.core.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.approvalrules.api.rules.RulePackException.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DrlLintTest {

    private static String ruleWith(String consequence) {
        return "rule \"x\" @id(\"x\") @reference(\"r\")\nwhen\n  $c : CaseFacts()\nthen\n  " + consequence + "\nend\n";
    }

    @Test
    void allowedImportsAndPlainRulesPass() {
        String drl = "import java.time.LocalDate;\nimport java.math.BigDecimal;\nimport java.util.List;\n"
                + "import org.approvalrules.api.finding.Severity;\n"
                + ruleWith("out.report(kcontext, $c, \"System.exit 不在代码里\", \"a // comment\"); // System.exit(1)");
        assertThat(DrlLint.check("f.drl", drl)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"import java.io.File;", "import java.util.concurrent.Executors;", "import org.kie.api.KieBase;",
            "import static java.lang.System.exit;", "import java.lang.reflect.Method;", "import java.net.URL;",
            "import function java.lang.System.exit;"})
    void importsOutsideTheAllowListAreRejectedWithTheirLine(String imp) {
        List<Problem> p = DrlLint.check("f.drl", "\n" + imp + "\n" + ruleWith("int a = 1;"));
        assertThat(p).isNotEmpty();
        assertThat(p.get(0).line()).isEqualTo(2);
        assertThat(p.get(0).reason()).contains("import not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"System.exit(0);", "Runtime.getRuntime().halt(0);", "Class.forName(\"x\");",
            "$c.getClass().getDeclaredFields();", "Thread t = new Thread();", "new java.io.File(\"/etc/passwd\");",
            "java.nio.file.Files.delete(null);", "new java.net.Socket(\"h\", 1);", "ClassLoader l = null;",
            "Object o = String.class;", "java.util.concurrent.Executors.newFixedThreadPool(1);",
            "new ProcessBuilder(\"sh\");", "java.lang.reflect.Array.newInstance(null, 1);"})
    void forbiddenUsesAreRejectedWithFileAndLine(String code) {
        List<Problem> p = DrlLint.check("pack/f.drl", ruleWith(code));
        assertThat(p).isNotEmpty();
        assertThat(p).allSatisfy(x -> {
            assertThat(x.file()).isEqualTo("pack/f.drl");
            assertThat(x.line()).isEqualTo(5);
        });
    }

    @Test
    void theCalendarGlobalAndTheCalendarApiTypesAreAllowed() {
        String drl = "import org.approvalrules.api.calendar.DayKind;\nimport java.time.LocalDate;\n"
                + "rule \"x\" @id(\"x\") @reference(\"r\")\nwhen\n"
                + "  $c : CaseFacts( calendar.isLocalHoliday(acceptedOn), calendar.kindOf(acceptedOn) == DayKind.HOLIDAY,\n"
                + "                  calendar.workingDaysBetween(acceptedOn, calendar.plusWorkingDays(acceptedOn, 3)) == 3 )\n"
                + "then\n  out.report(kcontext, $c, calendar.nameOf($c.acceptedOn()), calendar.layerOf($c.acceptedOn()));\nend\n";
        assertThat(DrlLint.check("f.drl", drl)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"calendar.workingCalendar().getClass().getClassLoader();",
            "Object o = calendar.getClass().getDeclaredMethods();", "System.exit(calendar.workingDaysBetween(null, null));",
            "new Thread(() -> calendar.isWorkingDay(null)).start();"})
    void forbiddenUsesThroughTheCalendarAreRejected(String code) {
        assertThat(DrlLint.check("f.drl", ruleWith(code))).isNotEmpty()
                .allSatisfy(x -> assertThat(x.line()).isEqualTo(5));
    }

    @Test
    void theProvidedGlobalsCannotBeRedeclared() {
        assertThat(DrlLint.check("f.drl", "global org.approvalrules.api.rules.CalendarFunctions calendar;\n")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("calendar are provided"));
    }

    @Test
    void globalsCannotBeRedeclared() {
        assertThat(DrlLint.check("f.drl", "global java.util.List leak;\n")).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("globals"));
    }

    @Test
    void aMultiLineCommentKeepsLineNumbers() {
        List<Problem> p = DrlLint.check("f.drl", "/* a\n b\n c */\nimport java.io.File;\n");
        assertThat(p).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sys\\u0074em.exit(7);", "new j\\u0061va.io.\\u0046ile(\"x\").createNewFile();",
            "Sys\\uuuu0074em.exit(7);", "\\u0053\\u0079\\u0073\\u0074\\u0065\\u006d.exit(7);",
            "// comment\\u000aSystem.exit(7);", "/* comment *\\u002f System.exit(7);",
            "String s = \"a\\u0022; System.exit(7); //\";", "int a = 1; \\u002f\\u002f\\u000a Runtime.getRuntime().halt(1);"})
    void unicodeEscapesAreResolvedAsTheCompilerDoesBeforeLinting(String consequence) {
        List<Problem> p = DrlLint.check("f.drl", "\n" + ruleWith(consequence));
        assertThat(p).isNotEmpty();
        // the rule starts on line 2, its consequence is on line 6 of the file: escapes never shift lines
        assertThat(p).allSatisfy(problem -> assertThat(problem.line()).isEqualTo(6));
    }

    @Test
    void anEscapedBackslashDoesNotStartAnEscapeAndAnIncompleteOneIsKept() {
        assertThat(DrlLint.resolveUnicodeEscapes("\\\\u0041")).isEqualTo("\\\\u0041");
        assertThat(DrlLint.resolveUnicodeEscapes("\\\\\\u0041")).isEqualTo("\\\\A");
        assertThat(DrlLint.resolveUnicodeEscapes("\\u00G1 \\u12")).isEqualTo("\\u00G1 \\u12");
        assertThat(DrlLint.resolveUnicodeEscapes("\\u005c\\u0041")).isEqualTo("\\A");
        assertThat(DrlLint.check("f.drl", ruleWith("String s = \"\\\\u0053ystem\";"))).isEmpty();
    }
}
