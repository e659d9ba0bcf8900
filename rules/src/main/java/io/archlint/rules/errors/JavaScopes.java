package io.archlint.rules.errors;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.UnionType;
import io.archlint.engine.source.SourceFile;
import java.util.List;
import java.util.Optional;

/** Declarations and enclosing elements of parsed sources, shared by the rules of this package. */
final class JavaScopes {

    private JavaScopes() {}

    /**
     * The declared type of a simple name used at {@code use}: a catch parameter, a parameter or
     * local variable of an enclosing method or lambda, or a field or record component of an
     * enclosing type. Empty when the name is not declared there or its type is implicit.
     */
    static Optional<Type> declaredType(String name, Node use) {
        for (Node n = use.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CatchClause clause && clause.getParameter().getNameAsString().equals(name)) {
                return Optional.of(clause.getParameter().getType());
            }
            if (n instanceof LambdaExpr lambda) {
                for (Parameter parameter : lambda.getParameters()) {
                    if (parameter.getNameAsString().equals(name)) {
                        return parameter.getType().isUnknownType() ? Optional.empty() : Optional.of(parameter.getType());
                    }
                }
            }
            if (n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration
                    || n instanceof CompactConstructorDeclaration) {
                for (Parameter parameter : n.findAll(Parameter.class)) {
                    if (parameter.getNameAsString().equals(name) && !(parameter.getParentNode().orElse(null) instanceof LambdaExpr)
                            && !(parameter.getParentNode().orElse(null) instanceof CatchClause)) {
                        return Optional.of(parameter.getType());
                    }
                }
                for (VariableDeclarator variable : n.findAll(VariableDeclarator.class)) {
                    if (variable.getNameAsString().equals(name)
                            && !(variable.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                        return variable.getType().isVarType() ? Optional.empty() : Optional.of(variable.getType());
                    }
                }
            }
            if (n instanceof TypeDeclaration<?> type) {
                Optional<Type> field = fieldType(type, name);
                if (field.isPresent()) {
                    return field;
                }
            }
        }
        return Optional.empty();
    }

    /** The type of a field (or record component) declared directly in {@code type}. */
    static Optional<Type> fieldType(TypeDeclaration<?> type, String name) {
        Optional<Type> field = type.getFieldByName(name)
                .flatMap(f -> f.getVariables().stream().filter(v -> v.getNameAsString().equals(name)).findFirst())
                .map(VariableDeclarator::getType);
        if (field.isPresent()) {
            return field;
        }
        if (type instanceof RecordDeclaration record) {
            return record.getParameters().stream().filter(p -> p.getNameAsString().equals(name))
                    .map(Parameter::getType).findFirst();
        }
        return Optional.empty();
    }

    /** The type names a declared type stands for: one, or each alternative of a multi-catch. */
    static List<String> typeNames(Type type) {
        if (type instanceof UnionType union) {
            return union.getElements().stream().map(JavaScopes::written).toList();
        }
        return List.of(written(type));
    }

    /** A type as written, without generics or annotations. */
    static String written(Type type) {
        if (type.isClassOrInterfaceType()) {
            return type.asClassOrInterfaceType().getNameWithScope();
        }
        return type.asString();
    }

    /** The enclosing element of a node: {@code com.acme.Type#member}, or the type. */
    static String symbol(SourceFile file, Node node) {
        String type = enclosingType(node).map(file::qualifiedName).orElse(file.packageName());
        return enclosingCallable(node).map(member -> type + "#" + member.getNameAsString()).orElse(type);
    }

    /** {@code Type#member} with the simple type name, for messages. */
    static String shortSymbol(Node node) {
        String type = enclosingType(node).map(TypeDeclaration::getNameAsString).orElse("");
        return enclosingCallable(node).map(member -> type + "#" + member.getNameAsString()).orElse(type);
    }

    static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The nearest method or constructor around a node, within its type. */
    static Optional<CallableDeclaration<?>> enclosingCallable(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> callable) {
                return Optional.of(callable);
            }
            if (n instanceof TypeDeclaration<?>) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Whether {@code node} lies inside {@code ancestor} (or is it). */
    static boolean within(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }
}
