package io.archlint.maven;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code <rule>} of the plugin configuration:
 * {@code <rule><id>controller-business-logic</id><severity>ERROR</severity><properties><maxComplexity>12</maxComplexity></properties></rule>}.
 */
public class RuleConfiguration {

    /** The rule id. */
    private String id;

    /** {@code false} turns the rule off. */
    private Boolean enabled;

    /** {@code ERROR}, {@code WARNING} or {@code INFO}; the rule's default when absent. */
    private String severity;

    /** The rule's parameters. */
    private Map<String, String> properties = new LinkedHashMap<>();

    public String getId() {
        return id;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public String getSeverity() {
        return severity;
    }

    public Map<String, String> getProperties() {
        return properties == null ? Map.of() : properties;
    }
}
