package org.approvalrules.cli.command;

import static org.approvalrules.cli.command.RulesCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The attacks of issue #11 (sandbox, bounded execution, suppression) through {@code rules check} and
 * {@code rules test}: each is refused with exit 2 and one line naming the file and the rule (or its line),
 * nothing runs (the JVM is alive, no file is created).
 */
class RulesSandboxCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // the source lint reads the escapes as the compiler does, and names file and line
        "``                | Sys\\u0074em.exit(7);                                          | attack.drl:6",
        "``                | new j\\u0061va.io.\\u0046ile(\"@FILE@\").createNewFile();       | attack.drl:6",
        // the compiled-form check names file and rule
        "``                | while ($c != null) { }                                         | rule county.attack",
        "`salience 1000`   | delete($c);                                                    | rule county.attack",
        "``                | Runnable r = () -> { while (true) { } }; r.run();                | rule county.attack",
        "``                | java.util.function.Supplier<Object> s = java.lang.Runtime::getRuntime; s.get(); | attack.drl:6",
    })
    void eachAttackIsRefusedByCheckAndTestWithOneLineAndNothingRuns(String attributes, String consequence, String named)
            throws IOException {
        Path victim = dir.resolve("created-by-rule");
        Path packs = dir.resolve("packs");
        Files.createDirectories(packs.resolve("451031/rules"));
        Files.writeString(packs.resolve("451031/manifest.yaml"), "pack: t\nlayer: \"451031\"\nversion: \"1\"\n");
        Files.writeString(packs.resolve("451031/rules/attack.drl"), """
                rule "county.attack" @id("county.attack") @reference("县规定") @severity(RED)
                    %s
                when
                    $c : CaseFacts( )
                then
                    %s
                end
                """.formatted(attributes, consequence.replace("@FILE@", victim.toString().replace("\\", "/"))));
        // a scenario of the county, so that rules test compiles the county's rules
        Files.createDirectories(packs.resolve("451031/scenarios"));
        Files.writeString(packs.resolve("451031/scenarios/s.yaml"), """
                scenarios:
                  - name: "任一办件 / any case"
                    as-of: 2024-10-08T09:00:00+08:00
                    cases:
                      - {id: A1, accepted: "2024-09-27T10:30", statutory: 20 WORKING_DAYS, promised: 10 WORKING_DAYS, promised-remaining: 6}
                    expect:
                      - {case: A1, rule: county.attack, severity: RED}
                """);
        for (String[] args : new String[][] {{"rules", "check", "--packs", packs.toString()},
                {"rules", "test", "--packs", packs.toString(), "--locality", "451031"}}) {
            RulesCommandTest.Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            String err = r.err().strip();
            assertThat(err.lines()).as("one line: " + err).hasSize(1);
            assertThat(err).contains("attack.drl").contains(named).doesNotContain("Exception").doesNotContain("\tat ");
        }
        // the JVM is alive (this line runs) and the rule never ran
        assertThat(victim).doesNotExist();
    }
}
