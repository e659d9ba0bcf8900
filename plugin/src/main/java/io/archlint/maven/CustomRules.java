package io.archlint.maven;

import com.tngtech.archunit.lang.ArchRule;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleRegistry;
import io.archlint.engine.Severity;
import io.archlint.engine.bytecode.ArchUnitRule;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The rules a team adds as dependencies of the plugin: implementations of {@link Rule} listed in
 * {@code META-INF/services/io.archlint.engine.Rule}, and plain ArchUnit rules named in the configuration.
 */
final class CustomRules {

    private CustomRules() {}

    /** The built-in rules, then the team's, each id once. */
    static List<Rule> all(ClassLoader loader, List<ArchRuleConfiguration> archRules) throws MojoExecutionException {
        List<Rule> rules = new ArrayList<>(RuleRegistry.builtIn());
        try {
            for (Rule rule : ServiceLoader.load(Rule.class, loader)) {
                rules.add(rule);
            }
        } catch (ServiceConfigurationError | IllegalArgumentException e) {
            throw new MojoExecutionException("A custom Archlint rule could not be loaded: " + e.getMessage()
                    + " (a rule needs a public no-argument constructor and a @RuleInfo annotation)", e);
        }
        for (ArchRuleConfiguration configuration : archRules == null ? List.<ArchRuleConfiguration>of() : archRules) {
            rules.addAll(archRules(loader, configuration));
        }
        Set<String> ids = new HashSet<>();
        for (Rule rule : rules) {
            String id;
            try {
                id = rule.definition().id();
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("Custom rule " + rule.getClass().getName() + " is invalid: " + e.getMessage());
            }
            if (!ids.add(id)) {
                throw new MojoExecutionException("Two rules have the id '" + id + "' (" + rule.getClass().getName()
                        + "); give the custom rule another id");
            }
        }
        return List.copyOf(rules);
    }

    private static List<Rule> archRules(ClassLoader loader, ArchRuleConfiguration configuration)
            throws MojoExecutionException {
        String reference = configuration.getRule() == null ? "" : configuration.getRule().strip();
        if (configuration.getId() == null || configuration.getId().isBlank() || reference.isEmpty()) {
            throw new MojoExecutionException("Each <archRule> needs an <id> and a <rule> "
                    + "(com.acme.ArchitectureRules#FIELD_OR_METHOD, or a class for all its ArchRule fields)");
        }
        String id = configuration.getId().strip();
        Severity severity = configuration.getSeverity() == null || configuration.getSeverity().isBlank()
                ? Severity.WARNING : Options.severity("<severity> of archRule " + id, configuration.getSeverity());
        String className = reference.contains("#") ? reference.substring(0, reference.indexOf('#')) : reference;
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new MojoExecutionException("ArchUnit rule class " + className + " of <archRule> " + id
                    + " is not on the plugin's classpath: add the jar that holds it to the plugin's <dependencies>");
        }
        try {
            if (reference.contains("#")) {
                String member = reference.substring(reference.indexOf('#') + 1);
                return List.of(new ArchUnitRule(id, reference, severity, member(type, member)));
            }
            List<Rule> rules = new ArrayList<>();
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && ArchRule.class.isAssignableFrom(field.getType())) {
                    rules.add(new ArchUnitRule(id + "-" + kebab(field.getName()), className + "#" + field.getName(),
                            severity, (ArchRule) field.get(null)));
                }
            }
            if (rules.isEmpty()) {
                throw new MojoExecutionException(className + " of <archRule> " + id + " has no public static ArchRule field");
            }
            return rules;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new MojoExecutionException("ArchUnit rule " + reference + " of <archRule> " + id
                    + " could not be read: " + e, e);
        }
    }

    private static ArchRule member(Class<?> type, String name) throws ReflectiveOperationException, MojoExecutionException {
        for (Field field : type.getFields()) {
            if (field.getName().equals(name) && Modifier.isStatic(field.getModifiers())
                    && ArchRule.class.isAssignableFrom(field.getType())) {
                return (ArchRule) field.get(null);
            }
        }
        for (Method method : type.getMethods()) {
            if (method.getName().equals(name) && Modifier.isStatic(method.getModifiers())
                    && method.getParameterCount() == 0 && ArchRule.class.isAssignableFrom(method.getReturnType())) {
                return (ArchRule) method.invoke(null);
            }
        }
        throw new MojoExecutionException(type.getName() + " has no public static ArchRule field or no-argument method '"
                + name + "'");
    }

    /** {@code NO_WEB_IN_DOMAIN} and {@code noWebInDomain} become {@code no-web-in-domain}. */
    static String kebab(String name) {
        String spaced = name.contains("_") ? name : name.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return spaced.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
