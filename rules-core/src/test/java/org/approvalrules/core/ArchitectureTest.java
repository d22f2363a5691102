package org.approvalrules.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.approvalrules.api.cases.ApprovalCase;
import org.approvalrules.core.calendar.CompiledCalendar;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies: rules-api is the small, stable contract (JDK and Jakarta Validation
 * only); rules-core implements it without Drools, so an embedder can use the engines without a rule
 * engine, and Drools and the CLI stay at the edge.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.approvalrules");

    static final ArchRule API_DEPENDS_ONLY_ON_JDK_AND_VALIDATION = classes()
            .that().resideInAPackage("org.approvalrules.api..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "jakarta.validation..", "org.approvalrules.api..")
            .because("rules-api is the contract embedders compile against: JDK and jakarta.validation-api only");

    static final ArchRule CORE_DOES_NOT_DEPEND_ON_DROOLS_OR_CLI = noClasses()
            .that().resideInAPackage("org.approvalrules.core..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.drools..", "org.kie..", "org.approvalrules.drools..", "org.approvalrules.cli..")
            .because("the engines in rules-core must work without Drools and without the command line");

    @Test
    void importSeesApiAndCoreMainClassesOnly() {
        assertThat(MAIN_CLASSES.contain(ApprovalCase.class)).isTrue();
        assertThat(MAIN_CLASSES.contain(CompiledCalendar.class)).isTrue();
        assertThat(MAIN_CLASSES.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void apiDependsOnlyOnJdkValidationAndItself() {
        API_DEPENDS_ONLY_ON_JDK_AND_VALIDATION.check(MAIN_CLASSES);
    }

    @Test
    void coreDoesNotDependOnDroolsOrTheCli() {
        CORE_DOES_NOT_DEPEND_ON_DROOLS_OR_CLI.check(MAIN_CLASSES);
    }
}
