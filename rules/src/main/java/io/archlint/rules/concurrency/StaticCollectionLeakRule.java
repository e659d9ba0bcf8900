package io.archlint.rules.concurrency;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import io.archlint.rules.concurrency.ConcurrencySource.FieldUse;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** See {@code static-collection-leak.md}. */
@RuleInfo(
        id = "static-collection-leak",
        title = "Static collection only ever grows",
        category = Category.CONCURRENCY,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE_AND_USERS,
        since = "0.1.0",
        reason = "A static collection lives as long as the class loader; one that is added to on every call and "
                + "never emptied holds memory until the server slows down and runs out of heap (memory leaks from "
                + "global objects holding memory, in the backend challenges article)")
public final class StaticCollectionLeakRule implements Rule {

    /** Collections without a bound or eviction of their own. */
    private static final List<String> UNBOUNDED = List.of(
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.Hashtable",
            "java.util.IdentityHashMap", "java.util.ArrayList", "java.util.LinkedList", "java.util.Vector",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.ArrayDeque",
            "java.util.PriorityQueue", "java.util.Stack",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentSkipListMap",
            "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.CopyOnWriteArrayList",
            "java.util.concurrent.CopyOnWriteArraySet", "java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.ConcurrentLinkedDeque", "java.util.concurrent.LinkedBlockingQueue",
            "java.util.concurrent.LinkedBlockingDeque");

    /** {@code Collections.synchronizedMap(new HashMap<>())} and friends: the same collection, locked. */
    private static final Set<String> SYNCHRONIZED_WRAPPERS = Set.of("synchronizedMap", "synchronizedList",
            "synchronizedSet", "synchronizedSortedMap", "synchronizedSortedSet", "synchronizedCollection");

    /** Calls that add an element or an entry. */
    private static final Set<String> ADDS = Set.of("put", "putAll", "putIfAbsent", "computeIfAbsent", "compute",
            "merge", "add", "addAll", "addFirst", "addLast", "offer", "offerFirst", "offerLast", "push");

    /** Calls that take elements out. */
    private static final Set<String> REMOVALS = Set.of("remove", "removeAll", "removeIf", "retainAll", "clear",
            "poll", "pollFirst", "pollLast", "pollFirstEntry", "pollLastEntry", "pop", "removeFirst", "removeLast",
            "take", "drainTo");

    /** Views through which elements can be removed: {@code map.entrySet().removeIf(..)}, iterators. */
    private static final Set<String> VIEWS = Set.of("keySet", "values", "entrySet", "iterator", "listIterator",
            "descendingIterator", "headMap", "tailMap", "subMap", "headSet", "tailSet", "subSet", "subList",
            "descendingMap", "navigableKeySet", "descendingKeySet");

    private static final List<String> INIT_ANNOTATIONS = List.of("jakarta.annotation.PostConstruct",
            "javax.annotation.PostConstruct");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        for (SourceFile file : sources.files()) {
            for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
                for (FieldDeclaration field : type.getFields()) {
                    if (!field.isStatic()) {
                        continue;
                    }
                    for (VariableDeclarator variable : field.getVariables()) {
                        creation(type, variable)
                                .filter(created -> unbounded(sources, file, created))
                                .filter(created -> !boundedKeys(sources, file, variable.getType()))
                                .ifPresent(created -> check(sources, file, type, variable, findings));
                    }
                }
            }
        }
    }

    private static void check(SourceFacet sources, SourceFile file, TypeDeclaration<?> type,
            VariableDeclarator variable, FindingCollector findings) {
        FieldUse firstAdd = null;
        String addName = null;
        for (FieldUse use : ConcurrencySource.uses(sources, file, type, variable, true)) {
            Expression expression = use.expression();
            if (ConcurrencySource.escapes(expression)) {
                // Handed to other code, which may remove from it.
                return;
            }
            if (expression.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == expression
                    && !inInitialiser(use.file(), assign)) {
                // Replaced with a new collection: a reset.
                return;
            }
            Optional<MethodCallExpr> call = ConcurrencySource.callOn(expression);
            if (call.isEmpty()) {
                continue;
            }
            String name = call.get().getNameAsString();
            if (REMOVALS.contains(name) || VIEWS.contains(name) && removesThroughView(call.get())
                    || name.equals("size") && compared(call.get())) {
                return;
            }
            if (ADDS.contains(name) && firstAdd == null && !inInitialiser(use.file(), call.get())) {
                firstAdd = use;
                addName = name;
            }
        }
        if (firstAdd == null) {
            return;
        }
        String declared = ConcurrencySource.stripGenerics(variable.getType().asString());
        findings.report(file, variable, Symbols.of(file, variable), "static `" + declared + "` `"
                + variable.getNameAsString() + "` in `" + type.getNameAsString() + "` grows with every `" + addName
                + "` (`" + Symbols.shortOf(firstAdd.expression()) + "`) and is never removed from or cleared; "
                + "use a bounded cache (Caffeine with `maximumSize` or `expireAfterWrite`) or remove entries "
                + "when they are no longer needed");
    }

    /** The {@code new X<>()} a static field holds: its initialiser, or an assignment in a static block. */
    private static Optional<ObjectCreationExpr> creation(TypeDeclaration<?> type, VariableDeclarator variable) {
        Optional<Expression> initializer = variable.getInitializer();
        if (initializer.isEmpty()) {
            for (InitializerDeclaration block : type.findAll(InitializerDeclaration.class)) {
                for (AssignExpr assign : block.findAll(AssignExpr.class)) {
                    String target = assign.getTarget().toString();
                    if (target.equals(variable.getNameAsString())
                            || target.equals(type.getNameAsString() + "." + variable.getNameAsString())) {
                        initializer = Optional.of(assign.getValue());
                    }
                }
            }
        }
        Expression value = initializer.orElse(null);
        if (value instanceof MethodCallExpr wrapper && SYNCHRONIZED_WRAPPERS.contains(wrapper.getNameAsString())
                && wrapper.getArguments().size() == 1) {
            value = wrapper.getArgument(0);
        }
        return value instanceof ObjectCreationExpr created ? Optional.of(created) : Optional.empty();
    }

    /** An unbounded collection, and not an anonymous subclass that evicts ({@code removeEldestEntry}). */
    private static boolean unbounded(SourceFacet sources, SourceFile file, ObjectCreationExpr created) {
        boolean evicts = created.getAnonymousClassBody().map(body -> body.stream()
                .anyMatch(member -> member instanceof MethodDeclaration method
                        && method.getNameAsString().equals("removeEldestEntry")))
                .orElse(false);
        return !evicts && ConcurrencySource.denotesAny(sources, file, created.getType().getNameWithScope(), UNBOUNDED);
    }

    /**
     * Whether the keys (or elements) are drawn from a finite set: the constants of one of the
     * module's enums, or {@code Class} objects.
     */
    private static boolean boundedKeys(SourceFacet sources, SourceFile file, Type declared) {
        if (!(declared instanceof ClassOrInterfaceType type) || type.getTypeArguments().isEmpty()
                || type.getTypeArguments().get().isEmpty()) {
            return false;
        }
        Type key = type.getTypeArguments().get().get(0);
        String written = ConcurrencySource.stripGenerics(key.asString());
        if (written.equals("Class") || written.equals("java.lang.Class")) {
            return true;
        }
        if (written.isEmpty() || !Character.isUpperCase(written.charAt(written.lastIndexOf('.') + 1))) {
            return false;
        }
        return sources.type(file.resolve(written)).map(t -> t.declaration() instanceof EnumDeclaration).orElse(false);
    }

    /** Whether a view call leads to a removal: {@code entrySet().removeIf(..)}, an iterator with {@code remove()}. */
    private static boolean removesThroughView(MethodCallExpr view) {
        Expression current = view;
        while (current.getParentNode().orElse(null) instanceof MethodCallExpr next
                && next.getScope().orElse(null) == current) {
            if (REMOVALS.contains(next.getNameAsString())) {
                return true;
            }
            current = next;
        }
        boolean iterator = view.getNameAsString().contains("terator") || current != view
                && ((MethodCallExpr) current).getNameAsString().contains("terator");
        if (iterator) {
            return Symbols.enclosingMember(view).map(member -> member.findAll(MethodCallExpr.class).stream()
                    .anyMatch(c -> c.getNameAsString().equals("remove") && c.getArguments().isEmpty()))
                    .orElse(true);
        }
        // A view kept in a variable or handed on may be emptied elsewhere.
        return current == view && ConcurrencySource.escapes(view);
    }

    /** {@code if (CACHE.size() < MAX)}: a bound checked before adding. */
    private static boolean compared(MethodCallExpr size) {
        return size.getParentNode().orElse(null) instanceof BinaryExpr binary
                && switch (binary.getOperator()) {
                    case LESS, LESS_EQUALS, GREATER, GREATER_EQUALS -> true;
                    default -> false;
                };
    }

    /**
     * Whether a node runs once when the class (or its bean) is set up: a static block, a field
     * initialiser, a {@code @PostConstruct} method, or a private method only called from those.
     */
    private static boolean inInitialiser(SourceFile file, Node node) {
        Optional<Node> member = Symbols.enclosingMember(node);
        if (member.isEmpty()) {
            return false;
        }
        if (member.get() instanceof InitializerDeclaration block) {
            return block.isStatic();
        }
        if (member.get() instanceof FieldDeclaration) {
            return true;
        }
        if (!(member.get() instanceof MethodDeclaration method)) {
            return false;
        }
        if (file.isAnnotated(method, INIT_ANNOTATIONS)) {
            return true;
        }
        if (!method.isPrivate()) {
            return false;
        }
        Optional<TypeDeclaration<?>> owner = Symbols.enclosingType(method);
        if (owner.isEmpty()) {
            return false;
        }
        List<MethodCallExpr> callers = owner.get().findAll(MethodCallExpr.class).stream()
                .filter(c -> c.getNameAsString().equals(method.getNameAsString()) && c.getScope().isEmpty())
                .toList();
        return !callers.isEmpty() && callers.stream().allMatch(c -> Symbols.enclosingMember(c)
                .filter(m -> m != method && (m instanceof InitializerDeclaration block && block.isStatic()
                        || m instanceof FieldDeclaration))
                .isPresent());
    }
}
