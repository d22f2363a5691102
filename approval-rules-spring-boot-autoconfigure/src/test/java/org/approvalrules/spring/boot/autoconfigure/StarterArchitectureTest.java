package org.approvalrules.spring.boot.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The starter uses the library as an embedder does: through the entry point and the api, never the rule
 * engine's classes (Drools stays behind the SPI, brought by the starter at run time).
 */
class StarterArchitectureTest {
    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.approvalrules.spring");

    @Test
    void noRuleEngineClasses() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.approvalrules.drools..", "org.drools..",
                "org.kie..").check(STARTER);
    }

    @Test
    void noInternalsOfTheEntryPoint() {
        // core.rules holds the snapshots and registry behind ApprovalRules; the starter needs none of it
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.approvalrules.core.rules..",
                "org.approvalrules.core.pack..").check(STARTER);
    }
}
