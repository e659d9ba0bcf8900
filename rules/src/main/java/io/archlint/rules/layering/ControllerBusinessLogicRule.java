package io.archlint.rules.layering;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.RuleParameter;
import io.archlint.engine.Severity;
import io.archlint.engine.source.Endpoint;
import io.archlint.engine.source.WebControllers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** See {@code controller-business-logic.md}. */
@RuleInfo(
        id = "controller-business-logic",
        title = "Controller handler holds business logic",
        category = Category.LAYERING,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE,
        since = "0.1.0",
        parameters = {
            @RuleParameter(name = ControllerBusinessLogicRule.MAX_COMPLEXITY, defaultValue = "8",
                    description = "a handler whose cognitive complexity is above this is reported"),
            @RuleParameter(name = ControllerBusinessLogicRule.MAX_STATEMENTS, defaultValue = "25",
                    description = "a handler with more statements than this is reported")
        },
        reason = "Business rules embedded in controllers lead to rigid, hard-to-maintain code; keep controllers "
                + "to request handling and delegate to a service or domain layer (mistake #2 of the backend article)")
public final class ControllerBusinessLogicRule implements Rule {

    static final String MAX_COMPLEXITY = "maxComplexity";
    static final String MAX_STATEMENTS = "maxStatements";
    /** Longest code excerpt quoted in a message. */
    private static final int SNIPPET_LENGTH = 60;

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        int maxComplexity = codebase.intParameter(this, MAX_COMPLEXITY);
        int maxStatements = codebase.intParameter(this, MAX_STATEMENTS);
        WebControllers controllers = new WebControllers(codebase.sources(), codebase.stereotypes());
        for (Endpoint endpoint : controllers.endpoints()) {
            MethodDeclaration method = endpoint.method();
            if (method.getBody().isEmpty()) {
                continue;
            }
            DomainComputation domain = new DomainComputation(endpoint.controller(), method);
            Optional<Node> calculation = domain.firstCalculation();
            Optional<Expression> branch = domain.firstBranchInLoop();
            int complexity = CognitiveComplexity.of(method);
            int statements = CognitiveComplexity.statements(method);

            List<String> reasons = new ArrayList<>();
            calculation.ifPresent(c -> reasons.add("computes `" + shown(c) + "` on domain values"));
            branch.ifPresent(b -> reasons.add("branches on `" + DomainComputation.snippet(b, SNIPPET_LENGTH)
                    + "` inside a loop"));
            boolean tooComplex = complexity > maxComplexity;
            boolean tooLong = statements > maxStatements;
            if (tooComplex && tooLong) {
                reasons.add("has cognitive complexity " + complexity + " (limit " + maxComplexity + ") and "
                        + statements + " statements (limit " + maxStatements + ")");
            } else if (tooComplex) {
                reasons.add("has cognitive complexity " + complexity + " (limit " + maxComplexity + ")");
            } else if (tooLong) {
                reasons.add("has " + statements + " statements (limit " + maxStatements + ")");
            }
            if (reasons.isEmpty()) {
                continue;
            }
            String fix = calculation.isPresent() && reasons.size() == 1
                    ? "move the calculation into a service or the domain model"
                    : calculation.isPresent() || branch.isPresent()
                            ? "move the logic into a service or the domain model"
                            : "move the logic into a service";
            report(findings, endpoint, "handler `" + method.getNameAsString() + "` " + join(reasons) + "; " + fix);
        }
    }

    private static void report(FindingCollector findings, Endpoint endpoint, String message) {
        MethodDeclaration method = endpoint.method();
        Position at = method.getName().getBegin().orElse(new Position(0, 0));
        // The signature, not the body: the finding keeps its fingerprint while the handler is edited.
        String signature = method.getNameAsString() + method.getParameters().stream()
                .map(p -> p.getType().asString()).collect(Collectors.joining(",", "(", ")"));
        findings.report(endpoint.file().path(), at.line, at.column, endpoint.symbol(), message, signature);
    }

    /** {@code reduce(BigDecimal.ZERO, BigDecimal::add)} reads better than the bare method reference. */
    private static String shown(Node calculation) {
        if (calculation instanceof MethodReferenceExpr
                && calculation.getParentNode().orElse(null) instanceof MethodCallExpr call) {
            return DomainComputation.snippet(call.clone().removeScope(), SNIPPET_LENGTH);
        }
        return DomainComputation.snippet(calculation, SNIPPET_LENGTH);
    }

    private static String join(List<String> reasons) {
        if (reasons.size() == 1) {
            return reasons.get(0);
        }
        return String.join(", ", reasons.subList(0, reasons.size() - 1)) + " and " + reasons.get(reasons.size() - 1);
    }
}
