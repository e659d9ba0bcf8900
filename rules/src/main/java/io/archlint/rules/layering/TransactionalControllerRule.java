package io.archlint.rules.layering;

import com.github.javaparser.Position;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.Stereotypes;
import io.archlint.engine.source.Endpoint;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.WebControllers;
import java.util.ArrayList;
import java.util.List;

/** See {@code transactional-controller.md}. */
@RuleInfo(
        id = "transactional-controller",
        title = "Transaction boundary on a controller",
        category = Category.LAYERING,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "Transactions belong to the service layer: a controller-wide transaction holds database "
                + "connections and locks while the request is parsed and the response rendered (mistake #2 of the "
                + "backend article, and its advice on database transactions)")
public final class TransactionalControllerRule implements Rule {

    /** Spring's and Jakarta's {@code @Transactional}, and Micronaut Data's own annotations. */
    private static final List<String> TRANSACTIONAL = Stereotypes.transactionalAnnotations();

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        WebControllers controllers = new WebControllers(codebase.sources(), codebase.stereotypes());
        for (WebControllers.Controller controller : controllers.controllers()) {
            SourceFile file = controller.file();
            String name = controller.type().getNameAsString();
            file.annotation(controller.type(), TRANSACTIONAL).ifPresent(annotation ->
                    report(findings, file, annotation, controller.qualifiedName(),
                            "controller `" + name + "` is annotated `@" + simple(annotation)
                                    + "`; move the transaction boundary into a service and keep the controller "
                                    + "to request handling"));
            List<Endpoint> endpoints = controller.endpoints();
            for (MethodDeclaration method : controller.type().getMethods()) {
                String kind = endpoints.stream().anyMatch(e -> e.method() == method) ? "handler `" : "method `";
                file.annotation(method, TRANSACTIONAL).ifPresent(annotation ->
                        report(findings, file, annotation, controller.qualifiedName() + "#" + method.getNameAsString(),
                                kind + method.getNameAsString() + "` of controller `" + name
                                        + "` is annotated `@" + simple(annotation)
                                        + "`; move the transaction boundary into a service method"));
            }
        }
    }

    /** Reports at the annotation, with its text as the evidence. */
    private static void report(FindingCollector findings, SourceFile file, AnnotationExpr annotation, String symbol,
            String message) {
        Position at = annotation.getBegin().orElse(new Position(0, 0));
        findings.report(file.path(), at.line, at.column, symbol, message, annotation.toString());
    }

    private static String simple(AnnotationExpr annotation) {
        return annotation.getName().getIdentifier();
    }
}
