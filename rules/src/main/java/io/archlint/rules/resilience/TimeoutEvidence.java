package io.archlint.rules.resilience;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.util.Collections;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Follows how an HTTP client is configured within its class and collects the timeouts it sets.
 *
 * <p>Values the class cannot show (a parameter, an injected field, a helper of another class) make
 * the result {@link #opaque()}: the rule then trusts the client instead of guessing.
 */
final class TimeoutEvidence {

    enum Kind { CONNECT, READ }

    /** Calls that set a read, socket, response or whole-exchange timeout. */
    private static final Set<String> READ_SETTERS = Set.of("setReadTimeout", "readTimeout", "withReadTimeout",
            "setSocketTimeout", "setSoTimeout", "responseTimeout", "setResponseTimeout", "setExchangeTimeout",
            "callTimeout", "withTimeouts", "timeout", "orTimeout", "completeOnTimeout");
    /** Calls that set a connect timeout. */
    private static final Set<String> CONNECT_SETTERS = Set.of("setConnectTimeout", "connectTimeout",
            "withConnectTimeout", "withTimeouts", "connectTimeoutMillis");
    /** Calls whose argument configures the client: the argument is followed to where it is built. */
    private static final Set<String> CARRIERS = Set.of("requestFactory", "setRequestFactory", "clientConnector",
            "setDefaultRequestConfig", "setDefaultSocketConfig", "setDefaultConnectionConfig", "setConnectionManager",
            "setConnectionConfigResolver", "setSocketConfigResolver", "requestFactorySettings", "requestFactoryBuilder",
            "apply", "customizers", "additionalCustomizers", "httpClient", "setHttpClient", "setConfig",
            "setDefaultRequestConfigResolver");
    /** Library types whose configuration is their constructor arguments and setters, both visible here. */
    private static final Set<String> TRANSPARENT_TYPES = Set.of("RestTemplate", "SimpleClientHttpRequestFactory",
            "HttpComponentsClientHttpRequestFactory", "JdkClientHttpRequestFactory", "ReactorClientHttpRequestFactory",
            "ReactorNettyClientRequestFactory", "BufferingClientHttpRequestFactory", "ReactorClientHttpConnector",
            "JdkClientHttpConnector", "HttpComponentsClientHttpConnector", "PoolingHttpClientConnectionManager",
            "PoolingAsyncClientConnectionManager", "RestTemplateBuilder");
    /** Netty handlers that bound a read. */
    private static final Set<String> READ_HANDLERS = Set.of("ReadTimeoutHandler", "IdleStateHandler");
    /** OkHttp bounds connect, read and write at 10 s unless told otherwise. */
    private static final Set<String> BOUNDED_TYPES = Set.of("OkHttp3ClientHttpRequestFactory", "OkHttpClient",
            "OkHttpClient.Builder");
    /** Netty's channel option for the connect timeout. */
    private static final String CONNECT_OPTION = "CONNECT_TIMEOUT_MILLIS";
    private static final int MAX_DEPTH = 10;

    private final EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
    private final Set<Node> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Predicate<String> injectableBuilder;
    private boolean opaque;
    private boolean injectedBuilder;

    /** @param injectableBuilder whether a declared type, as written, is a builder the container injects */
    TimeoutEvidence(Predicate<String> injectableBuilder) {
        this.injectableBuilder = injectableBuilder;
    }

    boolean has(Kind kind) {
        return kinds.contains(kind);
    }

    /** Part of the configuration comes from outside what the class shows. */
    boolean opaque() {
        return opaque;
    }

    /** The chain starts from a builder the container injects (Spring Boot's, with its properties applied). */
    boolean injectedBuilder() {
        return injectedBuilder;
    }

    void add(Kind kind) {
        kinds.add(kind);
    }

    /** Follows an expression that builds or configures the client. */
    void follow(Expression expression, int depth) {
        if (expression == null || depth > MAX_DEPTH || !visited.add(expression)) {
            return;
        }
        if (expression instanceof MethodCallExpr call) {
            call(call, depth);
        } else if (expression instanceof ObjectCreationExpr created) {
            creation(created, depth);
        } else if (expression instanceof NameExpr || expression instanceof FieldAccessExpr access
                && access.getScope() instanceof ThisExpr) {
            variable(expression, depth);
        } else if (expression instanceof FieldAccessExpr access) {
            if (access.getNameAsString().equals(CONNECT_OPTION)) {
                kinds.add(Kind.CONNECT);
            }
        } else if (expression instanceof LambdaExpr || expression instanceof MethodReferenceExpr) {
            function(expression, depth);
        } else if (expression instanceof EnclosedExpr enclosed) {
            follow(enclosed.getInner(), depth + 1);
        } else if (expression instanceof CastExpr cast) {
            follow(cast.getExpression(), depth + 1);
        } else if (expression instanceof ConditionalExpr conditional) {
            follow(conditional.getThenExpr(), depth + 1);
            follow(conditional.getElseExpr(), depth + 1);
        }
    }

    /** Collects timeouts written anywhere inside a node, following nothing. */
    void scan(Node node) {
        node.walk(n -> {
            if (n instanceof MethodCallExpr call) {
                name(call.getNameAsString());
            } else if (n instanceof ObjectCreationExpr created) {
                String type = created.getType().getNameWithScope();
                if (READ_HANDLERS.contains(ClientSource.lastSegment(type))) {
                    kinds.add(Kind.READ);
                } else if (BOUNDED_TYPES.contains(type) || BOUNDED_TYPES.contains(ClientSource.lastSegment(type))) {
                    kinds.addAll(EnumSet.allOf(Kind.class));
                }
            } else if (n instanceof NameExpr name && name.getNameAsString().equals(CONNECT_OPTION)
                    || n instanceof FieldAccessExpr access && access.getNameAsString().equals(CONNECT_OPTION)) {
                kinds.add(Kind.CONNECT);
            }
        });
    }

    /** Follows the calls made on a variable's value after it is built: {@code factory.setReadTimeout(..)}. */
    void uses(String name, Node scope, Node declaration, int depth) {
        for (Node candidate : scope.findAll(Expression.class, e -> ClientSource.variableName(e)
                .filter(name::equals).isPresent())) {
            Expression use = (Expression) candidate;
            Optional<ClientSource.Declaration> declared = ClientSource.declarationOf(use);
            if (declared.isEmpty() || declared.get().node() != declaration) {
                continue;
            }
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof AssignExpr assign && assign.getTarget() == use) {
                follow(assign.getValue(), depth + 1);
                continue;
            }
            Expression current = ClientSource.chainTop(use);
            while (current != use && current instanceof MethodCallExpr call) {
                callItself(call, depth);
                current = call.getScope().orElse(use);
            }
        }
    }

    private void call(MethodCallExpr call, int depth) {
        callItself(call, depth);
        if (call.getScope().isEmpty() || call.getScope().get() instanceof ThisExpr) {
            ownMethod(call, depth);
            return;
        }
        Expression scope = call.getScope().get();
        if (scope instanceof NameExpr name && Character.isUpperCase(name.getNameAsString().charAt(0))
                || scope instanceof FieldAccessExpr access && Character.isUpperCase(access.getNameAsString().charAt(0))) {
            return; // a static factory: the chain starts here
        }
        follow(scope, depth + 1);
    }

    /** The call's own name and arguments, without its scope. */
    private void callItself(MethodCallExpr call, int depth) {
        name(call.getNameAsString());
        boolean carrier = CARRIERS.contains(call.getNameAsString());
        for (Expression argument : call.getArguments()) {
            if (carrier) {
                follow(argument, depth + 1);
            } else {
                scan(argument);
            }
        }
    }

    private void name(String name) {
        if (READ_SETTERS.contains(name)) {
            kinds.add(Kind.READ);
        }
        if (CONNECT_SETTERS.contains(name)) {
            kinds.add(Kind.CONNECT);
        }
    }

    private void creation(ObjectCreationExpr created, int depth) {
        String type = created.getType().getNameWithScope();
        String simple = ClientSource.lastSegment(type);
        if (BOUNDED_TYPES.contains(type) || BOUNDED_TYPES.contains(simple)) {
            kinds.addAll(EnumSet.allOf(Kind.class));
        } else if (READ_HANDLERS.contains(simple)) {
            kinds.add(Kind.READ);
        } else if (TRANSPARENT_TYPES.contains(simple) && created.getAnonymousClassBody().isEmpty()) {
            created.getArguments().forEach(a -> follow(a, depth + 1));
        } else {
            opaque = true;
        }
        holder(created, depth);
    }

    /** Calls on the variable that receives a value built here. */
    void holder(Expression built, int depth) {
        Expression top = ClientSource.chainTop(built);
        Node parent = top.getParentNode().orElse(null);
        while (parent instanceof EnclosedExpr || parent instanceof CastExpr) {
            parent = parent.getParentNode().orElse(null);
        }
        if (parent instanceof com.github.javaparser.ast.body.VariableDeclarator variable) {
            Optional<Node> scope = variable.getParentNode().orElse(null) instanceof com.github.javaparser.ast.body.FieldDeclaration
                    ? ClientSource.enclosingType(variable).map(Node.class::cast)
                    : ClientSource.enclosingFunction(variable);
            scope.ifPresent(s -> uses(variable.getNameAsString(), s, variable, depth + 1));
        } else if (parent instanceof AssignExpr assign) {
            ClientSource.variableName(assign.getTarget()).ifPresent(name ->
                    ClientSource.declarationOf(assign.getTarget()).ifPresent(declared -> {
                        Optional<Node> scope = declared.field()
                                ? ClientSource.enclosingType(declared.node()).map(Node.class::cast)
                                : ClientSource.enclosingFunction(declared.node());
                        scope.ifPresent(s -> uses(name, s, declared.node(), depth + 1));
                    }));
        }
    }

    private void variable(Expression expression, int depth) {
        String name = ClientSource.variableName(expression).orElse(null);
        if (name == null) {
            return; // a type name
        }
        Optional<ClientSource.Declaration> declared = ClientSource.declarationOf(expression);
        if (declared.isEmpty()) {
            opaque = true; // inherited or unknown
            return;
        }
        ClientSource.Declaration declaration = declared.get();
        if (!visited.add(declaration.node())) {
            return;
        }
        boolean builder = injectableBuilder.test(stripGenerics(declaration.type()));
        if (declaration.parameter()) {
            if (builder) {
                injectedBuilder = true;
            } else {
                opaque = true;
            }
            return;
        }
        Node scope = declaration.field()
                ? ClientSource.enclosingType(declaration.node()).orElse(null)
                : ClientSource.enclosingFunction(declaration.node()).orElse(null);
        int before = visitedAssignments(name, scope, declaration);
        if (declaration.initializer() != null) {
            follow(declaration.initializer(), depth + 1);
        } else if (declaration.field() && before == 0) {
            // Injected: set by the container or by a constructor parameter.
            if (builder) {
                injectedBuilder = true;
            } else {
                opaque = true;
            }
        }
        if (scope != null) {
            uses(name, scope, declaration.node(), depth + 1);
        }
    }

    /** How many assignments to the variable its scope holds. */
    private static int visitedAssignments(String name, Node scope, ClientSource.Declaration declaration) {
        if (scope == null) {
            return 0;
        }
        int count = 0;
        for (AssignExpr assign : scope.findAll(AssignExpr.class)) {
            if (ClientSource.variableName(assign.getTarget()).filter(name::equals).isPresent()) {
                count++;
            }
        }
        return count;
    }

    /** A lambda or method reference handed to the client: only what it visibly sets counts. */
    private void function(Expression expression, int depth) {
        EnumSet<Kind> before = EnumSet.copyOf(kinds);
        if (expression instanceof MethodReferenceExpr reference
                && (reference.getScope() instanceof ThisExpr || reference.getScope().isTypeExpr())) {
            ClientSource.enclosingType(reference).ifPresent(type -> type.getMethodsByName(reference.getIdentifier())
                    .forEach(this::scan));
        } else {
            scan(expression);
        }
        if (kinds.equals(before)) {
            opaque = true;
        }
    }

    /** A call of the class's own method: what it returns. */
    private void ownMethod(MethodCallExpr call, int depth) {
        Optional<TypeDeclaration<?>> type = ClientSource.enclosingType(call);
        if (type.isEmpty()) {
            opaque = true;
            return;
        }
        boolean found = false;
        for (MethodDeclaration method : type.get().getMethodsByName(call.getNameAsString())) {
            if (method.getParameters().size() != call.getArguments().size() || method.getBody().isEmpty()) {
                continue;
            }
            found = true;
            for (ReturnStmt returned : method.findAll(ReturnStmt.class)) {
                if (enclosingCallable(returned) == method) {
                    returned.getExpression().ifPresent(e -> follow(e, depth + 1));
                }
            }
        }
        if (!found && !READ_SETTERS.contains(call.getNameAsString()) && !CONNECT_SETTERS.contains(call.getNameAsString())) {
            opaque = true;
        }
    }

    private static Node enclosingCallable(Node node) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof CallableDeclaration<?> || n instanceof LambdaExpr) {
                return n;
            }
        }
        return null;
    }

    static String stripGenerics(String type) {
        int generic = type.indexOf('<');
        return (generic < 0 ? type : type.substring(0, generic)).strip();
    }
}
