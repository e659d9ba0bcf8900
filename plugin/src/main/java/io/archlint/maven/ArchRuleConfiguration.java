package io.archlint.maven;

/**
 * One {@code <archRule>}: a team's ArchUnit rule from a plugin dependency,
 * {@code <archRule><id>no-web-in-domain</id><rule>com.acme.ArchitectureRules#NO_WEB_IN_DOMAIN</rule></archRule>}.
 * {@code rule} names a {@code public static} {@code ArchRule} field or no-argument method; a class
 * name alone takes every such field of the class, with ids {@code <id>-<field-name-in-kebab-case>}.
 */
public class ArchRuleConfiguration {

    private String id;
    private String rule;
    private String severity;

    public String getId() {
        return id;
    }

    public String getRule() {
        return rule;
    }

    public String getSeverity() {
        return severity;
    }
}
