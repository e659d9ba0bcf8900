package io.archlint.rules.operations;

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

class NoObservabilityRuleTest {

    private static final Artifact APP = new Artifact("com.acme", "order-service", "1.0.0");

    private static final String ORDER_CONTROLLER = """
            package com.acme.orders.web;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class OrderController {
                @GetMapping("/orders/{id}")
                public String one(@PathVariable long id) {
                    return "";
                }
            }
            """;

    private static final String PAYMENT_EVENTS = """
            package com.acme.orders.messaging;

            import org.springframework.kafka.annotation.KafkaListener;
            import org.springframework.stereotype.Component;

            @Component
            class PaymentEvents {
                @KafkaListener(topics = "payments")
                void onPayment(String event) {}

                @KafkaListener(topics = "refunds")
                void onRefund(String event) {}
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new NoObservabilityRule());
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

    private static DependencyGraph graph(Dependency... dependencies) {
        DependencyGraph.Builder builder = DependencyGraph.builder(APP);
        Arrays.stream(dependencies).forEach(builder::add);
        return builder.build();
    }

    /** Spring Boot web as Spring Framework 6 resolves it: micrometer-observation arrives with spring-context. */
    private static DependencyGraph springWeb(Dependency... more) {
        Dependency web = direct("org.springframework.boot:spring-boot-starter-web:3.3.5", "compile");
        List<Dependency> all = new ArrayList<>(List.of(web, through(web, "org.springframework:spring-webmvc:6.1.14"),
                through(web, "io.micrometer:micrometer-observation:1.13.6"),
                through(web, "io.micrometer:micrometer-commons:1.13.6")));
        all.addAll(List.of(more));
        return graph(all.toArray(Dependency[]::new));
    }

    @Nested
    class Violating {

        @Test
        void reportsOnceAtTheFirstControllerCountingControllersAndListeners() {
            List<Finding> findings = tester().dependencies(springWeb(direct("org.springframework.kafka:spring-kafka:3.2.4",
                            "compile")))
                    .java("com/acme/orders/messaging/PaymentEvents.java", PAYMENT_EVENTS)
                    .java("com/acme/orders/web/OrderController.java", ORDER_CONTROLLER)
                    .findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("src/main/java/com/acme/orders/web/OrderController.java", 7, 1);
            assertThat(finding.message()).isEqualTo("module `order-service` exposes 1 controller and 2 message "
                    + "listeners (first `OrderController`) but has no metrics or tracing library; add "
                    + "`spring-boot-starter-actuator` with a Micrometer registry, OpenTelemetry, `quarkus-micrometer` "
                    + "or Micronaut Micrometer so its requests can be monitored and traced");
            assertThat(finding.symbol()).isEqualTo("com.acme.orders.web.OrderController");
        }

        @Test
        void reportsAListenerOnlyServiceAtItsFirstListener() {
            tester().dependencies(graph(direct("org.springframework.boot:spring-boot-starter-amqp:3.3.5", "compile"),
                            direct("org.springframework.boot:spring-boot-starter-actuator:3.3.5", "test")))
                    .java("com/acme/orders/messaging/ShipmentEvents.java", """
                            package com.acme.orders.messaging;

                            import org.springframework.amqp.rabbit.annotation.RabbitListener;
                            import org.springframework.stereotype.Component;

                            @Component
                            class ShipmentEvents {
                                // violation: module `order-service` runs 1 message listener (first `ShipmentEvents#onShipped`) but has no metrics or tracing library
                                @RabbitListener(queues = "shipments")
                                void onShipped(String event) {}
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsWhenOnlyTransitiveInstrumentationApisArePresent() {
            Dependency sqs = direct("software.amazon.awssdk:sqs:2.28.29", "compile");
            tester().dependencies(springWeb(sqs, through(sqs, "io.opentelemetry:opentelemetry-api:1.42.1"),
                            through(sqs, "io.opentelemetry:opentelemetry-context:1.42.1")))
                    .java("com/acme/orders/web/OrderController.java", """
                            package com.acme.orders.web;

                            import org.springframework.web.bind.annotation.GetMapping;
                            import org.springframework.web.bind.annotation.RestController;

                            // violation: exposes 1 controller (first `OrderController`) but has no metrics or tracing library
                            @RestController
                            public class OrderController {
                                @GetMapping("/orders")
                                public String all() {
                                    return "[]";
                                }
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsQuarkusServiceWithHealthChecksOnly() {
            tester().dependencies(graph(direct("io.quarkus:quarkus-rest:3.15.1", "compile"),
                            direct("io.quarkus:quarkus-smallrye-health:3.15.1", "compile")))
                    .java("com/acme/orders/OrderResource.java", """
                            package com.acme.orders;

                            import jakarta.ws.rs.GET;
                            import jakarta.ws.rs.Path;

                            // violation: exposes 1 controller (first `OrderResource`) but has no metrics or tracing library
                            @Path("/orders")
                            public class OrderResource {
                                @GET
                                public String all() {
                                    return "[]";
                                }
                            }
                            """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresServicesWithAMetricsOrTracingLibrary() {
            List<Dependency> libraries = List.of(
                    direct("org.springframework.boot:spring-boot-starter-actuator:3.3.5", "compile"),
                    direct("io.micrometer:micrometer-registry-prometheus:1.13.6", "runtime"),
                    direct("io.micrometer:micrometer-tracing-bridge-otel:1.3.5", "compile"),
                    direct("io.opentelemetry:opentelemetry-exporter-otlp:1.42.1", "runtime"),
                    direct("io.opentelemetry:opentelemetry-api:1.42.1", "compile"),
                    direct("io.opentelemetry.instrumentation:opentelemetry-spring-boot-starter:2.8.0", "compile"),
                    direct("io.prometheus:prometheus-metrics-core:1.3.1", "compile"),
                    direct("io.dropwizard.metrics:metrics-core:4.2.28", "compile"),
                    direct("io.quarkus:quarkus-micrometer-registry-prometheus:3.15.1", "compile"),
                    direct("io.quarkus:quarkus-opentelemetry:3.15.1", "compile"),
                    direct("io.micronaut.micrometer:micronaut-micrometer-registry-prometheus:5.8.0", "compile"),
                    direct("io.micronaut.tracing:micronaut-tracing-opentelemetry-http:6.8.0", "compile"),
                    direct("com.datadoghq:dd-trace-api:1.41.0", "compile"),
                    direct("co.elastic.apm:apm-agent-api:1.52.0", "compile"),
                    direct("com.newrelic.agent.java:newrelic-api:8.15.0", "compile"),
                    direct("org.eclipse.microprofile.metrics:microprofile-metrics-api:5.1.1", "provided"));
            for (Dependency library : libraries) {
                tester().dependencies(springWeb(library))
                        .java("com/acme/orders/web/OrderController.java", ORDER_CONTROLLER)
                        .expectNoFindings();
            }
            Dependency dropwizard = direct("io.dropwizard:dropwizard-core:4.0.8", "compile");
            tester().dependencies(graph(dropwizard, through(dropwizard, "io.dropwizard.metrics:metrics-core:4.2.28")))
                    .java("com/acme/orders/web/OrderController.java", ORDER_CONTROLLER)
                    .expectNoFindings();
        }

        @Test
        void ignoresModulesWithoutControllersOrListeners() {
            tester().dependencies(springWeb())
                    .java("com/acme/orders/OrderService.java", """
                            package com.acme.orders;

                            import org.springframework.stereotype.Service;

                            @Service
                            public class OrderService {
                                public String describe(long id) {
                                    return "order " + id;
                                }
                            }
                            """)
                    .java("com/acme/orders/OrdersApi.java", """
                            package com.acme.orders;

                            import org.springframework.web.bind.annotation.GetMapping;
                            import org.springframework.web.bind.annotation.RestController;

                            @RestController
                            public interface OrdersApi {
                                @GetMapping("/orders")
                                String all();
                            }
                            """).expectNoFindings();
        }

        @Test
        void ignoresSuppressionAboveTheFirstEntryPoint() {
            tester().dependencies(springWeb())
                    .java("com/acme/orders/web/OrderController.java", """
                            package com.acme.orders.web;

                            import org.springframework.web.bind.annotation.GetMapping;
                            import org.springframework.web.bind.annotation.RestController;

                            // archlint:ignore no-observability OpenTelemetry Java agent attached in the container image
                            @RestController
                            public class OrderController {
                                @GetMapping("/orders")
                                public String all() {
                                    return "[]";
                                }
                            }
                            """).expectNoFindings();
            tester().dependencies(springWeb())
                    .java("com/acme/orders/messaging/PaymentEvents.java", """
                            package com.acme.orders.messaging;

                            import org.springframework.kafka.annotation.KafkaListener;

                            @SuppressWarnings("archlint:no-observability")
                            class PaymentEvents {
                                @KafkaListener(topics = "payments")
                                void onPayment(String event) {}
                            }
                            """).expectNoFindings();
        }
    }
}
