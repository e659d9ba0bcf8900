package io.archlint.rules.security;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Declared types of names and receivers, resolved through a file's imports and the module's own
 * types; no symbol solver, so what cannot be told stays unknown.
 */
final class JavaTypes {

    /** A type as written in a file, or a library type known by its qualified name ({@code file} null). */
    record TypeName(SourceFile file, String written) {
        static TypeName known(String qualifiedName) {
            return new TypeName(null, qualifiedName);
        }
    }

    /**
     * Where a name is declared.
     *
     * @param root the method, constructor or initialiser a local or parameter belongs to; null for fields
     */
    record Declaration(Node node, String name, TypeName type, boolean field, boolean isFinal, Expression initializer,
            Node root) {}

    /** A call on a library type that returns another library type: {@code connection.createStatement()}. */
    private record Returns(List<String> owners, String method, String returned) {}

    private static final List<String> CONNECTION = List.of("java.sql.Connection");
    private static final List<String> SESSION_FACTORY = List.of("org.hibernate.SessionFactory");
    private static final List<String> NAMED_JDBC = List.of(
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations");
    private static final List<String> ENTITY_MANAGER_FACTORY = List.of(
            "jakarta.persistence.EntityManagerFactory", "javax.persistence.EntityManagerFactory");

    private static final List<Returns> RETURNS = List.of(
            new Returns(CONNECTION, "createStatement", "java.sql.Statement"),
            new Returns(CONNECTION, "prepareStatement", "java.sql.PreparedStatement"),
            new Returns(CONNECTION, "prepareCall", "java.sql.CallableStatement"),
            new Returns(List.of("javax.sql.DataSource"), "getConnection", "java.sql.Connection"),
            new Returns(SESSION_FACTORY, "getCurrentSession", "org.hibernate.Session"),
            new Returns(SESSION_FACTORY, "openSession", "org.hibernate.Session"),
            new Returns(SESSION_FACTORY, "openStatelessSession", "org.hibernate.StatelessSession"),
            new Returns(NAMED_JDBC, "getJdbcTemplate", "org.springframework.jdbc.core.JdbcTemplate"),
            new Returns(NAMED_JDBC, "getJdbcOperations", "org.springframework.jdbc.core.JdbcOperations"),
            new Returns(ENTITY_MANAGER_FACTORY, "createEntityManager", "jakarta.persistence.EntityManager"));

    private static final List<String> ENTITY_MANAGERS = List.of(
            "jakarta.persistence.EntityManager", "javax.persistence.EntityManager");

    private final SourceFacet sources;

    JavaTypes(SourceFacet sources) {
        this.sources = sources;
    }

    SourceFacet sources() {
        return sources;
    }

    /** Whether a type is {@code qualifiedName} or, for the module's own types, extends or implements it. */
    boolean is(TypeName type, String qualifiedName) {
        if (type.file() == null) {
            return type.written().equals(qualifiedName);
        }
        if (denotes(type.file(), type.written(), qualifiedName)) {
            return true;
        }
        Optional<SourceFacet.DeclaredType> declared = moduleType(type);
        if (declared.isEmpty()) {
            return false;
        }
        return sources.supertypes(declared.get().qualifiedName()).stream()
                .anyMatch(parent -> denotes(parent.file(), parent.written(), qualifiedName));
    }

    boolean isAny(TypeName type, Collection<String> qualifiedNames) {
        return qualifiedNames.stream().anyMatch(name -> is(type, name));
    }

    /** The module's declaration of a type, if it is one of the module's. */
    Optional<SourceFacet.DeclaredType> moduleType(TypeName type) {
        if (type.file() == null) {
            return sources.type(type.written());
        }
        String written = stripGenerics(type.written());
        if (written.isEmpty() || !Character.isUpperCase(written.charAt(0)) && !written.contains(".")) {
            return Optional.empty();
        }
        Optional<SourceFacet.DeclaredType> resolved = sources.type(type.file().resolve(written));
        if (resolved.isPresent() || written.contains(".")) {
            return resolved;
        }
        // A type nested in one of the file's types: Dao.Filter written as Filter.
        for (TypeDeclaration<?> declared : type.file().findAll(TypeDeclaration.class)) {
            if (declared.getNameAsString().equals(written) && !declared.isTopLevelType()) {
                return sources.type(type.file().qualifiedName(declared));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code written} in {@code file} denotes {@code qualifiedName}: a module type of the
     * same simple name in the file or its package hides on-demand imports and {@code java.lang}.
     */
    boolean denotes(SourceFile file, String written, String qualifiedName) {
        String name = stripGenerics(written);
        if (name.isEmpty() || !file.refersTo(name, qualifiedName)) {
            return false;
        }
        if (name.contains(".")) {
            return true;
        }
        for (ImportDeclaration imported : file.unit().getImports()) {
            if (!imported.isStatic() && !imported.isAsterisk() && imported.getNameAsString().equals(qualifiedName)) {
                return true;
            }
        }
        String samePackage = (file.packageName().isEmpty() ? "" : file.packageName() + ".") + name;
        if (samePackage.equals(qualifiedName)) {
            return true;
        }
        boolean declaredHere = file.findAll(TypeDeclaration.class).stream()
                .anyMatch(t -> t.getNameAsString().equals(name));
        return !declaredHere && sources.type(samePackage).isEmpty();
    }

    /** Whether an expression is a type name (simple or qualified) that denotes {@code qualifiedName}. */
    boolean isTypeName(SourceFile file, Expression expression, String qualifiedName) {
        if (!(expression instanceof NameExpr || expression instanceof FieldAccessExpr)) {
            return false;
        }
        if (expression instanceof NameExpr name && declaration(file, name).isPresent()) {
            return false; // a variable that happens to be named like the type
        }
        return denotes(file, expression.toString(), qualifiedName);
    }

    /** The static type of an expression used as a call's receiver, when the sources say it. */
    Optional<TypeName> typeOf(SourceFile file, Expression expression) {
        if (expression instanceof EnclosedExpr enclosed) {
            return typeOf(file, enclosed.getInner());
        }
        if (expression instanceof CastExpr cast) {
            return Optional.of(new TypeName(file, cast.getType().asString()));
        }
        if (expression instanceof NameExpr name) {
            return declaration(file, name).map(Declaration::type);
        }
        if (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            return field(file, access, access.getNameAsString()).map(Declaration::type);
        }
        if (expression instanceof ObjectCreationExpr created) {
            return Optional.of(new TypeName(file, created.getType().getNameWithScope()));
        }
        if (expression instanceof MethodCallExpr call) {
            return returnType(file, call);
        }
        return Optional.empty();
    }

    private Optional<TypeName> returnType(SourceFile file, MethodCallExpr call) {
        String method = call.getNameAsString();
        if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
            return ownMethods(call, method, call.getArguments().size()).stream()
                    .findFirst()
                    .map(m -> new TypeName(file, m.getType().asString()));
        }
        Optional<TypeName> receiver = typeOf(file, call.getScope().get());
        if (receiver.isEmpty()) {
            return Optional.empty();
        }
        if (method.equals("unwrap") && isAny(receiver.get(), ENTITY_MANAGERS) && call.getArguments().size() == 1
                && call.getArgument(0) instanceof ClassExpr target) {
            return Optional.of(new TypeName(file, target.getType().asString()));
        }
        for (Returns returns : RETURNS) {
            if (returns.method().equals(method) && isAny(receiver.get(), returns.owners())) {
                return Optional.of(TypeName.known(returns.returned()));
            }
        }
        return memberType(receiver.get(), method, call.getArguments().size());
    }

    /**
     * The return type of a method or record component of one of the module's types, declared there
     * or inherited from one of the module's supertypes ({@code pet.getId()} of a {@code BaseEntity}).
     */
    Optional<TypeName> memberType(TypeName owner, String method, int arguments) {
        Optional<SourceFacet.DeclaredType> declared = moduleType(owner);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Optional<TypeName> own = declaredMemberType(declared.get(), method, arguments);
        if (own.isPresent()) {
            return own;
        }
        for (SourceFacet.TypeRef parent : sources.supertypes(declared.get().qualifiedName())) {
            Optional<TypeName> inherited = sources.type(parent.resolved())
                    .flatMap(type -> declaredMemberType(type, method, arguments));
            if (inherited.isPresent()) {
                return inherited;
            }
        }
        return Optional.empty();
    }

    private static Optional<TypeName> declaredMemberType(SourceFacet.DeclaredType declared, String method, int arguments) {
        TypeDeclaration<?> type = declared.declaration();
        SourceFile file = declared.file();
        for (MethodDeclaration candidate : type.getMethodsByName(method)) {
            if (candidate.getParameters().size() == arguments) {
                return Optional.of(new TypeName(file, candidate.getType().asString()));
            }
        }
        if (arguments == 0 && type instanceof RecordDeclaration record) {
            for (Parameter component : record.getParameters()) {
                if (component.getNameAsString().equals(method)) {
                    return Optional.of(new TypeName(file, component.getType().asString()));
                }
            }
        }
        return Optional.empty();
    }

    /** Methods of the types enclosing {@code node} with that name and number of parameters. */
    List<MethodDeclaration> ownMethods(Node node, String name, int arguments) {
        return enclosingType(node)
                .map(type -> type.getMethodsByName(name).stream()
                        .filter(m -> m.getParameters().size() == arguments || isVarArgs(m))
                        .toList())
                .orElse(List.of());
    }

    private static boolean isVarArgs(MethodDeclaration method) {
        return !method.getParameters().isEmpty() && method.getParameters().getLast().orElseThrow().isVarArgs();
    }

    /** Where a simple name used in {@code file} is declared: a local, a parameter or a field. */
    Optional<Declaration> declaration(SourceFile file, NameExpr use) {
        return local(file, use).or(() -> field(file, use, use.getNameAsString()));
    }

    private Optional<Declaration> local(SourceFile file, NameExpr use) {
        Node root = root(use);
        if (root == null) {
            return Optional.empty();
        }
        String name = use.getNameAsString();
        int useLine = use.getBegin().map(p -> p.line).orElse(Integer.MAX_VALUE);
        Declaration best = null;
        int bestLine = -1;
        for (Parameter parameter : root.findAll(Parameter.class)) {
            int line = parameter.getBegin().map(p -> p.line).orElse(0);
            if (parameter.getNameAsString().equals(name) && line <= useLine && line >= bestLine
                    && belongsTo(parameter, root)) {
                Type type = parameter.getType();
                TypeName typeName = type.isUnknownType() ? null : new TypeName(file, type.asString());
                best = new Declaration(parameter, name, typeName, false, parameter.isFinal(), null, root);
                bestLine = line;
            }
        }
        for (VariableDeclarator variable : root.findAll(VariableDeclarator.class)) {
            int line = variable.getBegin().map(p -> p.line).orElse(0);
            if (variable.getNameAsString().equals(name) && line <= useLine && line >= bestLine
                    && !(variable.getParentNode().orElse(null) instanceof FieldDeclaration)
                    && belongsTo(variable, root)) {
                Expression initializer = variable.getInitializer().orElse(null);
                TypeName typeName = variable.getType().isVarType()
                        ? (initializer == null ? null : typeOf(file, initializer).orElse(null))
                        : new TypeName(file, variable.getType().asString());
                best = new Declaration(variable, name, typeName, false, false, initializer, root);
                bestLine = line;
            }
        }
        if (best != null && best.type() == null) {
            // an implicitly typed lambda parameter, or a var whose initialiser says nothing
            return Optional.of(new Declaration(best.node(), name, TypeName.known("?"), false, best.isFinal(),
                    best.initializer(), root));
        }
        return Optional.ofNullable(best);
    }

    /** Whether a declaration sits in {@code root} itself, not in a class declared inside it. */
    private static boolean belongsTo(Node node, Node root) {
        for (Node n = node.getParentNode().orElse(null); n != null && n != root; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> || n instanceof ObjectCreationExpr created
                    && created.getAnonymousClassBody().isPresent()) {
                return false;
            }
        }
        return true;
    }

    /** A field of the types enclosing {@code use}, or of the module's supertypes of them. */
    Optional<Declaration> field(SourceFile file, Node use, String name) {
        for (Node n = use.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type) {
                Optional<Declaration> found = fieldOf(file, type, name);
                if (found.isPresent()) {
                    return found;
                }
                for (SourceFacet.TypeRef parent : sources.supertypes(file.qualifiedName(type))) {
                    Optional<SourceFacet.DeclaredType> declared = sources.type(parent.resolved());
                    if (declared.isPresent()) {
                        found = fieldOf(declared.get().file(), declared.get().declaration(), name);
                        if (found.isPresent()) {
                            return found;
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A field declared directly in {@code type}, with the file that declares it. */
    Optional<Declaration> fieldOf(SourceFile file, TypeDeclaration<?> type, String name) {
        Optional<FieldDeclaration> field = type.getFieldByName(name);
        if (field.isPresent()) {
            boolean constant = field.get().isFinal()
                    || type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
            VariableDeclarator variable = field.get().getVariables().stream()
                    .filter(v -> v.getNameAsString().equals(name)).findFirst().orElseThrow();
            return Optional.of(new Declaration(variable, name, new TypeName(file, variable.getType().asString()),
                    true, constant, variable.getInitializer().orElse(null), null));
        }
        if (type instanceof RecordDeclaration record) {
            for (Parameter component : record.getParameters()) {
                if (component.getNameAsString().equals(name)) {
                    return Optional.of(new Declaration(component, name,
                            new TypeName(file, component.getType().asString()), true, true, null, null));
                }
            }
        }
        return Optional.empty();
    }

    /** The method, constructor or initialiser whose locals a node can see. */
    static Node root(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> || n instanceof InitializerDeclaration
                    || n instanceof FieldDeclaration) {
                return n;
            }
            if (n instanceof TypeDeclaration<?>) {
                return null;
            }
        }
        return null;
    }

    static Optional<TypeDeclaration<?>> enclosingType(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static String stripGenerics(String written) {
        int generic = written.indexOf('<');
        return (generic < 0 ? written : written.substring(0, generic)).strip();
    }
}
