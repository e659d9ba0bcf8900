package io.archlint.engine.bytecode;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.SourceCodeLocation;
import com.tngtech.archunit.core.domain.properties.HasSourceCodeLocation;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.ViolationHandler;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleDefinition;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import java.util.List;
import java.util.Set;

/**
 * A team's plain ArchUnit {@link ArchRule}, run on the module's classes like any other rule: its
 * violations become findings with file and line, and go through suppressions, the baseline and
 * every report.
 */
public final class ArchUnitRule implements Rule {

    private final RuleDefinition definition;
    private final ArchRule rule;

    /**
     * @param id       the finding's rule id, kebab-case
     * @param origin   where the rule was found, such as {@code com.acme.ArchitectureRules#LAYERS}
     * @param severity its severity
     */
    public ArchUnitRule(String id, String origin, Severity severity, ArchRule rule) {
        this.rule = rule;
        this.definition = new RuleDefinition(id, rule.getDescription(), Category.LAYERING, severity,
                Set.of(Facet.CLASSES), "custom", "ArchUnit rule " + origin + ": " + rule.getDescription(), List.of(),
                ArchUnitRule.class, Scope.MODULE);
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        EvaluationResult result = rule.evaluate(codebase.classes().classes());
        ViolationHandler<Object> handler = (objects, message) -> {
            String text = message.lines().findFirst().orElse(message).strip();
            // ArchUnit names positions like (OrderController.java:42); the fingerprint must not move with them.
            String evidence = text.replaceAll("\\(\\w+\\.java:\\d+\\)", "");
            SourceCodeLocation location = objects.stream()
                    .filter(HasSourceCodeLocation.class::isInstance)
                    .map(o -> ((HasSourceCodeLocation) o).getSourceCodeLocation())
                    .findFirst()
                    .orElse(null);
            if (location == null) {
                findings.report("pom.xml", 0, 0, "", text, evidence);
                return;
            }
            JavaClass owner = location.getSourceClass();
            findings.report(codebase.sourcePathOf(owner), location.getLineNumber(), 0, owner.getName(), text, evidence);
        };
        result.handleViolations(handler);
    }
}
