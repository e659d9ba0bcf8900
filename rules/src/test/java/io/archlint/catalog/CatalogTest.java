package io.archlint.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Rule;
import io.archlint.engine.RuleDefinition;
import io.archlint.engine.RuleRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the catalog honest: every offender is listed, not only the first (as PMD's
 * {@code AbstractRuleSetFactoryTest} does).
 */
class CatalogTest {

    /** The fixed headings of a rule's documentation page, in order. */
    static final List<String> DOC_HEADINGS = List.of(
            "## Why this is a problem",
            "## Noncompliant example",
            "## Compliant example",
            "## How to fix",
            "## Configuration",
            "## Suppression",
            "## References");

    private final List<RuleDefinition> rules = RuleRegistry.builtIn().stream().map(Rule::definition).toList();

    @Test
    void registryIsSortedByIdAndIdsAreUnique() {
        List<String> ids = rules.stream().map(RuleDefinition::id).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void everyRuleClassIsNamedAfterItsIdAndLivesInItsCategoryPackage() {
        List<String> offenders = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            Class<?> type = rule.type();
            String expectedName = RuleDefinition.expectedSimpleClassName(rule.id());
            String expectedPackage = "io.archlint.rules." + rule.category().id();
            if (!type.getSimpleName().equals(expectedName) || !type.getPackageName().equals(expectedPackage)) {
                offenders.add(rule.id() + " is " + type.getName() + ", expected " + expectedPackage + "." + expectedName);
            }
            if (!Modifier.isFinal(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                offenders.add(rule.id() + ": " + type.getName() + " must be public final");
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyRuleHasMetadata() {
        List<String> offenders = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            if (rule.title().isBlank() || rule.reason().isBlank() || rule.since().isBlank() || rule.facets().isEmpty()) {
                offenders.add(rule.id());
            }
            if (rule.title().endsWith(".")) {
                offenders.add(rule.id() + ": title ends with a period");
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyRuleHasItsDocumentationWithTheHeadingsInOrder() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            try (InputStream in = RuleDefinition.class.getResourceAsStream(rule.docsResource())) {
                if (in == null) {
                    offenders.add(rule.id() + ": no " + rule.docsResource());
                    continue;
                }
                String doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                List<String> headings = doc.lines().filter(l -> l.startsWith("## ")).toList();
                if (!headings.equals(DOC_HEADINGS)) {
                    offenders.add(rule.id() + ": headings " + headings);
                }
                if (!doc.contains("```java") && !doc.contains("```xml") && !doc.contains("```properties")
                        && !doc.contains("```yaml")) {
                    offenders.add(rule.id() + ": no code example");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void noDocumentationPageWithoutItsRule() {
        Set<String> expected = new HashSet<>();
        rules.forEach(r -> expected.add(r.docsResource().substring(1)));
        Path root = resourceRoot();
        List<String> orphans;
        try (Stream<Path> walk = Files.walk(root.resolve("io/archlint/rules"))) {
            orphans = walk.filter(p -> p.toString().endsWith(".md"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !expected.contains(p))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(orphans).isEmpty();
    }

    @Test
    void everyRuleHasATestWithViolatingAndCompliantCases() {
        List<String> offenders = new ArrayList<>();
        for (RuleDefinition rule : rules) {
            String testName = rule.type().getName() + "Test";
            Class<?> test;
            try {
                test = Class.forName(testName);
            } catch (ClassNotFoundException e) {
                offenders.add(rule.id() + ": no " + testName);
                continue;
            }
            List<String> nested = Arrays.stream(test.getDeclaredClasses()).map(Class::getSimpleName).toList();
            if (!nested.contains("Violating") || !nested.contains("Compliant")) {
                offenders.add(rule.id() + ": " + testName + " needs @Nested classes Violating and Compliant, has " + nested);
                continue;
            }
            for (Class<?> group : test.getDeclaredClasses()) {
                boolean hasTest = Arrays.stream(group.getDeclaredMethods()).map(Method::getAnnotations)
                        .flatMap(Arrays::stream)
                        .anyMatch(a -> a.annotationType().getName().equals("org.junit.jupiter.api.Test"));
                if ((group.getSimpleName().equals("Violating") || group.getSimpleName().equals("Compliant")) && !hasTest) {
                    offenders.add(rule.id() + ": " + group.getSimpleName() + " has no test");
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private static Path resourceRoot() {
        try {
            return Path.of(RuleDefinition.class.getResource("/io/archlint/rules").toURI()).getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
