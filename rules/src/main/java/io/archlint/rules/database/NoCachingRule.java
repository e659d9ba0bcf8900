package io.archlint.rules.database;

import com.github.javaparser.Position;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.FactLines;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.RuleParameter;
import io.archlint.engine.Severity;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.source.Endpoint;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.WebControllers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Predicate;

/** See {@code no-caching.md}. */
@RuleInfo(
        id = "no-caching",
        title = "Read endpoints and a database but no cache",
        category = Category.DATABASE,
        severity = Severity.INFO,
        facets = {Facet.SOURCES, Facet.DEPENDENCIES},
        since = "0.1.0",
        parameters = @RuleParameter(name = NoCachingRule.MIN_READ_ENDPOINTS, defaultValue = "2",
                description = "GET endpoints a module needs before the missing cache is reported"),
        reason = "Every read goes to the database when nothing is cached; the backend technologies article's "
                + "pitfall #5 is not caching, and it credits a Redis cache with a 90% database load reduction")
public final class NoCachingRule implements ModuleFactsRule {

    static final String MIN_READ_ENDPOINTS = "minReadEndpoints";

    /** Cache libraries; test scope does not count. A Redis client alone does not: it may hold sessions or locks. */
    private static final Predicate<Artifact> CACHE_LIBRARY = a -> {
        String group = a.groupId();
        String artifact = a.artifactId();
        return switch (group) {
            case "org.springframework.boot" -> artifact.equals("spring-boot-starter-cache");
            case "com.github.ben-manes.caffeine", "org.ehcache", "net.sf.ehcache", "javax.cache", "com.hazelcast",
                    "org.infinispan", "io.micronaut.cache", "org.cache2k" -> true;
            case "io.quarkus" -> artifact.equals("quarkus-cache") || artifact.startsWith("quarkus-cache-")
                    || artifact.equals("quarkus-redis-cache");
            default -> false;
        };
    };

    /** Redis and Memcached clients: with a module type named like a cache they back a hand-written cache. */
    private static final Predicate<Artifact> CACHE_STORE_CLIENT = a -> switch (a.groupId()) {
        case "org.springframework.data" -> a.artifactId().equals("spring-data-redis");
        case "redis.clients", "io.lettuce", "org.redisson", "net.spy", "com.googlecode.xmemcached",
                "io.micronaut.redis" -> true;
        case "io.quarkus" -> a.artifactId().equals("quarkus-redis-client");
        default -> false;
    };

    /** Packages whose import shows a cache in the code: Spring's abstraction, JCache, Caffeine, Guava's cache. */
    private static final List<String> CACHE_PACKAGES = List.of("org.springframework.cache.", "javax.cache.",
            "com.github.benmanes.caffeine.cache.", "com.google.common.cache.", "io.quarkus.cache.", "io.micronaut.cache.",
            "org.ehcache.", "com.hazelcast.", "org.infinispan.", "org.cache2k.");

    /** Types whose import shows a hand-written cache: Redis templates and clients, HTTP caching headers. */
    private static final Set<String> CACHE_TYPES = Set.of(
            "org.springframework.data.redis.core.RedisTemplate",
            "org.springframework.data.redis.core.StringRedisTemplate",
            "org.springframework.data.redis.core.ReactiveRedisTemplate",
            "org.springframework.data.redis.core.ReactiveStringRedisTemplate",
            "org.springframework.data.redis.cache.RedisCacheManager",
            "org.redisson.api.RedissonClient", "org.redisson.api.RMapCache",
            "org.springframework.http.CacheControl",
            "org.springframework.web.filter.ShallowEtagHeaderFilter");

    /** Caching annotations, also when written with their qualified name and no import. */
    private static final List<String> CACHE_ANNOTATIONS = List.of(
            "org.springframework.cache.annotation.Cacheable", "org.springframework.cache.annotation.CachePut",
            "org.springframework.cache.annotation.Caching", "org.springframework.cache.annotation.EnableCaching",
            "org.springframework.cache.annotation.CacheConfig", "javax.cache.annotation.CacheResult",
            "io.quarkus.cache.CacheResult", "io.micronaut.cache.annotation.Cacheable");

    private static final String READ = "read";
    private static final String CACHES = "caches";
    private static final String CACHE_TYPE = "cache-type";
    private static final String DATA_ACCESS = "data-access";

    /**
     * Per file: its GET endpoints (position, symbol and handler), whether it imports or annotates with a
     * cache API, whether it declares a type named like a cache, and the first data access type it declares
     * or injects.
     */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        SourceFacet sources = codebase.sources();
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (Endpoint read : new WebControllers(sources, codebase.stereotypes()).endpoints()) {
            if (!read.handles("GET")) {
                continue;
            }
            // The method begins at its first annotation, so a comment above the handler suppresses the finding.
            Position at = read.method().getBegin().orElse(new Position(0, 0));
            String handler = read.controller().getNameAsString() + "#" + read.method().getNameAsString();
            facts.computeIfAbsent(read.file().path(), k -> new ArrayList<>())
                    .add(FactLines.join(READ, at.line, at.column, read.symbol(), handler));
        }
        DataAccessCalls calls = new DataAccessCalls(sources, codebase.stereotypes());
        for (SourceFile file : sources.files()) {
            List<String> lines = new ArrayList<>();
            if (cachesInCode(file)) {
                lines.add(CACHES);
            }
            if (declaresCacheType(file)) {
                lines.add(CACHE_TYPE);
            }
            dataAccess(calls, file).ifPresent(name -> lines.add(FactLines.join(DATA_ACCESS, name)));
            if (!lines.isEmpty()) {
                facts.computeIfAbsent(file.path(), k -> new ArrayList<>()).addAll(lines);
            }
        }
        return facts;
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        List<FactLines.Fact> readEndpoints = FactLines.ofKind(facts, READ);
        int reads = readEndpoints.size();
        boolean cachesInCode = !FactLines.ofKind(facts, CACHES).isEmpty();
        boolean declaresCacheType = !FactLines.ofKind(facts, CACHE_TYPE).isEmpty();
        String dataAccess = FactLines.ofKind(facts, DATA_ACCESS).stream().findFirst().map(f -> f.field(1))
                .orElse(null);
        if (reads == 0 || reads < codebase.intParameter(this, MIN_READ_ENDPOINTS)
                || codebase.dependencies().hasNonTest(CACHE_LIBRARY) || cachesInCode
                || codebase.dependencies().hasNonTest(CACHE_STORE_CLIENT) && declaresCacheType) {
            return;
        }
        if (dataAccess == null) {
            return;
        }
        FactLines.Fact first = readEndpoints.get(0);
        String module = codebase.dependencies().root().artifactId();
        String message = "module `" + module + "` reads its database (`" + dataAccess + "`) and serves "
                + reads + (reads == 1 ? " GET endpoint" : " GET endpoints") + " (first `" + first.field(4)
                + "`) but caches nothing; cache frequent, rarely changing reads (`spring-boot-starter-cache` with "
                + "Caffeine or Redis and `@Cacheable`, `quarkus-cache`, Micronaut Cache) to take load off the database";
        findings.report(first.file(), first.intField(1), first.intField(2), first.field(3),
                message, "no-caching " + codebase.dependencies().root().key());
    }

    /** An import or annotation of a cache API in the file. */
    private static boolean cachesInCode(SourceFile file) {
        for (ImportDeclaration imported : file.unit().getImports()) {
            String name = imported.getNameAsString() + (imported.isAsterisk() ? "." : "");
            if (CACHE_TYPES.contains(imported.getNameAsString())
                    || CACHE_PACKAGES.stream().anyMatch(name::startsWith)) {
                return true;
            }
        }
        for (AnnotationExpr annotation : file.findAll(AnnotationExpr.class)) {
            if (file.refersToAny(annotation.getNameAsString(), CACHE_ANNOTATIONS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A type named like a cache ({@code MemberCacheService}): with a Redis client on the classpath it caches through
     * a wrapper, often one that a shared module declares, so no Redis type is imported here.
     */
    private static boolean declaresCacheType(SourceFile file) {
        return file.findAll(TypeDeclaration.class).stream().anyMatch(type -> type.getNameAsString().contains("Cache"));
    }

    /** Search engines: an index built for reads, with caches of its own, not the database a cache would relieve. */
    private static final List<String> SEARCH_INDEX_TYPES = List.of(
            "org.springframework.data.elasticsearch.repository.ElasticsearchRepository",
            "org.springframework.data.elasticsearch.repository.ReactiveElasticsearchRepository",
            "org.springframework.data.elasticsearch.core.ElasticsearchOperations",
            "org.springframework.data.elasticsearch.core.ReactiveElasticsearchOperations",
            "org.springframework.data.elasticsearch.client.elc.ElasticsearchTemplate",
            "org.springframework.data.elasticsearch.core.ElasticsearchRestTemplate",
            "org.springframework.data.solr.repository.SolrCrudRepository",
            "org.springframework.data.solr.core.SolrTemplate");

    /** The first data access type the file declares or injects, by simple name. */
    private static Optional<String> dataAccess(DataAccessCalls calls, SourceFile file) {
        for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
            Optional<SourceFacet.DeclaredType> declared = calls.sources().type(file.qualifiedName(type));
            if (declared.isPresent() && calls.isDataAccess(declared.get())
                    && !searchIndex(calls.sources(), declared.get())) {
                return Optional.of(type.getNameAsString());
            }
        }
        for (FieldDeclaration field : file.findAll(FieldDeclaration.class)) {
            String written = field.getVariable(0).getType().asString();
            if (calls.isDataAccess(file, written) && !searchIndex(calls, file, written)) {
                return Optional.of(DataAccessCalls.simpleName(written));
            }
        }
        for (ConstructorDeclaration constructor : file.findAll(ConstructorDeclaration.class)) {
            for (Parameter parameter : constructor.getParameters()) {
                String written = parameter.getType().asString();
                if (calls.isDataAccess(file, written) && !searchIndex(calls, file, written)) {
                    return Optional.of(DataAccessCalls.simpleName(written));
                }
            }
        }
        return Optional.empty();
    }

    /** An Elasticsearch or Solr client or repository, written in {@code file}. */
    private static boolean searchIndex(DataAccessCalls calls, SourceFile file, String written) {
        Optional<SourceFacet.DeclaredType> own = calls.moduleType(file, written);
        return own.isPresent() ? searchIndex(calls.sources(), own.get())
                : file.refersToAny(DataAccessCalls.stripGenerics(written), SEARCH_INDEX_TYPES);
    }

    private static boolean searchIndex(SourceFacet sources, SourceFacet.DeclaredType type) {
        return sources.supertypes(type.qualifiedName()).stream()
                .anyMatch(parent -> parent.file().refersToAny(DataAccessCalls.stripGenerics(parent.written()),
                        SEARCH_INDEX_TYPES));
    }
}
