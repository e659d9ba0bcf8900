package io.archlint.rules.errors;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.WebControllers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** See {@code stack-trace-exposure.md}. */
@RuleInfo(
        id = "stack-trace-exposure",
        title = "Stack traces or raw exception messages reach HTTP responses",
        category = Category.ERRORS,
        severity = Severity.WARNING,
        facets = {Facet.SOURCES, Facet.CONFIG},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "A stack trace or a driver's exception message in a response tells an attacker the frameworks, "
                + "versions, tables and queries behind the API; the backend mistakes article calls error handling "
                + "a first line of defence and asks for standardized error formats instead")
public final class StackTraceExposureRule implements Rule {

    /** Spring Boot settings that add exception details to the error response, and the value that does it. */
    private static final Map<String, String> EXPOSING_SETTINGS = Map.of(
            "server.error.include-stacktrace", "always",
            "server.error.include-exception", "true");

    /** Profiles where detailed errors are a developer convenience, not an exposure. */
    private static final Set<String> DEVELOPER_PROFILES = Set.of("test", "tests", "testing", "dev", "develop",
            "development", "local", "it");

    /** Classes whose methods build error responses. */
    private static final List<String> ADVICE_ANNOTATIONS = List.of(
            "org.springframework.web.bind.annotation.ControllerAdvice",
            "org.springframework.web.bind.annotation.RestControllerAdvice");

    /** Supertypes of exception-to-response translators. */
    private static final List<String> HANDLER_TYPES = List.of(
            "jakarta.ws.rs.ext.ExceptionMapper", "javax.ws.rs.ext.ExceptionMapper",
            "io.micronaut.http.server.exceptions.ExceptionHandler",
            "org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler",
            "org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler",
            "org.springframework.boot.web.servlet.error.ErrorController");

    /** Methods of a controller that answer errors themselves. */
    private static final List<String> ERROR_METHOD_ANNOTATIONS = List.of(
            "org.springframework.web.bind.annotation.ExceptionHandler", "io.micronaut.http.annotation.Error");

    /** Exception types whose message comes from a framework, a driver or the JDK, not from the application. */
    private static final List<String> GENERIC_EXCEPTIONS = List.of("java.lang.Exception", "java.lang.RuntimeException",
            "java.lang.Throwable", "org.springframework.dao.DataAccessException", "java.sql.SQLException");

    /** Static helpers that render a stack trace as a string. */
    private static final Map<String, Set<String>> STACK_TRACE_HELPERS = Map.of(
            "org.apache.commons.lang3.exception.ExceptionUtils", Set.of("getStackTrace", "getRootCauseStackTrace"),
            "org.apache.commons.lang.exception.ExceptionUtils", Set.of("getStackTrace", "getFullStackTrace"),
            "com.google.common.base.Throwables", Set.of("getStackTraceAsString"));

    /** Calls whose argument ends up in a response even when the call is not returned. */
    private static final Set<String> RESPONSE_WRITES = Set.of("body", "entity", "put", "putIfAbsent", "setDetail",
            "setProperty", "setMessage", "setError", "addAttribute", "write", "print", "println");

    /** How far a value is followed through local variables. */
    private static final int MAX_HOPS = 3;

    private record Leak(Expression expression, String what) {}

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        checkConfig(codebase, findings);
        SourceFacet sources = codebase.sources();
        WebControllers controllers = new WebControllers(sources, codebase.stereotypes());
        for (SourceFile file : sources.files()) {
            for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
                boolean controller = controllers.isController(file, type);
                boolean handler = !type.isInterface() && (file.isAnnotated(type, ADVICE_ANNOTATIONS)
                        || translatesExceptions(sources, file, type));
                if (!controller && !handler) {
                    continue;
                }
                for (MethodDeclaration method : type.getMethods()) {
                    boolean answers = handler || file.isAnnotated(method, codebase.stereotypes().handlerAnnotations())
                            || file.isAnnotated(method, ERROR_METHOD_ANNOTATIONS);
                    if (answers && method.getBody().isPresent()) {
                        checkMethod(sources, file, method, findings);
                    }
                }
            }
        }
    }

    private static void checkConfig(Codebase codebase, FindingCollector findings) {
        for (Map.Entry<String, String> setting : EXPOSING_SETTINGS.entrySet()) {
            for (ConfigEntry entry : codebase.config().get(setting.getKey())) {
                if (!entry.value().strip().equalsIgnoreCase(setting.getValue()) || isDeveloperProfile(entry.profile())) {
                    continue;
                }
                String fix = setting.getValue().equals("always") ? "set it to `never` (the default)" : "remove it";
                findings.report(entry.file(), entry.line(), 1, entry.key(), "`" + entry.key() + "=" + entry.value()
                        + "` sends exception details to every client; " + fix
                        + " or move it to a dev profile", entry.key() + "=" + entry.value());
            }
        }
    }

    private static boolean isDeveloperProfile(String profile) {
        List<String> names = Arrays.stream(profile.toLowerCase(Locale.ROOT).split("[^a-z0-9-]+"))
                .filter(p -> !p.isEmpty()).toList();
        return !names.isEmpty() && profile.indexOf('!') < 0 && DEVELOPER_PROFILES.containsAll(names);
    }

    /** Whether a class implements an exception mapper or handler, directly or through its own supertypes. */
    private static boolean translatesExceptions(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration type) {
        for (ClassOrInterfaceType parent : concat(type.getExtendedTypes(), type.getImplementedTypes())) {
            if (file.refersToAny(parent.getNameWithScope(), HANDLER_TYPES)) {
                return true;
            }
        }
        return sources.supertypes(file.qualifiedName(type)).stream().anyMatch(ref -> ref.refersToAny(HANDLER_TYPES));
    }

    private static void checkMethod(SourceFacet sources, SourceFile file, MethodDeclaration method,
            FindingCollector findings) {
        Map<Expression, Boolean> reported = new IdentityHashMap<>();
        for (Leak leak : leaks(sources, file, method)) {
            if (reachesResponse(file, method, leak.expression(), 0) && reported.put(leak.expression(), true) == null) {
                findings.report(file, leak.expression(), JavaScopes.symbol(file, leak.expression()), "`"
                        + JavaScopes.shortSymbol(leak.expression()) + "` puts " + leak.what()
                        + " into the response; log it and return a standard error body (such as `ProblemDetail`) "
                        + "without internals");
            }
        }
    }

    /** Stack traces and raw messages of generic exceptions computed in a method. */
    private static List<Leak> leaks(SourceFacet sources, SourceFile file, MethodDeclaration method) {
        List<Leak> leaks = new ArrayList<>();
        Set<String> traceBuffers = traceBuffers(method);
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            Optional<Expression> scope = call.getScope();
            if (name.equals("getStackTrace") && call.getArguments().isEmpty() && scope.isPresent()) {
                leaks.add(new Leak(call, "the stack trace (`getStackTrace()`)"));
            } else if (scope.isPresent() && scope.get() instanceof NameExpr owner && STACK_TRACE_HELPERS.entrySet()
                    .stream().anyMatch(h -> h.getValue().contains(name) && file.refersTo(owner.getNameAsString(), h.getKey()))) {
                leaks.add(new Leak(call, "the stack trace (`" + owner + "." + name + "`)"));
            } else if ((name.equals("toString") || name.equals("getBuffer")) && scope.isPresent()
                    && scope.get() instanceof NameExpr buffer && traceBuffers.contains(buffer.getNameAsString())) {
                leaks.add(new Leak(call, "the stack trace (`printStackTrace` into `" + buffer + "`)"));
            } else if ((name.equals("getMessage") || name.equals("getLocalizedMessage")) && call.getArguments().isEmpty()
                    && scope.isPresent() && scope.get() instanceof NameExpr exception) {
                genericType(sources, file, exception).ifPresent(type -> leaks.add(new Leak(call,
                        "the raw `" + name + "()` of `" + type + "` `" + exception + "`")));
            }
        }
        return leaks;
    }

    /** The generic exception type a variable is declared with, if it is one. */
    private static Optional<String> genericType(SourceFacet sources, SourceFile file, NameExpr exception) {
        Optional<Type> declared = JavaScopes.declaredType(exception.getNameAsString(), exception);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        for (String written : JavaScopes.typeNames(declared.get())) {
            if (sources.type(file.resolve(written)).isEmpty() && file.refersToAny(written, GENERIC_EXCEPTIONS)) {
                return Optional.of(written);
            }
        }
        return Optional.empty();
    }

    /** {@code StringWriter}s that a {@code printStackTrace(new PrintWriter(sw))} writes into. */
    private static Set<String> traceBuffers(MethodDeclaration method) {
        Set<String> names = new HashSet<>();
        for (MethodCallExpr call : method.findAll(MethodCallExpr.class)) {
            if (!call.getNameAsString().equals("printStackTrace") || call.getArguments().size() != 1) {
                continue;
            }
            for (NameExpr name : call.getArgument(0).findAll(NameExpr.class)) {
                names.add(name.getNameAsString());
                // printStackTrace(pw) with PrintWriter pw = new PrintWriter(sw)
                for (VariableDeclarator variable : method.findAll(VariableDeclarator.class)) {
                    if (variable.getNameAsString().equals(name.getNameAsString())) {
                        variable.getInitializer().ifPresent(init -> init.findAll(NameExpr.class)
                                .forEach(inner -> names.add(inner.getNameAsString())));
                    }
                }
            }
        }
        return names;
    }

    /** Whether a value flows into the method's response: returned, written to a body, or via a local. */
    private static boolean reachesResponse(SourceFile file, CallableDeclaration<?> method, Expression value, int hops) {
        Node child = value;
        for (Node n = value.getParentNode().orElse(null); n != null && n != method;
                child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof ThrowStmt || n instanceof ReturnStmt) {
                return n instanceof ReturnStmt;
            }
            if (n instanceof MethodCallExpr call && call.getArguments().stream().anyMatch(a -> a == childOf(a, value))) {
                if (LogCalls.family(file, call).isPresent() || isLoggerLike(call)) {
                    return false;
                }
                if (RESPONSE_WRITES.contains(call.getNameAsString())) {
                    return true;
                }
            }
            if (n instanceof ObjectCreationExpr created && isThrowableName(created.getType().getNameAsString())) {
                return false;
            }
            if (n instanceof VariableDeclarator variable && hops < MAX_HOPS) {
                return usesReachResponse(file, method, variable.getNameAsString(), hops);
            }
            if (n instanceof AssignExpr assign && assign.getTarget() instanceof NameExpr target && child != target
                    && hops < MAX_HOPS) {
                return usesReachResponse(file, method, target.getNameAsString(), hops);
            }
            if (n instanceof ExpressionStmt) {
                return false;
            }
        }
        return false;
    }

    /** The argument itself when {@code value} lies inside it, else null: keeps the scope chain out. */
    private static Node childOf(Expression argument, Expression value) {
        return JavaScopes.within(value, argument) ? argument : null;
    }

    private static boolean usesReachResponse(SourceFile file, CallableDeclaration<?> method, String variable, int hops) {
        for (NameExpr use : method.findAll(NameExpr.class)) {
            if (use.getNameAsString().equals(variable) && reachesResponse(file, method, use, hops + 1)) {
                return true;
            }
        }
        return false;
    }

    /** A call on something named like a logger, when its type is not visible (an inherited field). */
    private static boolean isLoggerLike(MethodCallExpr call) {
        return call.getScope().filter(NameExpr.class::isInstance)
                .map(s -> s.toString().toLowerCase(Locale.ROOT).matches("log|logger|_log|_logger|audit\\w*"))
                .orElse(false);
    }

    private static boolean isThrowableName(String simple) {
        return simple.endsWith("Exception") || simple.endsWith("Error") || simple.endsWith("Throwable");
    }

    private static List<ClassOrInterfaceType> concat(List<ClassOrInterfaceType> first, List<ClassOrInterfaceType> second) {
        List<ClassOrInterfaceType> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
