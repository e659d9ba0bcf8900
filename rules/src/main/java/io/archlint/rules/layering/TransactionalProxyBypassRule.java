package io.archlint.rules.layering;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.FactLines;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.Stereotypes;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/** See {@code transactional-proxy-bypass.md}. */
@RuleInfo(
        id = "transactional-proxy-bypass",
        title = "Transactional annotation the proxy never sees",
        category = Category.LAYERING,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        since = "0.1.0",
        reason = "Spring applies @Transactional through a proxy: on a private, final or static method, or on a method "
                + "called through this, the annotation is silently ignored and the code runs without the transaction "
                + "it declares; the backend mistakes article asks for proper database transactions where atomicity "
                + "and consistency are required (mistake #3, poor concurrency management)")
public final class TransactionalProxyBypassRule implements ModuleFactsRule {

    private static final String SPRING_TRANSACTIONAL = Stereotypes.TRANSACTIONAL_SPRING;
    /** Jakarta Transactions' annotation: Spring honours it through the same proxy, CDI through interceptors. */
    private static final List<String> JTA_TRANSACTIONAL =
            List.of("jakarta.transaction.Transactional", "javax.transaction.Transactional");
    private static final List<String> TRANSACTIONAL = List.of(SPRING_TRANSACTIONAL,
            "jakarta.transaction.Transactional", "javax.transaction.Transactional");

    /** Beans whose proxies Spring makes: with these, a Jakarta {@code @Transactional} follows Spring's rules. */
    private static final List<String> SPRING_BEANS = List.of(
            "org.springframework.stereotype.Service", "org.springframework.stereotype.Component",
            "org.springframework.stereotype.Repository", "org.springframework.stereotype.Controller",
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.context.annotation.Configuration");
    /** CDI bean-defining annotations: interceptors, not Spring proxies, apply the annotation. */
    private static final List<String> CDI_BEANS = List.of(
            "jakarta.enterprise.context.ApplicationScoped", "jakarta.enterprise.context.RequestScoped",
            "jakarta.enterprise.context.SessionScoped", "jakarta.enterprise.context.Dependent",
            "jakarta.inject.Singleton", "javax.enterprise.context.ApplicationScoped",
            "javax.enterprise.context.RequestScoped", "javax.enterprise.context.SessionScoped",
            "javax.enterprise.context.Dependent", "javax.inject.Singleton");
    private static final String ENABLE_TRANSACTION_MANAGEMENT =
            "org.springframework.transaction.annotation.EnableTransactionManagement";
    private static final List<String> POST_CONSTRUCT =
            List.of("jakarta.annotation.PostConstruct", "javax.annotation.PostConstruct");
    /** {@code TransactionTemplate.execute(status -> ..)}: the lambda runs inside a programmatic transaction. */
    private static final Set<String> TEMPLATE_METHODS = Set.of("execute", "executeWithoutResult");
    /** How far a private helper's callers are followed to find the transaction it runs in. */
    private static final int MAX_DEPTH = 4;

    private static final String FIX = "move it to another bean, call it through an injected reference to this bean, "
            + "or use a `TransactionTemplate`";

    /** The file enables AspectJ weaving: the module has no proxy to bypass. */
    private static final String ASPECTJ = "aspectj";
    /** The file imports a Spring type: the module is a Spring project. */
    private static final String SPRING = "spring";
    /** A finding the file's checks give: tag, line, column, symbol, message, evidence. */
    private static final String FINDING = "finding";
    /** Tags of a finding: whether the module is a Spring project or not, or either. */
    private static final String IN_ANY = "any";
    private static final String IN_SPRING = "spring-project";
    private static final String IN_OTHER = "other-project";

    /**
     * Per file: whether it enables AspectJ, whether it imports Spring, and the findings of its
     * classes, found once for a Spring project and once for another where the difference matters.
     */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (SourceFile file : codebase.sources().files()) {
            List<String> lines = new ArrayList<>();
            // With AspectJ weaving the advice is compiled into the class: no proxy to bypass.
            if (enablesAspectJ(file)) {
                // The module then reports nothing, this file's findings included.
                facts.put(file.path(), List.of(ASPECTJ));
                continue;
            }
            if (file.unit().getImports().stream().anyMatch(i -> i.getNameAsString().startsWith("org.springframework."))) {
                lines.add(SPRING);
            }
            for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
                if (type.isInterface()) {
                    continue;
                }
                ClassCheck spring = new ClassCheck(file, type, true);
                spring.run();
                if (!spring.askedSpringProject) {
                    // Decided without the module-wide flag: the same either way.
                    spring.found.forEach(f -> lines.add(f.fact(IN_ANY)));
                    continue;
                }
                ClassCheck other = new ClassCheck(file, type, false);
                other.run();
                spring.found.forEach(f -> lines.add(f.fact(IN_SPRING)));
                other.found.forEach(f -> lines.add(f.fact(IN_OTHER)));
            }
            if (!lines.isEmpty()) {
                facts.put(file.path(), lines);
            }
        }
        return facts;
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        boolean springProject = false;
        for (List<String> lines : facts.values()) {
            for (String fact : lines) {
                if (fact.equals(ASPECTJ)) {
                    return;
                }
                springProject |= fact.equals(SPRING);
            }
        }
        String tag = springProject ? IN_SPRING : IN_OTHER;
        for (Map.Entry<String, List<String>> file : facts.entrySet()) {
            for (String fact : file.getValue()) {
                List<String> fields = FactLines.split(fact);
                if (fields.get(0).equals(FINDING) && (fields.get(1).equals(IN_ANY) || fields.get(1).equals(tag))) {
                    findings.report(file.getKey(), Integer.parseInt(fields.get(2)), Integer.parseInt(fields.get(3)),
                            fields.get(4), fields.get(5), fields.get(6));
                }
            }
        }
    }

    /** A finding of one class, before the module-wide flags decide on it. */
    private record Found(int line, int column, String symbol, String message, String evidence) {
        String fact(String tag) {
            return FactLines.join(FINDING, tag, line, column, symbol, message, evidence);
        }
    }

    /** {@code @EnableTransactionManagement(mode = AdviceMode.ASPECTJ)}. */
    private static boolean enablesAspectJ(SourceFile file) {
        for (AnnotationExpr annotation : file.findAll(AnnotationExpr.class)) {
            if (file.refersTo(annotation.getNameAsString(), ENABLE_TRANSACTION_MANAGEMENT)
                    && annotation instanceof NormalAnnotationExpr normal
                    && normal.getPairs().stream().anyMatch(p -> p.getNameAsString().equals("mode")
                            && lastSegment(p.getValue().toString()).equals("ASPECTJ"))) {
                return true;
            }
        }
        return false;
    }

    /** The checks of one class. */
    private static final class ClassCheck {
        private final SourceFile file;
        private final ClassOrInterfaceDeclaration type;
        private final boolean springProject;
        private final Optional<AnnotationExpr> classAnnotation;
        private final Set<Integer> reportedLines = new HashSet<>();
        /** What the checks found, in the order they found it. */
        final List<Found> found = new ArrayList<>();
        /** Whether a decision depended on {@code springProject}, the module-wide flag. */
        boolean askedSpringProject;

        ClassCheck(SourceFile file, ClassOrInterfaceDeclaration type, boolean springProject) {
            this.file = file;
            this.type = type;
            this.springProject = springProject;
            this.classAnnotation = file.annotation(type, TRANSACTIONAL);
        }

        void run() {
            for (MethodDeclaration method : type.getMethods()) {
                file.annotation(method, TRANSACTIONAL).ifPresent(annotation -> checkModifiers(method, annotation));
            }
            if (classAnnotation.isEmpty() && type.getMethods().stream().noneMatch(m -> file.isAnnotated(m, TRANSACTIONAL))) {
                return;
            }
            for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
                if (isSelfCall(call.getScope()) && belongsHere(call, call.getNameAsString())) {
                    checkSelfCall(call, call.getNameAsString(), call.getArguments().size());
                }
            }
            for (MethodReferenceExpr reference : type.findAll(MethodReferenceExpr.class)) {
                if (reference.getScope() instanceof ThisExpr self && isThisType(self)
                        && belongsHere(reference, reference.getIdentifier())) {
                    checkSelfCall(reference, reference.getIdentifier(), -1);
                }
            }
        }

        /** Whether Spring's proxy applies the annotation; otherwise CDI (or Micronaut) interceptors do. */
        private boolean springSemantics(AnnotationExpr annotation) {
            if (file.refersTo(annotation.getNameAsString(), SPRING_TRANSACTIONAL) || file.isAnnotated(type, SPRING_BEANS)) {
                return true;
            }
            askedSpringProject = true;
            return springProject && !file.isAnnotated(type, CDI_BEANS);
        }

        private void checkModifiers(MethodDeclaration method, AnnotationExpr annotation) {
            String name = method.getNameAsString();
            String written = "`@" + annotation.getName().getIdentifier() + "` on ";
            if (!springSemantics(annotation)) {
                // Quarkus' ArC intercepts self-invocation, static and final methods; no CDI container intercepts private ones.
                if (method.isPrivate()) {
                    report(annotation, annotation, written + "private method `" + name + "` is ignored: interceptors do not "
                            + "apply to private methods, so it runs without a transaction; make it public or "
                            + "package-private");
                }
                return;
            }
            if (method.isPrivate()) {
                report(annotation, annotation, written + "private method `" + name + "` is ignored: Spring's transaction "
                        + "proxy cannot intercept private methods, so it runs without a transaction; make it "
                        + "non-private and call it from another bean, or use a `TransactionTemplate`");
            } else if (method.isStatic()) {
                report(annotation, annotation, written + "static method `" + name + "` is ignored: Spring's transaction "
                        + "proxy only intercepts instance methods, so it runs without a transaction; make it an "
                        + "instance method and call it through the bean");
            } else if (method.isFinal()) {
                report(annotation, annotation, written + "final method `" + name + "` is ignored: Spring's class-based "
                        + "proxy cannot override it, so the call runs on the proxy itself, without a transaction and "
                        + "with the injected fields unset; remove `final`");
            }
        }

        /** {@code save(..)}, {@code this.save(..)} or {@code Outer.this.save(..)} for this class. */
        private boolean isSelfCall(Optional<Expression> scope) {
            return scope.isEmpty() || scope.get() instanceof ThisExpr self && isThisType(self);
        }

        private boolean isThisType(ThisExpr self) {
            return self.getTypeName().isEmpty() || self.getTypeName().get().getIdentifier().equals(type.getNameAsString());
        }

        /**
         * Whether the call is made on this class's instance: not inside a nested named type, nor
         * inside an anonymous class that declares a method of that name.
         */
        private boolean belongsHere(Node node, String name) {
            for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
                if (n == type) {
                    return true;
                }
                if (n instanceof TypeDeclaration<?>) {
                    return false;
                }
                if (n instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()
                        && creation.getAnonymousClassBody().get().stream()
                                .anyMatch(m -> m instanceof MethodDeclaration md && md.getNameAsString().equals(name))) {
                    return false;
                }
            }
            return false;
        }

        private void checkSelfCall(Node call, String name, int arguments) {
            List<MethodDeclaration> candidates = type.getMethodsByName(name).stream()
                    .filter(m -> arguments < 0 || accepts(m, arguments))
                    .toList();
            if (candidates.isEmpty()) {
                return;
            }
            List<Optional<Tx>> declared = candidates.stream().map(this::transactionOf).toList();
            Optional<Tx> callee = declared.get(0);
            // Every overload the call may mean must declare the same transaction, and Spring must apply it.
            if (callee.isEmpty() || declared.stream().anyMatch(d -> !d.equals(callee))
                    || candidates.stream().anyMatch(m -> m.isPrivate() || m.isStatic() || m.isFinal())
                    || !springSemantics(annotationOf(candidates.get(0)))) {
                return;
            }
            String problem = null;
            for (Optional<Tx> context : contextsAt(call, 0, new HashSet<>())) {
                problem = problem(callee.get(), context.orElse(null));
                if (problem != null) {
                    break;
                }
            }
            if (problem == null) {
                return;
            }
            report(call, call, caller(call) + " calls `@Transactional` method `" + name + "` on `this`, bypassing the Spring "
                    + "proxy, so `" + name + "` " + problem + "; " + FIX);
        }

        /** The member of this class the call is written in, as messages name it. */
        private String caller(Node call) {
            for (Node n = call.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
                if (n.getParentNode().orElse(null) != type) {
                    continue;
                }
                if (n instanceof MethodDeclaration method) {
                    return "`" + method.getNameAsString() + "`";
                }
                if (n instanceof FieldDeclaration field) {
                    return "the initialiser of `" + field.getVariable(0).getNameAsString() + "`";
                }
                return n instanceof ConstructorDeclaration ? "the constructor" : "an initialiser";
            }
            return "`" + type.getNameAsString() + "`";
        }

        private static boolean accepts(MethodDeclaration method, int arguments) {
            int parameters = method.getParameters().size();
            boolean varargs = parameters > 0 && method.getParameter(parameters - 1).isVarArgs();
            return varargs ? arguments >= parameters - 1 : arguments == parameters;
        }

        private AnnotationExpr annotationOf(MethodDeclaration method) {
            return file.annotation(method, TRANSACTIONAL).or(() -> classAnnotation).orElseThrow();
        }

        /** The transaction a call through the proxy gives the method: its own annotation, else the class's. */
        private Optional<Tx> transactionOf(MethodDeclaration method) {
            Optional<AnnotationExpr> own = file.annotation(method, TRANSACTIONAL);
            if (own.isPresent()) {
                return Optional.of(Tx.of(file, own.get()));
            }
            return method.isPrivate() || method.isStatic() ? Optional.empty() : classAnnotation.map(a -> Tx.of(file, a));
        }

        /**
         * The transactions the code at a node may run in (empty optional: none). A non-private
         * method is entered through the proxy; a private helper, in whatever its callers run in.
         */
        private List<Optional<Tx>> contextsAt(Node node, int depth, Set<Node> visited) {
            for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
                if ((n instanceof LambdaExpr || n instanceof ObjectCreationExpr)
                        && n.getParentNode().orElse(null) instanceof MethodCallExpr template
                        && TEMPLATE_METHODS.contains(template.getNameAsString())) {
                    return List.of(Optional.of(Tx.DEFAULT));
                }
                if (n instanceof ConstructorDeclaration || n instanceof InitializerDeclaration
                        || n instanceof FieldDeclaration) {
                    return List.of(Optional.empty());
                }
                // A method of an anonymous class runs in whatever the enclosing method runs in.
                if (n instanceof MethodDeclaration method && method.getParentNode().orElse(null) == type) {
                    return contextsOf(method, depth, visited);
                }
                if (n instanceof TypeDeclaration<?>) {
                    break;
                }
            }
            return List.of();
        }

        private List<Optional<Tx>> contextsOf(MethodDeclaration method, int depth, Set<Node> visited) {
            // Spring calls @PostConstruct methods on the bean itself, never through the proxy.
            if (file.isAnnotated(method, POST_CONSTRUCT)) {
                return List.of(Optional.empty());
            }
            if (!method.isPrivate()) {
                return List.of(transactionOf(method));
            }
            if (depth >= MAX_DEPTH || !visited.add(method)) {
                return List.of();
            }
            List<Optional<Tx>> contexts = new ArrayList<>();
            String name = method.getNameAsString();
            for (MethodCallExpr call : type.findAll(MethodCallExpr.class)) {
                if (call.getNameAsString().equals(name) && isSelfCall(call.getScope()) && belongsHere(call, name)
                        && accepts(method, call.getArguments().size())) {
                    contexts.addAll(contextsAt(call, depth + 1, visited));
                }
            }
            return contexts;
        }

        private void report(Node at, Node symbolNode, String message) {
            Position begin = at.getBegin().orElse(new Position(0, 0));
            if (!reportedLines.add(begin.line)) {
                return;
            }
            found.add(new Found(begin.line, begin.column, Symbols.of(file, symbolNode), message, at.toString()));
        }
    }

    /** What goes wrong when a method declaring {@code callee} runs in {@code context} (null: no transaction). */
    private static String problem(Tx callee, Tx context) {
        if (context == null) {
            return switch (callee.propagation) {
                case "SUPPORTS", "NOT_SUPPORTED", "NEVER" -> null;
                default -> "runs without a transaction";
            };
        }
        switch (callee.propagation) {
            case "REQUIRES_NEW":
                return "joins the caller's transaction instead of starting a new one (`REQUIRES_NEW` is ignored)";
            case "NESTED":
                return "joins the caller's transaction instead of starting a nested one (`NESTED` is ignored)";
            case "NOT_SUPPORTED":
                return "runs inside the caller's transaction instead of suspending it (`NOT_SUPPORTED` is ignored)";
            case "NEVER":
                return "runs inside the caller's transaction although it is declared `NEVER`";
            default:
                break;
        }
        if (!callee.readOnly && context.readOnly) {
            return "runs in the caller's read-only transaction, where its writes may not be flushed";
        }
        if (!callee.manager.equals(context.manager)) {
            return "runs in the caller's transaction" + (context.manager.isEmpty() ? "" : " of `" + context.manager + "`")
                    + " instead of one of " + (callee.manager.isEmpty() ? "the default transaction manager"
                            : "`" + callee.manager + "`");
        }
        if (!callee.isolation.equals("DEFAULT") && !callee.isolation.equals(context.isolation)) {
            return "runs with the caller's isolation level instead of `" + callee.isolation + "`";
        }
        if (!callee.timeout.isEmpty() && !callee.timeout.equals(context.timeout)) {
            return "runs with the caller's timeout instead of its own (`" + callee.timeout + "`)";
        }
        if (!callee.rollback.equals(context.rollback)) {
            return "gets the caller's rollback rules instead of its own (`" + callee.rollback + "`)";
        }
        return null;
    }

    /**
     * The settings of a {@code @Transactional}, Spring's or Jakarta's, with the defaults filled in.
     *
     * @param rollback the rollback rules, normalised: {@code rollbackFor=[IOException]; noRollbackFor=[..]}
     */
    private record Tx(String propagation, boolean readOnly, String isolation, String timeout, String rollback,
            String manager) {

        static final Tx DEFAULT = new Tx("REQUIRED", false, "DEFAULT", "", "", "");

        static Tx of(SourceFile file, AnnotationExpr annotation) {
            boolean jta = file.refersToAny(annotation.getNameAsString(), JTA_TRANSACTIONAL);
            String propagation = "REQUIRED";
            boolean readOnly = false;
            String isolation = "DEFAULT";
            String timeout = "";
            String manager = "";
            TreeSet<String> rollbackFor = new TreeSet<>();
            TreeSet<String> noRollbackFor = new TreeSet<>();
            // Name and value of each member; the AST is shared between rules, so no nodes are built.
            List<Map.Entry<String, Expression>> pairs = new ArrayList<>();
            if (annotation instanceof SingleMemberAnnotationExpr single) {
                pairs.add(Map.entry("value", single.getMemberValue()));
            } else if (annotation instanceof NormalAnnotationExpr normal) {
                for (MemberValuePair pair : normal.getPairs()) {
                    pairs.add(Map.entry(pair.getNameAsString(), pair.getValue()));
                }
            }
            for (Map.Entry<String, Expression> pair : pairs) {
                Expression value = pair.getValue();
                switch (pair.getKey()) {
                    case "value" -> {
                        if (jta) {
                            propagation = lastSegment(value.toString());
                        } else {
                            manager = text(value);
                        }
                    }
                    case "transactionManager" -> manager = text(value);
                    case "propagation" -> propagation = lastSegment(value.toString());
                    case "isolation" -> isolation = lastSegment(value.toString());
                    case "readOnly" -> readOnly = value.toString().equals("true");
                    case "timeout", "timeoutString" -> timeout = text(value);
                    case "rollbackFor", "rollbackForClassName", "rollbackOn" -> rollbackFor.addAll(classNames(value));
                    case "noRollbackFor", "noRollbackForClassName", "dontRollbackOn" ->
                            noRollbackFor.addAll(classNames(value));
                    default -> { }
                }
            }
            List<String> rules = new ArrayList<>();
            if (!rollbackFor.isEmpty()) {
                rules.add("rollbackFor = " + rollbackFor);
            }
            if (!noRollbackFor.isEmpty()) {
                rules.add("noRollbackFor = " + noRollbackFor);
            }
            return new Tx(propagation, readOnly, isolation, timeout, String.join("; ", rules), manager);
        }

        private static String text(Expression value) {
            return value instanceof StringLiteralExpr literal ? literal.getValue() : value.toString();
        }

        /** {@code {IOException.class, "java.sql.SQLException"}} gives {@code [IOException, SQLException]}. */
        private static List<String> classNames(Expression value) {
            List<Expression> values = value instanceof ArrayInitializerExpr array ? array.getValues() : List.of(value);
            List<String> names = new ArrayList<>();
            for (Expression element : values) {
                String name = element instanceof ClassExpr literal ? literal.getType().asString() : text(element);
                names.add(lastSegment(name));
            }
            return names;
        }
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
