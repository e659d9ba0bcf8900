package io.archlint.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CacheStampedeRuleTest {

    private static final String PRODUCT = """
            package com.acme.catalog;

            public record Product(String sku, String name, long priceCents) {}
            """;
    private static final String PRODUCT_REPOSITORY = """
            package com.acme.catalog;

            import java.util.Optional;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface ProductRepository extends JpaRepository<Product, String> {
                Optional<Product> findBySku(String sku);
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new CacheStampedeRule()).compiled()
                .java("com/acme/catalog/Product.java", PRODUCT)
                .java("com/acme/catalog/ProductRepository.java", PRODUCT_REPOSITORY);
    }

    @Nested
    class Violating {

        @Test
        void reportsCacheableRepositoryRead() {
            tester().java("com/acme/catalog/ProductService.java", """
                    package com.acme.catalog;

                    import org.springframework.cache.annotation.Cacheable;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class ProductService {
                        private final ProductRepository products;

                        public ProductService(ProductRepository products) {
                            this.products = products;
                        }

                        // violation: `ProductService#product` is `@Cacheable` without `sync = true` and reads the database (`ProductService.product → ProductRepository.findBySku`); set `sync = true` so that one caller loads an expired entry while the others wait
                        @Cacheable(cacheNames = "products", key = "#sku")
                        public Product product(String sku) {
                            return products.findBySku(sku).orElseThrow();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsCacheableRemoteCallThroughAPrivateHelper() {
            tester().java("com/acme/fx/ExchangeRates.java", """
                    package com.acme.fx;

                    import java.math.BigDecimal;
                    import org.springframework.cache.annotation.Cacheable;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.RestTemplate;

                    @Component
                    public class ExchangeRates {
                        private final RestTemplate restTemplate;

                        public ExchangeRates(RestTemplate restTemplate) {
                            this.restTemplate = restTemplate;
                        }

                        // violation: `ExchangeRates#rate` is `@Cacheable` without `sync = true` and calls a remote service (`ExchangeRates.rate → ExchangeRates.fetch → RestTemplate.getForObject`)
                        @Cacheable("fx-rates")
                        public BigDecimal rate(String from, String to) {
                            return fetch(from + to);
                        }

                        private BigDecimal fetch(String pair) {
                            return restTemplate.getForObject("https://rates.example.com/{pair}", BigDecimal.class, pair);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsExplicitSyncFalseWithAJdbcQuery() {
            tester().java("com/acme/catalog/CategoryDao.java", """
                    package com.acme.catalog;

                    import java.util.List;
                    import org.springframework.cache.annotation.Cacheable;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class CategoryDao {
                        private final JdbcTemplate jdbc;

                        public CategoryDao(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        // violation: `CategoryDao#names` is `@Cacheable` without `sync = true` and reads the database (`CategoryDao.names → JdbcTemplate.queryForList`)
                        @Cacheable(value = "category-names", sync = false)
                        public List<String> names() {
                            return jdbc.queryForList("SELECT name FROM category ORDER BY name", String.class);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsPublicMethodsOfAClassLevelCacheable() {
            tester().java("com/acme/catalog/ProductLookup.java", """
                    package com.acme.catalog;

                    import org.springframework.cache.annotation.Cacheable;
                    import org.springframework.stereotype.Service;

                    @Service
                    @Cacheable("product-lookup")
                    public class ProductLookup {
                        private final ProductRepository products;

                        public ProductLookup(ProductRepository products) {
                            this.products = products;
                        }

                        // violation: `ProductLookup#bySku` is `@Cacheable` without `sync = true` and reads the database (`ProductLookup.bySku → ProductRepository.findBySku`)
                        public Product bySku(String sku) {
                            return products.findBySku(sku).orElse(null);
                        }

                        public String normalise(String sku) {
                            return sku.trim().toUpperCase();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJCacheResultThatReadsThroughTheEntityManager() {
            RuleTester tester = tester().java("com/acme/catalog/PriceService.java", """
                    package com.acme.catalog;

                    import jakarta.persistence.EntityManager;
                    import javax.cache.annotation.CacheResult;

                    public class PriceService {
                        private final EntityManager entityManager;

                        public PriceService(EntityManager entityManager) {
                            this.entityManager = entityManager;
                        }

                        @CacheResult(cacheName = "prices")
                        public long price(String sku) {
                            return entityManager.find(Product.class, sku).priceCents();
                        }
                    }
                    """);

            assertThat(tester.findings()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo("src/main/java/com/acme/catalog/PriceService.java");
                assertThat(f.line()).isEqualTo(13);
                assertThat(f.message()).isEqualTo("`PriceService#price` is a JCache `@CacheResult` that reads the "
                        + "database (`PriceService.price → EntityManager.find`); JCache has no `sync`, so use a loading "
                        + "cache (Caffeine `LoadingCache` or `AsyncCache`) or a lock around the load");
            });
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresCacheableWithSync() {
            tester().java("com/acme/catalog/ProductService.java", """
                    package com.acme.catalog;

                    import org.springframework.cache.annotation.Cacheable;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class ProductService {
                        private final ProductRepository products;

                        public ProductService(ProductRepository products) {
                            this.products = products;
                        }

                        @Cacheable(cacheNames = "products", key = "#sku", sync = true)
                        public Product product(String sku) {
                            return products.findBySku(sku).orElseThrow();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresCachedMethodsThatOnlyCompute() {
            tester().java("com/acme/pricing/TaxTables.java", """
                    package com.acme.pricing;

                    import java.math.BigDecimal;
                    import java.util.Map;
                    import javax.cache.annotation.CacheResult;
                    import org.springframework.cache.annotation.Cacheable;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class TaxTables {
                        private static final Map<String, BigDecimal> RATES = Map.of("DE", new BigDecimal("0.19"), "FR", new BigDecimal("0.20"));

                        @Cacheable("tax-rates")
                        public BigDecimal rate(String country) {
                            return RATES.getOrDefault(country, BigDecimal.ZERO);
                        }

                        @CacheResult(cacheName = "slugs")
                        public String slug(String title) {
                            return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresEvictionsAndUncachedReads() {
            tester().java("com/acme/catalog/ProductAdmin.java", """
                    package com.acme.catalog;

                    import org.springframework.cache.annotation.CacheEvict;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class ProductAdmin {
                        private final ProductRepository products;

                        public ProductAdmin(ProductRepository products) {
                            this.products = products;
                        }

                        @CacheEvict(value = "products", allEntries = true)
                        public Product rename(String sku, String name) {
                            Product product = products.findBySku(sku).orElseThrow();
                            return products.save(new Product(sku, name, product.priceCents()));
                        }

                        public Product fresh(String sku) {
                            return products.findBySku(sku).orElseThrow();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresReadsBeyondTheConfiguredDepth() {
            tester().parameter("maxCallDepth", "1").java("com/acme/catalog/ProductService.java", """
                    package com.acme.catalog;

                    import org.springframework.cache.annotation.Cacheable;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class ProductService {
                        private final ProductRepository products;

                        public ProductService(ProductRepository products) {
                            this.products = products;
                        }

                        @Cacheable("products")
                        public Product product(String sku) {
                            return load(sku);
                        }

                        private Product load(String sku) {
                            return products.findBySku(sku).orElseThrow();
                        }
                    }
                    """).expectNoFindings();
        }
    }

    @Test
    void isSkippedWithANoteWhenTheModuleIsNotCompiled() {
        RuleTester tester = RuleTester.of(new CacheStampedeRule())
                .java("com/acme/orders/OrderService.java", """
                        package com.acme.orders;

                        public class OrderService {
                            public void place() {}
                        }
                        """);

        assertThat(tester.findings()).isEmpty();
        assertThat(tester.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("target/classes");
            assertThat(s.reason()).contains("holds no compiled classes").contains("cache-stampede");
        });
    }
}
