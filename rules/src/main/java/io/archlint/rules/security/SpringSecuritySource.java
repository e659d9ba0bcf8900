package io.archlint.rules.security;

import com.github.javaparser.Position;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.StringValues;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Navigation over Spring Security and Spring Web configuration code, shared by the rules of this package. */
final class SpringSecuritySource {

    private static final String PROFILE = "org.springframework.context.annotation.Profile";
    /** Profiles that only run on a developer's machine or in tests. */
    private static final Set<String> NON_PRODUCTION_PROFILES = Set.of(
            "dev", "development", "local", "test", "testing", "it", "e2e", "mock", "h2");

    private SpringSecuritySource() {}

    /** Whether the file imports anything from one of the packages (a prefix such as {@code org.springframework.security}). */
    static boolean imports(SourceFile file, String... packagePrefixes) {
        for (ImportDeclaration imported : file.unit().getImports()) {
            String name = imported.getNameAsString();
            for (String prefix : packagePrefixes) {
                if (name.startsWith(prefix + ".") || name.equals(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The method, constructor, initialiser or field a node belongs to: the unit a configuration is written in. */
    static Optional<Node> enclosingMember(Node node) {
        return Symbols.enclosingMember(node);
    }

    static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        return Symbols.enclosingType(node);
    }

    /** {@code com.acme.SecurityConfig#filterChain}, or the type when the node is outside a member. */
    static String symbol(SourceFile file, Node node) {
        return Symbols.of(file, node);
    }

    /** {@code SecurityConfig#filterChain}, for messages. */
    static String shortSymbol(Node node) {
        return Symbols.shortOf(node);
    }


    /**
     * Reports at the name of a call rather than at the start of its fluent chain, so that
     * {@code .csrf().disable()} on the fifth line of {@code http....} is reported on that line.
     */
    static void reportAtName(FindingCollector findings, SourceFile file, MethodCallExpr call, String message) {
        Position at = call.getName().getBegin().orElse(call.getBegin().orElse(new Position(0, 0)));
        String evidence = call.getNameAsString() + call.getArguments().toString();
        findings.report(file.path(), at.line, at.column, symbol(file, call), message, evidence);
    }

    /** The call whose scope is {@code call}: the next link of a fluent chain, if any. */
    static Optional<MethodCallExpr> nextInChain(MethodCallExpr call) {
        return call.getParentNode()
                .filter(MethodCallExpr.class::isInstance)
                .map(MethodCallExpr.class::cast)
                .filter(parent -> parent.getScope().filter(scope -> scope == call).isPresent());
    }

    /** The call that {@code call} is chained on, if any. */
    static Optional<MethodCallExpr> previousInChain(MethodCallExpr call) {
        return call.getScope().filter(MethodCallExpr.class::isInstance).map(MethodCallExpr.class::cast);
    }

    static boolean isCall(Node node, String... names) {
        if (!(node instanceof MethodCallExpr call)) {
            return false;
        }
        for (String name : names) {
            if (call.getNameAsString().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a customizer argument switches its feature off: {@code c -> c.disable()},
     * {@code c -> { c.disable(); }}, {@code AbstractHttpConfigurer::disable},
     * {@code ServerHttpSecurity.CsrfSpec::disable}.
     */
    static boolean isDisablingCustomizer(Expression argument) {
        if (argument instanceof MethodReferenceExpr reference) {
            return reference.getIdentifier().equals("disable");
        }
        if (!(argument instanceof LambdaExpr lambda) || lambda.getParameters().size() != 1) {
            return false;
        }
        String parameter = lambda.getParameter(0).getNameAsString();
        Statement body = lambda.getBody();
        Expression expression = null;
        if (body instanceof ExpressionStmt statement) {
            expression = statement.getExpression();
        } else if (body instanceof BlockStmt block && block.getStatements().size() == 1
                && block.getStatement(0) instanceof ExpressionStmt statement) {
            expression = statement.getExpression();
        }
        return expression instanceof MethodCallExpr call && call.getNameAsString().equals("disable")
                && call.getArguments().isEmpty()
                && call.getScope().filter(s -> s instanceof NameExpr name
                        && name.getNameAsString().equals(parameter)).isPresent();
    }

    /**
     * Whether a feature call is switched off where it is made: {@code formLogin(AbstractHttpConfigurer::disable)},
     * {@code formLogin(f -> f.disable())} or {@code formLogin().disable()}.
     */
    static boolean isDisabled(MethodCallExpr feature) {
        if (feature.getArguments().size() == 1 && isDisablingCustomizer(feature.getArgument(0))) {
            return true;
        }
        return feature.getArguments().isEmpty()
                && nextInChain(feature).filter(next -> next.getNameAsString().equals("disable")).isPresent();
    }

    /** Whether the node is in a method or type that only runs under development or test profiles. */
    static boolean inNonProductionProfile(SourceFile file, Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof NodeWithAnnotations<?> annotated && (n instanceof CallableDeclaration<?>
                    || n instanceof TypeDeclaration<?>)) {
                Optional<AnnotationExpr> profile = file.annotation(annotated, List.of(PROFILE));
                if (profile.isPresent()) {
                    List<String> names = annotationStrings(profile.get(), "value");
                    return !names.isEmpty() && names.stream()
                            .allMatch(p -> NON_PRODUCTION_PROFILES.contains(p.strip().toLowerCase(Locale.ROOT)));
                }
            }
        }
        return false;
    }

    /** The attribute of an annotation, if written. */
    static Optional<Expression> attribute(AnnotationExpr annotation, String name) {
        if (annotation instanceof SingleMemberAnnotationExpr single) {
            return name.equals("value") ? Optional.of(single.getMemberValue()) : Optional.empty();
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(name)) {
                    return Optional.of(pair.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** The string literals of an annotation attribute, single or array. */
    static List<String> annotationStrings(AnnotationExpr annotation, String name) {
        List<String> values = new ArrayList<>();
        attribute(annotation, name).ifPresent(value -> {
            List<Expression> items = value instanceof ArrayInitializerExpr array ? array.getValues() : List.of(value);
            for (Expression item : items) {
                if (item instanceof StringLiteralExpr literal) {
                    values.add(literal.asString());
                }
            }
        });
        return values;
    }

    /**
     * The value of a string expression when the sources say it: a literal, constant
     * concatenation or a constant of the enclosing types or of another type of the module.
     */
    static Optional<String> stringValue(SourceFacet sources, SourceFile file, Expression expression) {
        return StringValues.of(sources, file, expression);
    }

    /** {@code true} or {@code Boolean.TRUE}. */
    static boolean isTrue(Expression expression) {
        return expression instanceof BooleanLiteralExpr literal && literal.getValue()
                || expression instanceof FieldAccessExpr access && access.getNameAsString().equals("TRUE")
                        && access.getScope().toString().matches("(java\\.lang\\.)?Boolean");
    }
}
