package io.archlint.rules.concurrency;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Name resolution and field references over parsed sources, shared by the rules of this package. */
final class ConcurrencySource {

    /** Calls that copy or wrap a collection read-only: handing the field to them lets nothing else change it. */
    private static final Set<String> READ_ONLY_WRAPPERS = Set.of("unmodifiableMap", "unmodifiableList",
            "unmodifiableSet", "unmodifiableCollection", "unmodifiableSortedMap", "unmodifiableSortedSet",
            "copyOf", "stream", "of");

    private ConcurrencySource() {}

    /** A use of a field: the expression that names it and the file it is in. */
    record FieldUse(SourceFile file, Expression expression) {}

    /**
     * Whether {@code written}, a type name as written in {@code file}, denotes {@code qualifiedName}.
     *
     * <p>Stricter than {@link SourceFile#refersTo}: a module type of the same simple name in the
     * file's package hides an on-demand import and {@code java.lang}.
     */
    static boolean denotes(SourceFacet sources, SourceFile file, String written, String qualifiedName) {
        if (!file.refersTo(written, qualifiedName)) {
            return false;
        }
        String name = stripGenerics(written);
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

    static boolean denotesAny(SourceFacet sources, SourceFile file, String written, Iterable<String> qualifiedNames) {
        for (String qualifiedName : qualifiedNames) {
            if (denotes(sources, file, written, qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of {@code annotations} denotes one of {@code qualifiedNames}. */
    static boolean annotated(SourceFacet sources, SourceFile file, List<AnnotationExpr> annotations,
            Iterable<String> qualifiedNames) {
        return annotation(sources, file, annotations, qualifiedNames).isPresent();
    }

    static Optional<AnnotationExpr> annotation(SourceFacet sources, SourceFile file, List<AnnotationExpr> annotations,
            Iterable<String> qualifiedNames) {
        for (AnnotationExpr annotation : annotations) {
            if (denotesAny(sources, file, annotation.getNameAsString(), qualifiedNames)) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    private static boolean singleImport(SourceFile file, String qualifiedName) {
        for (ImportDeclaration imported : file.unit().getImports()) {
            if (!imported.isStatic() && !imported.isAsterisk() && imported.getNameAsString().equals(qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    static String stripGenerics(String written) {
        int generic = written.indexOf('<');
        String name = generic < 0 ? written : written.substring(0, generic);
        return name.replace("[]", "").strip();
    }

    /**
     * The declared type of a simple name used at {@code use}: a catch, lambda or method
     * parameter, a local variable, or a field of an enclosing type. Empty when it is not
     * declared there or its type is implicit ({@code var}, untyped lambda parameters).
     */
    static Optional<Type> declaredType(String name, Node use) {
        Optional<Node> declaration = declaration(name, use);
        if (declaration.isEmpty()) {
            return Optional.empty();
        }
        Type type = declaration.get() instanceof Parameter parameter ? parameter.getType()
                : declaration.get() instanceof VariableDeclarator variable ? variable.getType() : null;
        return type == null || type.isVarType() || type.isUnknownType() ? Optional.empty() : Optional.of(type);
    }

    /** The parameter, local or field declarator that {@code name} at {@code use} denotes. */
    static Optional<Node> declaration(String name, Node use) {
        for (Node n = use.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CatchClause clause && clause.getParameter().getNameAsString().equals(name)) {
                return Optional.of(clause.getParameter());
            }
            if (n instanceof LambdaExpr lambda) {
                for (Parameter parameter : lambda.getParameters()) {
                    if (parameter.getNameAsString().equals(name)) {
                        return Optional.of(parameter);
                    }
                }
            }
            if (n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration
                    || n instanceof CompactConstructorDeclaration) {
                Optional<Node> local = local(n, name);
                if (local.isPresent()) {
                    return local;
                }
            }
            if (n instanceof TypeDeclaration<?> type) {
                Optional<Node> field = field(type, name).map(v -> (Node) v);
                if (field.isPresent()) {
                    return field;
                }
                if (type instanceof RecordDeclaration record) {
                    for (Parameter component : record.getParameters()) {
                        if (component.getNameAsString().equals(name)) {
                            return Optional.of(component);
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Node> local(Node body, String name) {
        if (body instanceof CallableDeclaration<?> callable) {
            for (Parameter parameter : callable.getParameters()) {
                if (parameter.getNameAsString().equals(name)) {
                    return Optional.of(parameter);
                }
            }
        }
        for (VariableDeclarator variable : body.findAll(VariableDeclarator.class)) {
            if (variable.getNameAsString().equals(name) && !(variable.getParentNode().orElse(null) instanceof FieldDeclaration)
                    && enclosingBody(variable) == body) {
                return Optional.of(variable);
            }
        }
        for (TypePatternExpr pattern : body.findAll(TypePatternExpr.class)) {
            if (pattern.getNameAsString().equals(name)) {
                return Optional.of(pattern);
            }
        }
        return Optional.empty();
    }

    private static Node enclosingBody(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration
                    || n instanceof CompactConstructorDeclaration || n instanceof TypeDeclaration<?>) {
                return n;
            }
        }
        return null;
    }

    /** A field declared directly in {@code type}. */
    static Optional<VariableDeclarator> field(TypeDeclaration<?> type, String name) {
        for (FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator variable : field.getVariables()) {
                if (variable.getNameAsString().equals(name)) {
                    return Optional.of(variable);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every use of a field: unqualified or {@code this.}/{@code Owner.} qualified in its own type
     * (including nested types that do not shadow it), and, for a static field, {@code Owner.NAME}
     * or a static import of it anywhere in the module.
     */
    static List<FieldUse> uses(SourceFacet sources, SourceFile ownerFile, TypeDeclaration<?> owner,
            VariableDeclarator field, boolean isStatic) {
        String name = field.getNameAsString();
        String ownerName = ownerFile.qualifiedName(owner);
        List<FieldUse> uses = new ArrayList<>();
        for (SourceFile file : sources.files()) {
            boolean staticImport = isStatic && file != ownerFile && file.unit().getImports().stream()
                    .anyMatch(i -> i.isStatic() && (i.getNameAsString().equals(ownerName + "." + name)
                            || i.isAsterisk() && i.getNameAsString().equals(ownerName)));
            if (file != ownerFile && !isStatic) {
                continue;
            }
            for (NameExpr use : file.findAll(NameExpr.class)) {
                if (!use.getNameAsString().equals(name)) {
                    continue;
                }
                Optional<Node> declared = declaration(name, use);
                if (declared.isPresent() ? declared.get() == field : staticImport) {
                    uses.add(new FieldUse(file, use));
                }
            }
            for (FieldAccessExpr use : file.findAll(FieldAccessExpr.class)) {
                if (!use.getNameAsString().equals(name)) {
                    continue;
                }
                Expression scope = use.getScope();
                boolean ownThis = scope instanceof ThisExpr thisExpr && thisExpr.getTypeName().isEmpty()
                        && file == ownerFile && enclosingType(use).filter(t -> t == owner).isPresent();
                boolean ownerQualified = isStatic && (scope instanceof NameExpr || scope instanceof FieldAccessExpr)
                        && (file == ownerFile && scope.toString().equals(owner.getNameAsString())
                                || denotes(sources, file, scope.toString(), ownerName));
                if (ownThis || ownerQualified) {
                    uses.add(new FieldUse(file, use));
                }
            }
        }
        return uses;
    }

    /** The call made on a field use ({@code field.put(..)}), if the use is the scope of one. */
    static Optional<MethodCallExpr> callOn(Expression use) {
        return use.getParentNode().filter(p -> p instanceof MethodCallExpr call && call.getScope().orElse(null) == use)
                .map(p -> (MethodCallExpr) p);
    }

    /**
     * Whether a use hands the object itself to code this rule cannot see: as a call argument, a
     * returned value or the initial value of another variable. Read-only wrappers and copies do not count.
     */
    static boolean escapes(Expression use) {
        Node parent = use.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr call && call.getArguments().contains(use)) {
            return !READ_ONLY_WRAPPERS.contains(call.getNameAsString());
        }
        if (parent instanceof ReturnStmt) {
            return true;
        }
        if (parent instanceof VariableDeclarator variable && variable.getInitializer().orElse(null) == use) {
            return true;
        }
        return parent instanceof com.github.javaparser.ast.expr.AssignExpr assign && assign.getValue() == use;
    }

    static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        return io.archlint.engine.source.Symbols.enclosingType(node);
    }

    /** The class declarations of a file, nested ones included; interfaces excluded. */
    static List<ClassOrInterfaceDeclaration> classes(SourceFile file) {
        return file.findAll(ClassOrInterfaceDeclaration.class).stream().filter(c -> !c.isInterface()).toList();
    }
}
