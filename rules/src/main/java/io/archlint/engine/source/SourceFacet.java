package io.archlint.engine.source;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The module's parsed main sources and an index of the types they declare. */
public final class SourceFacet {

    /** A type name as written in a file, resolvable with that file's imports. */
    public record TypeRef(SourceFile file, String written) {

        public boolean refersToAny(java.util.Collection<String> qualifiedNames) {
            return file.refersToAny(written, qualifiedNames);
        }

        public String resolved() {
            return file.resolve(written);
        }
    }

    /** A type declared in the module's sources. */
    public record DeclaredType(SourceFile file, TypeDeclaration<?> declaration, String qualifiedName) {}

    private final List<SourceFile> files;
    private final Map<String, DeclaredType> types = new HashMap<>();
    private final Map<String, SourceFile> byPath = new HashMap<>();
    private final Map<String, List<TypeRef>> supertypesByName = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Map<String, List<DeclaredType>> subtypesByName;

    public SourceFacet(List<SourceFile> files) {
        this.files = List.copyOf(files);
        for (SourceFile file : this.files) {
            byPath.put(file.path(), file);
            for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
                String name = file.qualifiedName(type);
                types.putIfAbsent(name, new DeclaredType(file, type, name));
            }
        }
    }

    /** Files in path order. */
    public List<SourceFile> files() {
        return files;
    }

    /** The parsed file at a path relative to the module base directory. */
    public Optional<SourceFile> file(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    public Optional<DeclaredType> type(String qualifiedName) {
        return Optional.ofNullable(types.get(qualifiedName));
    }

    /**
     * A type's supertypes, following those declared in the module; types from libraries end
     * the walk, as written in the file that names them.
     */
    public List<TypeRef> supertypes(String qualifiedName) {
        // Computed once per type: rules ask for the same hierarchies again and again.
        return supertypesByName.computeIfAbsent(qualifiedName, this::walkSupertypes);
    }

    /**
     * The module's types that extend or implement a type, directly or through other types of the
     * module, in file order; the reverse of {@link #supertypes(String)}, indexed once.
     */
    public List<DeclaredType> subtypes(String qualifiedName) {
        Map<String, List<DeclaredType>> index = subtypesByName;
        if (index == null) {
            synchronized (this) {
                index = subtypesByName;
                if (index == null) {
                    index = indexSubtypes();
                    subtypesByName = index;
                }
            }
        }
        return index.getOrDefault(qualifiedName, List.of());
    }

    private Map<String, List<DeclaredType>> indexSubtypes() {
        Map<String, List<DeclaredType>> index = new HashMap<>();
        for (SourceFile file : files) {
            for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
                DeclaredType declared = types.get(file.qualifiedName(type));
                if (declared == null || declared.declaration() != type) {
                    continue;
                }
                Set<String> parents = new LinkedHashSet<>();
                supertypes(declared.qualifiedName()).forEach(ref -> parents.add(ref.resolved()));
                parents.forEach(parent -> index.computeIfAbsent(parent, k -> new java.util.ArrayList<>()).add(declared));
            }
        }
        Map<String, List<DeclaredType>> frozen = new HashMap<>();
        index.forEach((parent, children) -> frozen.put(parent, List.copyOf(children)));
        return frozen;
    }

    private List<TypeRef> walkSupertypes(String qualifiedName) {
        List<TypeRef> result = new java.util.ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(List.of(qualifiedName));
        Deque<String> queue = new ArrayDeque<>(List.of(qualifiedName));
        while (!queue.isEmpty()) {
            DeclaredType declared = types.get(queue.removeFirst());
            if (declared == null || !(declared.declaration() instanceof ClassOrInterfaceDeclaration type)) {
                continue;
            }
            for (ClassOrInterfaceType parent : concat(type.getExtendedTypes(), type.getImplementedTypes())) {
                TypeRef ref = new TypeRef(declared.file(), parent.getNameWithScope());
                result.add(ref);
                if (seen.add(ref.resolved())) {
                    queue.addLast(ref.resolved());
                }
            }
        }
        return List.copyOf(result);
    }

    private static List<ClassOrInterfaceType> concat(List<ClassOrInterfaceType> first, List<ClassOrInterfaceType> second) {
        List<ClassOrInterfaceType> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
