package io.archlint.rules.database;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.Dependency;
import io.archlint.engine.dependencies.DependencyGraph;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** See {@code no-connection-pool.md}. */
@RuleInfo(
        id = "no-connection-pool",
        title = "Database connections are opened without a connection pool",
        category = Category.DATABASE,
        severity = Severity.ERROR,
        facets = {Facet.DEPENDENCIES, Facet.SOURCES, Facet.CONFIG},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "Opening a physical database connection per request costs a TCP and authentication round trip "
                + "each time; the backend technologies article names missing connection pooling as a common "
                + "pitfall and credits pooling with a 5-10x performance boost")
public final class NoConnectionPoolRule implements Rule {

    /** JDBC drivers; Quarkus {@code quarkus-jdbc-*} extensions bring one of these, so their path shows. */
    private static final Predicate<Artifact> DRIVER = a -> switch (a.groupId()) {
        case "org.postgresql" -> a.artifactId().equals("postgresql");
        case "com.mysql" -> a.artifactId().equals("mysql-connector-j");
        case "mysql" -> a.artifactId().equals("mysql-connector-java");
        case "org.mariadb.jdbc" -> a.artifactId().equals("mariadb-java-client");
        case "com.microsoft.sqlserver" -> a.artifactId().equals("mssql-jdbc");
        case "com.oracle.database.jdbc", "com.oracle.ojdbc" -> a.artifactId().startsWith("ojdbc");
        case "com.ibm.db2" -> a.artifactId().equals("jcc");
        case "org.xerial" -> a.artifactId().equals("sqlite-jdbc");
        case "com.h2database" -> a.artifactId().equals("h2");
        case "org.hsqldb" -> a.artifactId().equals("hsqldb");
        case "org.apache.derby" -> a.artifactId().equals("derby") || a.artifactId().equals("derbyclient");
        case "org.firebirdsql.jdbc" -> a.artifactId().equals("jaybird");
        case "com.clickhouse" -> a.artifactId().equals("clickhouse-jdbc");
        default -> false;
    };

    /** Connection pools; a pool that arrives transitively (Spring Boot's JDBC starter brings HikariCP) counts. */
    private static final Predicate<Artifact> POOL = a -> switch (a.groupId()) {
        case "com.zaxxer" -> a.artifactId().startsWith("HikariCP");
        case "com.mchange", "c3p0" -> a.artifactId().equals("c3p0");
        case "org.apache.commons" -> a.artifactId().equals("commons-dbcp2");
        case "commons-dbcp" -> a.artifactId().equals("commons-dbcp");
        case "org.apache.tomcat" -> a.artifactId().equals("tomcat-jdbc") || a.artifactId().equals("tomcat-dbcp");
        case "com.alibaba" -> a.artifactId().startsWith("druid");
        case "io.agroal" -> a.artifactId().equals("agroal-pool");
        case "io.quarkus" -> a.artifactId().equals("quarkus-agroal");
        case "org.vibur" -> a.artifactId().equals("vibur-dbcp");
        case "com.oracle.database.jdbc" -> a.artifactId().startsWith("ucp");
        // MyBatis ships its own PooledDataSource, the usual choice of a standalone MyBatis setup.
        case "org.mybatis" -> a.artifactId().equals("mybatis");
        default -> false;
    };

    /** Jakarta EE / Java EE platform APIs: the application server supplies pooled data sources. */
    private static final Predicate<Artifact> CONTAINER_PLATFORM = a ->
            (a.groupId().equals("jakarta.platform") && a.artifactId().startsWith("jakarta.jakartaee-"))
                    || (a.groupId().equals("javax") && (a.artifactId().equals("javaee-api")
                            || a.artifactId().equals("javaee-web-api")));

    /** Spring's data sources that open a connection per {@code getConnection()} or share one. */
    private static final List<String> NON_POOLING_SPRING = List.of(
            "org.springframework.jdbc.datasource.DriverManagerDataSource",
            "org.springframework.jdbc.datasource.SimpleDriverDataSource",
            "org.springframework.jdbc.datasource.SingleConnectionDataSource");

    /** Driver-supplied data sources Spring Boot can bind to {@code spring.datasource.type}; none pools. */
    private static final Set<String> NON_POOLING_DRIVER_TYPES = Set.of(
            "org.postgresql.ds.PGSimpleDataSource",
            "org.h2.jdbcx.JdbcDataSource",
            "com.mysql.cj.jdbc.MysqlDataSource",
            "org.mariadb.jdbc.MariaDbDataSource",
            "com.microsoft.sqlserver.jdbc.SQLServerDataSource",
            "oracle.jdbc.pool.OracleDataSource",
            "oracle.jdbc.datasource.impl.OracleDataSource",
            "org.sqlite.SQLiteDataSource");

    private static final String DRIVER_MANAGER = "java.sql.DriverManager";
    private static final String SINGLE_CONNECTION = "org.springframework.jdbc.datasource.SingleConnectionDataSource";
    private static final String DATASOURCE_TYPE = "spring.datasource.type";

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        List<ConfigEntry> types = codebase.config().get(DATASOURCE_TYPE);
        checkDependencies(codebase.dependencies(), types, findings);
        for (SourceFile file : codebase.sources().files()) {
            checkSource(codebase.sources(), file, findings);
        }
        for (ConfigEntry entry : types) {
            if (isNonPooling(entry.value())) {
                findings.report(entry.file(), entry.line(), 0, entry.key(), "`" + DATASOURCE_TYPE + "` is `"
                        + entry.value().strip() + "`, which pools no connections; remove the property so Spring Boot "
                        + "uses HikariCP, or name a pooling data source", entry.key() + "=" + entry.value().strip());
            }
        }
    }

    private static void checkDependencies(DependencyGraph graph, List<ConfigEntry> types, FindingCollector findings) {
        List<Dependency> drivers = graph.matching(d -> d.isRuntime() && DRIVER.test(d.artifact()));
        if (drivers.isEmpty() || graph.hasNonTest(POOL) || graph.hasNonTest(CONTAINER_PLATFORM)) {
            return;
        }
        // A data source type the rule does not know as non-pooling is the user's explicit choice of pool.
        if (types.stream().anyMatch(t -> !t.value().isBlank() && !isNonPooling(t.value()))) {
            return;
        }
        String fix = fix(graph);
        for (Dependency driver : drivers) {
            Dependency.Declaration at = driver.declaredAt();
            String message = "JDBC driver `" + driver.artifact() + "` is on the runtime classpath ("
                    + driver.describePath(graph.root().artifactId()) + ") but no connection pool is; " + fix;
            findings.report(at == null ? "pom.xml" : at.file(), at == null ? 0 : at.line(), at == null ? 0 : at.column(),
                    driver.path().get(0).key(), message, driver.artifact().key());
        }
    }

    /** The pool the module's framework integrates with. */
    private static String fix(DependencyGraph graph) {
        if (graph.hasNonTest(a -> a.groupId().equals("io.quarkus"))) {
            return "add Agroal (`io.quarkus:quarkus-agroal`) and configure the datasource through it";
        }
        if (graph.hasNonTest(a -> a.groupId().startsWith("io.micronaut"))) {
            return "add HikariCP (`io.micronaut.sql:micronaut-jdbc-hikari`) and configure the datasource through it";
        }
        return "add HikariCP (`com.zaxxer:HikariCP`, which `spring-boot-starter-jdbc` brings) and configure the "
                + "data source through it";
    }

    private static boolean isNonPooling(String type) {
        String name = type.strip();
        return NON_POOLING_SPRING.contains(name) || NON_POOLING_DRIVER_TYPES.contains(name);
    }

    private static void checkSource(SourceFacet sources, SourceFile file, FindingCollector findings) {
        for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
            if (call.getNameAsString().equals("getConnection") && callsDriverManager(sources, file, call)
                    && !inMainMethod(call)) {
                findings.report(file, call, JavaSource.symbol(file, call), "`" + JavaSource.shortSymbol(call)
                        + "` opens a connection with `DriverManager.getConnection`, a new physical connection per call; "
                        + "inject a pooled `DataSource` (HikariCP) and take connections from it");
            }
        }
        for (ObjectCreationExpr creation : file.findAll(ObjectCreationExpr.class)) {
            String written = creation.getType().getNameWithScope();
            for (String type : NON_POOLING_SPRING) {
                if (JavaSource.denotes(sources, file, written, type)
                        && !(type.equals(SINGLE_CONNECTION) && inMainMethod(creation))) {
                    findings.report(file, creation, JavaSource.symbol(file, creation), "`"
                            + JavaSource.shortSymbol(creation) + "` creates a `" + simpleName(type) + "`, "
                            + poolingProblem(type) + "; use a pooled `DataSource` such as `HikariDataSource` "
                            + "(Spring Boot configures one from `spring.datasource.*`)");
                }
            }
        }
        for (ClassExpr literal : file.findAll(ClassExpr.class)) {
            Optional<String> type = NON_POOLING_SPRING.stream()
                    .filter(t -> JavaSource.denotes(sources, file, literal.getType().asString(), t))
                    .findFirst();
            if (type.isPresent() && isDataSourceBuilderType(literal)) {
                findings.report(file, literal, JavaSource.symbol(file, literal), "`" + JavaSource.shortSymbol(literal)
                        + "` builds the data source as `" + simpleName(type.get()) + "`, " + poolingProblem(type.get())
                        + "; drop `.type(..)` so Spring Boot picks HikariCP, or name a pooling data source");
            }
        }
    }

    /** {@code DataSourceBuilder.create().type(SimpleDriverDataSource.class)}. */
    private static boolean isDataSourceBuilderType(ClassExpr literal) {
        return literal.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getNameAsString().equals("type") && call.getArguments().size() == 1;
    }

    private static String poolingProblem(String type) {
        return type.equals(SINGLE_CONNECTION)
                ? "which shares one unpooled connection between all callers"
                : "which opens a new physical connection for every `getConnection()`";
    }

    /** {@code DriverManager.getConnection(..)}, qualified or through a static import. */
    private static boolean callsDriverManager(SourceFacet sources, SourceFile file, MethodCallExpr call) {
        if (call.getScope().isPresent()) {
            return JavaSource.isTypeName(sources, file, call.getScope().get(), DRIVER_MANAGER);
        }
        boolean imported = false;
        for (ImportDeclaration declaration : file.unit().getImports()) {
            String name = declaration.getNameAsString();
            imported |= declaration.isStatic() && (declaration.isAsterisk() && name.equals(DRIVER_MANAGER)
                    || !declaration.isAsterisk() && name.equals(DRIVER_MANAGER + ".getConnection"));
        }
        // A getConnection() of the class's own hides the static import.
        return imported && !declaresMethod(call, "getConnection");
    }

    private static boolean declaresMethod(Node node, String name) {
        for (Node n = node.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof TypeDeclaration<?> type && !type.getMethodsByName(name).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** A command-line tool's {@code main} opens its one connection once. */
    private static boolean inMainMethod(Node node) {
        return JavaSource.enclosingCallable(node)
                .filter(c -> c instanceof MethodDeclaration m && JavaSource.isMainMethod(m))
                .isPresent();
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
