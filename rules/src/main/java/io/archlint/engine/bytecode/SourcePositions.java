package io.archlint.engine.bytecode;

import com.github.javaparser.Position;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.tngtech.archunit.core.domain.JavaClass;
import io.archlint.engine.source.SourceFile;
import java.util.Optional;

/** Maps elements of compiled classes back to positions in their parsed source. */
public final class SourcePositions {

    private SourcePositions() {}

    /** The declaration of a class in its source file, for top-level and nested classes. */
    public static Optional<TypeDeclaration<?>> declaration(SourceFile file, JavaClass type) {
        String wanted = type.getName().replace('$', '.');
        for (TypeDeclaration<?> declaration : file.findAll(TypeDeclaration.class)) {
            if (file.qualifiedName(declaration).equals(wanted)) {
                return Optional.of(declaration);
            }
        }
        return Optional.empty();
    }

    /** Where a field's type is written. */
    public static Optional<Position> field(SourceFile file, JavaClass owner, String fieldName) {
        return declaration(file, owner).flatMap(type -> type.getMembers().stream()
                .filter(FieldDeclaration.class::isInstance)
                .map(FieldDeclaration.class::cast)
                .filter(f -> f.getVariables().stream().map(VariableDeclarator::getNameAsString).anyMatch(fieldName::equals))
                .findFirst()
                .flatMap(f -> f.getElementType().getBegin()));
    }

    /** Where the first constructor parameter of a type whose simple name is {@code simpleTypeName} is written. */
    public static Optional<Position> constructorParameter(SourceFile file, JavaClass owner, String simpleTypeName) {
        return declaration(file, owner).flatMap(type -> type.getMembers().stream()
                .filter(ConstructorDeclaration.class::isInstance)
                .map(ConstructorDeclaration.class::cast)
                .flatMap(c -> c.getParameters().stream())
                .filter(p -> simpleName(p).equals(simpleTypeName))
                .findFirst()
                .flatMap(p -> p.getType().getBegin()));
    }

    /** Where a call to a method of that name starts on a line, or the line's start. */
    public static Position call(Optional<SourceFile> file, int line, String methodName) {
        Optional<Position> position = file.flatMap(f -> f.findAll(MethodCallExpr.class).stream()
                .filter(call -> call.getNameAsString().equals(methodName))
                .filter(call -> call.getName().getBegin().map(p -> p.line == line).orElse(false))
                .findFirst()
                .flatMap(call -> call.getName().getBegin()));
        return position.orElse(new Position(line, 0));
    }

    private static String simpleName(Parameter parameter) {
        String written = parameter.getType().asString();
        int generic = written.indexOf('<');
        String raw = generic < 0 ? written : written.substring(0, generic);
        return raw.substring(raw.lastIndexOf('.') + 1);
    }
}
