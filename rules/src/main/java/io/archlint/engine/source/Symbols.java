package io.archlint.engine.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.Optional;

/** The element a source node belongs to, named the way findings name their {@code symbol}. */
public final class Symbols {

    private Symbols() {}

    /** {@code com.acme.Type#member}, or the type when the node is outside any member. */
    public static String of(SourceFile file, Node node) {
        String type = enclosingType(node).map(file::qualifiedName).orElse(file.packageName());
        return enclosingMember(node).map(member -> type + "#" + memberName(member)).orElse(type);
    }

    /** {@code Type#member} with the simple type name, for messages. */
    public static String shortOf(Node node) {
        String type = enclosingType(node).map(TypeDeclaration::getNameAsString).orElse("");
        return enclosingMember(node).map(member -> type + "#" + memberName(member)).orElse(type);
    }

    /** The nearest type around a node. */
    public static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The nearest method, constructor, initialiser or field around a node, within its type. */
    public static Optional<Node> enclosingMember(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> || n instanceof CompactConstructorDeclaration
                    || n instanceof InitializerDeclaration || n instanceof FieldDeclaration) {
                return Optional.of(n);
            }
            if (n instanceof TypeDeclaration<?>) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A member's name; {@code <init>} for initialisers. */
    public static String memberName(Node member) {
        if (member instanceof CallableDeclaration<?> callable) {
            return callable.getNameAsString();
        }
        if (member instanceof CompactConstructorDeclaration constructor) {
            return constructor.getNameAsString();
        }
        if (member instanceof FieldDeclaration field) {
            return field.getVariable(0).getNameAsString();
        }
        return "<init>";
    }
}
