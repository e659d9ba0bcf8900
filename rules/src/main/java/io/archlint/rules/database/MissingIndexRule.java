package io.archlint.rules.database;

import com.github.javaparser.Position;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.ast.type.TypeParameter;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.migrations.Schema;
import io.archlint.engine.migrations.SchemaScript;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.rules.database.JpaMapping.ColumnRef;
import io.archlint.rules.database.JpaMapping.Entity;
import io.archlint.rules.database.MongoMapping.Document;
import io.archlint.rules.database.MongoMapping.FieldRef;
import io.archlint.rules.database.QueryConditions.Comparison;
import io.archlint.rules.database.QueryConditions.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
public final class MissingIndexRule implements Rule {

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

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        JpaMapping jpa = new JpaMapping(sources, snakeCaseNaming(codebase), indexesForeignKeys(codebase));
        MongoMapping mongo = new MongoMapping(sources);
        SchemaView schema = SchemaView.of(codebase);
        // Without migrations the mapping is the schema only where Hibernate writes it.
        boolean mappingIsTheSchema = schema.available() || hibernateWritesTheSchema(codebase);
        Set<String> programmaticMongoKeys = MongoMapping.programmaticIndexKeys(sources);
        for (SourceFile file : sources.files()) {
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
                    if (entity.isPresent() && !mappingIsTheSchema) {
                        continue;
                    }
                    List<Gap> gaps = entity.isPresent()
                            ? jpaGaps(sources, file, jpa, schema, entity.get(), method)
                            : document.filter(d -> !mongo.wildcardIndexed(d))
                                    .map(d -> mongoGaps(sources, file, mongo, programmaticMongoKeys, d, method))
                                    .orElse(List.of());
                    if (!gaps.isEmpty()) {
                        report(findings, file, type, method, gaps, entity.isPresent());
                    }
                }
            }
        }
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

    private static List<Gap> jpaGaps(SourceFacet sources, SourceFile file, JpaMapping jpa, SchemaView schema,
            Entity entity, MethodDeclaration method) {
        Optional<AnnotationExpr> nativeQuery = file.annotation(method, JPA_NATIVE_QUERY);
        Optional<AnnotationExpr> query = file.annotation(method, JPA_QUERY);
        if (nativeQuery.isPresent() || query.isPresent() && MappingAnnotations.isTrue(query.get(), "nativeQuery")) {
            Optional<QueryTexts.Statement> statement = nativeQuery.or(() -> query)
                    .flatMap(q -> MappingAnnotations.string(sources, file, q, "value"))
                    .flatMap(QueryTexts::sql);
            return statement.map(s -> gaps(s.where(), c -> nativeTarget(jpa, schema, s.root(), c))).orElse(List.of());
        }
        if (query.isPresent()) {
            Optional<QueryTexts.Statement> statement = MappingAnnotations.string(sources, file, query.get(), "value")
                    .map(text -> text.replace("#{#entityName}", entity.entityName()))
                    .flatMap(QueryTexts::jpql);
            if (statement.isEmpty()) {
                return List.of();
            }
            Optional<Entity> root = jpa.entityNamed(statement.get().root());
            if (root.isEmpty()) {
                return List.of();
            }
            return gaps(withTenant(jpa, root.get(), statement.get().where()),
                    c -> jpaTarget(jpa, schema, root.get(), List.of(c.subject().split("\\.")), c.comparison()));
        }
        if (jpa.namedQueries(entity).contains(entity.entityName() + "." + method.getNameAsString())
                || hasOtherQuery(method)) {
            return List.of();
        }
        QueryConditions conditions = withTenant(jpa, entity, DerivedQueryNames.parse(method.getNameAsString()));
        return gaps(conditions, c -> DerivedQueryNames.resolve(entity.qualifiedName(), c.subject(), jpa::propertyType)
                .flatMap(path -> jpaTarget(jpa, schema, entity, path, c.comparison())));
    }

    /** A query annotation the rule does not read: the method name says nothing about the query then. */
    private static boolean hasOtherQuery(MethodDeclaration method) {
        return method.getAnnotations().stream().anyMatch(a -> OTHER_QUERY_ANNOTATIONS.contains(a.getName().getIdentifier()));
    }

    /** Adds Hibernate's implicit {@code tenant = :current} condition to every branch of a multi-tenant entity's query. */
    private static QueryConditions withTenant(JpaMapping jpa, Entity entity, QueryConditions conditions) {
        Optional<String> tenant = jpa.tenantAttribute(entity);
        if (tenant.isEmpty() || conditions.isEmpty()) {
            return conditions;
        }
        return conditions.and(QueryConditions.of(new Condition(tenant.get(), Comparison.EQUAL)));
    }

    private static Optional<Target> jpaTarget(JpaMapping jpa, SchemaView schema, Entity root, List<String> path,
            Comparison comparison) {
        return jpa.column(root, path).flatMap(column -> judge(jpa, schema, column, comparison));
    }

    private static Optional<Target> nativeTarget(JpaMapping jpa, SchemaView schema, String table, Condition condition) {
        String column = condition.subject();
        Optional<Entity> entity = jpa.entityForTable(table);
        if (entity.isPresent()) {
            for (List<String> path : jpa.columnPaths(entity.get())) {
                Optional<ColumnRef> ref = jpa.column(entity.get(), path)
                        .filter(c -> JpaMapping.normalize(c.column()).equals(JpaMapping.normalize(column))
                                && JpaMapping.normalize(c.table()).equals(JpaMapping.normalize(table)));
                if (ref.isPresent()) {
                    return judge(jpa, schema, ref.get(), condition.comparison());
                }
            }
        }
        if (!schema.covers(table)) {
            return Optional.empty();
        }
        String owner = entity.map(Entity::simpleName).orElse(null);
        return judge(jpa, schema, new ColumnRef(JpaMapping.normalize(table), column, owner, false, false, false, false),
                condition.comparison());
    }

    /** Whether an index serves the column: from the mapping annotations, or from the migrations when they create the table. */
    private static Optional<Target> judge(JpaMapping jpa, SchemaView schema, ColumnRef column, Comparison comparison) {
        boolean migrated = schema.covers(column.table());
        if (schema.available() && !migrated) {
            return Optional.empty(); // migrations exist but none creates this table: its origin is unknown
        }
        if (migrated && !schema.hasColumn(column.table(), column.column())) {
            return Optional.empty(); // the mapping and the migrations disagree on the name
        }
        boolean indexed = column.indexed()
                || jpa.tableIndexLeads(column.table(), column.column())
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

    private static List<Gap> mongoGaps(SourceFacet sources, SourceFile file, MongoMapping mongo, Set<String> programmatic,
            Document document, MethodDeclaration method) {
        Optional<AnnotationExpr> query = file.annotation(method, MONGO_QUERY);
        QueryConditions conditions;
        if (query.isPresent()) {
            Optional<QueryConditions> parsed = MappingAnnotations.string(sources, file, query.get(), "value")
                    .or(() -> MappingAnnotations.string(sources, file, query.get(), "filter"))
                    .flatMap(QueryTexts::mongo);
            if (parsed.isEmpty()) {
                return List.of();
            }
            return gaps(parsed.get(), c -> mongo.field(document, List.of(c.subject().split("\\.")))
                    .map(f -> judge(document, f, programmatic, c.comparison())));
        }
        if (hasOtherQuery(method)) {
            return List.of();
        }
        conditions = DerivedQueryNames.parse(method.getNameAsString());
        return gaps(conditions, c -> DerivedQueryNames.resolve(document.qualifiedName(), c.subject(), mongo::propertyType)
                .flatMap(path -> mongo.field(document, path))
                .map(f -> judge(document, f, programmatic, c.comparison())));
    }

    private static Target judge(Document document, FieldRef field, Set<String> programmatic, Comparison comparison) {
        boolean indexed = field.indexed() || programmatic.contains(field.fieldPath())
                || programmatic.contains(field.propertyPath());
        boolean candidate = (comparison == Comparison.EQUAL || comparison == Comparison.RANGE) && !field.lowSelectivity();
        String annotation = field.propertyPath().contains(".")
                ? "`@CompoundIndex(def = \"{'" + field.fieldPath() + "': 1}\")` on `" + document.simpleName() + "`"
                : "`@Indexed` on `" + document.simpleName() + "." + field.propertyPath() + "`";
        return new Target(field.collection(), field.fieldPath(), indexed, candidate, comparison, null, annotation);
    }

    // ---- judging ----

    private interface Resolver {
        Optional<Target> target(Condition condition);
    }

    /**
     * The branches of a filter that no index serves. A branch is served when one of its columns
     * leads an index (the database can start there). A branch that holds a selective condition
     * (equality, {@code IN} or a range on a column that is not a boolean or an enum) is a gap. Any
     * other branch (a condition the rule does not understand, or only conditions no plain index
     * serves: booleans, enums, null checks, {@code LIKE}, not-equal) means the database scans
     * for that branch anyway, so an index for the other branches would not help: no gaps then.
     */
    private static List<Gap> gaps(QueryConditions conditions, Resolver resolver) {
        List<Gap> gaps = new ArrayList<>();
        for (List<Condition> branch : conditions.branches()) {
            List<Target> targets = new ArrayList<>();
            for (Condition condition : branch) {
                Optional<Target> target = condition.known() ? resolver.target(condition) : Optional.empty();
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

    private static void report(FindingCollector findings, SourceFile file, ClassOrInterfaceDeclaration repository,
            MethodDeclaration method, List<Gap> gaps, boolean relational) {
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
        String name = repository.getNameAsString() + "#" + method.getNameAsString();
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
        Position at = method.getName().getBegin().orElse(new Position(0, 0));
        findings.report(file.path(), at.line, at.column, file.qualifiedName(repository) + "#" + method.getNameAsString(),
                name + " queries " + queried + "; " + fix, method.getDeclarationAsString(false, false, true));
    }

    private static String join(Set<String> items) {
        List<String> list = List.copyOf(items);
        if (list.size() == 1) {
            return list.get(0);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
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
