package io.archlint.rules.errors;


import com.github.javaparser.Position;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.FactLines;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.WebControllers;
import io.archlint.engine.source.WebControllers.Controller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;

/** See {@code missing-global-error-handler.md}. */
@RuleInfo(
        id = "missing-global-error-handler",
        title = "Controllers without a global error handler",
        category = Category.ERRORS,
        severity = Severity.INFO,
        facets = {Facet.SOURCES},
        since = "0.1.0",
        reason = "Without one place that turns exceptions into responses, every controller answers errors its own "
                + "way or leaks the framework's default page; the backend mistakes article's mistake #5, inadequate "
                + "error handling, asks for standardized error formats")
public final class MissingGlobalErrorHandlerRule implements ModuleFactsRule {

    /** Classes that handle the exceptions of every controller. */
    private static final List<String> ADVICE_ANNOTATIONS = List.of(
            "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.web.bind.annotation.RestControllerAdvice");

    /** Supertypes of global exception translators: JAX-RS, Micronaut, Spring MVC and WebFlux. */
    private static final List<String> HANDLER_TYPES = List.of(
            "jakarta.ws.rs.ext.ExceptionMapper", "javax.ws.rs.ext.ExceptionMapper",
            "io.micronaut.http.server.exceptions.ExceptionHandler",
            "org.springframework.boot.web.servlet.error.ErrorController",
            "org.springframework.boot.web.servlet.error.AbstractErrorController",
            "org.springframework.boot.autoconfigure.web.servlet.error.AbstractErrorController",
            "org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController",
            "org.springframework.web.servlet.HandlerExceptionResolver",
            "org.springframework.web.servlet.handler.AbstractHandlerExceptionResolver",
            "org.springframework.web.servlet.handler.SimpleMappingExceptionResolver",
            "org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler",
            "org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler",
            "org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler",
            "org.springframework.boot.autoconfigure.web.reactive.error.AbstractErrorWebExceptionHandler",
            "org.springframework.web.server.WebExceptionHandler");

    /** Method annotations that register a global mapper: RESTEasy Reactive's, Micronaut's {@code @Error(global = true)}. */
    private static final List<String> SERVER_EXCEPTION_MAPPERS = List.of(
            "org.jboss.resteasy.reactive.server.ServerExceptionMapper");
    private static final List<String> MICRONAUT_ERROR = List.of("io.micronaut.http.annotation.Error");

    private static final List<String> JAX_RS_PATH = List.of("jakarta.ws.rs.Path", "javax.ws.rs.Path");
    private static final List<String> MICRONAUT_CONTROLLER = List.of("io.micronaut.http.annotation.Controller");

    private static final String CONTROLLER = "controller";
    private static final String GLOBAL_HANDLER = "global-handler";

    /**
     * Per file: its controllers (position of the name, qualified and simple name, the advice for its
     * framework) and whether it declares a global error handler.
     */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        SourceFacet sources = codebase.sources();
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (Controller controller : new WebControllers(sources, codebase.stereotypes()).controllers()) {
            ClassOrInterfaceDeclaration type = controller.type();
            Position at = type.getName().getBegin().orElse(new Position(0, 0));
            facts.computeIfAbsent(controller.file().path(), k -> new ArrayList<>()).add(FactLines.join(CONTROLLER,
                    at.line, at.column, controller.qualifiedName(), type.getNameAsString(), advice(controller)));
        }
        for (SourceFile file : sources.files()) {
            if (hasGlobalHandler(sources, file)) {
                facts.computeIfAbsent(file.path(), k -> new ArrayList<>()).add(GLOBAL_HANDLER);
            }
        }
        return facts;
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        List<FactLines.Fact> controllers = FactLines.ofKind(facts, CONTROLLER);
        if (controllers.isEmpty() || !FactLines.ofKind(facts, GLOBAL_HANDLER).isEmpty()
                || hasGlobalHandler(codebase.ownDependencyClasses())) {
            return;
        }
        FactLines.Fact first = controllers.get(0);
        String count = controllers.size() == 1 ? "1 controller" : controllers.size() + " controllers";
        findings.report(first.file(), first.intField(1), first.intField(2), first.field(3),
                count + " (`" + first.field(4) + "` first) and no global error handler; " + first.field(5), count
                        + " without a global error handler");
    }

    private static String advice(Controller controller) {
        SourceFile file = controller.file();
        if (file.isAnnotated(controller.type(), JAX_RS_PATH)) {
            return "add a `@Provider` `ExceptionMapper<Throwable>` that returns one error format";
        }
        if (file.isAnnotated(controller.type(), MICRONAUT_CONTROLLER)) {
            return "add an `ExceptionHandler` bean (or a global `@Error` method) that returns one error format";
        }
        return "add a `@RestControllerAdvice` with `@ExceptionHandler` methods that return `ProblemDetail`";
    }

    /** A global handler declared in the file. */
    private static boolean hasGlobalHandler(SourceFacet sources, SourceFile file) {
        for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
            if (file.isAnnotated(type, ADVICE_ANNOTATIONS) || extendsHandler(sources, file, type)) {
                return true;
            }
        }
        for (MethodDeclaration method : file.findAll(MethodDeclaration.class)) {
            if (file.isAnnotated(method, SERVER_EXCEPTION_MAPPERS)
                    || file.annotation(method, MICRONAUT_ERROR).filter(MissingGlobalErrorHandlerRule::isGlobal)
                            .isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A global handler among the compiled classes of the module's own group that it depends on: a
     * shared {@code -common} or {@code -framework} module of a multi-module build often holds the
     * one {@code @RestControllerAdvice} of every web module.
     */
    private static boolean hasGlobalHandler(JavaClasses classes) {
        for (JavaClass type : classes) {
            if (ADVICE_ANNOTATIONS.stream().anyMatch(type::isAnnotatedWith)
                    || Stream.concat(type.getAllRawSuperclasses().stream(), type.getAllRawInterfaces().stream())
                            .anyMatch(parent -> HANDLER_TYPES.contains(parent.getName()))) {
                return true;
            }
            for (JavaMethod method : type.getMethods()) {
                if (SERVER_EXCEPTION_MAPPERS.stream().anyMatch(method::isAnnotatedWith)
                        || MICRONAUT_ERROR.stream().anyMatch(error -> method.tryGetAnnotationOfType(error)
                                .flatMap(annotation -> annotation.get("global"))
                                .filter(Boolean.TRUE::equals)
                                .isPresent())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isGlobal(AnnotationExpr error) {
        return error instanceof NormalAnnotationExpr normal && normal.getPairs().stream()
                .anyMatch(p -> p.getNameAsString().equals("global") && p.getValue() instanceof BooleanLiteralExpr b
                        && b.getValue());
    }

    private static boolean extendsHandler(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration type) {
        List<ClassOrInterfaceType> parents = new ArrayList<>(type.getExtendedTypes());
        parents.addAll(type.getImplementedTypes());
        for (ClassOrInterfaceType parent : parents) {
            if (file.refersToAny(parent.getNameWithScope(), HANDLER_TYPES)) {
                return true;
            }
        }
        return sources.supertypes(file.qualifiedName(type)).stream().anyMatch(ref -> ref.refersToAny(HANDLER_TYPES));
    }
}
