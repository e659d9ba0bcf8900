package io.archlint.engine.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
    private final java.util.Map<Class<?>, List<? extends com.github.javaparser.ast.Node>> nodesByType =
            new java.util.concurrent.ConcurrentHashMap<>();

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
    public <T extends com.github.javaparser.ast.Node> List<T> findAll(Class<T> type) {
        return (List<T>) nodesByType.computeIfAbsent(type, t -> List.copyOf(unit.findAll(type)));
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
