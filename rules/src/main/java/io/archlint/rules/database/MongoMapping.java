package io.archlint.rules.database;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFacet.DeclaredType;
import io.archlint.engine.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The module's Spring Data MongoDB documents: field paths and the indexes their annotations declare. */
final class MongoMapping {

    private static final String INDEX_PACKAGE = "org.springframework.data.mongodb.core.index.";
    private static final List<String> DOCUMENT = List.of("org.springframework.data.mongodb.core.mapping.Document");
    private static final List<String> FIELD = List.of("org.springframework.data.mongodb.core.mapping.Field");
    private static final List<String> ID = List.of("org.springframework.data.annotation.Id",
            "org.springframework.data.mongodb.core.mapping.MongoId");
    private static final List<String> TRANSIENT = List.of("org.springframework.data.annotation.Transient");
    private static final List<String> REFERENCE = List.of("org.springframework.data.mongodb.core.mapping.DBRef",
            "org.springframework.data.mongodb.core.mapping.DocumentReference");
    /** Field-level index annotations; a text or geo index is counted too, the rule stays conservative. */
    private static final List<String> INDEXED = List.of(INDEX_PACKAGE + "Indexed", INDEX_PACKAGE + "TextIndexed",
            INDEX_PACKAGE + "GeoSpatialIndexed", INDEX_PACKAGE + "HashIndexed", INDEX_PACKAGE + "WildcardIndexed");
    private static final List<String> COMPOUND_INDEX = List.of(INDEX_PACKAGE + "CompoundIndex");
    private static final List<String> COMPOUND_INDEXES = List.of(INDEX_PACKAGE + "CompoundIndexes");
    private static final List<String> WILDCARD_INDEXED = List.of(INDEX_PACKAGE + "WildcardIndexed");

    private static final int MAX_DEPTH = 4;

    /** A {@code @Document} class of the module. */
    record Document(String qualifiedName, String simpleName, String collection, SourceFile file,
            TypeDeclaration<?> declaration) {}

    private enum Kind { ID, VALUE, NESTED, REFERENCE }

    private record Property(String name, String fieldName, Kind kind, String typeName, Type type,
            NodeWithAnnotations<?> annotated, SourceFile file) {}

    /** Where a property path lands in a document. */
    record FieldRef(String collection, String fieldPath, String propertyPath, boolean lowSelectivity, boolean indexed) {}

    private final SourceFacet sources;
    private final Map<String, Document> documents = new HashMap<>();
    private final Map<String, List<Property>> propertyCache = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> indexedCache = new ConcurrentHashMap<>();

    MongoMapping(SourceFacet sources) {
        this.sources = sources;
        for (SourceFile file : sources.files()) {
            for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
                file.annotation(type, DOCUMENT).ifPresent(annotation -> {
                    String simple = type.getNameAsString();
                    String collection = MappingAnnotations.string(sources, file, annotation, "collection")
                            .or(() -> MappingAnnotations.string(sources, file, annotation, "value"))
                            .filter(n -> !n.isBlank())
                            .orElse(Character.toLowerCase(simple.charAt(0)) + simple.substring(1));
                    documents.putIfAbsent(file.qualifiedName(type),
                            new Document(file.qualifiedName(type), simple, collection, file, type));
                });
            }
        }
    }

    Optional<Document> document(String qualifiedName) {
        return Optional.ofNullable(documents.get(qualifiedName));
    }

    /** Whether a wildcard index covers every field of the document. */
    boolean wildcardIndexed(Document document) {
        return document.file().isAnnotated(document.declaration(), WILDCARD_INDEXED);
    }

    Optional<String> propertyType(String owner, String property) {
        return properties(owner).stream().filter(p -> p.name().equals(property)).map(Property::typeName).findFirst();
    }

    /** The field a path of property (or stored field) names lands on; empty through references or off the model. */
    Optional<FieldRef> field(Document document, List<String> path) {
        String owner = document.qualifiedName();
        List<String> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < path.size() && i < MAX_DEPTH; i++) {
            String segment = path.get(i);
            Property property = properties(owner).stream()
                    .filter(p -> p.name().equals(segment) || p.fieldName().equals(segment))
                    .findFirst().orElse(null);
            if (property == null || property.kind() == Kind.REFERENCE || property.kind() == Kind.ID && i > 0) {
                return Optional.empty();
            }
            fields.add(property.fieldName());
            names.add(property.name());
            boolean last = i == path.size() - 1;
            if (last) {
                if (property.kind() == Kind.NESTED) {
                    return Optional.empty(); // a whole sub-document compared
                }
                String fieldPath = String.join(".", fields);
                String propertyPath = String.join(".", names);
                Set<String> indexed = indexedPaths(document);
                String type = property.type().asString();
                boolean lowSelectivity = type.equals("boolean") || type.equals("Boolean")
                        || sources.type(property.typeName()).filter(t -> t.declaration() instanceof EnumDeclaration).isPresent();
                return Optional.of(new FieldRef(document.collection(), fieldPath, propertyPath, lowSelectivity,
                        property.kind() == Kind.ID || indexed.contains(fieldPath) || indexed.contains(propertyPath)));
            }
            if (property.kind() != Kind.NESTED) {
                return Optional.empty();
            }
            owner = property.typeName();
        }
        return Optional.empty();
    }

    /** Paths (stored field paths and property paths) that lead an index declared by annotations. */
    private Set<String> indexedPaths(Document document) {
        return indexedCache.computeIfAbsent(document.qualifiedName(), name -> {
            Set<String> paths = new LinkedHashSet<>();
            collectIndexed(name, "", "", paths, 0);
            List<AnnotationExpr> compound = new ArrayList<>(
                    MappingAnnotations.all(document.file(), document.declaration(), COMPOUND_INDEX));
            for (AnnotationExpr container : MappingAnnotations.all(document.file(), document.declaration(), COMPOUND_INDEXES)) {
                MappingAnnotations.attribute(container, "value").ifPresent(v -> MappingAnnotations.elements(v).stream()
                        .filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast).forEach(compound::add));
            }
            for (AnnotationExpr index : compound) {
                MappingAnnotations.string(sources, document.file(), index, "def")
                        .or(() -> MappingAnnotations.string(sources, document.file(), index, "value"))
                        .flatMap(MongoMapping::leadingKey)
                        .ifPresent(paths::add);
            }
            return paths;
        });
    }

    private void collectIndexed(String owner, String fieldPrefix, String propertyPrefix, Set<String> paths, int depth) {
        for (Property property : properties(owner)) {
            String fieldPath = fieldPrefix + property.fieldName();
            String propertyPath = propertyPrefix + property.name();
            if (property.file().isAnnotated(property.annotated(), INDEXED)) {
                paths.add(fieldPath);
                paths.add(propertyPath);
            }
            if (property.kind() == Kind.NESTED && depth < MAX_DEPTH) {
                collectIndexed(property.typeName(), fieldPath + ".", propertyPath + ".", paths, depth + 1);
            }
        }
    }

    /** The first key of a compound index definition: {@code {'customerId': 1, 'placedAt': -1}} gives {@code customerId}. */
    static Optional<String> leadingKey(String definition) {
        String text = definition.strip();
        if (!text.startsWith("{")) {
            return Optional.empty();
        }
        text = text.substring(1).strip();
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String key = text.substring(0, colon).strip().replace("'", "").replace("\"", "");
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    private List<Property> properties(String owner) {
        return propertyCache.computeIfAbsent(owner, name -> {
            List<Property> result = new ArrayList<>();
            String current = name;
            for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
                Optional<DeclaredType> declared = sources.type(current);
                if (declared.isEmpty()) {
                    break;
                }
                result.addAll(declaredProperties(declared.get()));
                current = declared.get().declaration() instanceof ClassOrInterfaceDeclaration type && !type.isInterface()
                        && !type.getExtendedTypes().isEmpty()
                        ? MappingAnnotations.resolveType(sources, declared.get().file(), type,
                                type.getExtendedTypes().get(0).getNameWithScope())
                        : null;
            }
            return result;
        });
    }

    private List<Property> declaredProperties(DeclaredType type) {
        List<Property> result = new ArrayList<>();
        SourceFile file = type.file();
        if (type.declaration() instanceof RecordDeclaration record) {
            for (Parameter component : record.getParameters()) {
                result.add(property(file, record, component.getNameAsString(), component.getType(), component));
            }
            return result;
        }
        for (FieldDeclaration field : type.declaration().getFields()) {
            if (field.isStatic() || field.isTransient() || file.isAnnotated(field, TRANSIENT)) {
                continue;
            }
            for (VariableDeclarator variable : field.getVariables()) {
                result.add(property(file, type.declaration(), variable.getNameAsString(), variable.getType(), field));
            }
        }
        return result;
    }

    private Property property(SourceFile file, Node context, String name, Type type, NodeWithAnnotations<?> annotated) {
        Type valueType = MappingAnnotations.isMany(type) ? MappingAnnotations.elementType(type) : type;
        String typeName = valueType.isPrimitiveType() ? valueType.asString()
                : MappingAnnotations.resolveType(sources, file, context, valueType.asString());
        Kind kind;
        if (file.isAnnotated(annotated, ID) || name.equals("id") && !file.isAnnotated(annotated, FIELD)) {
            kind = Kind.ID;
        } else if (file.isAnnotated(annotated, REFERENCE)) {
            kind = Kind.REFERENCE;
        } else if (sources.type(typeName).filter(t -> !(t.declaration() instanceof EnumDeclaration)).isPresent()) {
            kind = Kind.NESTED;
        } else {
            kind = Kind.VALUE;
        }
        String fieldName = kind == Kind.ID ? "_id" : file.annotation(annotated, FIELD)
                .flatMap(f -> MappingAnnotations.string(sources, file, f, "name")
                        .or(() -> MappingAnnotations.string(sources, file, f, "value")))
                .filter(n -> !n.isBlank())
                .orElse(name);
        return new Property(name, fieldName, kind, typeName, type, annotated, file);
    }

    /**
     * String literals of the files that create Mongo indexes in code
     * ({@code indexOps(..).ensureIndex(new Index().on("email", ..))}): a field named there counts as indexed.
     */
    static Set<String> programmaticIndexKeys(SourceFacet sources) {
        Set<String> keys = new LinkedHashSet<>();
        for (SourceFile file : sources.files()) {
            boolean definesIndexes = file.findAll(MethodCallExpr.class).stream()
                    .anyMatch(call -> Set.of("ensureIndex", "createIndex", "createIndexes", "indexOps")
                            .contains(call.getNameAsString()));
            if (!definesIndexes) {
                continue;
            }
            for (StringLiteralExpr literal : file.findAll(StringLiteralExpr.class)) {
                keys.add(literal.asString());
            }
        }
        return keys;
    }
}
