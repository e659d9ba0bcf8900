package io.archlint.catalog;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Archlint's own architecture, checked with ArchUnit the way ArchUnit checks itself. */
class ArchitectureTest {

    private static final JavaClasses ARCHLINT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.archlint");

    @Test
    void engineAndRulesNeverTouchMavenTypes() {
        ArchRule rule = noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.eclipse.aether..", "org.codehaus.plexus..")
                .because("the rules module is usable from a CLI or another build tool");
        rule.check(ARCHLINT);
    }

    @Test
    void rulesNeverUseEachOther() {
        // A rule depending on itself (nested or lambda classes) is fine; another rule is not.
        ARCHLINT.stream()
                .filter(c -> c.getPackageName().startsWith("io.archlint.rules") && c.getSimpleName().endsWith("Rule"))
                .forEach(c -> noClasses().that().belongToAnyOf(reify(c)).should().dependOnClassesThat(
                                com.tngtech.archunit.base.DescribedPredicate.describe("another rule",
                                        (com.tngtech.archunit.core.domain.JavaClass target) ->
                                                target.getPackageName().startsWith("io.archlint.rules")
                                                        && target.getSimpleName().endsWith("Rule")
                                                        && !target.getName().equals(c.getName())))
                        .check(ARCHLINT));
    }

    @Test
    void engineDoesNotDependOnRulesExceptTheRegistry() {
        noClasses().that().resideInAPackage("io.archlint.engine..")
                .and().doNotHaveSimpleName("RuleRegistry")
                .should().dependOnClassesThat().resideInAPackage("io.archlint.rules..")
                .check(ARCHLINT);
    }

    private static Class<?> reify(com.tngtech.archunit.core.domain.JavaClass type) {
        return type.reflect();
    }
}
