package org.approvalrules.drools;

import org.approvalrules.core.rules.RuleSets;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.api.deadline.TimeLimit;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.api.finding.Finding;
import org.approvalrules.api.rules.CaseFacts;
import org.approvalrules.api.rules.RulePackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.KieServices;

class RuleSetRegistryTest {
    static final DivisionCode COUNTY = DivisionCode.parse("451031");
    static final Instant AS_OF = Instant.parse("2024-10-10T01:00:00Z");

    @TempDir
    Path dir;

    private void write(String rel, String text) throws IOException {
        write(dir, rel, text);
    }

    static void write(Path dir, String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private void county(int overdueBy) throws IOException {
        county(overdueBy, 3);
    }

    private void county(int overdueBy, int yellow) throws IOException {
        county(dir, overdueBy, yellow);
    }

    /** A county layer with a yellow threshold and a local rule for cases late by more than {@code overdueBy}. */
    static void county(Path dir, int overdueBy, int yellow) throws IOException {
        write(dir, "451031/parameters/p.yaml", "deadline.yellow.remaining-working-days:\n  values:\n    2020-01-01: {value: "
                + yellow + ", reference: \"县文件\"}\n");
        write(dir, "451031/manifest.yaml", "pack: test.county\nlayer: \"451031\"\nversion: \"" + overdueBy + "\"\n");
        write(dir, "451031/rules/local.drl", """
                rule "local.very-late" @id("local.very-late") @reference("县规定") @severity(RED)
                when
                    $c : CaseFacts( promisedRemainingWorkingDays < -%d )
                then
                    out.report(kcontext, $c, "严重超期", "very late");
                end
                """.formatted(overdueBy));
    }

    static CaseFacts late(int by) {
        return CaseFacts.onTrack("C" + by, COUNTY, LocalDateTime.parse("2024-09-02T10:00"), TimeLimit.workingDays(20),
                TimeLimit.workingDays(10), -by, 10 - by);
    }

    static List<String> ids(List<Finding> f) {
        return f.stream().map(Finding::ruleId).sorted().toList();
    }

    @Test
    void aBrokenEditLeavesTheRunningRuleSetAndReturnsErrorsWithFileAndLine() throws IOException {
        county(5);
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            String before = reg.ruleSet(COUNTY).version();
            assertThat(ids(reg.ruleSet(COUNTY).evaluate(List.of(late(6)), AS_OF))).contains("local.very-late");
            write("451031/rules/local.drl", """
                    rule "local.very-late" @id("local.very-late") @reference("县规定") @severity(RED)
                    when
                        $c : CaseFacts( noSuchField < 1 )
                    then
                        out.report(kcontext, $c, "严重超期", "very late");
                    end
                    """);
            RuleSets.ReloadResult r = reg.reloadAsync(COUNTY).join();
            assertThat(r.swapped()).isFalse();
            assertThat(r.problems()).isNotEmpty();
            assertThat(r.problems().get(0).file()).endsWith("451031/rules/local.drl");
            assertThat(r.problems().get(0).line()).as(r.problems().toString()).isBetween(1, 3);
            assertThat(reg.ruleSet(COUNTY).version()).isEqualTo(before);
            assertThat(ids(reg.ruleSet(COUNTY).evaluate(List.of(late(6)), AS_OF))).contains("local.very-late");

            write("451031/rules/local.drl", "import java.io.File;\n");
            RuleSets.ReloadResult lint = reg.reload(COUNTY);
            assertThat(lint.swapped()).isFalse();
            assertThat(lint.problems().get(0).toString()).contains("local.drl:1").contains("import not allowed");
            assertThat(reg.ruleSet(COUNTY).version()).isEqualTo(before);
        }
    }

    @Test
    void aGoodEditIsSwappedInAndAnInFlightEvaluationFinishesOnItsVersion() throws IOException {
        county(5);
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            CompiledRuleSet inFlight = (CompiledRuleSet) reg.ruleSet(COUNTY).rules();
            county(10);
            RuleSets.ReloadResult r = reg.reload(COUNTY);
            assertThat(r.swapped()).isTrue();
            assertThat(reg.ruleSet(COUNTY).version()).isNotEqualTo(inFlight.version()).isEqualTo(r.versions().get(COUNTY));
            // the old rule set still evaluates, on its own version, after its KieModule was released
            List<Finding> old = inFlight.evaluate(List.of(late(6)), AS_OF);
            assertThat(old).filteredOn(f -> f.ruleId().equals("local.very-late")).singleElement()
                    .satisfies(f -> assertThat(f.ruleSetVersion()).isEqualTo(inFlight.version()));
            assertThat(ids(reg.ruleSet(COUNTY).evaluate(List.of(late(6)), AS_OF))).doesNotContain("local.very-late");
        }
    }

    @Test
    void registriesInOneJvmShareCompiledRulesUntilTheLastReleasesThem() throws IOException {
        county(4);
        KieServices ks = KieServices.get();
        RuleSets first = RuleSets.directory(dir, new DroolsRuleEngineProvider());
        CompiledRuleSet a = (CompiledRuleSet) first.ruleSet(COUNTY).rules();
        org.kie.api.builder.ReleaseId id = a.releaseId();
        try (RuleSets second = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            CompiledRuleSet b = (CompiledRuleSet) second.ruleSet(COUNTY).rules();
            assertThat(b.kieBase()).isSameAs(a.kieBase());
            first.close();
            assertThat(ks.getRepository().getKieModule(id)).isNotNull();
            assertThat(ids(second.ruleSet(COUNTY).evaluate(List.of(late(6)), AS_OF))).contains("local.very-late");
        }
        assertThat(ks.getRepository().getKieModule(id)).isNull();
        assertThat(RuleSetCompiler.isShared(a.spec().rulesVersion())).isFalse();
    }

    /**
     * A consequence that inserts a fact turns sequential mode off: a rule matching that fact fires even
     * when it comes before the inserting rule (in sequential mode it would not).
     */
    @Test
    void rulesThatInsertFactsAreMatchedAgainstWhatTheyInsert() throws IOException {
        write("451031/manifest.yaml", "pack: t\nlayer: \"451031\"\nversion: \"1\"\n");
        write("451031/rules/chain.drl", """
                rule "local.marked" @id("local.marked") @reference("县规定")
                when
                    $c : CaseFacts( )
                    String( this == $c.caseId() + "#late" )
                then
                    out.report(kcontext, $c, "已标记", "marked");
                end

                rule "local.mark" @id("local.mark") @reference("县规定")
                when
                    $c : CaseFacts( promisedRemainingWorkingDays < -2 )
                then
                    insert($c.caseId() + "#late");
                end
                """);
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            assertThat(ids(reg.ruleSet(COUNTY).evaluate(List.of(late(3), late(1)), AS_OF))).containsOnlyOnce("local.marked");
        }
    }

    @Test
    void compileErrorsNameTheSourceFileAndLine() throws IOException {
        write("451031/manifest.yaml", "pack: t\nlayer: \"451031\"\nversion: \"1\"\n");
        write("451031/rules/bad.drl", "\n\nrule \"b\" @id(\"b\") @reference(\"r\")\nwhen\n    $c : CaseFacts( promisedRemainingWorkingDays > \"x\" + )\nthen\nend\n");
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            RulePackException e = org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class,
                    () -> reg.ruleSet(COUNTY));
            assertThat(e.file()).endsWith("451031/rules/bad.drl");
            assertThat(e.line()).isBetween(3, 5);
        }
    }

    @Test
    void parameterOnlyEditsShareTheCompiledRules() throws IOException {
        county(5, 3);
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            CompiledRuleSet a = (CompiledRuleSet) reg.ruleSet(COUNTY).rules();
            county(5, 1);
            assertThat(reg.reload(COUNTY).swapped()).isTrue();
            CompiledRuleSet b = (CompiledRuleSet) reg.ruleSet(COUNTY).rules();
            assertThat(b.version()).isNotEqualTo(a.version());
            assertThat(b.kieBase()).isSameAs(a.kieBase());
            assertThat(b.spec().parameters().intAt("deadline.yellow.remaining-working-days", java.time.LocalDate.of(2024, 1, 1)))
                    .isEqualTo(1);
        }
    }

    /**
     * 200 reloads, each editing the DRL and a parameter: every reload compiles a new KieModule and the
     * old one must be released (parameter-only reloads, which reuse the compiled rules, are tested above).
     * Every old module is checked, so one leaked module fails it; 200 (not the 1,000 of earlier sessions)
     * keeps the suite inside CI's time now that each compile also runs the sandbox check.
     */
    private static final int RELOADS = 200;

    @Test
    void manyReloadsReleaseOldKieModules() throws Exception {
        county(0);
        KieServices ks = KieServices.get();
        try (RuleSets reg = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            List<WeakReference<KieBase>> old = new ArrayList<>();
            List<org.kie.api.builder.ReleaseId> ids = new ArrayList<>();
            for (int i = 1; i <= RELOADS; i++) {
                CompiledRuleSet before = (CompiledRuleSet) reg.ruleSet(COUNTY).rules();
                old.add(new WeakReference<>(before.kieBase()));
                ids.add(before.releaseId());
                county(i, 1 + i % 10);
                assertThat(reg.reload(COUNTY).swapped()).isTrue();
            }
            assertThat(reg.cachedRuleSets()).isEqualTo(1);
            org.kie.api.builder.ReleaseId live = ((CompiledRuleSet) reg.ruleSet(COUNTY).rules()).releaseId();
            assertThat(ids.stream().filter(id -> !id.equals(live)).distinct().count()).isGreaterThanOrEqualTo(RELOADS - 1);
            assertThat(ids).filteredOn(id -> !id.equals(live))
                    .allSatisfy(id -> assertThat(ks.getRepository().getKieModule(id)).isNull());
            assertThat(ks.getRepository().getKieModule(((CompiledRuleSet) reg.ruleSet(COUNTY).rules()).releaseId())).isNotNull();
            KieBase current = ((CompiledRuleSet) reg.ruleSet(COUNTY).rules()).kieBase();
            for (int i = 0; i < 20 && old.stream().anyMatch(w -> w.get() != null && w.get() != current); i++) {
                System.gc();
                Thread.sleep(50);
            }
            long retained = old.stream().map(WeakReference::get).filter(k -> k != null && k != current).distinct().count();
            assertThat(retained).as("old KieBases still reachable after " + RELOADS + " reloads").isZero();
        }
    }
}
