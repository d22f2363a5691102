package org.approvalrules.drools;

import org.approvalrules.core.rules.RuleSets;
import static org.approvalrules.drools.RuleSetRegistryTest.ids;
import static org.approvalrules.drools.RuleSetRegistryTest.late;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.approvalrules.api.division.DivisionCode;
import org.approvalrules.core.pack.PackRepository;
import org.drools.core.impl.InternalRuleBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;

class PrebuiltNationalPackTest {
    static final DivisionCode COUNTY = DivisionCode.parse("451031");
    static final Instant AS_OF = Instant.parse("2024-10-10T01:00:00Z");

    @TempDir
    Path dir;

    private void countyRule(int overdueBy) throws IOException {
        RuleSetRegistryTest.county(dir, overdueBy, 3);
    }

    private static List<String> ruleNames(CompiledRuleSet s) {
        return s.kieBase().getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(Rule::getName).sorted()
                .toList();
    }

    private static boolean sequential(CompiledRuleSet s) {
        return ((InternalRuleBase) s.kieBase()).getRuleBaseConfiguration().isSequential();
    }

    private static String rulesVersion(PackRepository repo, DivisionCode locality) {
        return repo.effective(locality).rulesVersion();
    }

    /** Writes {@code bytes} as the prebuilt module of {@code rulesVersion} on the test classpath. */
    private static Path plantPrebuilt(String rulesVersion, byte[] bytes) throws IOException, URISyntaxException {
        Path classes = Path.of(PrebuiltNationalPackTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path p = classes.resolve(RuleSetCompiler.prebuiltResource(rulesVersion));
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    @Test
    void theBuildShipsTheNationalRulesPrebuiltUnderTheirContentHash() throws IOException {
        String version = rulesVersion(RuleSets.bundled(new DroolsRuleEngineProvider()).repository(), DivisionCode.NATIONAL);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RuleSetCompiler.prebuiltResource(version))) {
            assertThat(in).as("prebuilt module for national rules " + version).isNotNull();
        }
    }

    @Test
    void nationalRulesComeFromThePrebuiltModuleInSequentialModeAndAreReleased() {
        KieServices ks = KieServices.get();
        ReleaseId id;
        try (RuleSets registry = RuleSets.bundled(new DroolsRuleEngineProvider())) {
            CompiledRuleSet national = (CompiledRuleSet) registry.ruleSet(DivisionCode.NATIONAL).rules();
            assertThat(national.prebuilt()).isTrue();
            assertThat(sequential(national)).isTrue();
            assertThat(ruleNames(national)).containsExactlyElementsOf(
                    national.spec().rules().stream().map(r -> r.id()).sorted().toList());
            assertThat(ids(national.evaluate(List.of(late(3)), AS_OF))).contains("deadline.red.promised");
            id = national.releaseId();
            assertThat(ks.getRepository().getKieModule(id)).isNotNull();
        }
        // other test classes in this JVM (NationalPackTest) may still hold the national rules
        boolean heldElsewhere = RuleSetCompiler.isShared(
                rulesVersion(RuleSets.bundled(new DroolsRuleEngineProvider()).repository(), DivisionCode.NATIONAL));
        assertThat(ks.getRepository().getKieModule(id) != null).isEqualTo(heldElsewhere);
    }

    @Test
    void aCountyWithItsOwnRulesIsCompiledAndOneWithOnlyParametersUsesThePrebuiltRules() throws IOException {
        countyRule(5);
        try (RuleSets registry = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            CompiledRuleSet county = (CompiledRuleSet) registry.ruleSet(COUNTY).rules();
            assertThat(county.prebuilt()).isFalse();
            assertThat(sequential(county)).isTrue();
            assertThat(ids(county.evaluate(List.of(late(6)), AS_OF))).contains("local.very-late", "deadline.red.promised");
        }
        Files.delete(dir.resolve("451031/rules/local.drl"));
        try (RuleSets registry = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            assertThat(((CompiledRuleSet) registry.ruleSet(COUNTY).rules()).prebuilt()).isTrue();
        }
    }

    /** With {@code bytes} planted as the prebuilt module of the county's rules, the county compiles. */
    private void compilesDespitePlanted(int overdueBy, byte[] bytes) throws Exception {
        countyRule(overdueBy);
        String version = rulesVersion(RuleSets.directory(dir, new DroolsRuleEngineProvider()).repository(), COUNTY);
        Path planted = plantPrebuilt(version, bytes);
        try (RuleSets registry = RuleSets.directory(dir, new DroolsRuleEngineProvider())) {
            CompiledRuleSet county = (CompiledRuleSet) registry.ruleSet(COUNTY).rules();
            assertThat(county.prebuilt()).isFalse();
            assertThat(ids(county.evaluate(List.of(late(overdueBy + 1)), AS_OF))).contains("local.very-late");
        } finally {
            Files.delete(planted);
        }
    }

    @Test
    void anUnusablePrebuiltModuleFallsBackToCompiling() throws Exception {
        compilesDespitePlanted(7, "not a jar".getBytes(StandardCharsets.UTF_8));
        // a valid module of other rules (the national one) under this hash: wrong release id
        byte[] national;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RuleSetCompiler.prebuiltResource(
                rulesVersion(RuleSets.bundled(new DroolsRuleEngineProvider()).repository(), DivisionCode.NATIONAL)))) {
            national = in.readAllBytes();
        }
        compilesDespitePlanted(9, national);
    }
}
