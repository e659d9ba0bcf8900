package io.archlint.engine.source;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.util.Optional;

/**
 * Resolves a string expression to its value when the module's sources say it: literals, text
 * blocks, constant concatenation and constants (final fields, interface and annotation fields) of the
 * module's own types: {@code HEADER}, {@code Headers.IDEMPOTENCY_KEY}, statically imported ones.
 * Rules use it to read annotation attributes, header names and queries written with constants.
 */
public final class StringValues {

    /** Constants that refer to constants; deeper chains are not followed. */
    private static final int MAX_DEPTH = 4;

    private StringValues() {}

    /** The value of a string expression, or empty when the sources do not say it. */
    public static Optional<String> of(SourceFacet sources, SourceFile file, Expression expression) {
        return value(sources, file, expression, 0);
    }

    private static Optional<String> value(SourceFacet sources, SourceFile file, Expression expression, int depth) {
        if (depth > MAX_DEPTH) {
            return Optional.empty();
        }
        if (expression instanceof StringLiteralExpr literal) {
            return Optional.of(literal.asString());
        }
        if (expression instanceof TextBlockLiteralExpr block) {
            return Optional.of(block.asString());
        }
        if (expression instanceof EnclosedExpr enclosed) {
            return value(sources, file, enclosed.getInner(), depth);
        }
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = value(sources, file, binary.getLeft(), depth + 1);
            Optional<String> right = value(sources, file, binary.getRight(), depth + 1);
            return left.isPresent() && right.isPresent() ? Optional.of(left.get() + right.get()) : Optional.empty();
        }
        if (expression instanceof NameExpr name) {
            return constantInEnclosingTypes(sources, file, name, name.getNameAsString(), depth)
                    .or(() -> staticallyImported(sources, file, name.getNameAsString(), depth));
        }
        if (expression instanceof FieldAccessExpr access
                && (access.getScope() instanceof NameExpr || access.getScope() instanceof FieldAccessExpr)) {
            String owner = access.getScope().toString();
            if (Character.isLowerCase(owner.charAt(0)) && !owner.contains(".")) {
                return Optional.empty(); // a variable's field, not a constant
            }
            return constantOf(sources, file.resolve(owner), access.getNameAsString(), depth);
        }
        return Optional.empty();
    }

    private static Optional<String> constantInEnclosingTypes(SourceFacet sources, SourceFile file, Node from,
            String name, int depth) {
        Optional<Node> current = from.getParentNode();
        while (current.isPresent()) {
            if (current.get() instanceof TypeDeclaration<?> type) {
                Optional<String> found = initializer(type, name)
                        .flatMap(init -> value(sources, file, init, depth + 1));
                if (found.isPresent()) {
                    return found;
                }
            }
            current = current.get().getParentNode();
        }
        return Optional.empty();
    }

    private static Optional<String> staticallyImported(SourceFacet sources, SourceFile file, String name, int depth) {
        for (ImportDeclaration imported : file.unit().getImports()) {
            if (imported.isStatic() && !imported.isAsterisk() && imported.getName().getIdentifier().equals(name)) {
                return imported.getName().getQualifier()
                        .flatMap(owner -> constantOf(sources, owner.asString(), name, depth));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> constantOf(SourceFacet sources, String typeName, String name, int depth) {
        return sources.type(typeName).flatMap(declared -> initializer(declared.declaration(), name)
                .flatMap(init -> value(sources, declared.file(), init, depth + 1)));
    }

    /** A constant's initializer: a final field, or any field of an interface or annotation type. */
    private static Optional<Expression> initializer(TypeDeclaration<?> type, String name) {
        boolean inInterface = type instanceof com.github.javaparser.ast.body.ClassOrInterfaceDeclaration declaration
                && declaration.isInterface();
        return type.getFieldByName(name)
                .filter(field -> field.isFinal() || inInterface || type.isAnnotationDeclaration())
                .map(FieldDeclaration::getVariables)
                .flatMap(variables -> variables.stream().filter(v -> v.getNameAsString().equals(name)).findFirst())
                .flatMap(VariableDeclarator::getInitializer);
    }
}
