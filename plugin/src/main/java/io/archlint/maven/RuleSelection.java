package io.archlint.maven;

import io.archlint.engine.Category;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleDefinition;
import io.archlint.engine.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Which rules run, at which severity, with which parameters: a preset, then the user's
 * {@code <rules>} on top. Every id, severity and parameter is checked, so a typo fails the build
 * with the valid values instead of silently doing nothing.
 */
record RuleSelection(List<Rule> rules, Map<String, Severity> severities, Map<String, Map<String, String>> parameters,
        List<io.archlint.engine.Exclusion> exclusions) {

    RuleSelection(List<Rule> rules, Map<String, Severity> severities, Map<String, Map<String, String>> parameters) {
        this(rules, severities, parameters, List.of());
    }

    RuleSelection withExclusions(List<io.archlint.engine.Exclusion> configured) {
        return new RuleSelection(rules, severities, parameters, configured);
    }

    static final List<String> PRESETS = List.of("recommended", "strict", "security");

    /** Rules outside the security category that guard against leaking data. */
    private static final Set<String> SECURITY_EXTRAS = Set.of("sensitive-data-logged", "stack-trace-exposure");

    static RuleSelection of(List<Rule> available, String preset, List<RuleConfiguration> configured)
            throws MojoExecutionException {
        String presetName = preset == null || preset.isBlank() ? "recommended" : preset.strip().toLowerCase(Locale.ROOT);
        if (!PRESETS.contains(presetName)) {
            throw Options.invalid("archlint.preset", preset, PRESETS);
        }
        Map<String, Rule> byId = new LinkedHashMap<>();
        available.forEach(r -> byId.put(r.definition().id(), r));
        Set<String> enabled = new HashSet<>();
        Map<String, Severity> severities = new LinkedHashMap<>();
        for (Rule rule : available) {
            RuleDefinition definition = rule.definition();
            switch (presetName) {
                case "recommended" -> enabled.add(definition.id());
                case "strict" -> {
                    // Every rule, one step more severe: what warns in the recommended set fails here.
                    enabled.add(definition.id());
                    Severity raised = definition.defaultSeverity() == Severity.INFO ? Severity.WARNING : Severity.ERROR;
                    severities.put(definition.id(), raised);
                }
                case "security" -> {
                    if (definition.category() == Category.SECURITY || SECURITY_EXTRAS.contains(definition.id())) {
                        enabled.add(definition.id());
                    }
                }
                default -> throw new IllegalStateException(presetName);
            }
        }
        Map<String, Map<String, String>> parameters = new LinkedHashMap<>();
        for (RuleConfiguration rule : configured == null ? List.<RuleConfiguration>of() : configured) {
            String id = rule.getId() == null ? "" : rule.getId().strip();
            if (!byId.containsKey(id)) {
                throw Options.invalid("<rules><rule><id>", id, new ArrayList<>(byId.keySet()));
            }
            RuleDefinition definition = byId.get(id).definition();
            if (rule.getEnabled() != null) {
                if (rule.getEnabled()) {
                    enabled.add(id);
                } else {
                    enabled.remove(id);
                }
            }
            if (rule.getSeverity() != null && !rule.getSeverity().isBlank()) {
                Severity severity = Options.severity("<severity> of rule " + id, rule.getSeverity());
                severities.put(id, severity);
            }
            for (Map.Entry<String, String> property : rule.getProperties().entrySet()) {
                List<String> valid = definition.parameters().stream().map(RuleDefinition.Parameter::name).toList();
                if (!valid.contains(property.getKey())) {
                    if (valid.isEmpty()) {
                        throw new MojoExecutionException("Rule " + id + " has no parameters, but <properties> sets '"
                                + property.getKey() + "'.");
                    }
                    throw Options.invalid("<properties> of rule " + id, property.getKey(), valid);
                }
                String value = property.getValue() == null ? "" : property.getValue().strip();
                try {
                    Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new MojoExecutionException("Parameter " + property.getKey() + " of rule " + id
                            + " must be a whole number, not '" + value + "' ("
                            + definition.parameter(property.getKey()).orElseThrow().description() + ").");
                }
                parameters.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(property.getKey(), value);
            }
        }
        List<Rule> rules = available.stream().filter(r -> enabled.contains(r.definition().id())).toList();
        return new RuleSelection(rules, severities, parameters);
    }
}
