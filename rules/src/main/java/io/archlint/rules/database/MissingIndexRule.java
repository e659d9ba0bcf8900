package io.archlint.rules.database;

import com.github.javaparser.Position;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.FactLines;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.migrations.Schema;
import io.archlint.engine.migrations.SchemaScript;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.rules.database.JpaMapping.Attribute;
import io.archlint.rules.database.JpaMapping.ColumnRef;
import io.archlint.rules.database.JpaMapping.Entity;
import io.archlint.rules.database.JpaMapping.Kind;
import io.archlint.rules.database.MongoMapping.Document;
import io.archlint.rules.database.MongoMapping.FieldRef;
import io.archlint.rules.database.QueryConditions.Comparison;
import io.archlint.rules.database.QueryConditions.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;

/** See {@code missing-index.md}. */
@RuleInfo(
        id = "missing-index",
        title = "A repository query filters on a column without an index",
        category = Category.DATABASE,
        severity = Severity.WARNING,
        facets = {Facet.SOURCES},
        since = "0.1.0",
        reason = "A query that filters on a column without an index reads the whole table on every call; the backend "
                + "technologies article lists ignoring indexes among its five common pitfalls: add indexes to "
                + "frequently queried columns (30% I/O reduction)")
public final class MissingIndexRule implements ModuleFactsRule {

    /** Spring Data repository interfaces whose first type argument is the domain type. */
    private static final List<String> REPOSITORY_BASES = List.of(
            "org.springframework.data.repository.Repository",
            "org.springframework.data.repository.CrudRepository",
            "org.springframework.data.repository.ListCrudRepository",
            "org.springframework.data.repository.PagingAndSortingRepository",
            "org.springframework.data.repository.ListPagingAndSortingRepository",
            "org.springframework.data.repository.reactive.ReactiveCrudRepository",
            "org.springframework.data.repository.reactive.ReactiveSortingRepository",
            "org.springframework.data.repository.reactive.RxJava3CrudRepository",
            "org.springframework.data.repository.reactive.RxJava3SortingRepository",
            "org.springframework.data.repository.kotlin.CoroutineCrudRepository",
            "org.springframework.data.repository.kotlin.CoroutineSortingRepository",
            "org.springframework.data.jpa.repository.JpaRepository",
            "org.springframework.data.mongodb.repository.MongoRepository",
            "org.springframework.data.mongodb.repository.ReactiveMongoRepository");

    /** Interfaces Spring Data does not instantiate: shared bases, generic over the domain type. */
    private static final List<String> NO_REPOSITORY_BEAN =
            List.of("org.springframework.data.repository.NoRepositoryBean");
    private static final List<String> REPOSITORY_DEFINITION =
            List.of("org.springframework.data.repository.RepositoryDefinition");

    private static final List<String> JPA_QUERY = List.of("org.springframework.data.jpa.repository.Query");
    private static final List<String> JPA_NATIVE_QUERY = List.of("org.springframework.data.jpa.repository.NativeQuery");
    /** Mongo string queries: the JSON filter is the annotation's value (or {@code filter}). */
    private static final List<String> MONGO_QUERY = List.of("org.springframework.data.mongodb.repository.Query",
            "org.springframework.data.mongodb.repository.CountQuery",
            "org.springframework.data.mongodb.repository.ExistsQuery",
            "org.springframework.data.mongodb.repository.DeleteQuery");
    /** Annotations that replace the derived query with one the rule does not read (a procedure, an aggregation). */
    private static final Set<String> OTHER_QUERY_ANNOTATIONS = Set.of("Query", "NativeQuery", "Procedure", "Aggregation",
            "CountQuery", "ExistsQuery", "DeleteQuery", "VectorSearch");

    /** Physical naming strategies that keep names as written (Hibernate's default outside Spring Boot). */
    private static final List<String> NAMING_KEYS = List.of("spring.jpa.hibernate.naming.physical-strategy",
            "spring.jpa.properties.hibernate.physical_naming_strategy");

    /** Where Spring Boot, Hibernate and Quarkus are told whether Hibernate writes the schema. */
    private static final List<String> DDL_AUTO_KEYS = List.of("spring.jpa.hibernate.ddl-auto",
            "spring.jpa.properties.hibernate.hbm2ddl.auto", "hibernate.hbm2ddl.auto",
            "jpa.default.properties.hibernate.hbm2ddl.auto", "quarkus.hibernate-orm.database.generation",
            "quarkus.hibernate-orm.schema-management.strategy");
    /** Values saying Hibernate leaves the schema alone. */
    private static final Set<String> SCHEMA_KEPT_ELSEWHERE = Set.of("none", "validate");
    /** Values saying Hibernate creates or updates the tables from the mapping. */
    private static final Set<String> SCHEMA_WRITTEN = Set.of("update", "create", "create-drop", "create-only",
            "drop-and-create");
    /** Embedded databases, for which Spring Boot's default is {@code ddl-auto=create-drop}. */
    private static final Set<String> EMBEDDED_DATABASES = Set.of("com.h2database:h2", "org.hsqldb:hsqldb",
            "org.apache.derby:derby", "org.apache.derby:derbytools");

    /** MySQL and MariaDB drivers: InnoDB indexes every foreign key column itself. */
    private static final Set<String> INNODB_DRIVERS = Set.of("com.mysql:mysql-connector-j",
            "mysql:mysql-connector-java", "org.mariadb.jdbc:mariadb-java-client");

    private static final int MAX_HIERARCHY = 6;

    /** One filtered column or field, judged. */
    private record Target(String owner, String column, boolean indexed, boolean candidate, Comparison comparison,
            String migration, String annotation) {}

    /** A branch nothing indexes: the columns it filters on and the index that would serve it. */
    private record Gap(List<Target> columns, Target lead) {}

    // ---- facts ----
    //
    // Per file: its JPA entities (name, table, @TenantId attribute, the leading columns of its @Table
    // indexes, the columns of its own table, and where each property path within the entity lands,
    // up to the associations it leads to, so that a JPQL query naming the entity by its entity name
    // can be judged without the entity's file); the string literals of a file that creates Mongo
    // indexes in code; and each repository method whose query filters only on columns the rule
    // understands, with its position, symbol and evidence and the columns it filters on (resolved
    // in the file where they depend only on the repository's domain type, raw where they depend on
    // an entity named in a query's text).

    private static final String ENTITY_FACT = "entity";
    private static final String LEADS_FACT = "leads";
    private static final String NATIVE_COLUMN_FACT = "native-column";
    private static final String PATH_FACT = "path";
    private static final String MONGO_KEYS_FACT = "mongo-keys";
    private static final String SITE_FACT = "site";
    private static final String BRANCH_FACT = "branch";

    private static final String DERIVED = "derived";
    private static final String JPQL = "jpql";
    private static final String NATIVE = "native";
    private static final String MONGO = "mongo";

    private static final String PATH_COLUMN = "column";
    private static final String PATH_EMBEDDED = "embedded";
    private static final String PATH_ASSOCIATION = "association";

    /** As {@link JpaMapping}: which types are entities, and which are mapped to a query or view. */
    private static final List<String> ENTITY = MappingAnnotations.persistence("Entity");
    private static final List<String> TABLE = MappingAnnotations.persistence("Table");
    private static final List<String> NOT_A_TABLE = List.of("org.hibernate.annotations.Subselect",
            "org.hibernate.annotations.View");
    private static final List<String> TO_ONE = List.of("jakarta.persistence.ManyToOne", "javax.persistence.ManyToOne",
            "jakarta.persistence.OneToOne", "javax.persistence.OneToOne");
    /** How many segments of a property path {@link JpaMapping#column} follows. */
    private static final int MAX_PATH = 6;

    /** A query site's kind and the text it names its root by (a JPQL entity, a native query's table). */
    private record Site(String kind, String root, List<List<List<Object>>> branches) {}

    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        SourceFacet sources = codebase.sources();
        JpaMapping jpa = new JpaMapping(sources, snakeCaseNaming(codebase), indexesForeignKeys(codebase));
        MongoMapping mongo = new MongoMapping(sources);
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (SourceFile file : sources.files()) {
            List<String> lines = new ArrayList<>();
            entityFacts(sources, jpa, file, lines);
            mongoKeyFacts(file, lines);
            repositoryFacts(sources, jpa, mongo, file, lines);
            if (!lines.isEmpty()) {
                facts.put(file.path(), lines);
            }
        }
        return facts;
    }

    /** The module's entities by qualified name, by entity name, and the leading columns of its @Table indexes. */
    private static final class Model {
        final Map<String, EntityFacts> byQualifiedName = new LinkedHashMap<>();
        final Map<String, EntityFacts> byEntityName = new HashMap<>();
        final Map<String, Set<String>> leadingByTable = new HashMap<>();
        final Set<String> programmaticMongoKeys = new HashSet<>();

        Optional<EntityFacts> entityNamed(String name) {
            EntityFacts entity = byEntityName.get(name);
            return entity != null ? Optional.of(entity) : Optional.ofNullable(byQualifiedName.get(name));
        }

        Optional<EntityFacts> entityForTable(String table) {
            String wanted = JpaMapping.normalize(table);
            return byQualifiedName.values().stream().filter(e -> JpaMapping.normalize(e.table).equals(wanted))
                    .findFirst();
        }

        boolean tableIndexLeads(String table, String column) {
            return leadingByTable.getOrDefault(JpaMapping.normalize(table), Set.of())
                    .contains(JpaMapping.normalize(column));
        }
    }

    /** One entity as its file's facts describe it. */
    private static final class EntityFacts {
        final String qualifiedName;
        final String simpleName;
        final String entityName;
        final String table;
        final String tenant;
        /** The columns of its own table ({@link JpaMapping#columnPaths}), in order. */
        final List<ColumnRef> columns = new ArrayList<>();
        /** Property path within the entity (dotted) -> where it lands. */
        final Map<String, List<String>> paths = new HashMap<>();

        EntityFacts(List<String> fields) {
            qualifiedName = fields.get(2);
            simpleName = fields.get(3);
            entityName = fields.get(4);
            table = fields.get(5);
            tenant = optional(fields.get(6));
        }
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        SchemaView schema = SchemaView.of(codebase);
        // Without migrations the mapping is the schema only where Hibernate writes it.
        boolean mappingIsTheSchema = schema.available() || hibernateWritesTheSchema(codebase);
        Model model = new Model();
        for (Map.Entry<String, List<String>> file : facts.entrySet()) {
            Map<String, EntityFacts> inFile = new HashMap<>();
            for (String line : file.getValue()) {
                List<String> fields = FactLines.split(line);
                switch (fields.get(0)) {
                    case ENTITY_FACT -> {
                        EntityFacts entity = new EntityFacts(fields);
                        inFile.put(fields.get(1), entity);
                        model.byQualifiedName.putIfAbsent(entity.qualifiedName, entity);
                        model.byEntityName.putIfAbsent(entity.entityName, entity);
                    }
                    case LEADS_FACT -> model.leadingByTable.computeIfAbsent(fields.get(1), k -> new LinkedHashSet<>())
                            .addAll(fields.subList(2, fields.size()));
                    case NATIVE_COLUMN_FACT -> inFile.get(fields.get(1)).columns.add(columnRef(fields, 2));
                    case PATH_FACT -> inFile.get(fields.get(1)).paths.put(fields.get(2), fields.subList(3, fields.size()));
                    case MONGO_KEYS_FACT -> model.programmaticMongoKeys.addAll(fields.subList(1, fields.size()));
                    default -> { }
                }
            }
        }
        for (Map.Entry<String, List<String>> file : facts.entrySet()) {
            List<String> site = null;
            List<List<String>> branches = new ArrayList<>();
            for (String line : file.getValue()) {
                List<String> fields = FactLines.split(line);
                if (fields.get(0).equals(SITE_FACT)) {
                    judgeSite(file.getKey(), site, branches, model, schema, mappingIsTheSchema, findings);
                    site = fields;
                    branches = new ArrayList<>();
                } else if (fields.get(0).equals(BRANCH_FACT)) {
                    branches.add(fields.subList(2, fields.size()));
                }
            }
            judgeSite(file.getKey(), site, branches, model, schema, mappingIsTheSchema, findings);
        }
    }

    private static void judgeSite(String path, List<String> site, List<List<String>> branches, Model model,
            SchemaView schema, boolean mappingIsTheSchema, FindingCollector findings) {
        if (site == null) {
            return;
        }
        String kind = site.get(7);
        boolean relational = !kind.equals(MONGO);
        if (relational && !mappingIsTheSchema) {
            return;
        }
        List<Gap> gaps = switch (kind) {
            case DERIVED -> gaps(groups(branches, 8), g -> judge(model, schema, columnRef(g, 1),
                    Comparison.valueOf(g.get(0))));
            case MONGO -> gaps(groups(branches, 7), g -> Optional.of(judgeMongo(model, g)));
            case JPQL -> model.entityNamed(site.get(8))
                    .map(root -> gaps(withTenant(root.tenant, conditions(branches)).branches(),
                            c -> column(model, root, List.of(c.subject().split("\\.")))
                                    .flatMap(column -> judge(model, schema, column, c.comparison()))))
                    .orElse(List.of());
            case NATIVE -> gaps(conditions(branches).branches(), c -> nativeTarget(model, schema, site.get(8), c));
            default -> List.of();
        };
        if (!gaps.isEmpty()) {
            report(findings, path, Integer.parseInt(site.get(2)), Integer.parseInt(site.get(3)), site.get(4),
                    site.get(5), site.get(6), gaps, relational);
        }
    }

    /** A branch's fields cut into one group per condition. */
    private static List<List<List<String>>> groups(List<List<String>> branches, int size) {
        List<List<List<String>>> result = new ArrayList<>();
        for (List<String> branch : branches) {
            List<List<String>> conditions = new ArrayList<>();
            for (int i = 0; i + size <= branch.size(); i += size) {
                conditions.add(branch.subList(i, i + size));
            }
            result.add(conditions);
        }
        return result;
    }

    /** The conditions of a raw site: each branch's fields are subject and comparison pairs. */
    private static QueryConditions conditions(List<List<String>> branches) {
        List<List<Condition>> result = new ArrayList<>();
        for (List<List<String>> branch : groups(branches, 2)) {
            result.add(branch.stream().map(g -> new Condition(g.get(0), Comparison.valueOf(g.get(1)))).toList());
        }
        return new QueryConditions(List.copyOf(result));
    }

    // ---- facts of a file ----

    /** The file's entities, as {@link JpaMapping} registers them, with what judging a query on them needs. */
    private static void entityFacts(SourceFacet sources, JpaMapping jpa, SourceFile file, List<String> lines) {
        int next = 0;
        for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
            if (file.isAnnotated(type, NOT_A_TABLE)) {
                continue;
            }
            Optional<AnnotationExpr> annotation = file.annotation(type, ENTITY);
            if (annotation.isEmpty()) {
                continue;
            }
            String simple = type.getNameAsString();
            String entityName = MappingAnnotations.string(sources, file, annotation.get(), "name")
                    .filter(n -> !n.isBlank()).orElse(simple);
            Optional<AnnotationExpr> table = file.annotation(type, TABLE);
            String tableName = table.flatMap(t -> MappingAnnotations.string(sources, file, t, "name"))
                    .filter(n -> !n.isBlank()).orElse(entityName);
            Entity entity = new Entity(file.qualifiedName(type), simple, entityName, jpa.physical(tableName), file, type);
            String id = String.valueOf(next++);
            lines.add(FactLines.join(ENTITY_FACT, id, entity.qualifiedName(), simple, entityName, entity.table(),
                    optional(jpa.tenantAttribute(entity))));
            table.ifPresent(t -> lines.add(leads(jpa, file, t, entity.table())));
            for (List<String> path : jpa.columnPaths(entity)) {
                jpa.column(entity, path).ifPresent(column -> lines.add(join(List.of(NATIVE_COLUMN_FACT, id),
                        columnFields(column))));
            }
            paths(jpa, entity, id, jpa.attributes(entity.qualifiedName()), List.of(), null, lines);
        }
    }

    /** The leading columns of a {@code @Table}'s indexes and unique constraints, as {@link JpaMapping} reads them. */
    private static String leads(JpaMapping jpa, SourceFile file, AnnotationExpr table, String tableName) {
        List<Object> fields = new ArrayList<>(List.of(LEADS_FACT, JpaMapping.normalize(tableName)));
        jpa.indexLeads(file, table).forEach(first -> addLeading(jpa, fields, first));
        return FactLines.join(fields.toArray());
    }

    private static void addLeading(JpaMapping jpa, List<Object> fields, String column) {
        fields.add(JpaMapping.normalize(column));
        fields.add(JpaMapping.normalize(jpa.physical(column)));
    }

    /**
     * Where each property path within an entity lands, as {@link JpaMapping#column} walks it: a
     * column, an embedded value it goes on into, or a to-one association (its foreign key, and the
     * entity the path goes on into). Paths through an association continue in the target entity's
     * own facts, from the same state {@link JpaMapping#column} starts an entity with.
     */
    private static void paths(JpaMapping jpa, Entity entity, String id, List<Attribute> attributes, List<String> prefix,
            String table, List<String> lines) {
        Set<String> seen = new HashSet<>();
        for (Attribute attribute : attributes) {
            if (!seen.add(attribute.name())) {
                continue; // the walk takes the first attribute of a name
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(attribute.name());
            String dotted = String.join(".", path);
            String current = attribute.table() != null ? attribute.table() : table;
            switch (attribute.kind()) {
                case BASIC, ID -> jpa.column(entity, path).ifPresent(column -> lines.add(join(
                        List.of(PATH_FACT, id, dotted, PATH_COLUMN), columnFields(column))));
                case EMBEDDED, EMBEDDED_ID -> {
                    lines.add(FactLines.join(PATH_FACT, id, dotted, PATH_EMBEDDED));
                    if (path.size() < MAX_PATH) {
                        paths(jpa, entity, id, jpa.attributes(attribute.typeName()), path, current, lines);
                    }
                }
                case TO_ONE -> {
                    AnnotationExpr association = attribute.file().annotation(attribute.annotated(), TO_ONE).orElseThrow();
                    if (MappingAnnotations.attribute(association, "mappedBy").isPresent() || current == null) {
                        continue; // the inverse side: nothing to walk
                    }
                    Optional<Entity> target = jpa.entity(attribute.typeName());
                    Optional<String> targetId = target.flatMap(t -> singleId(jpa, t));
                    List<Object> fields = new ArrayList<>(List.of(PATH_FACT, id, dotted, PATH_ASSOCIATION,
                            optional(target.map(Entity::qualifiedName)), optional(targetId)));
                    fields.addAll(optionalColumnFields(jpa.column(entity, path)));
                    fields.addAll(optionalColumnFields(targetId.flatMap(name -> {
                        List<String> viaId = new ArrayList<>(path);
                        viaId.add(name);
                        return jpa.column(entity, viaId);
                    })));
                    lines.add(FactLines.join(fields.toArray()));
                }
                default -> { }
            }
        }
    }

    /** As {@code JpaMapping.singleId}: the name of the entity's single {@code @Id} attribute. */
    private static Optional<String> singleId(JpaMapping jpa, Entity entity) {
        List<Attribute> ids = jpa.attributes(entity.qualifiedName()).stream()
                .filter(a -> a.kind() == Kind.ID || a.kind() == Kind.EMBEDDED_ID)
                .toList();
        return ids.size() == 1 && ids.get(0).kind() == Kind.ID ? Optional.of(ids.get(0).name()) : Optional.empty();
    }

    /**
     * As {@link JpaMapping#column}, from the entities' facts: a path walks the root entity's paths,
     * and goes on in the facts of the entity a to-one association leads to.
     */
    private static Optional<ColumnRef> column(Model model, EntityFacts root, List<String> path) {
        EntityFacts entity = root;
        int start = 0;
        for (int i = 0; i < path.size() && i < MAX_PATH; i++) {
            List<String> step = entity.paths.get(String.join(".", path.subList(start, i + 1)));
            if (step == null) {
                return Optional.empty();
            }
            boolean last = i == path.size() - 1;
            switch (step.get(0)) {
                case PATH_COLUMN -> {
                    return last ? Optional.of(columnRef(step, 1)) : Optional.empty();
                }
                case PATH_EMBEDDED -> {
                    if (last) {
                        return Optional.empty();
                    }
                }
                case PATH_ASSOCIATION -> {
                    String target = optional(step.get(1));
                    String targetId = optional(step.get(2));
                    if (last) {
                        return optionalColumnRef(step, 3);
                    }
                    if (i == path.size() - 2 && target != null && targetId != null
                            && targetId.equals(path.get(path.size() - 1))) {
                        return optionalColumnRef(step, 11);
                    }
                    if (target == null || !model.byQualifiedName.containsKey(target)) {
                        return Optional.empty();
                    }
                    entity = model.byQualifiedName.get(target);
                    start = i + 1;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The string literals of a file that creates Mongo indexes in code, as {@link MongoMapping#programmaticIndexKeys}. */
    private static void mongoKeyFacts(SourceFile file, List<String> lines) {
        boolean definesIndexes = file.findAll(MethodCallExpr.class).stream()
                .anyMatch(call -> Set.of("ensureIndex", "createIndex", "createIndexes", "indexOps")
                        .contains(call.getNameAsString()));
        if (!definesIndexes) {
            return;
        }
        List<Object> fields = new ArrayList<>(List.of(MONGO_KEYS_FACT));
        for (StringLiteralExpr literal : file.findAll(StringLiteralExpr.class)) {
            fields.add(literal.asString());
        }
        lines.add(FactLines.join(fields.toArray()));
    }

    /** The repository methods of a file whose queries may have gaps. */
    private static void repositoryFacts(SourceFacet sources, JpaMapping jpa, MongoMapping mongo, SourceFile file,
            List<String> lines) {
        int next = 0;
        for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
            if (!type.isInterface() || !type.getTypeParameters().isEmpty()
                    || file.isAnnotated(type, NO_REPOSITORY_BEAN)) {
                continue;
            }
            Optional<String> domain = domainType(sources, file, type);
            if (domain.isEmpty()) {
                continue;
            }
            Optional<Entity> entity = jpa.entity(domain.get());
            Optional<Document> document = mongo.document(domain.get());
            for (MethodDeclaration method : type.getMethods()) {
                if (method.getBody().isPresent() || method.isStatic() || method.isDefault()) {
                    continue;
                }
                Optional<Site> site = entity.isPresent()
                        ? jpaSite(sources, file, jpa, entity.get(), method)
                        : document.filter(d -> !mongo.wildcardIndexed(d))
                                .flatMap(d -> mongoSite(sources, file, mongo, d, method));
                if (site.isEmpty() || site.get().branches().isEmpty()) {
                    continue; // no branch, no gap
                }
                String id = String.valueOf(next++);
                Position at = method.getName().getBegin().orElse(new Position(0, 0));
                lines.add(FactLines.join(SITE_FACT, id, at.line, at.column,
                        file.qualifiedName(type) + "#" + method.getNameAsString(),
                        type.getNameAsString() + "#" + method.getNameAsString(),
                        method.getDeclarationAsString(false, false, true), site.get().kind(), site.get().root()));
                for (List<List<Object>> branch : site.get().branches()) {
                    List<Object> fields = new ArrayList<>(List.of(BRANCH_FACT, id));
                    branch.forEach(fields::addAll);
                    lines.add(FactLines.join(fields.toArray()));
                }
            }
        }
    }

    /** Raw conditions (subject, comparison); empty when one is not understood, which leaves no gap. */
    private static Optional<List<List<List<Object>>>> raw(QueryConditions conditions) {
        List<List<List<Object>>> branches = new ArrayList<>();
        for (List<Condition> branch : conditions.branches()) {
            List<List<Object>> items = new ArrayList<>();
            for (Condition condition : branch) {
                if (!condition.known()) {
                    return Optional.empty();
                }
                items.add(List.of(condition.subject(), condition.comparison().name()));
            }
            branches.add(items);
        }
        return Optional.of(branches);
    }

    /**
     * Whether Hibernate writes the tables from the mapping, so that the JPA annotations are the
     * schema: the configuration says so ({@code ddl-auto} or {@code hbm2ddl.auto} of
     * {@code update}, {@code create}..., Quarkus' {@code database.generation}) and no profile says
     * {@code none} or {@code validate}; or nothing is configured and the database is an embedded
     * one, for which Spring Boot's default is {@code create-drop}. Otherwise the tables come from
     * somewhere Archlint does not read (a SQL script, a DBA, the application module that assembles
     * a library module) and their indexes are unknown. Regressions: elunez/eladmin keeps its schema
     * in {@code sql/eladmin.sql} with {@code ddl-auto: none}, and its library modules
     * ({@code eladmin-logging}, {@code eladmin-generator}) have no configuration at all.
     */
    private static boolean hibernateWritesTheSchema(Codebase codebase) {
        boolean configured = false;
        boolean written = false;
        for (String key : DDL_AUTO_KEYS) {
            for (ConfigEntry entry : codebase.config().get(key)) {
                String value = entry.value() == null ? "" : entry.value().strip().toLowerCase(java.util.Locale.ROOT);
                if (SCHEMA_KEPT_ELSEWHERE.contains(value)) {
                    return false;
                }
                configured = true;
                written |= SCHEMA_WRITTEN.contains(value);
            }
        }
        if (configured) {
            return written;
        }
        boolean embedded = codebase.unavailable(Facet.DEPENDENCIES).isEmpty() && codebase.dependencies()
                .hasNonTest(a -> EMBEDDED_DATABASES.contains(a.groupId() + ":" + a.artifactId()));
        return embedded && codebase.config().get("spring.datasource.url").stream()
                .map(e -> e.value() == null ? "" : e.value().strip().toLowerCase(java.util.Locale.ROOT))
                .allMatch(url -> url.isEmpty() || InMemoryDatabases.isInMemory(url));
    }

    /** Spring Boot names columns in snake case unless the configuration picks a verbatim strategy. */
    private static boolean snakeCaseNaming(Codebase codebase) {
        for (String key : NAMING_KEYS) {
            for (ConfigEntry entry : codebase.config().get(key)) {
                if (entry.value() != null && entry.value().contains("PhysicalNamingStrategyStandardImpl")) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Whether the database creates an index for each foreign key by itself: InnoDB does, so a
     * MySQL or MariaDB module (by its driver or its datasource URL) has its to-one keys indexed.
     */
    private static boolean indexesForeignKeys(Codebase codebase) {
        if (codebase.unavailable(Facet.DEPENDENCIES).isEmpty()
                && codebase.dependencies().hasNonTest(a -> INNODB_DRIVERS.contains(a.groupId() + ":" + a.artifactId()))) {
            return true;
        }
        return codebase.config().get("spring.datasource.url").stream()
                .anyMatch(e -> e.value() != null && (e.value().startsWith("jdbc:mysql:") || e.value().startsWith("jdbc:mariadb:")));
    }

    // ---- repositories ----

    /** The domain type of a repository interface, following the module's own intermediate interfaces. */
    private static Optional<String> domainType(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration type) {
        Optional<AnnotationExpr> definition = file.annotation(type, REPOSITORY_DEFINITION);
        if (definition.isPresent()) {
            return MappingAnnotations.attribute(definition.get(), "domainClass")
                    .filter(ClassExpr.class::isInstance)
                    .map(c -> MappingAnnotations.resolveType(sources, file, type, ((ClassExpr) c).getType().asString()));
        }
        return domainType(sources, file, type, Map.of(), 0);
    }

    private static Optional<String> domainType(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration type,
            Map<String, String> bindings, int depth) {
        if (depth > MAX_HIERARCHY) {
            return Optional.empty();
        }
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            List<Type> arguments = parent.getTypeArguments().map(List::copyOf).orElse(List.of());
            if (file.refersToAny(parent.getNameWithScope(), REPOSITORY_BASES)) {
                if (arguments.isEmpty()) {
                    continue;
                }
                return bound(sources, file, type, arguments.get(0), bindings);
            }
            String parentName = MappingAnnotations.resolveType(sources, file, type, parent.getNameWithScope());
            Optional<ClassOrInterfaceDeclaration> declared = sources.type(parentName)
                    .filter(t -> t.declaration() instanceof ClassOrInterfaceDeclaration)
                    .map(t -> (ClassOrInterfaceDeclaration) t.declaration());
            if (declared.isEmpty()) {
                continue;
            }
            SourceFile parentFile = sources.type(parentName).get().file();
            Map<String, String> parentBindings = new HashMap<>();
            List<TypeParameter> parameters = declared.get().getTypeParameters();
            for (int i = 0; i < parameters.size() && i < arguments.size(); i++) {
                String parameter = parameters.get(i).getNameAsString();
                bound(sources, file, type, arguments.get(i), bindings)
                        .ifPresent(value -> parentBindings.put(parameter, value));
            }
            Optional<String> found = domainType(sources, parentFile, declared.get(), parentBindings, depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> bound(SourceFacet sources, SourceFile file, ClassOrInterfaceDeclaration context,
            Type argument, Map<String, String> bindings) {
        String written = argument.asString();
        if (bindings.containsKey(written)) {
            return Optional.of(bindings.get(written));
        }
        if (!(argument instanceof ClassOrInterfaceType)
                || context.getTypeParameters().stream().anyMatch(p -> p.getNameAsString().equals(written))) {
            return Optional.empty();
        }
        return Optional.of(MappingAnnotations.resolveType(sources, file, context, written));
    }

    // ---- JPA ----

    /** A JPA repository method's query, resolved as far as its own file and its domain type allow. */
    private static Optional<Site> jpaSite(SourceFacet sources, SourceFile file, JpaMapping jpa, Entity entity,
            MethodDeclaration method) {
        Optional<AnnotationExpr> nativeQuery = file.annotation(method, JPA_NATIVE_QUERY);
        Optional<AnnotationExpr> query = file.annotation(method, JPA_QUERY);
        if (nativeQuery.isPresent() || query.isPresent() && MappingAnnotations.isTrue(query.get(), "nativeQuery")) {
            Optional<QueryTexts.Statement> statement = nativeQuery.or(() -> query)
                    .flatMap(q -> MappingAnnotations.string(sources, file, q, "value"))
                    .flatMap(QueryTexts::sql);
            return statement.flatMap(s -> raw(s.where()).map(branches -> new Site(NATIVE, s.root(), branches)));
        }
        if (query.isPresent()) {
            Optional<QueryTexts.Statement> statement = MappingAnnotations.string(sources, file, query.get(), "value")
                    .map(text -> text.replace("#{#entityName}", entity.entityName()))
                    .flatMap(QueryTexts::jpql);
            // The root names an entity by its entity name: judged against the entities' facts.
            return statement.flatMap(s -> raw(s.where()).map(branches -> new Site(JPQL, s.root(), branches)));
        }
        if (jpa.namedQueries(entity).contains(entity.entityName() + "." + method.getNameAsString())
                || hasOtherQuery(method)) {
            return Optional.empty();
        }
        QueryConditions conditions = withTenant(jpa.tenantAttribute(entity).orElse(null),
                DerivedQueryNames.parse(method.getNameAsString()));
        List<List<List<Object>>> branches = new ArrayList<>();
        for (List<Condition> branch : conditions.branches()) {
            List<List<Object>> items = new ArrayList<>();
            for (Condition c : branch) {
                Optional<ColumnRef> column = c.known()
                        ? DerivedQueryNames.resolve(entity.qualifiedName(), c.subject(), jpa::propertyType)
                                .flatMap(path -> jpa.column(entity, path))
                        : Optional.empty();
                if (column.isEmpty()) {
                    return Optional.empty(); // a condition off the model: no gap
                }
                List<Object> item = new ArrayList<>(List.of(c.comparison().name()));
                item.addAll(columnFields(column.get()));
                items.add(item);
            }
            branches.add(items);
        }
        return Optional.of(new Site(DERIVED, "", branches));
    }

    /** A query annotation the rule does not read: the method name says nothing about the query then. */
    private static boolean hasOtherQuery(MethodDeclaration method) {
        return method.getAnnotations().stream().anyMatch(a -> OTHER_QUERY_ANNOTATIONS.contains(a.getName().getIdentifier()));
    }

    /** Adds Hibernate's implicit {@code tenant = :current} condition to every branch of a multi-tenant entity's query. */
    private static QueryConditions withTenant(String tenant, QueryConditions conditions) {
        if (tenant == null || conditions.isEmpty()) {
            return conditions;
        }
        return conditions.and(QueryConditions.of(new Condition(tenant, Comparison.EQUAL)));
    }

    private static Optional<Target> nativeTarget(Model model, SchemaView schema, String table, Condition condition) {
        if (!condition.known()) {
            return Optional.empty();
        }
        String column = condition.subject();
        Optional<EntityFacts> entity = model.entityForTable(table);
        if (entity.isPresent()) {
            for (ColumnRef ref : entity.get().columns) {
                if (JpaMapping.normalize(ref.column()).equals(JpaMapping.normalize(column))
                        && JpaMapping.normalize(ref.table()).equals(JpaMapping.normalize(table))) {
                    return judge(model, schema, ref, condition.comparison());
                }
            }
        }
        if (!schema.covers(table)) {
            return Optional.empty();
        }
        String owner = entity.map(e -> e.simpleName).orElse(null);
        return judge(model, schema, new ColumnRef(JpaMapping.normalize(table), column, owner, false, false, false, false),
                condition.comparison());
    }

    /** Whether an index serves the column: from the mapping annotations, or from the migrations when they create the table. */
    private static Optional<Target> judge(Model model, SchemaView schema, ColumnRef column, Comparison comparison) {
        boolean migrated = schema.covers(column.table());
        if (schema.available() && !migrated) {
            return Optional.empty(); // migrations exist but none creates this table: its origin is unknown
        }
        if (migrated && !schema.hasColumn(column.table(), column.column())) {
            return Optional.empty(); // the mapping and the migrations disagree on the name
        }
        boolean indexed = column.indexed()
                || model.tableIndexLeads(column.table(), column.column())
                || migrated && schema.isIndexed(column.table(), column.column())
                || !migrated && column.impliedUnique();
        boolean candidate = (comparison == Comparison.EQUAL || comparison == Comparison.RANGE)
                && !column.lowSelectivity() && !column.unindexable();
        String table = column.table();
        String name = column.column();
        String migration = "`CREATE INDEX idx_" + table.replace('.', '_') + "_" + name + " ON " + table + " (" + name + ")`";
        String annotation = migrated || column.entity() == null ? null
                : "`@Index(columnList = \"" + name + "\")` on `" + column.entity() + "`";
        return Optional.of(new Target(table, name, indexed, candidate, comparison, migration, annotation));
    }

    // ---- MongoDB ----

    /** A Mongo repository method's query, each condition resolved to its document field. */
    private static Optional<Site> mongoSite(SourceFacet sources, SourceFile file, MongoMapping mongo, Document document,
            MethodDeclaration method) {
        Optional<AnnotationExpr> query = file.annotation(method, MONGO_QUERY);
        QueryConditions conditions;
        Function<Condition, Optional<FieldRef>> resolver;
        if (query.isPresent()) {
            Optional<QueryConditions> parsed = MappingAnnotations.string(sources, file, query.get(), "value")
                    .or(() -> MappingAnnotations.string(sources, file, query.get(), "filter"))
                    .flatMap(QueryTexts::mongo);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            conditions = parsed.get();
            resolver = c -> mongo.field(document, List.of(c.subject().split("\\.")));
        } else {
            if (hasOtherQuery(method)) {
                return Optional.empty();
            }
            conditions = DerivedQueryNames.parse(method.getNameAsString());
            resolver = c -> DerivedQueryNames.resolve(document.qualifiedName(), c.subject(), mongo::propertyType)
                    .flatMap(path -> mongo.field(document, path));
        }
        List<List<List<Object>>> branches = new ArrayList<>();
        for (List<Condition> branch : conditions.branches()) {
            List<List<Object>> items = new ArrayList<>();
            for (Condition c : branch) {
                Optional<FieldRef> field = c.known() ? resolver.apply(c) : Optional.empty();
                if (field.isEmpty()) {
                    return Optional.empty(); // a condition off the model: no gap
                }
                FieldRef f = field.get();
                String annotation = f.propertyPath().contains(".")
                        ? "`@CompoundIndex(def = \"{'" + f.fieldPath() + "': 1}\")` on `" + document.simpleName() + "`"
                        : "`@Indexed` on `" + document.simpleName() + "." + f.propertyPath() + "`";
                items.add(List.of(c.comparison().name(), f.collection(), f.fieldPath(), f.propertyPath(),
                        f.lowSelectivity(), f.indexed(), annotation));
            }
            branches.add(items);
        }
        return Optional.of(new Site(MONGO, "", branches));
    }

    /** A Mongo field (comparison, collection, field path, property path, low selectivity, indexed, annotation), judged. */
    private static Target judgeMongo(Model model, List<String> field) {
        Comparison comparison = Comparison.valueOf(field.get(0));
        boolean indexed = Boolean.parseBoolean(field.get(5)) || model.programmaticMongoKeys.contains(field.get(2))
                || model.programmaticMongoKeys.contains(field.get(3));
        boolean candidate = (comparison == Comparison.EQUAL || comparison == Comparison.RANGE)
                && !Boolean.parseBoolean(field.get(4));
        return new Target(field.get(1), field.get(2), indexed, candidate, comparison, null, field.get(6));
    }

    // ---- judging ----

    /**
     * The branches of a filter that no index serves. A branch is served when one of its columns
     * leads an index (the database can start there). A branch that holds a selective condition
     * (equality, {@code IN} or a range on a column that is not a boolean or an enum) is a gap. Any
     * other branch (a condition the rule does not understand, or only conditions no plain index
     * serves: booleans, enums, null checks, {@code LIKE}, not-equal) means the database scans
     * for that branch anyway, so an index for the other branches would not help: no gaps then.
     */
    private static <C> List<Gap> gaps(List<List<C>> branches, Function<C, Optional<Target>> resolver) {
        List<Gap> gaps = new ArrayList<>();
        for (List<C> branch : branches) {
            List<Target> targets = new ArrayList<>();
            for (C condition : branch) {
                Optional<Target> target = resolver.apply(condition);
                if (target.isEmpty()) {
                    return List.of();
                }
                targets.add(target.get());
            }
            if (targets.stream().anyMatch(Target::indexed)) {
                continue;
            }
            List<Target> candidates = targets.stream().filter(Target::candidate).toList();
            if (candidates.isEmpty()) {
                return List.of();
            }
            Target lead = candidates.stream().filter(t -> t.comparison() == Comparison.EQUAL).findFirst()
                    .orElse(candidates.get(0));
            gaps.add(new Gap(candidates, lead));
        }
        return gaps;
    }

    private static void report(FindingCollector findings, String path, int line, int column, String symbol, String name,
            String evidence, List<Gap> gaps, boolean relational) {
        Set<String> columns = new LinkedHashSet<>();
        Set<String> migrations = new LinkedHashSet<>();
        Set<String> annotations = new LinkedHashSet<>();
        boolean annotationsEverywhere = true;
        for (Gap gap : gaps) {
            gap.columns().forEach(t -> columns.add("`" + t.owner() + "." + t.column() + "`"));
            if (gap.lead().migration() != null) {
                migrations.add(gap.lead().migration());
            }
            if (gap.lead().annotation() != null) {
                annotations.add(gap.lead().annotation());
            } else {
                annotationsEverywhere = false;
            }
        }
        String queried = columns.size() == 1 ? join(columns) + ", which has no index"
                : join(columns) + ", none of which has an index";
        String fix;
        if (!relational) {
            fix = "add " + join(annotations);
        } else if (!annotationsEverywhere) {
            fix = "add " + join(migrations) + " in a migration";
        } else {
            fix = "add " + join(migrations) + " in a migration or " + join(annotations);
        }
        findings.report(path, line, column, symbol, name + " queries " + queried + "; " + fix, evidence);
    }

    private static String join(Set<String> items) {
        List<String> list = List.copyOf(items);
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    }

    // ---- fact fields ----

    private static String join(List<Object> head, List<Object> tail) {
        List<Object> fields = new ArrayList<>(head);
        fields.addAll(tail);
        return FactLines.join(fields.toArray());
    }

    /** An optional value as one field: {@code -} when absent, {@code +value} when present. */
    private static String optional(Optional<String> value) {
        return value.map(v -> "+" + v).orElse("-");
    }

    private static String optional(String field) {
        return field.startsWith("+") ? field.substring(1) : null;
    }

    private static List<Object> columnFields(ColumnRef column) {
        return List.of(column.table(), column.column(), optional(Optional.ofNullable(column.entity())),
                column.lowSelectivity(), column.unindexable(), column.indexed(), column.impliedUnique());
    }

    private static ColumnRef columnRef(List<String> fields, int at) {
        return new ColumnRef(fields.get(at), fields.get(at + 1), optional(fields.get(at + 2)),
                Boolean.parseBoolean(fields.get(at + 3)), Boolean.parseBoolean(fields.get(at + 4)),
                Boolean.parseBoolean(fields.get(at + 5)), Boolean.parseBoolean(fields.get(at + 6)));
    }

    /** An optional column as eight fields: present or not, then the column's. */
    private static List<Object> optionalColumnFields(Optional<ColumnRef> column) {
        List<Object> fields = new ArrayList<>(List.of(column.isPresent()));
        fields.addAll(column.map(MissingIndexRule::columnFields).orElse(List.of("", "", "-", false, false, false, false)));
        return fields;
    }

    private static Optional<ColumnRef> optionalColumnRef(List<String> fields, int at) {
        return Boolean.parseBoolean(fields.get(at)) ? Optional.of(columnRef(fields, at + 1)) : Optional.empty();
    }

    /**
     * The schema the module's migrations build, or without migrations the schemas of its SQL
     * initialization scripts ({@code schema.sql}, one per database), read on first use (only
     * modules with JPA repositories need it). With several scripts, a table, column or index that
     * one of them has counts: which one runs depends on the database.
     */
    private static final class SchemaView {
        private final Codebase codebase;
        private List<Schema> schemas;

        private SchemaView(Codebase codebase) {
            this.codebase = codebase;
        }

        static SchemaView of(Codebase codebase) {
            return new SchemaView(codebase);
        }

        private List<Schema> schemas() {
            if (schemas == null) {
                if (codebase.unavailable(Facet.MIGRATIONS).isEmpty()) {
                    schemas = List.of(codebase.migrations().schema());
                } else {
                    schemas = codebase.migrations().schemaScripts().stream().map(SchemaScript::schema).toList();
                }
            }
            return schemas;
        }

        /** Whether migrations or schema scripts exist: then they, not Hibernate, define the schema. */
        boolean available() {
            return !schemas().isEmpty();
        }

        boolean covers(String table) {
            return schemas().stream().anyMatch(s -> s.tables().contains(JpaMapping.normalize(table)));
        }

        boolean hasColumn(String table, String column) {
            return schemas().stream().anyMatch(s -> s.columns(table).contains(JpaMapping.normalize(column)));
        }

        boolean isIndexed(String table, String column) {
            return schemas().stream().anyMatch(s -> s.isIndexed(table, column));
        }
    }
}
