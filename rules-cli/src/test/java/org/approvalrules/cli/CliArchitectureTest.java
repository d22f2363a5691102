package org.approvalrules.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The layering seen from the top (this module's test class path holds every module): the CLI reaches
 * the rule engine only through the entry point and the SPI; nothing below the CLI depends on it; Drools
 * stays in rules-drools. (rules-core's ArchitectureTest checks api, core and the embedder surface.)
 */
class CliArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.approvalrules");

    static final ArchRule CLI_DOES_NOT_USE_DROOLS = noClasses()
            .that().resideInAPackage("org.approvalrules.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.approvalrules.drools..", "org.kie..", "org.drools..")
            .because("the CLI goes through org.approvalrules.ApprovalRules; rules-drools is only a runtime provider");

    static final ArchRule NOTHING_BELOW_DEPENDS_ON_THE_CLI = noClasses()
            .that().resideInAnyPackage("org.approvalrules.api..", "org.approvalrules.core..", "org.approvalrules.drools..")
            .or().haveFullyQualifiedName("org.approvalrules.ApprovalRules")
            .should().dependOnClassesThat().resideInAPackage("org.approvalrules.cli..");

    static final ArchRule CORE_DOES_NOT_DEPEND_ON_DROOLS = noClasses()
            .that().resideInAnyPackage("org.approvalrules.api..", "org.approvalrules.core..")
            .or().haveFullyQualifiedName("org.approvalrules.ApprovalRules")
            .should().dependOnClassesThat().resideInAPackage("org.approvalrules.drools..");

    static final ArchRule DROOLS_ONLY_IN_RULES_DROOLS = noClasses()
            .that().resideOutsideOfPackage("org.approvalrules.drools..")
            .and().resideInAPackage("org.approvalrules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    @Test
    void cliDoesNotUseDrools() {
        CLI_DOES_NOT_USE_DROOLS.check(MAIN);
    }

    @Test
    void nothingBelowDependsOnTheCli() {
        NOTHING_BELOW_DEPENDS_ON_THE_CLI.check(MAIN);
    }

    @Test
    void coreDoesNotDependOnDrools() {
        CORE_DOES_NOT_DEPEND_ON_DROOLS.check(MAIN);
    }

    @Test
    void droolsOnlyInRulesDrools() {
        DROOLS_ONLY_IN_RULES_DROOLS.check(MAIN);
    }
}
