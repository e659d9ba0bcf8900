package io.archlint.rules.resilience;

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

class MissingCircuitBreakerRuleTest {

    private static final Artifact APP = new Artifact("com.acme", "order-service", "1.0.0");

    private static final String PAYMENT_CLIENT = """
            package com.acme.orders.payments;

            import java.math.BigDecimal;
            import org.springframework.stereotype.Component;
            import org.springframework.web.client.RestClient;

            @Component
            class PaymentClient {

                record Charge(String orderId, BigDecimal amount) {}

                private final RestClient restClient;

                PaymentClient(RestClient.Builder builder) {
                    this.restClient = builder.baseUrl("http://payments").build();
                }

                String charge(Charge charge) {
                    return restClient.post().uri("/charges").body(charge).retrieve().body(String.class);
                }
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new MissingCircuitBreakerRule());
    }

    private static Dependency direct(String coordinates, String scope) {
        Artifact artifact = artifact(coordinates);
        return new Dependency(artifact, scope, false, List.of(artifact), new Dependency.Declaration("pom.xml", 20, 9));
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

    /** A Spring Boot web service with the given extra dependencies. */
    private static DependencyGraph springWeb(Dependency... more) {
        Dependency web = direct("org.springframework.boot:spring-boot-starter-web:3.3.5", "compile");
        List<Dependency> all = new ArrayList<>(List.of(web, through(web, "org.springframework:spring-web:6.1.14")));
        all.addAll(Arrays.asList(more));
        DependencyGraph.Builder builder = DependencyGraph.builder(APP);
        all.forEach(builder::add);
        return builder.build();
    }

    @Nested
    class Violating {

        @Test
        void reportsOnceAtTheFirstOutboundClient() {
            List<Finding> findings = tester().dependencies(springWeb())
                    .java("com/acme/orders/shipping/ShippingClient.java", """
                            package com.acme.orders.shipping;

                            import org.springframework.stereotype.Component;
                            import org.springframework.web.client.RestTemplate;

                            @Component
                            class ShippingClient {
                                private final RestTemplate restTemplate = new RestTemplate();
                            }
                            """)
                    .java("com/acme/orders/payments/PaymentClient.java", PAYMENT_CLIENT)
                    .findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("src/main/java/com/acme/orders/payments/PaymentClient.java", 12, 5);
            assertThat(finding.message()).isEqualTo("module `order-service` calls other services over HTTP (first "
                    + "`RestClient` in `PaymentClient#restClient`) but has no circuit breaker on its classpath; add "
                    + "Resilience4j (`spring-cloud-starter-circuitbreaker-resilience4j` or `resilience4j-spring-boot3`), "
                    + "SmallRye Fault Tolerance or Failsafe and wrap the remote calls in a circuit breaker");
            assertThat(finding.symbol()).isEqualTo("com.acme.orders.payments.PaymentClient#restClient");
        }

        @Test
        void reportsAFeignClientInterface() {
            tester().dependencies(springWeb(direct("org.springframework.cloud:spring-cloud-starter-openfeign:4.1.3",
                            "compile")))
                    .java("com/acme/orders/inventory/InventoryClient.java", """
                            package com.acme.orders.inventory;

                            import org.springframework.cloud.openfeign.FeignClient;
                            import org.springframework.web.bind.annotation.GetMapping;
                            import org.springframework.web.bind.annotation.PathVariable;

                            // violation: calls other services over HTTP (first `InventoryClient`) but has no circuit breaker
                            @FeignClient(name = "inventory", url = "${inventory.url}")
                            public interface InventoryClient {

                                record Stock(String sku, int available) {}

                                @GetMapping("/stock/{sku}")
                                Stock stock(@PathVariable String sku);
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsWhenOnlyRetryLibrariesArePresent() {
            Dependency retry = direct("io.github.resilience4j:resilience4j-retry:2.2.0", "compile");
            tester().dependencies(springWeb(retry, through(retry, "io.github.resilience4j:resilience4j-core:2.2.0"),
                            direct("org.springframework.retry:spring-retry:2.0.9", "compile"),
                            direct("io.github.resilience4j:resilience4j-circuitbreaker:2.2.0", "test")))
                    .java("com/acme/orders/fx/RatesClient.java", """
                            package com.acme.orders.fx;

                            import java.net.http.HttpClient;
                            import java.time.Duration;
                            import org.springframework.retry.annotation.Backoff;
                            import org.springframework.retry.annotation.Retryable;
                            import org.springframework.stereotype.Component;

                            @Component
                            class RatesClient {
                                // violation: (first `HttpClient` in `RatesClient#client`)
                                private final HttpClient client = HttpClient.newBuilder()
                                        .connectTimeout(Duration.ofSeconds(2))
                                        .build();

                                @Retryable(backoff = @Backoff(delay = 200, multiplier = 2))
                                String rates(String base) {
                                    return base;
                                }
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsHttpInterfaceInjectedIntoAService() {
            tester().dependencies(springWeb())
                    .java("com/acme/orders/catalog/CatalogService.java", """
                            package com.acme.orders.catalog;

                            import com.acme.orders.catalog.client.CatalogApi;
                            import org.springframework.stereotype.Service;

                            @Service
                            class CatalogService {
                                // violation: (first `CatalogApi` in `CatalogService#catalog`)
                                private final CatalogApi catalog;

                                CatalogService(CatalogApi catalog) {
                                    this.catalog = catalog;
                                }
                            }
                            """)
                    .java("com/acme/orders/catalog/api/CatalogApi.java", """
                            package com.acme.orders.catalog.api;

                            public interface CatalogApi {
                                String product(String sku);
                            }
                            """)
                    .java("com/acme/orders/catalog/client/CatalogApi.java", """
                            package com.acme.orders.catalog.client;

                            import org.springframework.web.bind.annotation.PathVariable;
                            import org.springframework.web.service.annotation.GetExchange;

                            public interface CatalogApi {
                                @GetExchange("/products/{sku}")
                                String product(@PathVariable String sku);
                            }
                            """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresModulesWithResilience4j() {
            Dependency starter = direct("org.springframework.cloud:spring-cloud-starter-circuitbreaker-resilience4j:3.1.2",
                    "compile");
            tester().dependencies(springWeb(starter,
                            through(starter, "io.github.resilience4j:resilience4j-circuitbreaker:2.2.0")))
                    .java("com/acme/orders/payments/PaymentClient.java", PAYMENT_CLIENT)
                    .expectNoFindings();
            tester().dependencies(springWeb(direct("io.github.resilience4j:resilience4j-spring-boot3:2.2.0", "compile")))
                    .java("com/acme/orders/payments/PaymentClient.java", PAYMENT_CLIENT)
                    .expectNoFindings();
        }

        @Test
        void ignoresModulesWithOtherCircuitBreakers() {
            for (String coordinates : List.of("dev.failsafe:failsafe:3.3.2", "net.jodah:failsafe:2.4.4",
                    "io.quarkus:quarkus-smallrye-fault-tolerance:3.15.1",
                    "org.eclipse.microprofile.fault-tolerance:microprofile-fault-tolerance-api:4.1",
                    "com.netflix.hystrix:hystrix-core:1.5.18", "com.alibaba.csp:sentinel-core:1.8.8")) {
                tester().dependencies(springWeb(direct(coordinates, "compile")))
                        .java("com/acme/orders/payments/PaymentClient.java", PAYMENT_CLIENT)
                        .expectNoFindings();
            }
        }

        @Test
        void ignoresSpringRetryWhenItsCircuitBreakerIsUsed() {
            tester().dependencies(springWeb(direct("org.springframework.retry:spring-retry:2.0.9", "compile")))
                    .java("com/acme/orders/payments/PaymentClient.java", PAYMENT_CLIENT)
                    .java("com/acme/orders/payments/PaymentService.java", """
                            package com.acme.orders.payments;

                            import org.springframework.retry.annotation.CircuitBreaker;
                            import org.springframework.stereotype.Service;

                            @Service
                            class PaymentService {
                                @CircuitBreaker(maxAttempts = 3, openTimeout = 5000, resetTimeout = 20000)
                                String pay(String orderId) {
                                    return orderId;
                                }
                            }
                            """).expectNoFindings();
        }

        @Test
        void ignoresModulesWithoutOutboundHttpCalls() {
            tester().dependencies(springWeb())
                    .java("com/acme/orders/web/OrderController.java", """
                            package com.acme.orders.web;

                            import java.util.List;
                            import org.springframework.jdbc.core.JdbcTemplate;
                            import org.springframework.web.bind.annotation.GetMapping;
                            import org.springframework.web.bind.annotation.RestController;

                            @RestController
                            class OrderController {
                                private final JdbcTemplate jdbc;

                                OrderController(JdbcTemplate jdbc) {
                                    this.jdbc = jdbc;
                                }

                                @GetMapping("/orders")
                                List<String> orders() {
                                    return jdbc.queryForList("select id from orders", String.class);
                                }
                            }
                            """).expectNoFindings();
        }

        @Test
        void honoursSuppressionAtTheFirstClient() {
            tester().dependencies(springWeb())
                    .java("com/acme/orders/payments/PaymentClient.java", """
                            package com.acme.orders.payments;

                            import org.springframework.stereotype.Component;
                            import org.springframework.web.client.RestTemplate;

                            @Component
                            class PaymentClient {
                                // archlint:ignore missing-circuit-breaker the service mesh (Istio outlier detection) breaks the circuit
                                private final RestTemplate restTemplate;

                                PaymentClient(RestTemplate restTemplate) {
                                    this.restTemplate = restTemplate;
                                }
                            }
                            """).expectNoFindings();
        }
    }
}
