package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.dependencies.Dependency;
import io.archlint.engine.dependencies.DependencyGraph;
import io.archlint.testing.RuleTester;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NoCachingRuleTest {

    private static final Artifact APP = new Artifact("com.acme", "catalog-service", "1.0.0");

    private static final String PRODUCT_REPOSITORY = """
            package com.acme.catalog;

            import java.util.Optional;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface ProductRepository extends JpaRepository<Product, Long> {
                Optional<Product> findBySku(String sku);
            }
            """;

    private static final String PRODUCT_SERVICE = """
            package com.acme.catalog;

            import lombok.RequiredArgsConstructor;
            import org.springframework.stereotype.Service;

            @Service
            @RequiredArgsConstructor
            public class ProductService {
                private final ProductRepository products;

                public ProductDto bySku(String sku) {
                    return products.findBySku(sku).map(ProductDto::from).orElseThrow();
                }
            }
            """;

    private static final String PRODUCT_CONTROLLER = """
            package com.acme.catalog;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.PostMapping;
            import org.springframework.web.bind.annotation.RequestBody;
            import org.springframework.web.bind.annotation.RequestMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            @RequestMapping("/products")
            class ProductController {
                private final ProductService service;

                ProductController(ProductService service) {
                    this.service = service;
                }

                @PostMapping
                void create(@RequestBody ProductDto product) {}

                @GetMapping("/{sku}")
                ProductDto one(@PathVariable String sku) {
                    return service.bySku(sku);
                }

                @GetMapping("/{sku}/price")
                String price(@PathVariable String sku) {
                    return service.bySku(sku).price().toPlainString();
                }
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new NoCachingRule());
    }

    private static RuleTester catalog(DependencyGraph graph) {
        return tester().dependencies(graph)
                .java("com/acme/catalog/ProductRepository.java", PRODUCT_REPOSITORY)
                .java("com/acme/catalog/ProductService.java", PRODUCT_SERVICE)
                .java("com/acme/catalog/ProductController.java", PRODUCT_CONTROLLER);
    }

    private static Dependency direct(String coordinates, String scope) {
        Artifact artifact = artifact(coordinates);
        return new Dependency(artifact, scope, false, List.of(artifact), new Dependency.Declaration("pom.xml", 30, 9));
    }

    private static Dependency through(Dependency via, String coordinates) {
        List<Artifact> path = new ArrayList<>(via.path());
        path.add(artifact(coordinates));
        return new Dependency(path.get(path.size() - 1), via.scope(), false, path, via.declaredAt());
    }

    private static Artifact artifact(String coordinates) {
        String[] parts = coordinates.split(":");
        return new Artifact(parts[0], parts[1], parts[2]);
    }

    private static DependencyGraph springApp(Dependency... more) {
        Dependency web = direct("org.springframework.boot:spring-boot-starter-web:3.3.5", "compile");
        Dependency jpa = direct("org.springframework.boot:spring-boot-starter-data-jpa:3.3.5", "compile");
        List<Dependency> all = new ArrayList<>(List.of(web, jpa, through(web, "org.springframework:spring-context:6.1.14"),
                through(jpa, "org.hibernate.orm:hibernate-core:6.5.3.Final")));
        all.addAll(Arrays.asList(more));
        DependencyGraph.Builder builder = DependencyGraph.builder(APP);
        all.forEach(builder::add);
        return builder.build();
    }

    @Nested
    class Violating {

        @Test
        void reportsOnceAtTheFirstGetHandlerWithTheCountAndTheFix() {
            List<Finding> findings = catalog(springApp()).findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("src/main/java/com/acme/catalog/ProductController.java", 22, 5);
            assertThat(finding.message()).isEqualTo("module `catalog-service` reads its database (`ProductRepository`) "
                    + "and serves 2 GET endpoints (first `ProductController#one`) but caches nothing; cache frequent, "
                    + "rarely changing reads (`spring-boot-starter-cache` with Caffeine or Redis and `@Cacheable`, "
                    + "`quarkus-cache`, Micronaut Cache) to take load off the database");
            assertThat(finding.symbol()).isEqualTo("com.acme.catalog.ProductController#one");
        }

        @Test
        void reportsWhenRedisOnlyHoldsSessionsAndCaffeineIsOnlyForTests() {
            Dependency session = direct("org.springframework.session:spring-session-data-redis:3.3.3", "compile");
            List<Finding> findings = catalog(springApp(session,
                    through(session, "org.springframework.data:spring-data-redis:3.3.5"),
                    direct("com.github.ben-manes.caffeine:caffeine:3.1.8", "test"))).findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line)
                    .containsExactly("src/main/java/com/acme/catalog/ProductController.java", 22);
            assertThat(findings.get(0).message()).contains("but caches nothing");
        }

        @Test
        void reportsQuarkusResourcesWithPanacheRepositoriesAndJdbcDaos() {
            DependencyGraph quarkus = DependencyGraph.builder(APP)
                    .add(direct("io.quarkus:quarkus-rest-jackson:3.15.1", "compile"))
                    .add(direct("io.quarkus:quarkus-hibernate-orm-panache:3.15.1", "compile"))
                    .build();
            tester().dependencies(quarkus).java("com/acme/catalog/ProductStore.java", """
                    package com.acme.catalog;

                    import io.quarkus.hibernate.orm.panache.PanacheRepository;
                    import jakarta.enterprise.context.ApplicationScoped;

                    @ApplicationScoped
                    public class ProductStore implements PanacheRepository<Product> {
                    }
                    """).java("com/acme/catalog/ProductResource.java", """
                    package com.acme.catalog;

                    import jakarta.inject.Inject;
                    import jakarta.ws.rs.GET;
                    import jakarta.ws.rs.Path;
                    import jakarta.ws.rs.PathParam;

                    @Path("/products")
                    public class ProductResource {
                        @Inject
                        ProductStore store;

                        // violation: module `catalog-service` reads its database (`ProductStore`) and serves 2 GET endpoints (first `ProductResource#one`) but caches nothing
                        @GET
                        @Path("/{id}")
                        public Product one(@PathParam("id") long id) {
                            return store.findById(id);
                        }

                        @GET
                        @Path("/count")
                        public long count() {
                            return store.count();
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresModulesWithACacheLibrary() {
            Dependency cache = direct("org.springframework.boot:spring-boot-starter-cache:3.3.5", "compile");
            catalog(springApp(cache)).expectNoFindings();
            Dependency quarkusCache = direct("io.quarkus:quarkus-cache:3.15.1", "compile");
            catalog(springApp(quarkusCache)).expectNoFindings();
            Dependency hibernateJCache = direct("org.hibernate.orm:hibernate-jcache:6.5.3.Final", "compile");
            catalog(springApp(hibernateJCache, through(hibernateJCache, "javax.cache:cache-api:1.1.1")))
                    .expectNoFindings();
        }

        @Test
        void ignoresCachingAnnotationsAndHandWrittenRedisCaches() {
            catalog(springApp()).java("com/acme/catalog/CacheConfig.java", """
                    package com.acme.catalog;

                    import org.springframework.context.annotation.Configuration;

                    @Configuration
                    @org.springframework.cache.annotation.EnableCaching
                    class CacheConfig {}
                    """).expectNoFindings();
            catalog(springApp()).java("com/acme/catalog/PriceCache.java", """
                    package com.acme.catalog;

                    import java.time.Duration;
                    import org.springframework.data.redis.core.StringRedisTemplate;
                    import org.springframework.stereotype.Component;

                    @Component
                    class PriceCache {
                        private final StringRedisTemplate redis;

                        PriceCache(StringRedisTemplate redis) {
                            this.redis = redis;
                        }

                        void put(String sku, String price) {
                            redis.opsForValue().set("price:" + sku, price, Duration.ofMinutes(10));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresACacheServiceOverARedisWrapperFromASharedModule() {
            // The Redis template hides behind a shared `RedisService` in a sibling module, so nothing here imports it.
            Dependency redis = direct("org.springframework.boot:spring-boot-starter-data-redis:3.3.5", "compile");
            catalog(springApp(redis, through(redis, "org.springframework.data:spring-data-redis:3.3.5")))
                    .java("com/acme/catalog/ProductCacheService.java", """
                            package com.acme.catalog;

                            import com.acme.common.redis.RedisService;
                            import org.springframework.stereotype.Service;

                            @Service
                            public class ProductCacheService {
                                private final RedisService redis;

                                ProductCacheService(RedisService redis) {
                                    this.redis = redis;
                                }

                                Product get(String sku) {
                                    return (Product) redis.get("catalog:product:" + sku);
                                }

                                void put(Product product) {
                                    redis.set("catalog:product:" + product.sku(), product, 3600);
                                }
                            }
                            """).expectNoFindings();
        }

        @Test
        void ignoresASearchServiceThatReadsAnElasticsearchIndex() {
            Dependency search = direct("org.springframework.boot:spring-boot-starter-data-elasticsearch:3.3.5", "compile");
            tester().dependencies(springApp(search)).java("com/acme/search/ProductDocumentRepository.java", """
                    package com.acme.search;

                    import org.springframework.data.domain.Page;
                    import org.springframework.data.domain.Pageable;
                    import org.springframework.data.elasticsearch.repository.ElasticsearchRepository;

                    public interface ProductDocumentRepository extends ElasticsearchRepository<ProductDocument, Long> {
                        Page<ProductDocument> findByNameOrSubTitle(String name, String subTitle, Pageable page);
                    }
                    """).java("com/acme/search/ProductSearchController.java", """
                    package com.acme.search;

                    import org.springframework.data.domain.Page;
                    import org.springframework.data.domain.PageRequest;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.RequestParam;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    class ProductSearchController {
                        private final ProductDocumentRepository index;

                        ProductSearchController(ProductDocumentRepository index) {
                            this.index = index;
                        }

                        @GetMapping("/search")
                        Page<ProductDocument> search(@RequestParam String keyword, @RequestParam int page) {
                            return index.findByNameOrSubTitle(keyword, keyword, PageRequest.of(page, 20));
                        }

                        @GetMapping("/search/{id}")
                        ProductDocument one(@PathVariable long id) {
                            return index.findById(id).orElseThrow();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresModulesWithoutReadEndpointsOrWithoutDataAccess() {
            tester().dependencies(springApp()).java("com/acme/catalog/ProductRepository.java", PRODUCT_REPOSITORY)
                    .java("com/acme/catalog/ImportController.java", """
                            package com.acme.catalog;

                            import java.util.List;
                            import org.springframework.web.bind.annotation.PostMapping;
                            import org.springframework.web.bind.annotation.RequestBody;
                            import org.springframework.web.bind.annotation.RestController;

                            @RestController
                            class ImportController {
                                private final ProductRepository products;

                                ImportController(ProductRepository products) {
                                    this.products = products;
                                }

                                @PostMapping("/imports")
                                void importAll(@RequestBody List<Product> incoming) {
                                    products.saveAll(incoming);
                                }
                            }
                            """).expectNoFindings();
            tester().dependencies(springApp()).java("com/acme/gateway/QuoteController.java", """
                    package com.acme.gateway;

                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.RestController;
                    import org.springframework.web.client.RestClient;

                    @RestController
                    class QuoteController {
                        private final RestClient pricing;

                        QuoteController(RestClient pricing) {
                            this.pricing = pricing;
                        }

                        @GetMapping("/quotes/{sku}")
                        String quote(@PathVariable String sku) {
                            return pricing.get().uri("/prices/{sku}", sku).retrieve().body(String.class);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresAModuleWithASingleReadEndpointUnlessConfiguredLower() {
            String controller = """
                    package com.acme.catalog;

                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    class StockController {
                        private final ProductRepository products;

                        StockController(ProductRepository products) {
                            this.products = products;
                        }

                        @GetMapping("/stock/count")
                        long count() {
                            return products.count();
                        }
                    }
                    """;
            tester().dependencies(springApp()).java("com/acme/catalog/ProductRepository.java", PRODUCT_REPOSITORY)
                    .java("com/acme/catalog/StockController.java", controller).expectNoFindings();
            assertThat(tester().dependencies(springApp()).parameter("minReadEndpoints", "1")
                    .java("com/acme/catalog/ProductRepository.java", PRODUCT_REPOSITORY)
                    .java("com/acme/catalog/StockController.java", controller).findings())
                    .singleElement().satisfies(f -> {
                        assertThat(f.file()).isEqualTo("src/main/java/com/acme/catalog/StockController.java");
                        assertThat(f.line()).isEqualTo(14);
                        assertThat(f.message()).contains("serves 1 GET endpoint (first `StockController#count`)");
                    });
        }

        @Test
        void ignoresASuppressedModule() {
            catalog(springApp()).java("com/acme/catalog/ProductController.java", PRODUCT_CONTROLLER.replace(
                    "    @GetMapping(\"/{sku}\")\n",
                    "    // archlint:ignore no-caching products change every few seconds, reads must be fresh\n"
                            + "    @GetMapping(\"/{sku}\")\n")).expectNoFindings();
        }
    }
}
