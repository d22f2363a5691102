package org.approvalrules.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import org.approvalrules.ApprovalRules;
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

    static final ArchRule ONLY_THE_ENTRY_POINT_IN_ITS_PACKAGE = classes()
            .that().resideInAPackage("org.approvalrules").and().areTopLevelClasses().and().arePublic()
            .should().haveFullyQualifiedName(ApprovalRules.class.getName())
            .because("org.approvalrules holds the one entry point and nothing else an embedder could reach");

    /**
     * Every public member of the entry point and its nested public types speaks only {@code java..},
     * {@code org.approvalrules.api..} and the entry point's own types (generic arguments included).
     */
    static final ArchRule EMBEDDER_SURFACE = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members()
            .that().areDeclaredInClassesThat().belongToAnyOf(ApprovalRules.class)
            .and().arePublic()
            .should(new ArchCondition<JavaMember>("use only java.., org.approvalrules.api.. and the entry point's own types") {
                @Override
                public void check(JavaMember member, ConditionEvents events) {
                    if (!member.getOwner().getModifiers().contains(JavaModifier.PUBLIC)
                            || member.getOwner().getName().contains("$") && !isPublicChain(member.getOwner())) {
                        return;
                    }
                    List<Type> types = new ArrayList<>();
                    Member m = member.reflect();
                    if (m instanceof Method x) {
                        types.add(x.getGenericReturnType());
                        types.addAll(List.of(x.getGenericParameterTypes()));
                        types.addAll(List.of(x.getGenericExceptionTypes()));
                    } else if (m instanceof Constructor<?> x) {
                        types.addAll(List.of(x.getGenericParameterTypes()));
                    } else if (m instanceof Field x) {
                        types.add(x.getGenericType());
                    }
                    for (Type t : types) {
                        for (Class<?> c : classesOf(t)) {
                            if (!allowed(c)) {
                                events.add(SimpleConditionEvent.violated(member, member.getFullName() + " uses " + c.getName()));
                            }
                        }
                    }
                }
            })
            .because("an embedder must not see core, Drools or CLI types: the entry point and api are the surface");

    private static boolean isPublicChain(JavaClass c) {
        for (JavaClass x = c; x != null; x = x.getEnclosingClass().orElse(null)) {
            if (!x.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(Class<?> c) {
        if (c.isPrimitive()) {
            return true;
        }
        String n = c.getName();
        return n.startsWith("java.") || n.startsWith("org.approvalrules.api.")
                || n.equals(ApprovalRules.class.getName()) || n.startsWith(ApprovalRules.class.getName() + "$");
    }

    private static List<Class<?>> classesOf(Type t) {
        List<Class<?>> out = new ArrayList<>();
        if (t instanceof Class<?> c) {
            out.add(c.isArray() ? c.getComponentType() : c);
        } else if (t instanceof ParameterizedType p) {
            out.addAll(classesOf(p.getRawType()));
            for (Type a : p.getActualTypeArguments()) {
                out.addAll(classesOf(a));
            }
        } else if (t instanceof GenericArrayType g) {
            out.addAll(classesOf(g.getGenericComponentType()));
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                out.addAll(classesOf(b));
            }
            for (Type b : w.getLowerBounds()) {
                out.addAll(classesOf(b));
            }
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                out.addAll(classesOf(b));
            }
        }
        return out;
    }

    @Test
    void theEntryPointIsAloneInItsPackage() {
        ONLY_THE_ENTRY_POINT_IN_ITS_PACKAGE.check(MAIN_CLASSES);
    }

    @Test
    void theEmbedderSurfaceUsesOnlyApiTypes() {
        EMBEDDER_SURFACE.check(MAIN_CLASSES);
    }

    @Test
    void theSurfaceCheckCatchesACoreType() {
        // the condition must be able to fail: a core type among the allowed ones is refused
        assertThat(allowed(CompiledCalendar.class)).isFalse();
        assertThat(allowed(ApprovalRules.Locality.class)).isTrue();
        assertThat(classesOf(ApprovalRules.Locality.class.getMethods()[0].getGenericReturnType())).isNotEmpty();
    }

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
