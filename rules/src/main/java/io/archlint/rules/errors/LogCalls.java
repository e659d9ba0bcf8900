package io.archlint.rules.errors;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.source.SourceFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises logging calls: SLF4J, Log4j 2 (and 1), Commons Logging, java.util.logging, JBoss
 * Logging and Quarkus {@code Log}, on a logger field, variable or a Lombok-generated {@code log}.
 */
final class LogCalls {

    /** A logging API, which says how to defer building a message. */
    enum Family { SLF4J, LOG4J2, LOG4J1, COMMONS, JUL, JBOSS }

    /** Logger types and their API. */
    private static final Map<String, Family> LOGGER_TYPES = Map.of(
            "org.slf4j.Logger", Family.SLF4J,
            "org.apache.logging.log4j.Logger", Family.LOG4J2,
            "org.apache.logging.log4j.core.Logger", Family.LOG4J2,
            "org.apache.log4j.Logger", Family.LOG4J1,
            "org.apache.commons.logging.Log", Family.COMMONS,
            "java.util.logging.Logger", Family.JUL,
            "org.jboss.logging.Logger", Family.JBOSS,
            "org.jboss.logging.BasicLogger", Family.JBOSS);

    /** Lombok annotations that generate a {@code log} field, and its type's API. */
    private static final Map<String, Family> LOMBOK_LOGGERS = Map.of(
            "lombok.extern.slf4j.Slf4j", Family.SLF4J,
            "lombok.extern.slf4j.XSlf4j", Family.SLF4J,
            "lombok.extern.log4j.Log4j2", Family.LOG4J2,
            "lombok.extern.log4j.Log4j", Family.LOG4J1,
            "lombok.extern.apachecommons.CommonsLog", Family.COMMONS,
            "lombok.extern.java.Log", Family.JUL,
            "lombok.extern.jbosslog.JBossLog", Family.JBOSS);

    /** Quarkus' static logging facade, a JBoss Logging front. */
    private static final String QUARKUS_LOG = "io.quarkus.logging.Log";

    /** Methods that log at a level, across the APIs. */
    private static final Set<String> LEVEL_METHODS = Set.of("trace", "debug", "info", "warn", "error", "fatal", "log",
            "severe", "warning", "config", "fine", "finer", "finest",
            "tracef", "debugf", "infof", "warnf", "errorf", "fatalf", "logf",
            "tracev", "debugv", "infov", "warnv", "errorv", "fatalv", "logv");

    /** Methods whose first argument is a level rather than the message. */
    private static final Set<String> LEVEL_FIRST = Set.of("log", "logf", "logv");

    /** Marker types that may come before the message. */
    private static final List<String> MARKERS = List.of("org.slf4j.Marker", "org.apache.logging.log4j.Marker");

    private LogCalls() {}

    /** The logging API a call goes to, or empty when it is not a logging call. */
    static Optional<Family> family(SourceFile file, MethodCallExpr call) {
        if (!LEVEL_METHODS.contains(call.getNameAsString()) || call.getScope().isEmpty() || call.getArguments().isEmpty()) {
            return Optional.empty();
        }
        Expression scope = call.getScope().get();
        String name;
        if (scope instanceof NameExpr n) {
            name = n.getNameAsString();
            if (Character.isUpperCase(name.charAt(0)) && file.refersTo(name, QUARKUS_LOG)
                    && JavaScopes.declaredType(name, call).isEmpty()) {
                return Optional.of(Family.JBOSS);
            }
        } else if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            name = access.getNameAsString();
        } else {
            return Optional.empty();
        }
        Optional<Type> declared = JavaScopes.declaredType(name, call);
        if (declared.isPresent()) {
            String written = JavaScopes.written(declared.get());
            return LOGGER_TYPES.entrySet().stream()
                    .filter(e -> file.refersTo(written, e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }
        return name.equals("log") ? lombokLogger(file, call) : Optional.empty();
    }

    private static Optional<Family> lombokLogger(SourceFile file, Node use) {
        for (Node n = use.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof NodeWithAnnotations<?> annotated && n instanceof com.github.javaparser.ast.body.TypeDeclaration<?>) {
                for (Map.Entry<String, Family> lombok : LOMBOK_LOGGERS.entrySet()) {
                    if (file.isAnnotated(annotated, List.of(lombok.getKey()))) {
                        return Optional.of(lombok.getValue());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The message argument of a logging call: after a level, a marker or a leading throwable. */
    static Optional<Expression> message(SourceFile file, MethodCallExpr call) {
        List<Expression> arguments = call.getArguments();
        int index = LEVEL_FIRST.contains(call.getNameAsString()) ? 1 : 0;
        while (index < arguments.size() && isMarkerOrThrowable(file, arguments.get(index))) {
            index++;
        }
        return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
    }

    private static boolean isMarkerOrThrowable(SourceFile file, Expression argument) {
        if (!(argument instanceof NameExpr name)) {
            return false;
        }
        return JavaScopes.declaredType(name.getNameAsString(), argument)
                .map(type -> JavaScopes.typeNames(type).stream().anyMatch(written -> file.refersToAny(written, MARKERS)
                        || written.endsWith("Exception") || written.endsWith("Throwable") || written.endsWith("Error")))
                .orElse(false);
    }

    /** Whether the call only runs when its level is enabled: {@code if (log.isDebugEnabled()) ...}. */
    static boolean isLevelGuarded(MethodCallExpr call) {
        for (Node n = call.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof IfStmt guard && JavaScopes.within(call, guard.getThenStmt())
                    && guard.getCondition().findAll(MethodCallExpr.class).stream()
                            .anyMatch(c -> c.getNameAsString().matches("is\\w*Enabled|isLoggable"))) {
                return true;
            }
        }
        return false;
    }
}
