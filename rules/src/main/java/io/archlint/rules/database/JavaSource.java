package io.archlint.rules.database;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.Optional;

/** Name resolution and navigation over parsed sources, shared by the rules of this package. */
final class JavaSource {

    private JavaSource() {}

    /**
     * Whether {@code written}, a type name as written in {@code file}, denotes {@code qualifiedName}.
     *
     * <p>Stricter than {@link SourceFile#refersTo}: a type of the module's own of the same simple
     * name, declared in the file or its package, hides an on-demand import and {@code java.lang}.
     */
    static boolean denotes(SourceFacet sources, SourceFile file, String written, String qualifiedName) {
        if (!file.refersTo(written, qualifiedName)) {
            return false;
        }
        String name = written.strip();
        if (name.contains(".") || singleImport(file, qualifiedName)) {
            return true;
        }
        String samePackage = (file.packageName().isEmpty() ? "" : file.packageName() + ".") + name;
        if (samePackage.equals(qualifiedName)) {
            return true;
        }
        boolean declaredHere = file.findAll(TypeDeclaration.class).stream()
                .anyMatch(t -> t.getNameAsString().equals(name));
        return !declaredHere && sources.type(samePackage).isEmpty();
    }

    /** Whether the expression is a type name (possibly qualified) that denotes {@code qualifiedName}. */
    static boolean isTypeName(SourceFacet sources, SourceFile file, Expression scope, String qualifiedName) {
        return (scope instanceof NameExpr || scope instanceof FieldAccessExpr)
                && denotes(sources, file, scope.toString(), qualifiedName);
    }

    private static boolean singleImport(SourceFile file, String qualifiedName) {
        for (ImportDeclaration imported : file.unit().getImports()) {
            if (!imported.isStatic() && !imported.isAsterisk() && imported.getNameAsString().equals(qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    /** The enclosing element of a node: {@code com.acme.Type#member}, or the type. */
    static String symbol(SourceFile file, Node node) {
        return Symbols.of(file, node);
    }

    /** {@code Type#member} with the simple type name, for messages. */
    static String shortSymbol(Node node) {
        return Symbols.shortOf(node);
    }

    static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        return Symbols.enclosingType(node);
    }

    /** The nearest method, constructor, initialiser or field around a node. */
    static Optional<Node> enclosingMember(Node node) {
        return Symbols.enclosingMember(node);
    }


    /** {@code public static void main(String[] args)}: a command-line entry point that runs once. */
    static boolean isMainMethod(MethodDeclaration method) {
        return method.getNameAsString().equals("main") && method.isStatic() && method.getType().isVoidType()
                && method.getParameters().size() == 1
                && method.getParameter(0).getType().asString().replace("...", "[]").replace(" ", "")
                        .matches("(java\\.lang\\.)?String\\[]");
    }

    /** The nearest method or constructor around a node. */
    static Optional<CallableDeclaration<?>> enclosingCallable(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> callable) {
                return Optional.of(callable);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code name}, used at {@code use}, is a local variable or parameter rather than a
     * field: declared in the enclosing method, constructor, initialiser or lambda.
     */
    static boolean isLocal(String name, Node use) {
        Node body = null;
        for (Node n = use.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration
                    || n instanceof CompactConstructorDeclaration) {
                body = n;
                break;
            }
            if (n instanceof TypeDeclaration<?>) {
                break;
            }
        }
        if (body == null) {
            return false;
        }
        for (Parameter parameter : body.findAll(Parameter.class)) {
            if (parameter.getNameAsString().equals(name)) {
                return true;
            }
        }
        for (VariableDeclarator variable : body.findAll(VariableDeclarator.class)) {
            if (variable.getNameAsString().equals(name)
                    && !(variable.getParentNode().orElse(null) instanceof FieldDeclaration)) {
                return true;
            }
        }
        return body.findAll(TypePatternExpr.class).stream().anyMatch(p -> p.getNameAsString().equals(name));
    }
}
