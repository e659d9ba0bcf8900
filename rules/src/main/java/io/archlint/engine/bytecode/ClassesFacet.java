package io.archlint.engine.bytecode;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;

/** The module's own compiled classes; library types appear only as referenced names. */
public final class ClassesFacet {

    private final JavaClasses classes;
    private volatile CallGraph callGraph;

    public ClassesFacet(JavaClasses classes) {
        this.classes = classes;
    }

    public JavaClasses classes() {
        return classes;
    }

    /** Classes compiled from the module's sources, in name order, without package and module infos. */
    public List<JavaClass> ownClasses() {
        return classes.stream()
                .filter(c -> !c.getSimpleName().equals("package-info") && !c.getSimpleName().equals("module-info"))
                .sorted(java.util.Comparator.comparing(JavaClass::getName))
                .toList();
    }

    /** The call graph of the module's own classes, built on first use and shared by every rule. */
    public CallGraph callGraph() {
        CallGraph graph = callGraph;
        if (graph == null) {
            synchronized (this) {
                graph = callGraph;
                if (graph == null) {
                    graph = CallGraph.of(ownClasses());
                    callGraph = graph;
                }
            }
        }
        return graph;
    }

    /** The source file a class was compiled from, relative to its source root. */
    public static String sourcePathInRoot(JavaClass type) {
        String fileName = type.getSourceCodeLocation().getSourceFileName();
        if (fileName == null || fileName.isEmpty()) {
            fileName = type.getSimpleName().isEmpty() ? "unknown.java" : outermost(type).getSimpleName() + ".java";
        }
        String packagePath = type.getPackageName().replace('.', '/');
        return packagePath.isEmpty() ? fileName : packagePath + "/" + fileName;
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass current = type;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }
}
