package io.archlint.rules.errors;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.Optional;

/** Navigation over parsed sources shared by the rules of this package. */
final class ErrorsSource {

    private ErrorsSource() {}

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

    /** The nearest method, constructor, initialiser or field of the nearest type around a node. */
    private static Optional<Node> enclosingMember(Node node) {
        return Symbols.enclosingMember(node);
    }


    /** Whether a node sits in {@code public static void main(String[])}, including its lambdas. */
    static boolean inMainMethod(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof MethodDeclaration method && isMainMethod(method)) {
                return true;
            }
            if (n instanceof TypeDeclaration<?>) {
                return false;
            }
        }
        return false;
    }

    private static boolean isMainMethod(MethodDeclaration method) {
        return method.getNameAsString().equals("main") && method.isStatic() && method.getType().isVoidType()
                && method.getParameters().size() == 1
                && (method.getParameter(0).isVarArgs()
                        ? method.getParameter(0).getType().asString().matches("(java\\.lang\\.)?String")
                        : method.getParameter(0).getType().asString().replace(" ", "")
                                .matches("(java\\.lang\\.)?String\\[]"));
    }

    /** The simple name of a possibly qualified, possibly generic type name. */
    static String simpleName(String written) {
        String name = written.contains("<") ? written.substring(0, written.indexOf('<')) : written;
        return name.substring(name.lastIndexOf('.') + 1).strip();
    }
}
