package io.archlint.rules.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Identifier words, profiles and source navigation shared by the rules of this package. */
final class SecuritySource {

    /** Spring's {@code @Profile}. */
    private static final String PROFILE = "org.springframework.context.annotation.Profile";

    /** Profiles (or profile prefixes) that never run in production. */
    private static final List<String> NON_PRODUCTION_PREFIXES = List.of("test", "dev", "local");
    private static final Set<String> NON_PRODUCTION = Set.of("it", "ci", "e2e", "integration", "h2", "embedded");

    private SecuritySource() {}

    /**
     * The lower-case words of an identifier, a property key or a header name:
     * {@code jwtSigningKey}, {@code JWT_SIGNING_KEY}, {@code jwt.signing-key} all give
     * {@code [jwt, signing, key]}.
     */
    static List<String> words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2");
        List<String> words = new ArrayList<>();
        for (String word : spaced.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The words joined without separators: {@code X-Api-Key} gives {@code xapikey}. */
    static String compact(String name) {
        return String.join("", words(name));
    }

    /** Whether a profile expression ({@code dev}, {@code test,local}, {@code !prod}) names only non-production profiles. */
    static boolean isNonProductionProfile(String profile) {
        if (profile.isBlank() || profile.contains("!")) {
            return false;
        }
        for (String name : profile.toLowerCase(Locale.ROOT).split("[\\s,|&()]+")) {
            if (name.isEmpty()) {
                continue;
            }
            boolean nonProduction = NON_PRODUCTION.contains(name)
                    || NON_PRODUCTION_PREFIXES.stream().anyMatch(name::startsWith);
            if (!nonProduction) {
                return false;
            }
        }
        return true;
    }

    /** Whether a node sits in a type or member annotated {@code @Profile} with non-production profiles only. */
    static boolean inNonProductionProfile(SourceFile file, Node node) {
        for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof NodeWithAnnotations<?> annotated) {
                Optional<AnnotationExpr> profile = file.annotation(annotated, List.of(PROFILE));
                if (profile.isPresent()) {
                    List<String> names = stringValues(profile.get());
                    return !names.isEmpty() && names.stream().allMatch(SecuritySource::isNonProductionProfile);
                }
            }
        }
        return false;
    }

    private static List<String> stringValues(AnnotationExpr annotation) {
        Expression value = annotation instanceof SingleMemberAnnotationExpr single ? single.getMemberValue()
                : annotation instanceof NormalAnnotationExpr normal ? normal.getPairs().stream()
                        .filter(p -> p.getNameAsString().equals("value")).map(p -> p.getValue()).findFirst()
                        .orElse(null)
                : null;
        List<Expression> values = value instanceof ArrayInitializerExpr array ? array.getValues()
                : value == null ? List.of() : List.of(value);
        List<String> strings = new ArrayList<>();
        for (Expression element : values) {
            if (!(element instanceof StringLiteralExpr literal)) {
                return List.of(); // a constant: not known here
            }
            strings.add(literal.asString());
        }
        return strings;
    }

    /** The enclosing element of a node: {@code com.acme.Type#member}, or the type. */
    static String symbol(SourceFile file, Node node) {
        return Symbols.of(file, node);
    }

    static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        return Symbols.enclosingType(node);
    }

    /** The nearest method, constructor, initialiser or field around a node, within its type. */
    static Optional<Node> enclosingMember(Node node) {
        return Symbols.enclosingMember(node);
    }

}
