package io.archlint.rules.database;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.StringValues;
import io.archlint.engine.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads mapping annotations and the types they sit on, for the index rule's entity models. */
final class MappingAnnotations {

    private MappingAnnotations() {}

    /** The names {@code javax.persistence.X} and {@code jakarta.persistence.X}. */
    static List<String> persistence(String simpleName) {
        return List.of("jakarta.persistence." + simpleName, "javax.persistence." + simpleName);
    }

    /** Every annotation on {@code element} that denotes one of {@code names} (repeatable ones appear more than once). */
    static List<AnnotationExpr> all(SourceFile file, NodeWithAnnotations<?> element, List<String> names) {
        List<AnnotationExpr> found = new ArrayList<>();
        for (AnnotationExpr annotation : element.getAnnotations()) {
            if (file.refersToAny(annotation.getNameAsString(), names)) {
                found.add(annotation);
            }
        }
        return found;
    }

    /** An attribute's expression; {@code value} also answers for the single-member form. */
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

    static boolean isTrue(AnnotationExpr annotation, String name) {
        return attribute(annotation, name).filter(e -> e instanceof BooleanLiteralExpr b && b.getValue()).isPresent();
    }

    /** An attribute's string value, when the sources say what it is. */
    static Optional<String> string(SourceFacet sources, SourceFile file, AnnotationExpr annotation, String name) {
        return attribute(annotation, name).flatMap(e -> string(sources, file, e));
    }

    /** The values of an array-valued attribute; a single value counts as an array of one. */
    static List<Expression> elements(Expression value) {
        if (value instanceof ArrayInitializerExpr array) {
            return List.copyOf(array.getValues());
        }
        return List.of(value);
    }

    /** The last segment of an enum constant reference: {@code InheritanceType.JOINED} gives {@code JOINED}. */
    static Optional<String> constantName(Expression value) {
        if (value instanceof FieldAccessExpr access) {
            return Optional.of(access.getNameAsString());
        }
        if (value instanceof NameExpr name) {
            return Optional.of(name.getNameAsString());
        }
        return Optional.empty();
    }

    /** A string expression's value: literals, text blocks, concatenations and constants of the module. */
    static Optional<String> string(SourceFacet sources, SourceFile file, Expression expression) {
        return StringValues.of(sources, file, expression);
    }

    /**
     * The fully qualified name of a type as written at {@code context}: nested types of the
     * enclosing types first, then imports and the package, then on-demand imports of the
     * module's own types.
     */
    static String resolveType(SourceFacet sources, SourceFile file, Node context, String written) {
        String name = written.contains("<") ? written.substring(0, written.indexOf('<')) : written;
        name = name.replace("[]", "").replace("...", "").strip();
        for (Node n = context; n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type) {
                String nested = file.qualifiedName(type) + "." + name;
                if (sources.type(nested).isPresent()) {
                    return nested;
                }
            }
        }
        String resolved = file.resolve(name);
        if (sources.type(resolved).isPresent()) {
            return resolved;
        }
        for (var imported : file.unit().getImports()) {
            if (imported.isAsterisk() && !imported.isStatic()) {
                String candidate = imported.getNameAsString() + "." + name;
                if (sources.type(candidate).isPresent()) {
                    return candidate;
                }
            }
        }
        return resolved;
    }

    /** The type a collection or optional holds ({@code List<Line>} gives {@code Line}); the type itself otherwise. */
    static Type elementType(Type type) {
        if (type instanceof ClassOrInterfaceType declared && declared.getTypeArguments().isPresent()
                && !declared.getTypeArguments().get().isEmpty()) {
            var arguments = declared.getTypeArguments().get();
            return arguments.get(arguments.size() - 1);
        }
        if (type.isArrayType()) {
            return type.asArrayType().getComponentType();
        }
        return type;
    }

    /** Whether a type is a collection, map or array: a to-many value. */
    static boolean isMany(Type type) {
        if (type.isArrayType()) {
            return !type.asArrayType().getComponentType().asString().equals("byte")
                    && !type.asArrayType().getComponentType().asString().equals("char");
        }
        if (type instanceof ClassOrInterfaceType declared) {
            String name = declared.getNameAsString();
            return name.endsWith("List") || name.endsWith("Set") || name.endsWith("Collection") || name.endsWith("Map")
                    || name.equals("Iterable");
        }
        return false;
    }
}
