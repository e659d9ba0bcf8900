package io.archlint.engine.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One parsed main source file, with the imports needed to tell which type a simple name means.
 *
 * <p>Names are resolved the way {@code javac} would for the cases that matter to rules:
 * single-type imports, on-demand imports, the file's own package and {@code java.lang}. No
 * symbol solver is involved, so a name that could mean several types resolves to none.
 */
public final class SourceFile {

    private final String path;
    private final CompilationUnit unit;
    private final String packageName;
    private final List<String> singleImports = new ArrayList<>();
    private final List<String> onDemandImports = new ArrayList<>();
    private final Map<Class<?>, List<? extends Node>> nodesByType = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile NodeIndex nodeIndex;

    public SourceFile(String path, CompilationUnit unit) {
        this.path = path;
        this.unit = unit;
        this.packageName = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (ImportDeclaration imported : unit.getImports()) {
            if (imported.isStatic()) {
                continue;
            }
            if (imported.isAsterisk()) {
                onDemandImports.add(imported.getNameAsString());
            } else {
                singleImports.add(imported.getNameAsString());
            }
        }
    }

    /** Path relative to the module base directory, with forward slashes. */
    public String path() {
        return path;
    }

    /**
     * Every node of a type in the file, in document order, as {@code unit().findAll(type)} gives
     * them; computed once per type and shared by the rules (read-only), so that forty rules asking
     * for the method calls of a file walk its tree once.
     */
    @SuppressWarnings("unchecked")
    public <T extends Node> List<T> findAll(Class<T> type) {
        return (List<T>) nodesByType.computeIfAbsent(type, t -> nodeIndex().all(type));
    }

    private NodeIndex nodeIndex() {
        NodeIndex result = nodeIndex;
        if (result == null) {
            synchronized (this) {
                result = nodeIndex;
                if (result == null) {
                    result = new NodeIndex(unit);
                    nodeIndex = result;
                }
            }
        }
        return result;
    }

    /**
     * Every node of the file in one pre-order walk, grouped by exact class: a request for a type is
     * answered from the groups of the classes assignable to it, merged back into document order,
     * instead of a walk of the whole tree per type.
     */
    private static final class NodeIndex {
        private final Node[] nodes;
        private final Map<Class<?>, int[]> positionsByClass;

        NodeIndex(CompilationUnit unit) {
            List<Node> ordered = new ArrayList<>();
            Map<Class<?>, List<Integer>> positions = new HashMap<>();
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(unit);
            while (!stack.isEmpty()) {
                // The order of Node.findAll: pre-order, children in their order.
                Node node = stack.pop();
                positions.computeIfAbsent(node.getClass(), k -> new ArrayList<>()).add(ordered.size());
                ordered.add(node);
                List<Node> children = node.getChildNodes();
                for (int i = children.size() - 1; i >= 0; i--) {
                    stack.push(children.get(i));
                }
            }
            this.nodes = ordered.toArray(new Node[0]);
            this.positionsByClass = new HashMap<>();
            positions.forEach((type, list) -> positionsByClass.put(type,
                    list.stream().mapToInt(Integer::intValue).toArray()));
        }

        <T extends Node> List<T> all(Class<T> type) {
            List<int[]> groups = new ArrayList<>();
            positionsByClass.forEach((exact, positions) -> {
                if (type.isAssignableFrom(exact)) {
                    groups.add(positions);
                }
            });
            if (groups.isEmpty()) {
                return List.of();
            }
            int[] merged = groups.size() == 1 ? groups.get(0) : merge(groups);
            List<T> result = new ArrayList<>(merged.length);
            for (int position : merged) {
                result.add(type.cast(nodes[position]));
            }
            return java.util.Collections.unmodifiableList(result);
        }

        private static int[] merge(List<int[]> groups) {
            int size = 0;
            for (int[] group : groups) {
                size += group.length;
            }
            int[] merged = new int[size];
            int offset = 0;
            for (int[] group : groups) {
                System.arraycopy(group, 0, merged, offset, group.length);
                offset += group.length;
            }
            // Positions are distinct: sorting restores document order.
            Arrays.sort(merged);
            return merged;
        }
    }

    public CompilationUnit unit() {
        return unit;
    }

    public String packageName() {
        return packageName;
    }

    /** The fully qualified name of a type declared in this file. */
    public String qualifiedName(TypeDeclaration<?> type) {
        return type.getFullyQualifiedName().orElse(type.getNameAsString());
    }

    /** Whether {@code written}, a type name as written in this file, may denote {@code qualifiedName}. */
    public boolean refersTo(String written, String qualifiedName) {
        String name = stripGenerics(written);
        if (name.equals(qualifiedName)) {
            return true;
        }
        if (name.contains(".")) {
            // A nested reference such as Outer.Inner: the head is resolved like a simple name.
            String head = name.substring(0, name.indexOf('.'));
            String tail = name.substring(name.indexOf('.'));
            if (Character.isLowerCase(head.charAt(0)) || !qualifiedName.endsWith(tail)) {
                return false;
            }
            return refersTo(head, qualifiedName.substring(0, qualifiedName.length() - tail.length()));
        }
        String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        if (!simple.equals(name)) {
            return false;
        }
        String owner = qualifiedName.substring(0, Math.max(0, qualifiedName.lastIndexOf('.')));
        for (String single : singleImports) {
            if (single.endsWith("." + name)) {
                return single.equals(qualifiedName);
            }
        }
        return onDemandImports.contains(owner) || owner.equals(packageName) || owner.equals("java.lang");
    }

    /** Whether {@code written} may denote any of {@code qualifiedNames}. */
    public boolean refersToAny(String written, Collection<String> qualifiedNames) {
        for (String qualifiedName : qualifiedNames) {
            if (refersTo(written, qualifiedName)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The fully qualified name {@code written} denotes when a single-type import or the file's
     * package says so; otherwise the candidate in the file's own package.
     */
    public String resolve(String written) {
        String name = stripGenerics(written);
        String head = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String tail = name.contains(".") ? name.substring(name.indexOf('.')) : "";
        if (Character.isLowerCase(head.charAt(0))) {
            return name;
        }
        for (String single : singleImports) {
            if (single.endsWith("." + head)) {
                return single + tail;
            }
        }
        return (packageName.isEmpty() ? "" : packageName + ".") + name;
    }

    /** The first annotation on {@code element} that denotes one of {@code qualifiedNames}. */
    public Optional<AnnotationExpr> annotation(NodeWithAnnotations<?> element, Collection<String> qualifiedNames) {
        for (AnnotationExpr annotation : element.getAnnotations()) {
            if (refersToAny(annotation.getNameAsString(), qualifiedNames)) {
                return Optional.of(annotation);
            }
        }
        return Optional.empty();
    }

    public boolean isAnnotated(NodeWithAnnotations<?> element, Collection<String> qualifiedNames) {
        return annotation(element, qualifiedNames).isPresent();
    }

    private static String stripGenerics(String written) {
        int generic = written.indexOf('<');
        String name = generic < 0 ? written : written.substring(0, generic);
        return name.replace("[]", "").strip();
    }
}
