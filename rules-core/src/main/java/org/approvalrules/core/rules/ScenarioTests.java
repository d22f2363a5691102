package org.approvalrules.core.rules;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;

/**
 * Scenario files as JUnit 5 dynamic tests, for a locality's own build:
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> scenarios() { return ScenarioTests.forPacks(Path.of("packs")); }
 * }</pre>
 * Each scenario is one test, named by its file and name; a further test fails when a rule of the pack
 * has no scenario that fires it. Needs junit-jupiter-api on the test classpath.
 */
public final class ScenarioTests {
    private ScenarioTests() {
    }

    /** The scenarios of every layer of {@code dir} (plus the bundled national layer). */
    public static Stream<DynamicTest> forPacks(Path dir) {
        return of(RuleSets.directory(dir, RuleEngines.load()), Optional.empty());
    }

    /** The scenarios of the bundled national pack. */
    public static Stream<DynamicTest> bundled() {
        return of(RuleSets.bundled(RuleEngines.load()), Optional.empty());
    }

    /** The scenarios of the layers of {@code registry} that apply to {@code locality} (all when empty). */
    public static Stream<DynamicTest> of(RuleSets registry, Optional<org.approvalrules.api.division.DivisionCode> locality) {
        ScenarioRunner runner = new ScenarioRunner(registry);
        ScenarioRunner.Report report = runner.runAll(locality);
        Stream<DynamicTest> each = report.results().stream().map(r -> DynamicTest.dynamicTest(
                r.scenario().file().replaceAll(".*/", "") + ":" + r.scenario().line() + " " + r.scenario().name(), () -> {
                    r.error().ifPresent(Assertions::fail);
                    Assertions.assertTrue(r.passed(), () -> r.scenario().name() + " — 缺少/missing " + r.missing()
                            + "，多出/unexpected " + r.unexpected());
                }));
        Stream<DynamicTest> coverage = Stream.of(DynamicTest.dynamicTest("每条规则都有场景 / every rule has a scenario",
                () -> Assertions.assertTrue(report.unexercised().isEmpty(),
                        () -> "没有场景触发的规则 / rules no scenario exercises: " + report.unexercised())));
        return Stream.concat(each, coverage);
    }
}
