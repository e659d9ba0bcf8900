package io.archlint.engine.bytecode;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which calls a method of the module reaches, a bounded number of steps deep, through the
 * module's own methods.
 *
 * <p>A call into the module's own code is followed into the method it runs: private helpers,
 * methods of the same class, of other own classes, and through an own interface or abstract
 * method into its implementations when the module has at most {@value #MAX_IMPLEMENTATIONS}
 * of them. Calls to library types are never entered; they are what a search looks for. Calls
 * written in a lambda count as calls of the method that declares the lambda, and creating an
 * own anonymous class counts as calling its methods (code written inline).
 *
 * <p>Immutable once built and safe to share between threads.
 */
public final class CallGraph {

    /** How many calls deep a search goes unless told otherwise: a handler, a service, a helper. */
    public static final int DEFAULT_DEPTH = 3;
    /** An interface method with more implementations than this is not followed: the call could run any of them. */
    public static final int MAX_IMPLEMENTATIONS = 3;

    private static final String CONSTRUCTOR = "<init>";
    private static final Comparator<JavaCall<?>> SOURCE_ORDER = Comparator
            .comparingInt((JavaCall<?> call) -> call.getLineNumber())
            .thenComparing(call -> call.getTarget().getFullName());

    private final Map<String, JavaClass> own;
    private final Map<String, List<JavaClass>> implementations;

    private CallGraph(Collection<JavaClass> classes) {
        Map<String, JavaClass> byName = new HashMap<>();
        for (JavaClass type : classes) {
            byName.put(type.getName(), type);
        }
        Map<String, List<JavaClass>> concrete = new HashMap<>();
        for (JavaClass type : classes.stream().sorted(Comparator.comparing(JavaClass::getName)).toList()) {
            if (type.isInterface() || type.getModifiers().contains(JavaModifier.ABSTRACT)) {
                continue;
            }
            Set<JavaClass> parents = new LinkedHashSet<>(type.getAllRawSuperclasses());
            parents.addAll(type.getAllRawInterfaces());
            for (JavaClass parent : parents) {
                if (byName.containsKey(parent.getName())) {
                    concrete.computeIfAbsent(parent.getName(), k -> new ArrayList<>()).add(type);
                }
            }
        }
        this.own = Map.copyOf(byName);
        this.implementations = concrete.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /** The call graph of the module's own classes. */
    public static CallGraph of(Collection<JavaClass> classes) {
        return new CallGraph(classes);
    }

    /** Whether a class is one of the module's own, compiled from its sources. */
    public boolean isOwn(JavaClass type) {
        return own.containsKey(type.getName());
    }

    /**
     * The module's own code units a call may run, in name order: none for a library call, the
     * implementations of an own interface method, and the methods of an own anonymous class
     * whose constructor it calls.
     */
    public List<JavaCodeUnit> callees(JavaCall<?> call) {
        JavaClass owner = own.get(call.getTargetOwner().getName());
        if (owner == null) {
            return List.of();
        }
        String name = call.getTarget().getName();
        List<String> parameters = parameterNames(call.getTarget().getRawParameterTypes());
        Set<JavaCodeUnit> result = new LinkedHashSet<>();
        if (call instanceof JavaConstructorCall) {
            owner.getConstructors().stream()
                    .filter(c -> parameterNames(c.getRawParameterTypes()).equals(parameters))
                    .forEach(result::add);
            if (owner.isAnonymousClass()) {
                owner.getMethods().stream().filter(m -> !isSynthetic(m)).forEach(result::add);
            }
            return sorted(result);
        }
        Optional<JavaMethod> declared = lookup(owner, name, parameters);
        boolean dispatched = owner.isInterface() || declared.map(CallGraph::isAbstract).orElse(true);
        if (!dispatched) {
            declared.ifPresent(m -> addResolvingBridges(m, result, 0));
            return sorted(result);
        }
        List<JavaClass> candidates = implementations.getOrDefault(owner.getName(), List.of());
        if (candidates.isEmpty() || candidates.size() > MAX_IMPLEMENTATIONS) {
            return List.of();
        }
        for (JavaClass implementation : candidates) {
            Optional<JavaMethod> method = lookup(implementation, name, parameters)
                    .or(() -> declared.filter(m -> !isAbstract(m)));
            method.ifPresent(m -> addResolvingBridges(m, result, 0));
        }
        return sorted(result);
    }

    /** A search from a method or constructor of the module. */
    public Search from(JavaCodeUnit start) {
        return new Search(start, DEFAULT_DEPTH, call -> true, unit -> true);
    }

    /** A search's settings; each setter returns a new search. */
    public final class Search {
        private final JavaCodeUnit start;
        private final int depth;
        private final Predicate<? super JavaCall<?>> through;
        private final Predicate<? super JavaCodeUnit> into;

        private Search(JavaCodeUnit start, int depth, Predicate<? super JavaCall<?>> through,
                Predicate<? super JavaCodeUnit> into) {
            this.start = Objects.requireNonNull(start, "start");
            this.depth = depth;
            this.through = through;
            this.into = into;
        }

        /** At most this many calls on a path, the found call included; 1 finds the start's own calls only. */
        public Search depth(int calls) {
            if (calls < 1) {
                throw new IllegalArgumentException("depth must be at least 1, was " + calls);
            }
            return new Search(start, calls, through, into);
        }

        /** Only calls that pass are looked at, to match or to follow (such as: not written in a lambda). */
        public Search through(Predicate<? super JavaCall<?>> calls) {
            return new Search(start, depth, calls, into);
        }

        /** Only own code units that pass are entered (such as: not {@code @Async}); the path stops there. */
        public Search into(Predicate<? super JavaCodeUnit> units) {
            return new Search(start, depth, through, units);
        }

        /**
         * Every matching call, with the shortest path to it through each call of the start: one
         * path per first call and matching call, ordered by the first call's line, then by length.
         */
        public List<Path> find(Predicate<? super JavaCall<?>> target) {
            List<Path> found = new ArrayList<>();
            for (JavaCall<?> first : callsOf(start)) {
                if (!through.test(first)) {
                    continue;
                }
                if (target.test(first)) {
                    found.add(new Path(List.of(start), List.of(first)));
                    continue;
                }
                if (depth > 1) {
                    found.addAll(search(first, target));
                }
            }
            return List.copyOf(found);
        }

        /** The first path {@link #find} gives, if any. */
        public Optional<Path> first(Predicate<? super JavaCall<?>> target) {
            return find(target).stream().findFirst();
        }

        /** Breadth first from one call of the start, each code unit entered once. */
        private List<Path> search(JavaCall<?> first, Predicate<? super JavaCall<?>> target) {
            List<Path> found = new ArrayList<>();
            Set<JavaCodeUnit> entered = new HashSet<>();
            entered.add(start);
            Deque<Partial> queue = new ArrayDeque<>();
            Partial root = new Partial(List.of(start), List.of(first));
            enqueue(root, entered, queue);
            while (!queue.isEmpty()) {
                Partial partial = queue.removeFirst();
                JavaCodeUnit unit = partial.units.get(partial.units.size() - 1);
                for (JavaCall<?> call : callsOf(unit)) {
                    if (!through.test(call)) {
                        continue;
                    }
                    Partial next = partial.then(call);
                    if (target.test(call)) {
                        found.add(new Path(next.units, next.calls));
                    } else if (next.calls.size() < depth) {
                        enqueue(next, entered, queue);
                    }
                }
            }
            return found;
        }

        /** Enters the code units the partial's last call runs, unless already entered or refused. */
        private void enqueue(Partial partial, Set<JavaCodeUnit> entered, Deque<Partial> queue) {
            for (JavaCodeUnit callee : callees(partial.calls.get(partial.calls.size() - 1))) {
                if (into.test(callee) && entered.add(callee)) {
                    queue.addLast(partial.into(callee));
                }
            }
        }
    }

    /** Units entered so far and the calls between them; the last call's callee is not entered yet. */
    private record Partial(List<JavaCodeUnit> units, List<JavaCall<?>> calls) {
        Partial into(JavaCodeUnit callee) {
            List<JavaCodeUnit> more = new ArrayList<>(units);
            more.add(callee);
            return new Partial(List.copyOf(more), calls);
        }

        Partial then(JavaCall<?> call) {
            List<JavaCall<?>> more = new ArrayList<>(calls);
            more.add(call);
            return new Partial(units, List.copyOf(more));
        }
    }

    /**
     * A chain of calls from a start to a found call.
     *
     * @param units the code units on the path, the start first; {@code units.get(i)} makes {@code calls.get(i)}
     * @param calls the calls, the start's own call first and the found call last
     */
    public record Path(List<JavaCodeUnit> units, List<JavaCall<?>> calls) {

        public Path {
            units = List.copyOf(units);
            calls = List.copyOf(calls);
            if (units.size() != calls.size() || calls.isEmpty()) {
                throw new IllegalArgumentException("a path has one unit per call and at least one call");
            }
        }

        public JavaCodeUnit start() {
            return units.get(0);
        }

        /** The start's own call that leads to the found call: where a finding about the start belongs. */
        public JavaCall<?> firstCall() {
            return calls.get(0);
        }

        /** The found call. */
        public JavaCall<?> target() {
            return calls.get(calls.size() - 1);
        }

        /** The line of the first call, in the start's source file. */
        public int line() {
            return firstCall().getLineNumber();
        }

        /** {@code OrderController.place → OrderService.confirm → JavaMailSender.send}. */
        public String describe() {
            List<String> steps = new ArrayList<>();
            for (JavaCodeUnit unit : units) {
                steps.add(step(unit.getOwner(), unit.getName()));
            }
            JavaCall<?> target = target();
            steps.add(step(target.getTargetOwner(), target.getTarget().getName()));
            return String.join(" → ", steps);
        }

        private static String step(JavaClass owner, String member) {
            String type = displayName(owner);
            return member.equals(CONSTRUCTOR) ? "new " + type : type + "." + member;
        }

        /** The simple name; anonymous classes keep their binary suffix ({@code OrderService$1}). */
        private static String displayName(JavaClass type) {
            if (!type.isAnonymousClass() && !type.getSimpleName().isEmpty()) {
                return type.getSimpleName();
            }
            String name = type.getName();
            return name.substring(name.lastIndexOf('.') + 1);
        }
    }

    /** The module's calls of a code unit in source order; calls into synthetic code are resolved by callees(). */
    private static List<JavaCall<?>> callsOf(JavaCodeUnit unit) {
        List<JavaCall<?>> calls = new ArrayList<>(unit.getCallsFromSelf());
        calls.sort(SOURCE_ORDER);
        return calls;
    }

    /** A method of that signature declared by the type or inherited from its own superclasses. */
    private Optional<JavaMethod> lookup(JavaClass type, String name, List<String> parameters) {
        for (JavaClass current = type; current != null && isOwn(current);
                current = current.getRawSuperclass().orElse(null)) {
            Optional<JavaMethod> method = current.getMethods().stream()
                    .filter(m -> m.getName().equals(name))
                    .filter(m -> parameterNames(m.getRawParameterTypes()).equals(parameters))
                    .min(Comparator.comparing(CallGraph::isBridge));
            if (method.isPresent()) {
                return method;
            }
        }
        return Optional.empty();
    }

    /** A bridge method only forwards to the real one (generic interfaces): enter that instead. */
    private void addResolvingBridges(JavaMethod method, Set<JavaCodeUnit> result, int hops) {
        if (!isBridge(method) || hops > 2) {
            result.add(method);
            return;
        }
        for (JavaCall<?> call : method.getCallsFromSelf()) {
            if (call.getTargetOwner().equals(method.getOwner()) && call.getName().equals(method.getName())) {
                lookup(method.getOwner(), call.getName(), parameterNames(call.getTarget().getRawParameterTypes()))
                        .ifPresent(m -> addResolvingBridges(m, result, hops + 1));
            }
        }
    }

    private static boolean isBridge(JavaMethod method) {
        return method.getModifiers().contains(JavaModifier.BRIDGE);
    }

    private static boolean isSynthetic(JavaCodeUnit unit) {
        Set<JavaModifier> modifiers = unit.getModifiers();
        return modifiers.contains(JavaModifier.SYNTHETIC) || modifiers.contains(JavaModifier.BRIDGE);
    }

    private static boolean isAbstract(JavaMethod method) {
        return method.getModifiers().contains(JavaModifier.ABSTRACT);
    }

    private static List<String> parameterNames(List<JavaClass> types) {
        return types.stream().map(JavaClass::getName).toList();
    }

    private static List<JavaCodeUnit> sorted(Set<JavaCodeUnit> units) {
        return units.stream().sorted(Comparator.comparing(JavaCodeUnit::getFullName)).toList();
    }
}
