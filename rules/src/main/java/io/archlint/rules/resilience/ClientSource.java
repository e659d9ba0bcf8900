package io.archlint.rules.resilience;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import java.util.Collection;
import java.util.Optional;

/** Name resolution and navigation over parsed sources for the outbound-call rules of this package. */
final class ClientSource {

    private ClientSource() {}

    /** A variable's declaration: a local or a parameter (then {@code field} is false) or a field. */
    record Declaration(Node node, String type, Expression initializer, boolean field, boolean parameter) {}

    /**
     * Whether {@code written}, a type name as written in {@code file}, denotes {@code qualifiedName}.
     *
     * <p>A type of the module's own with the same simple name, declared in the file or its package,
     * hides an on-demand import.
     */
    static boolean denotes(SourceFacet sources, SourceFile file, String written, String qualifiedName) {
        if (!file.refersTo(written, qualifiedName)) {
            return false;
        }
        String name = written.strip();
        int generic = name.indexOf('<');
        name = generic < 0 ? name : name.substring(0, generic);
        if (name.contains(".") || singleImport(file, qualifiedName)) {
            return true;
        }
        String samePackage = (file.packageName().isEmpty() ? "" : file.packageName() + ".") + name;
        if (samePackage.equals(qualifiedName)) {
            return true;
        }
        String simple = name;
        boolean declaredHere = file.findAll(TypeDeclaration.class).stream()
                .anyMatch(t -> t.getNameAsString().equals(simple));
        return !declaredHere && sources.type(samePackage).isEmpty();
    }

    static boolean denotesAny(SourceFacet sources, SourceFile file, String written, Collection<String> names) {
        return names.stream().anyMatch(n -> denotes(sources, file, written, n));
    }

    /** Whether the expression is a type name (possibly qualified) that denotes {@code qualifiedName}. */
    static boolean isTypeName(SourceFacet sources, SourceFile file, Expression scope, String qualifiedName) {
        return (scope instanceof NameExpr || scope instanceof FieldAccessExpr)
                && Character.isUpperCase(lastSegment(scope.toString()).charAt(0))
                && denotes(sources, file, scope.toString(), qualifiedName);
    }

    /** {@code Type.method(..)} called on one of the types. */
    static boolean isStaticCall(SourceFacet sources, SourceFile file, MethodCallExpr call, Collection<String> owners,
            Collection<String> methods) {
        return methods.contains(call.getNameAsString()) && call.getScope().isPresent()
                && owners.stream().anyMatch(o -> isTypeName(sources, file, call.getScope().get(), o));
    }

    static boolean isCreationOf(SourceFacet sources, SourceFile file, ObjectCreationExpr created,
            Collection<String> qualifiedNames) {
        return denotesAny(sources, file, created.getType().getNameWithScope(), qualifiedNames);
    }

    private static boolean singleImport(SourceFile file, String qualifiedName) {
        for (ImportDeclaration imported : file.unit().getImports()) {
            if (!imported.isStatic() && !imported.isAsterisk() && imported.getNameAsString().equals(qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The innermost expression of a fluent chain {@code a.b().c()}: {@code a}, or the first call without scope. */
    static Expression chainRoot(Expression expression) {
        Expression current = expression;
        while (current instanceof MethodCallExpr call && call.getScope().isPresent()) {
            current = call.getScope().get();
        }
        return current;
    }

    /** The innermost call of a fluent chain whose root is a type name or a variable. */
    static Optional<MethodCallExpr> firstCall(Expression expression) {
        MethodCallExpr first = null;
        Expression current = expression;
        while (current instanceof MethodCallExpr call) {
            first = call;
            if (call.getScope().isEmpty()) {
                break;
            }
            current = call.getScope().get();
        }
        return Optional.ofNullable(first);
    }

    /** The outermost call of the chain {@code node} starts: {@code node.a().b()} for {@code node}. */
    static Expression chainTop(Expression node) {
        Expression current = node;
        while (true) {
            Node parent = current.getParentNode().orElse(null);
            if (parent instanceof MethodCallExpr call && call.getScope().isPresent() && call.getScope().get() == current) {
                current = call;
            } else {
                return current;
            }
        }
    }

    /** The method, constructor, initialiser or lambda a node runs in. */
    static Optional<Node> enclosingFunction(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr || n instanceof InitializerDeclaration) {
                return Optional.of(n);
            }
            if (n instanceof TypeDeclaration<?>) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The method, constructor or initialiser a node runs in, through lambdas. */
    static Optional<Node> enclosingMember(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration
                    || n instanceof FieldDeclaration) {
                return Optional.of(n);
            }
            if (n instanceof TypeDeclaration<?>) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * Where the variable {@code name}, used at {@code use}, is declared: a parameter or local of an
     * enclosing function (lambdas included), else a field of an enclosing type.
     */
    static Optional<Declaration> declaration(String name, Node use) {
        for (Node n = use.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof LambdaExpr lambda) {
                for (Parameter parameter : lambda.getParameters()) {
                    if (parameter.getNameAsString().equals(name)) {
                        return Optional.of(new Declaration(parameter, parameter.getType().asString(), null, false, true));
                    }
                }
            }
            if (n instanceof CallableDeclaration<?> callable) {
                for (Parameter parameter : callable.getParameters()) {
                    if (parameter.getNameAsString().equals(name)) {
                        return Optional.of(new Declaration(parameter, parameter.getType().asString(), null, false, true));
                    }
                }
            }
            if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr || n instanceof InitializerDeclaration) {
                Optional<Declaration> local = local(n, name);
                if (local.isPresent()) {
                    return local;
                }
            }
            if (n instanceof TypeDeclaration<?> type) {
                Optional<Declaration> field = field(type, name);
                if (field.isPresent()) {
                    return field;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The declaration of the variable an expression names: {@code this.client} is always a field,
     * {@code client} the nearest local, parameter or field.
     */
    static Optional<Declaration> declarationOf(Expression expression) {
        if (expression instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
            for (Node n = access.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
                if (n instanceof TypeDeclaration<?> type) {
                    return field(type, access.getNameAsString());
                }
            }
            return Optional.empty();
        }
        return variableName(expression).flatMap(name -> declaration(name, expression));
    }

    private static Optional<Declaration> local(Node function, String name) {
        for (VariableDeclarator variable : function.findAll(VariableDeclarator.class)) {
            if (variable.getNameAsString().equals(name)
                    && !(variable.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                return Optional.of(new Declaration(variable, variable.getType().asString(),
                        variable.getInitializer().orElse(null), false, false));
            }
        }
        return Optional.empty();
    }

    private static Optional<Declaration> field(TypeDeclaration<?> type, String name) {
        for (FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator variable : field.getVariables()) {
                if (variable.getNameAsString().equals(name)) {
                    return Optional.of(new Declaration(variable, variable.getType().asString(),
                            variable.getInitializer().orElse(null), true, false));
                }
            }
        }
        return Optional.empty();
    }

    /** The variable an expression names: {@code client} or {@code this.client}. */
    static Optional<String> variableName(Expression expression) {
        if (expression instanceof NameExpr name && Character.isLowerCase(name.getNameAsString().charAt(0))) {
            return Optional.of(name.getNameAsString());
        }
        if (expression instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
            return Optional.of(access.getNameAsString());
        }
        return Optional.empty();
    }
}
