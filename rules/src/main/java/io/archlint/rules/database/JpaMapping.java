package io.archlint.rules.database;

import static io.archlint.rules.database.MappingAnnotations.persistence;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFacet.DeclaredType;
import io.archlint.engine.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module's JPA entities as the index rule needs them: which column a property path lands
 * on, in which table, and which columns the mapping annotations index.
 */
final class JpaMapping {

    private static final List<String> ENTITY = persistence("Entity");
    private static final List<String> MAPPED_SUPERCLASS = persistence("MappedSuperclass");
    private static final List<String> EMBEDDABLE = persistence("Embeddable");
    private static final List<String> TABLE = persistence("Table");
    private static final List<String> INHERITANCE = persistence("Inheritance");
    private static final List<String> ACCESS = persistence("Access");
    private static final List<String> ID = persistence("Id");
    private static final List<String> EMBEDDED_ID = persistence("EmbeddedId");
    private static final List<String> EMBEDDED = persistence("Embedded");
    private static final List<String> COLUMN = persistence("Column");
    private static final List<String> JOIN_COLUMN = persistence("JoinColumn");
    private static final List<String> JOIN_COLUMNS = persistence("JoinColumns");
    private static final List<String> MAPS_ID = persistence("MapsId");
    private static final List<String> TO_ONE = List.of("jakarta.persistence.ManyToOne", "javax.persistence.ManyToOne",
            "jakarta.persistence.OneToOne", "javax.persistence.OneToOne");
    private static final List<String> ONE_TO_ONE = persistence("OneToOne");
    private static final List<String> TO_MANY = List.of("jakarta.persistence.OneToMany", "javax.persistence.OneToMany",
            "jakarta.persistence.ManyToMany", "javax.persistence.ManyToMany",
            "jakarta.persistence.ElementCollection", "javax.persistence.ElementCollection");
    private static final List<String> TRANSIENT = persistence("Transient");
    private static final List<String> ENUMERATED = persistence("Enumerated");
    private static final List<String> LOB = persistence("Lob");
    private static final List<String> ATTRIBUTE_OVERRIDE = persistence("AttributeOverride");
    private static final List<String> ATTRIBUTE_OVERRIDES = persistence("AttributeOverrides");
    private static final List<String> NAMED_QUERY = persistence("NamedQuery");
    private static final List<String> NAMED_QUERIES = persistence("NamedQueries");
    /** Hibernate's natural id: a unique constraint, so an index. */
    private static final List<String> NATURAL_ID = List.of("org.hibernate.annotations.NaturalId");
    /** Hibernate's partition key for multi-tenancy: every JPQL and derived query filters on it. */
    private static final List<String> TENANT_ID = List.of("org.hibernate.annotations.TenantId");
    /** Entities mapped to a query or a view rather than a table: indexes belong to the tables below. */
    private static final List<String> NOT_A_TABLE = List.of("org.hibernate.annotations.Subselect",
            "org.hibernate.annotations.View");
    /** Hibernate 5's column-level index annotation. */
    private static final List<String> HIBERNATE_INDEX = List.of("org.hibernate.annotations.Index");

    /** How deep embeddables and associations are followed. */
    private static final int MAX_DEPTH = 6;

    enum Kind { BASIC, ID, EMBEDDED_ID, EMBEDDED, TO_ONE, MANY }

    /** An {@code @Entity} class of the module. */
    record Entity(String qualifiedName, String simpleName, String entityName, String table, SourceFile file,
            TypeDeclaration<?> declaration) {}

    /** A persistent attribute; {@code table} and {@code owner} are set for an entity's attributes. */
    record Attribute(String name, Kind kind, String typeName, Type type, NodeWithAnnotations<?> annotated,
            SourceFile file, String table, String owner) {}

    /** Where a property path lands. */
    record ColumnRef(String table, String column, String entity, boolean lowSelectivity, boolean unindexable,
            boolean indexed, boolean impliedUnique) {}

    private final SourceFacet sources;
    private final boolean snakeCase;
    private final boolean foreignKeysIndexed;
    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final Map<String, Entity> byEntityName = new HashMap<>();
    private final Map<String, Set<String>> leadingByTable = new HashMap<>();
    private final Map<String, List<Attribute>> attributeCache = new ConcurrentHashMap<>();

    /**
     * @param snakeCase          whether physical names go through Spring Boot's
     *                           {@code CamelCaseToUnderscoresNamingStrategy} (the default) rather than verbatim
     * @param foreignKeysIndexed whether the database indexes foreign key columns itself (InnoDB)
     */
    JpaMapping(SourceFacet sources, boolean snakeCase, boolean foreignKeysIndexed) {
        this.sources = sources;
        this.snakeCase = snakeCase;
        this.foreignKeysIndexed = foreignKeysIndexed;
        for (SourceFile file : sources.files()) {
            for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
                if (file.isAnnotated(type, NOT_A_TABLE)) {
                    continue;
                }
                file.annotation(type, ENTITY).ifPresent(annotation -> {
                    String simple = type.getNameAsString();
                    String entityName = MappingAnnotations.string(sources, file, annotation, "name")
                            .filter(n -> !n.isBlank()).orElse(simple);
                    String table = file.annotation(type, TABLE)
                            .flatMap(t -> MappingAnnotations.string(sources, file, t, "name"))
                            .filter(n -> !n.isBlank()).orElse(entityName);
                    Entity entity = new Entity(file.qualifiedName(type), simple, entityName, physical(table), file, type);
                    entities.putIfAbsent(entity.qualifiedName(), entity);
                    byEntityName.putIfAbsent(entityName, entity);
                    file.annotation(type, TABLE).ifPresent(t -> collectTableIndexes(file, t, entity.table()));
                });
            }
        }
    }

    Optional<Entity> entity(String qualifiedName) {
        return Optional.ofNullable(entities.get(qualifiedName));
    }

    /** The entity a JPQL root names: its entity name, simple or qualified class name. */
    Optional<Entity> entityNamed(String name) {
        Entity entity = byEntityName.get(name);
        return entity != null ? Optional.of(entity) : entity(name);
    }

    Optional<Entity> entityForTable(String table) {
        String wanted = normalize(table);
        return entities.values().stream().filter(e -> normalize(e.table()).equals(wanted)).findFirst();
    }

    /** Named queries declared on an entity, which Spring Data prefers over a derived name. */
    Set<String> namedQueries(Entity entity) {
        Set<String> names = new LinkedHashSet<>();
        List<AnnotationExpr> declared = new ArrayList<>(
                MappingAnnotations.all(entity.file(), entity.declaration(), NAMED_QUERY));
        for (AnnotationExpr container : MappingAnnotations.all(entity.file(), entity.declaration(), NAMED_QUERIES)) {
            MappingAnnotations.attribute(container, "value").ifPresent(v -> MappingAnnotations.elements(v).stream()
                    .filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast).forEach(declared::add));
        }
        for (AnnotationExpr query : declared) {
            MappingAnnotations.string(sources, entity.file(), query, "name").ifPresent(names::add);
        }
        return names;
    }

    /** The {@code @TenantId} attribute Hibernate adds to every query of the entity, if any. */
    Optional<String> tenantAttribute(Entity entity) {
        return attributes(entity.qualifiedName()).stream()
                .filter(a -> a.file().isAnnotated(a.annotated(), TENANT_ID))
                .map(Attribute::name)
                .findFirst();
    }

    /** Whether the mapping annotations give a table an index that leads with {@code column}. */
    boolean tableIndexLeads(String table, String column) {
        return leadingByTable.getOrDefault(normalize(table), Set.of()).contains(normalize(column));
    }

    /** A table name or column name as the database folds it. */
    static String normalize(String name) {
        String stripped = name.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
        int dot = stripped.lastIndexOf('.');
        return (dot < 0 ? stripped : stripped.substring(dot + 1)).toLowerCase(Locale.ROOT);
    }

    /** The physical name of a logical one, under the module's naming strategy. */
    String physical(String logical) {
        String name = logical.strip();
        boolean quoted = name.startsWith("\"") || name.startsWith("`");
        name = name.replace("\"", "").replace("`", "");
        if (!snakeCase || quoted) {
            return name;
        }
        StringBuilder builder = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < builder.length() - 1; i++) {
            char before = builder.charAt(i - 1);
            char current = builder.charAt(i);
            char after = builder.charAt(i + 1);
            if ((Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
                    && (Character.isLowerCase(after) || Character.isDigit(after))) {
                builder.insert(i++, '_');
            }
        }
        return builder.toString().toLowerCase(Locale.ROOT);
    }

    private void collectTableIndexes(SourceFile file, AnnotationExpr table, String tableName) {
        Set<String> leading = leadingByTable.computeIfAbsent(normalize(tableName), k -> new LinkedHashSet<>());
        indexLeads(file, table).forEach(first -> addLeading(leading, first));
    }

    /** The first column of each index and unique constraint a {@code @Table} declares, as written. */
    List<String> indexLeads(SourceFile file, AnnotationExpr table) {
        List<String> leads = new ArrayList<>();
        MappingAnnotations.attribute(table, "indexes").ifPresent(value -> {
            for (Expression element : MappingAnnotations.elements(value)) {
                if (element instanceof AnnotationExpr index) {
                    MappingAnnotations.string(sources, file, index, "columnList")
                            .map(list -> list.split(",")[0].strip().split("\\s+")[0])
                            .filter(first -> !first.isEmpty())
                            .ifPresent(leads::add);
                }
            }
        });
        MappingAnnotations.attribute(table, "uniqueConstraints").ifPresent(value -> {
            for (Expression element : MappingAnnotations.elements(value)) {
                if (element instanceof AnnotationExpr unique) {
                    MappingAnnotations.attribute(unique, "columnNames")
                            .map(MappingAnnotations::elements)
                            .filter(columns -> !columns.isEmpty())
                            .flatMap(columns -> MappingAnnotations.string(sources, file, columns.get(0)))
                            .ifPresent(leads::add);
                }
            }
        });
        return leads;
    }

    private void addLeading(Set<String> leading, String column) {
        leading.add(normalize(column));
        leading.add(normalize(physical(column)));
    }

    /** The type a property of {@code owner} holds (the element type of a collection), for path resolution. */
    Optional<String> propertyType(String owner, String property) {
        return attributes(owner).stream()
                .filter(a -> a.name().equals(property))
                .map(Attribute::typeName)
                .findFirst();
    }

    /** The attributes of an entity (with their tables) or of an embeddable. */
    List<Attribute> attributes(String qualifiedName) {
        return attributeCache.computeIfAbsent(qualifiedName, name -> {
            Entity entity = entities.get(name);
            return entity != null ? entityAttributes(entity) : classAttributes(name, false, null, null);
        });
    }

    private List<Attribute> entityAttributes(Entity entity) {
        List<DeclaredType> chain = new ArrayList<>();
        for (String current = entity.qualifiedName(); current != null && chain.size() < MAX_DEPTH; ) {
            Optional<DeclaredType> declared = sources.type(current);
            if (declared.isEmpty()) {
                break;
            }
            DeclaredType type = declared.get();
            if (!type.file().isAnnotated(type.declaration(), ENTITY)
                    && !type.file().isAnnotated(type.declaration(), MAPPED_SUPERCLASS)) {
                break;
            }
            chain.add(type);
            current = superclass(type).orElse(null);
        }
        Entity root = entity;
        for (DeclaredType type : chain) {
            Entity candidate = entities.get(type.qualifiedName());
            if (candidate != null) {
                root = candidate;
            }
        }
        String strategy = root.file().annotation(root.declaration(), INHERITANCE)
                .flatMap(a -> MappingAnnotations.attribute(a, "strategy"))
                .flatMap(MappingAnnotations::constantName)
                .orElse("SINGLE_TABLE");
        boolean propertyAccess = propertyAccess(chain);
        List<Attribute> result = new ArrayList<>();
        Entity owner = entity;
        for (DeclaredType type : chain) {
            Entity declaredEntity = entities.get(type.qualifiedName());
            if (declaredEntity != null) {
                owner = declaredEntity;
            }
            Entity tableOwner = switch (strategy) {
                case "JOINED" -> owner;
                case "TABLE_PER_CLASS" -> entity;
                default -> root;
            };
            result.addAll(declaredAttributes(type, propertyAccess, tableOwner.table(), tableOwner.simpleName()));
        }
        return result;
    }

    private boolean propertyAccess(List<DeclaredType> chain) {
        for (DeclaredType type : chain) {
            Optional<String> access = type.file().annotation(type.declaration(), ACCESS)
                    .flatMap(a -> MappingAnnotations.attribute(a, "value"))
                    .flatMap(MappingAnnotations::constantName);
            if (access.isPresent()) {
                return access.get().equals("PROPERTY");
            }
        }
        for (DeclaredType type : chain) {
            for (FieldDeclaration field : type.declaration().getFields()) {
                if (type.file().isAnnotated(field, ID) || type.file().isAnnotated(field, EMBEDDED_ID)) {
                    return false;
                }
            }
        }
        for (DeclaredType type : chain) {
            for (MethodDeclaration method : type.declaration().getMethods()) {
                if (type.file().isAnnotated(method, ID) || type.file().isAnnotated(method, EMBEDDED_ID)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Optional<String> superclass(DeclaredType type) {
        if (type.declaration() instanceof ClassOrInterfaceDeclaration declaration && !declaration.isInterface()
                && !declaration.getExtendedTypes().isEmpty()) {
            ClassOrInterfaceType parent = declaration.getExtendedTypes().get(0);
            return Optional.of(MappingAnnotations.resolveType(sources, type.file(), declaration, parent.getNameWithScope()));
        }
        return Optional.empty();
    }

    /** Attributes of a non-entity class (an embeddable), with the module superclasses it inherits from. */
    private List<Attribute> classAttributes(String qualifiedName, boolean propertyAccess, String table, String owner) {
        List<Attribute> result = new ArrayList<>();
        String current = qualifiedName;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            Optional<DeclaredType> declared = sources.type(current);
            if (declared.isEmpty()) {
                break;
            }
            result.addAll(declaredAttributes(declared.get(), propertyAccess, table, owner));
            current = superclass(declared.get()).orElse(null);
        }
        return result;
    }

    private List<Attribute> declaredAttributes(DeclaredType type, boolean propertyAccess, String table, String owner) {
        List<Attribute> result = new ArrayList<>();
        SourceFile file = type.file();
        if (type.declaration() instanceof RecordDeclaration record) {
            for (Parameter component : record.getParameters()) {
                result.add(attribute(file, record, component.getNameAsString(), component.getType(), component, table, owner));
            }
            return result;
        }
        if (propertyAccess) {
            for (MethodDeclaration method : type.declaration().getMethods()) {
                String name = method.getNameAsString();
                int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
                if (prefix == 0 || name.length() == prefix || method.isStatic() || !method.getParameters().isEmpty()
                        || file.isAnnotated(method, TRANSIENT)) {
                    continue;
                }
                String property = decapitalize(name.substring(prefix));
                result.add(attribute(file, type.declaration(), property, method.getType(), method, table, owner));
            }
            return result;
        }
        for (FieldDeclaration field : type.declaration().getFields()) {
            if (field.isStatic() || field.isTransient() || file.isAnnotated(field, TRANSIENT)) {
                continue;
            }
            for (VariableDeclarator variable : field.getVariables()) {
                result.add(attribute(file, type.declaration(), variable.getNameAsString(), variable.getType(), field,
                        table, owner));
            }
        }
        return result;
    }

    private Attribute attribute(SourceFile file, Node context, String name, Type type, NodeWithAnnotations<?> annotated,
            String table, String owner) {
        Kind kind;
        Type valueType = type;
        if (file.isAnnotated(annotated, EMBEDDED_ID)) {
            kind = Kind.EMBEDDED_ID;
        } else if (file.isAnnotated(annotated, TO_ONE)) {
            kind = Kind.TO_ONE;
        } else if (file.isAnnotated(annotated, TO_MANY) || MappingAnnotations.isMany(type)) {
            kind = Kind.MANY;
            valueType = MappingAnnotations.elementType(type);
        } else if (file.isAnnotated(annotated, ID)) {
            kind = Kind.ID;
        } else if (file.isAnnotated(annotated, EMBEDDED) || isEmbeddable(file, context, type)) {
            kind = Kind.EMBEDDED;
        } else {
            kind = Kind.BASIC;
        }
        String typeName = valueType.isPrimitiveType() ? valueType.asString()
                : MappingAnnotations.resolveType(sources, file, context, valueType.asString());
        return new Attribute(name, kind, typeName, type, annotated, file, table, owner);
    }

    private boolean isEmbeddable(SourceFile file, Node context, Type type) {
        if (!(type instanceof ClassOrInterfaceType)) {
            return false;
        }
        return sources.type(MappingAnnotations.resolveType(sources, file, context, type.asString()))
                .filter(t -> t.file().isAnnotated(t.declaration(), EMBEDDABLE))
                .isPresent();
    }

    /**
     * The column a property path of an entity lands on; empty when the path goes through a
     * collection, ends on an embeddable or an association's inverse side, or leaves the model.
     */
    Optional<ColumnRef> column(Entity root, List<String> path) {
        Entity entity = root;
        List<Attribute> attributes = attributes(root.qualifiedName());
        Map<String, String> overrides = overrides(root.file(), root.declaration());
        String table = null;
        String owner = root.simpleName();
        boolean insideId = false;
        for (int i = 0; i < path.size() && i < MAX_DEPTH; i++) {
            String name = path.get(i);
            Attribute attribute = attributes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
            if (attribute == null) {
                return Optional.empty();
            }
            if (attribute.table() != null) {
                table = attribute.table();
                owner = attribute.owner();
            }
            boolean last = i == path.size() - 1;
            switch (attribute.kind()) {
                case BASIC, ID -> {
                    if (!last || table == null) {
                        return Optional.empty();
                    }
                    return Optional.of(basicColumn(attribute, table, owner, overrides.get(name),
                            insideId || attribute.kind() == Kind.ID));
                }
                case EMBEDDED, EMBEDDED_ID -> {
                    if (last) {
                        return Optional.empty();
                    }
                    Map<String, String> nested = new HashMap<>();
                    overrides.forEach((key, value) -> {
                        if (key.startsWith(name + ".")) {
                            nested.put(key.substring(name.length() + 1), value);
                        }
                    });
                    overrides(attribute.file(), attribute.annotated()).forEach(nested::putIfAbsent);
                    overrides = nested;
                    insideId |= attribute.kind() == Kind.EMBEDDED_ID;
                    attributes = classAttributes(attribute.typeName(), false, null, null);
                }
                case TO_ONE -> {
                    AnnotationExpr association = attribute.file().annotation(attribute.annotated(), TO_ONE).orElseThrow();
                    if (MappingAnnotations.attribute(association, "mappedBy").isPresent() || table == null) {
                        return Optional.empty(); // the inverse side: the foreign key lives in the other table
                    }
                    Optional<Entity> target = entity(attribute.typeName());
                    boolean targetId = !last && i == path.size() - 2 && target.isPresent()
                            && singleId(target.get()).filter(id -> id.name().equals(path.get(path.size() - 1))).isPresent();
                    if (last || targetId) {
                        return foreignKey(attribute, target, table, owner, insideId);
                    }
                    if (target.isEmpty()) {
                        return Optional.empty();
                    }
                    entity = target.get();
                    attributes = attributes(entity.qualifiedName());
                    overrides = overrides(entity.file(), entity.declaration());
                    table = null;
                    owner = entity.simpleName();
                    insideId = false;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Every column path of an entity's own table: basic columns, embedded ones and foreign keys. */
    List<List<String>> columnPaths(Entity entity) {
        List<List<String>> paths = new ArrayList<>();
        collectPaths(attributes(entity.qualifiedName()), new ArrayList<>(), paths, 0);
        return paths;
    }

    private void collectPaths(List<Attribute> attributes, List<String> prefix, List<List<String>> paths, int depth) {
        for (Attribute attribute : attributes) {
            List<String> path = new ArrayList<>(prefix);
            path.add(attribute.name());
            switch (attribute.kind()) {
                case BASIC, ID, TO_ONE -> paths.add(path);
                case EMBEDDED, EMBEDDED_ID -> {
                    if (depth < 3) {
                        collectPaths(classAttributes(attribute.typeName(), false, null, null), path, paths, depth + 1);
                    }
                }
                default -> { }
            }
        }
    }

    private ColumnRef basicColumn(Attribute attribute, String table, String owner, String override, boolean primaryKey) {
        SourceFile file = attribute.file();
        Optional<AnnotationExpr> column = file.annotation(attribute.annotated(), COLUMN);
        String name = override != null ? override
                : column.flatMap(c -> MappingAnnotations.string(sources, file, c, "name")).filter(n -> !n.isBlank())
                        .orElse(attribute.name());
        String columnTable = column.flatMap(c -> MappingAnnotations.string(sources, file, c, "table"))
                .filter(n -> !n.isBlank()).map(this::physical).orElse(table);
        boolean indexed = primaryKey
                || column.filter(c -> MappingAnnotations.isTrue(c, "unique")).isPresent()
                || file.isAnnotated(attribute.annotated(), NATURAL_ID)
                || file.isAnnotated(attribute.annotated(), HIBERNATE_INDEX);
        String type = attribute.type().asString();
        boolean lowSelectivity = type.equals("boolean") || type.equals("Boolean") || type.equals("java.lang.Boolean")
                || file.isAnnotated(attribute.annotated(), ENUMERATED)
                || sources.type(attribute.typeName()).filter(t -> t.declaration() instanceof EnumDeclaration).isPresent();
        boolean unindexable = file.isAnnotated(attribute.annotated(), LOB) || type.equals("byte[]");
        return new ColumnRef(columnTable, physical(name), owner, lowSelectivity, unindexable, indexed, false);
    }

    private Optional<ColumnRef> foreignKey(Attribute attribute, Optional<Entity> target, String table, String owner,
            boolean insideId) {
        SourceFile file = attribute.file();
        if (file.isAnnotated(attribute.annotated(), JOIN_COLUMNS)) {
            return Optional.empty();
        }
        Optional<AnnotationExpr> joinColumn = file.annotation(attribute.annotated(), JOIN_COLUMN);
        Optional<String> explicit = joinColumn.flatMap(j -> MappingAnnotations.string(sources, file, j, "name"))
                .filter(n -> !n.isBlank());
        String name;
        if (explicit.isPresent()) {
            name = explicit.get();
        } else {
            Optional<Attribute> targetId = target.flatMap(this::singleId);
            if (targetId.isEmpty()) {
                return Optional.empty(); // the default name depends on a primary key the module does not show
            }
            String idColumn = targetId.get().file().annotation(targetId.get().annotated(), COLUMN)
                    .flatMap(c -> MappingAnnotations.string(sources, targetId.get().file(), c, "name"))
                    .filter(n -> !n.isBlank()).orElse(targetId.get().name());
            name = attribute.name() + "_" + idColumn;
        }
        boolean indexed = insideId || foreignKeysIndexed
                || joinColumn.filter(j -> MappingAnnotations.isTrue(j, "unique")).isPresent()
                || file.isAnnotated(attribute.annotated(), MAPS_ID)
                || file.isAnnotated(attribute.annotated(), ID);
        boolean oneToOne = file.isAnnotated(attribute.annotated(), ONE_TO_ONE);
        return Optional.of(new ColumnRef(table, physical(name), owner, false, false, indexed, oneToOne));
    }

    /** The entity's single {@code @Id} attribute; empty for composite keys. */
    private Optional<Attribute> singleId(Entity entity) {
        List<Attribute> ids = attributes(entity.qualifiedName()).stream()
                .filter(a -> a.kind() == Kind.ID || a.kind() == Kind.EMBEDDED_ID)
                .toList();
        return ids.size() == 1 && ids.get(0).kind() == Kind.ID ? Optional.of(ids.get(0)) : Optional.empty();
    }

    /** {@code Email} gives {@code email}, {@code URL} stays {@code URL}, as JavaBeans name properties. */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code @AttributeOverride(name = "city", column = @Column(name = "billing_city"))}, repeated or in a container. */
    private Map<String, String> overrides(SourceFile file, NodeWithAnnotations<?> element) {
        List<AnnotationExpr> declared = new ArrayList<>(MappingAnnotations.all(file, element, ATTRIBUTE_OVERRIDE));
        for (AnnotationExpr container : MappingAnnotations.all(file, element, ATTRIBUTE_OVERRIDES)) {
            MappingAnnotations.attribute(container, "value").ifPresent(v -> MappingAnnotations.elements(v).stream()
                    .filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast).forEach(declared::add));
        }
        Map<String, String> overrides = new HashMap<>();
        for (AnnotationExpr override : declared) {
            Optional<String> name = MappingAnnotations.string(sources, file, override, "name");
            Optional<String> column = MappingAnnotations.attribute(override, "column")
                    .filter(AnnotationExpr.class::isInstance).map(AnnotationExpr.class::cast)
                    .flatMap(c -> MappingAnnotations.string(sources, file, c, "name"));
            if (name.isPresent() && column.isPresent()) {
                overrides.put(name.get(), column.get());
            }
        }
        return overrides;
    }
}
