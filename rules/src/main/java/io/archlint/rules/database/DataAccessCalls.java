package io.archlint.rules.database;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.TypeExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.Stereotypes;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Declared types of the names a call is made on, and whether they are data access types: the
 * stereotype tables' library types, the module's Spring Data repositories and its
 * {@code @Repository}/{@code @Mapper} classes. No symbol solver: what the sources do not say stays unknown.
 */
final class DataAccessCalls {

    /**
     * Where a name is declared.
     *
     * @param node the parameter, variable or field declarator
     * @param type the declared type as written, or null for an implicitly typed lambda parameter or {@code var}
     * @param file the file that declares it (a field may come from a supertype in another file)
     */
    record Declaration(Node node, Type type, Expression initializer, boolean field, SourceFile file) {}

    /** A call's receiver of a data access type: {@code orders.findAll()} on a field {@code OrderRepository orders}. */
    record Receiver(SourceFile file, String written, Optional<SourceFacet.DeclaredType> moduleType) {

        /** {@code OrderRepository}, {@code JdbcTemplate}. */
        String simpleName() {
            String name = stripGenerics(written);
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }

    /** A method and the module type that declares it. */
    record Member(SourceFacet.DeclaredType owner, MethodDeclaration method) {}

    private final SourceFacet sources;
    private final Stereotypes stereotypes;
    private final Map<String, Boolean> moduleTypeVerdicts = new HashMap<>();
    private final Map<String, List<SourceFacet.DeclaredType>> implementations = new HashMap<>();

    DataAccessCalls(SourceFacet sources, Stereotypes stereotypes) {
        this.sources = sources;
        this.stereotypes = stereotypes;
    }

    SourceFacet sources() {
        return sources;
    }

    /** The receiver of {@code call} when it is a field, parameter or local of a data access type. */
    Optional<Receiver> dataAccessReceiver(SourceFile file, MethodCallExpr call) {
        return call.getScope().flatMap(scope -> dataAccessReceiver(file, scope));
    }

    /** {@code orders}, {@code this.orders}: a name of a data access type. */
    Optional<Receiver> dataAccessReceiver(SourceFile file, Expression scope) {
        Optional<Declaration> declaration = Optional.empty();
        if (scope instanceof NameExpr name) {
            declaration = declaration(file, name, name.getNameAsString());
        } else if (scope instanceof TypeExpr type && type.getType() instanceof ClassOrInterfaceType written
                && written.getScope().isEmpty() && Character.isLowerCase(written.getNameAsString().charAt(0))) {
            // orders::save: the parser cannot tell a variable from a type before a method reference
            declaration = declaration(file, scope, written.getNameAsString());
        } else if (scope instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            declaration = field(file, access, access.getNameAsString());
        }
        return declaration.filter(d -> d.type() != null)
                .filter(d -> isDataAccess(d.file(), d.type().asString()))
                .map(d -> new Receiver(d.file(), d.type().asString(), moduleType(d.file(), d.type().asString())));
    }

    /** Whether a type written in {@code file} is a data access type. */
    boolean isDataAccess(SourceFile file, String written) {
        String name = stripGenerics(written);
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(name.lastIndexOf('.') + 1))) {
            return false;
        }
        Optional<SourceFacet.DeclaredType> own = moduleType(file, name);
        if (own.isPresent()) {
            return isDataAccess(own.get());
        }
        return candidates(file, name).stream().anyMatch(stereotypes::isDataAccessTypeName);
    }

    /** Whether one of the module's types is a data access type, by annotation or supertype. */
    boolean isDataAccess(SourceFacet.DeclaredType type) {
        Boolean known = moduleTypeVerdicts.get(type.qualifiedName());
        if (known != null) {
            return known;
        }
        moduleTypeVerdicts.put(type.qualifiedName(), false); // cycles end here
        boolean verdict = type.declaration() instanceof ClassOrInterfaceDeclaration declaration
                && (type.file().isAnnotated(declaration, stereotypes.dataAccessAnnotations())
                        || sources.supertypes(type.qualifiedName()).stream().anyMatch(parent ->
                                candidates(parent.file(), parent.written()).stream()
                                        .anyMatch(stereotypes::isDataAccessTypeName)
                                || sources.type(parent.resolved()).filter(t -> t.file().isAnnotated(
                                        t.declaration(), stereotypes.dataAccessAnnotations())).isPresent()));
        moduleTypeVerdicts.put(type.qualifiedName(), verdict);
        return verdict;
    }

    /** The module's declaration of a type written in {@code file}, if it is one of the module's. */
    Optional<SourceFacet.DeclaredType> moduleType(SourceFile file, String written) {
        String name = stripGenerics(written);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<SourceFacet.DeclaredType> resolved = sources.type(file.resolve(name));
        if (resolved.isPresent() || name.contains(".")) {
            return resolved;
        }
        for (TypeDeclaration<?> declared : file.findAll(TypeDeclaration.class)) {
            if (declared.getNameAsString().equals(name)) {
                return sources.type(file.qualifiedName(declared));
            }
        }
        for (ImportDeclaration imported : file.unit().getImports()) {
            if (imported.isAsterisk() && !imported.isStatic()) {
                Optional<SourceFacet.DeclaredType> candidate = sources.type(imported.getNameAsString() + "." + name);
                if (candidate.isPresent()) {
                    return candidate;
                }
            }
        }
        return Optional.empty();
    }

    /** The qualified names a written type may denote: its single import or package, and its on-demand imports. */
    private static List<String> candidates(SourceFile file, String written) {
        String name = stripGenerics(written);
        List<String> result = new ArrayList<>();
        result.add(file.resolve(name));
        if (!name.contains(".")) {
            for (ImportDeclaration imported : file.unit().getImports()) {
                if (imported.isAsterisk() && !imported.isStatic()) {
                    result.add(imported.getNameAsString() + "." + name);
                }
            }
        }
        return result;
    }

    /**
     * A method a module type declares or inherits from the module's own supertypes, by name and
     * number of parameters.
     */
    Optional<Member> method(SourceFacet.DeclaredType type, String name, int arguments) {
        Set<String> seen = new LinkedHashSet<>();
        List<SourceFacet.DeclaredType> queue = new ArrayList<>(List.of(type));
        while (!queue.isEmpty()) {
            SourceFacet.DeclaredType current = queue.remove(0);
            if (!seen.add(current.qualifiedName())) {
                continue;
            }
            for (MethodDeclaration method : current.declaration().getMethodsByName(name)) {
                if (method.getParameters().size() == arguments) {
                    return Optional.of(new Member(current, method));
                }
            }
            for (SourceFacet.TypeRef parent : sources.supertypes(current.qualifiedName())) {
                sources.type(parent.resolved()).ifPresent(queue::add);
            }
        }
        return Optional.empty();
    }

    /** The module's classes that implement an interface of the module (directly or through others). */
    List<SourceFacet.DeclaredType> implementations(SourceFacet.DeclaredType type) {
        return implementations.computeIfAbsent(type.qualifiedName(), name -> findImplementations(type));
    }

    private List<SourceFacet.DeclaredType> findImplementations(SourceFacet.DeclaredType type) {
        return sources.subtypes(type.qualifiedName()).stream()
                .filter(t -> t.declaration() instanceof ClassOrInterfaceDeclaration declaration && !declaration.isInterface())
                .toList();
    }

    /**
     * The type arguments a module repository gives its library supertype:
     * {@code interface OrderRepository extends JpaRepository<Order, Long>} gives {@code [Order, Long]}.
     */
    List<Type> repositoryTypeArguments(SourceFacet.DeclaredType repository) {
        if (!(repository.declaration() instanceof ClassOrInterfaceDeclaration declaration)) {
            return List.of();
        }
        for (ClassOrInterfaceType parent : concat(declaration.getExtendedTypes(), declaration.getImplementedTypes())) {
            if (parent.getTypeArguments().isPresent() && !parent.getTypeArguments().get().isEmpty()) {
                return parent.getTypeArguments().get();
            }
        }
        return List.of();
    }

    private static List<ClassOrInterfaceType> concat(NodeList<ClassOrInterfaceType> first,
            NodeList<ClassOrInterfaceType> second) {
        List<ClassOrInterfaceType> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Where a simple name used at {@code use} is declared: the nearest parameter, local, loop or
     * resource variable in scope, else a field of the enclosing types (or their module supertypes).
     */
    Optional<Declaration> declaration(SourceFile file, Node use, String name) {
        Node child = use;
        for (Node n = use.getParentNode().orElse(null); n != null; child = n, n = n.getParentNode().orElse(null)) {
            Optional<Declaration> found = declaredIn(file, n, child, name);
            if (found.isPresent()) {
                return found;
            }
            if (n instanceof TypeDeclaration<?> || n instanceof ObjectCreationExpr created
                    && created.getAnonymousClassBody().isPresent()) {
                break;
            }
        }
        return field(file, use, name);
    }

    private static Optional<Declaration> declaredIn(SourceFile file, Node scope, Node child, String name) {
        if (scope instanceof LambdaExpr lambda) {
            return parameter(file, lambda.getParameters(), name);
        }
        if (scope instanceof CallableDeclaration<?> callable) {
            return parameter(file, callable.getParameters(), name);
        }
        if (scope instanceof CatchClause catchClause && catchClause.getParameter().getNameAsString().equals(name)) {
            return parameter(file, NodeList.nodeList(catchClause.getParameter()), name);
        }
        if (scope instanceof ForEachStmt loop && loop.getIterable() != child) {
            return variable(file, loop.getVariable(), name);
        }
        if (scope instanceof ForStmt loop) {
            for (Expression init : loop.getInitialization()) {
                Optional<Declaration> found = variable(file, init, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (scope instanceof TryStmt tryStmt) {
            for (Expression resource : tryStmt.getResources()) {
                Optional<Declaration> found = variable(file, resource, name);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (scope instanceof BlockStmt block) {
            Optional<Declaration> found = Optional.empty();
            for (Statement statement : block.getStatements()) {
                if (statement == child) {
                    break;
                }
                if (statement instanceof ExpressionStmt expression) {
                    Optional<Declaration> declared = variable(file, expression.getExpression(), name);
                    if (declared.isPresent()) {
                        found = declared; // the last declaration before the use wins
                    }
                }
            }
            return found;
        }
        return Optional.empty();
    }

    private static Optional<Declaration> parameter(SourceFile file, NodeList<Parameter> parameters, String name) {
        for (Parameter parameter : parameters) {
            if (parameter.getNameAsString().equals(name)) {
                Type type = parameter.getType().isUnknownType() ? null : parameter.getType();
                return Optional.of(new Declaration(parameter, type, null, false, file));
            }
        }
        return Optional.empty();
    }

    private static Optional<Declaration> variable(SourceFile file, Expression expression, String name) {
        if (!(expression instanceof VariableDeclarationExpr declaration)) {
            return Optional.empty();
        }
        for (VariableDeclarator variable : declaration.getVariables()) {
            if (variable.getNameAsString().equals(name)) {
                Expression initializer = variable.getInitializer().orElse(null);
                Type type = variable.getType().isVarType()
                        ? (initializer instanceof ObjectCreationExpr created ? created.getType() : null)
                        : variable.getType();
                return Optional.of(new Declaration(variable, type, initializer, false, file));
            }
        }
        return Optional.empty();
    }

    /** A field of the types enclosing {@code use}, or of their module supertypes. */
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

    private static Optional<Declaration> fieldOf(SourceFile file, TypeDeclaration<?> type, String name) {
        for (FieldDeclaration field : type.getFields()) {
            for (VariableDeclarator variable : field.getVariables()) {
                if (variable.getNameAsString().equals(name)) {
                    return Optional.of(new Declaration(variable, variable.getType(),
                            variable.getInitializer().orElse(null), true, file));
                }
            }
        }
        if (type instanceof RecordDeclaration record) {
            for (Parameter component : record.getParameters()) {
                if (component.getNameAsString().equals(name)) {
                    return Optional.of(new Declaration(component, component.getType(), null, true, file));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether {@code node} is {@code ancestor} or lies inside it. */
    static boolean isWithin(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParentNode().orElse(null)) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    static String stripGenerics(String written) {
        int generic = written.indexOf('<');
        return (generic < 0 ? written : written.substring(0, generic)).replace("[]", "").strip();
    }

    /** The simple name of a type as written, without generics. */
    static String simpleName(String written) {
        String name = stripGenerics(written);
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
