package io.archlint.engine;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** The metadata of one rule, read from its {@link RuleInfo}. */
public record RuleDefinition(
        String id,
        String title,
        Category category,
        Severity defaultSeverity,
        Set<Facet> facets,
        String since,
        String reason,
        List<Parameter> parameters,
        Class<? extends Rule> type,
        Scope scope) {

    /** A setting of the rule, with its default. */
    public record Parameter(String name, String defaultValue, String description) {}

    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public RuleDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        facets = Set.copyOf(facets);
        parameters = List.copyOf(parameters);
    }

    public static RuleDefinition of(Class<? extends Rule> type) {
        RuleInfo info = type.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(type.getName() + " has no @RuleInfo annotation");
        }
        if (!KEBAB_CASE.matcher(info.id()).matches()) {
            throw new IllegalArgumentException(type.getName() + " has an id that is not kebab-case: " + info.id());
        }
        return new RuleDefinition(info.id(), info.title(), info.category(), info.severity(),
                Set.copyOf(List.of(info.facets())), info.since(), info.reason(),
                java.util.Arrays.stream(info.parameters())
                        .map(p -> new Parameter(p.name(), p.defaultValue(), p.description())).toList(),
                type, info.scope());
    }

    public java.util.Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The classpath resource of the rule's documentation page. */
    public String docsResource() {
        return "/io/archlint/rules/" + category.id() + "/" + id + ".md";
    }

    /** The rule's documentation page as Markdown, or an empty string when it has none. */
    public String docs() {
        try (java.io.InputStream in = type.getResourceAsStream(docsResource())) {
            return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The class name the id dictates: {@code no-connection-pool} becomes {@code NoConnectionPoolRule}. */
    public static String expectedSimpleClassName(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.append("Rule").toString();
    }
}
