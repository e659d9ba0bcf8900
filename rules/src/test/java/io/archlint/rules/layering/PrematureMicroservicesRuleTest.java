package io.archlint.rules.layering;

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

class PrematureMicroservicesRuleTest {

    private static final Artifact APP = new Artifact("com.acme", "greeting-service", "1.0.0");

    private static final String APPLICATION = """
            package com.acme.greeting;

            import org.springframework.boot.SpringApplication;
            import org.springframework.boot.autoconfigure.SpringBootApplication;

            @SpringBootApplication
            public class GreetingApplication {
                public static void main(String[] args) {
                    SpringApplication.run(GreetingApplication.class, args);
                }
            }
            """;

    private static final String CONTROLLER = """
            package com.acme.greeting.web;

            import com.acme.greeting.GreetingService;
            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RequestParam;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class GreetingController {
                private final GreetingService greetings;

                public GreetingController(GreetingService greetings) {
                    this.greetings = greetings;
                }

                @GetMapping("/greetings")
                public GreetingDto greet(@RequestParam String name) {
                    return new GreetingDto(greetings.greet(name));
                }

                public record GreetingDto(String text) {}
            }
            """;

    private static final String SERVICE = """
            package com.acme.greeting;

            import org.springframework.beans.factory.annotation.Value;
            import org.springframework.stereotype.Service;

            @Service
            public class GreetingService {
                private final String template;

                public GreetingService(@Value("${greeting.template:Hello, %s}") String template) {
                    this.template = template;
                }

                public String greet(String name) {
                    Runnable audit = new Runnable() {
                        @Override
                        public void run() {}
                    };
                    audit.run();
                    return template.formatted(name);
                }
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new PrematureMicroservicesRule());
    }

    /** The small service: application, controller with a nested DTO record, service (4 types). */
    private static RuleTester smallService() {
        return tester().java("com/acme/greeting/GreetingApplication.java", APPLICATION)
                .java("com/acme/greeting/web/GreetingController.java", CONTROLLER)
                .java("com/acme/greeting/GreetingService.java", SERVICE);
    }

    /** A catalog service with {@code count} types: DTO records of its API. */
    private static RuleTester serviceWithTypes(int count) {
        RuleTester tester = tester();
        for (int i = 1; i <= count; i++) {
            tester.java("com/acme/catalog/api/ProductView" + i + ".java", """
                    package com.acme.catalog.api;

                    import java.math.BigDecimal;

                    public record ProductView%d(String sku, String name, BigDecimal price) {}
                    """.formatted(i));
        }
        return tester;
    }

    private static Dependency direct(String coordinates, String scope, int line) {
        Artifact artifact = artifact(coordinates);
        return new Dependency(artifact, scope, false, List.of(artifact), new Dependency.Declaration("pom.xml", line, 9));
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

    private static DependencyGraph eurekaAndConfigClient() {
        return graph(direct("org.springframework.boot:spring-boot-starter-web:3.3.5", "compile", 24),
                direct("org.springframework.cloud:spring-cloud-starter-netflix-eureka-client:4.1.3", "compile", 28),
                direct("org.springframework.cloud:spring-cloud-starter-config:4.1.3", "compile", 32),
                direct("org.springframework.boot:spring-boot-starter-test:3.3.5", "test", 36));
    }

    @Nested
    class Violating {

        @Test
        void reportsDiscoveryAndConfigClientsOfASmallServiceAtTheFirstStarter() {
            List<Finding> findings = smallService().dependencies(eurekaAndConfigClient()).findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("pom.xml", 28, 9);
            assertThat(findings.get(0).message()).isEqualTo("module `greeting-service` declares "
                    + "`spring-cloud-starter-netflix-eureka-client`, `spring-cloud-starter-config` but has only 4 main "
                    + "classes (fewer than 40): service discovery and central configuration add operational overhead "
                    + "that a service this small rarely repays; start with a modular monolith and split services out "
                    + "when scale or domain complexity demands it");
            assertThat(findings.get(0).symbol())
                    .isEqualTo("org.springframework.cloud:spring-cloud-starter-netflix-eureka-client");
        }

        @Test
        void reportsAStarterBroughtByACompanyStarterAtThatStartersDeclaration() {
            Dependency platform = direct("com.acme.platform:acme-service-starter:2.4.0", "compile", 41);
            Artifact consul = artifact("org.springframework.cloud:spring-cloud-starter-consul-discovery:4.1.2");
            Dependency undeclared = new Dependency(consul, "compile", false, List.of(platform.artifact(), consul), null);
            List<Finding> findings = smallService()
                    .dependencies(graph(direct("org.springframework.boot:spring-boot-starter-web:3.3.5", "compile", 24),
                            platform, undeclared))
                    .findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("pom.xml", 41, 9);
            assertThat(findings.get(0).message())
                    .startsWith("module `greeting-service` declares `spring-cloud-starter-consul-discovery` but has only 4");
            assertThat(findings.get(0).symbol()).isEqualTo("com.acme.platform:acme-service-starter");
        }

        @Test
        void reportsKubernetesZookeeperNacosAndMicronautDiscoveryClients() {
            List<Finding> findings = tester()
                    .java("com/acme/greeting/GreetingApplication.java", APPLICATION)
                    .dependencies(graph(
                            direct("org.springframework.cloud:spring-cloud-starter-kubernetes-client-all:3.1.3", "compile", 30),
                            direct("org.springframework.cloud:spring-cloud-starter-zookeeper-discovery:4.1.2", "runtime", 34),
                            direct("com.alibaba.cloud:spring-cloud-starter-alibaba-nacos-config:2023.0.1.2", "compile", 38),
                            direct("io.micronaut.discovery:micronaut-discovery-client:4.4.0", "compile", 42)))
                    .findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line).containsExactly("pom.xml", 30);
            assertThat(findings.get(0).message()).contains("declares `spring-cloud-starter-kubernetes-client-all`, "
                    + "`spring-cloud-starter-zookeeper-discovery`, `spring-cloud-starter-alibaba-nacos-config`, "
                    + "`micronaut-discovery-client` but has only 1 main class (fewer than 40)");
        }

        @Test
        void reportsBelowAConfiguredThreshold() {
            List<Finding> findings = serviceWithTypes(45).parameter("minClasses", "60")
                    .dependencies(eurekaAndConfigClient()).findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line).containsExactly("pom.xml", 28);
            assertThat(findings.get(0).message()).contains("but has only 45 main classes (fewer than 60)");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresAServiceWithEnoughClasses() {
            serviceWithTypes(40).dependencies(eurekaAndConfigClient()).expectNoFindings();
        }

        @Test
        void ignoresAThresholdLoweredBelowTheClassCount() {
            smallService().parameter("minClasses", "4").dependencies(eurekaAndConfigClient()).expectNoFindings();
        }

        @Test
        void ignoresDiscoveryServerConfigServerAndGatewayModules() {
            tester().java("com/acme/registry/RegistryApplication.java", """
                            package com.acme.registry;

                            import org.springframework.boot.SpringApplication;
                            import org.springframework.boot.autoconfigure.SpringBootApplication;
                            import org.springframework.cloud.netflix.eureka.server.EnableEurekaServer;

                            @SpringBootApplication
                            @EnableEurekaServer
                            public class RegistryApplication {
                                public static void main(String[] args) {
                                    SpringApplication.run(RegistryApplication.class, args);
                                }
                            }
                            """)
                    .dependencies(graph(
                            direct("org.springframework.cloud:spring-cloud-starter-netflix-eureka-server:4.1.3", "compile", 22),
                            direct("org.springframework.cloud:spring-cloud-starter-config:4.1.3", "compile", 26)))
                    .expectNoFindings();
            tester().java("com/acme/edge/EdgeApplication.java", APPLICATION.replace("GreetingApplication", "EdgeApplication")
                            .replace("com.acme.greeting", "com.acme.edge"))
                    .dependencies(graph(
                            direct("org.springframework.cloud:spring-cloud-starter-gateway:4.1.5", "compile", 22),
                            direct("org.springframework.cloud:spring-cloud-starter-netflix-eureka-client:4.1.3", "compile", 26)))
                    .expectNoFindings();
            Dependency configServer = direct("org.springframework.cloud:spring-cloud-config-server:4.1.3", "compile", 22);
            tester().java("com/acme/greeting/GreetingApplication.java", APPLICATION)
                    .dependencies(graph(configServer,
                            through(configServer, "org.springframework.cloud:spring-cloud-starter-config:4.1.3")))
                    .expectNoFindings();
        }

        @Test
        void ignoresAdminServerHystrixDashboardAndTurbineModules() {
            // Monitoring servers register with discovery and read central config, and are one class by design.
            tester().java("com/acme/admin/AdminApplication.java", APPLICATION.replace("GreetingApplication", "AdminApplication")
                            .replace("com.acme.greeting", "com.acme.admin"))
                    .dependencies(graph(
                            direct("org.springframework.cloud:spring-cloud-starter-config:4.1.3", "compile", 22),
                            direct("org.springframework.cloud:spring-cloud-starter-netflix-eureka-client:4.1.3", "compile", 26),
                            direct("de.codecentric:spring-boot-admin-starter-server:3.3.4", "compile", 30)))
                    .expectNoFindings();
            tester().java("com/acme/greeting/GreetingApplication.java", APPLICATION)
                    .dependencies(graph(
                            direct("org.springframework.cloud:spring-cloud-starter-config:2.2.8.RELEASE", "compile", 22),
                            direct("org.springframework.cloud:spring-cloud-starter-netflix-hystrix-dashboard:2.2.10.RELEASE",
                                    "compile", 26)))
                    .expectNoFindings();
            tester().java("com/acme/greeting/GreetingApplication.java", APPLICATION)
                    .dependencies(graph(
                            direct("org.springframework.cloud:spring-cloud-starter-netflix-eureka-client:2.2.10.RELEASE",
                                    "compile", 22),
                            direct("org.springframework.cloud:spring-cloud-starter-netflix-turbine-stream:2.2.10.RELEASE",
                                    "compile", 26)))
                    .expectNoFindings();
        }

        @Test
        void ignoresOtherSpringCloudStartersAndTestScopedOnes() {
            smallService().dependencies(graph(
                            direct("org.springframework.cloud:spring-cloud-starter-openfeign:4.1.3", "compile", 24),
                            direct("org.springframework.cloud:spring-cloud-starter-circuitbreaker-resilience4j:3.1.2",
                                    "compile", 28),
                            direct("org.springframework.cloud:spring-cloud-starter-stream-kafka:4.1.3", "compile", 32),
                            direct("org.springframework.cloud:spring-cloud-starter-netflix-eureka-client:4.1.3", "test", 36),
                            direct("org.springframework.cloud:spring-cloud-contract-wiremock:4.1.4", "test", 40)))
                    .expectNoFindings();
        }

        @Test
        void ignoresAModuleWithoutSources() {
            tester().dependencies(eurekaAndConfigClient()).expectNoFindings();
        }

        @Test
        void honoursAnIgnoreCommentAboveTheDependency() {
            String pom = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                        <modelVersion>4.0.0</modelVersion>
                        <parent>
                            <groupId>org.springframework.boot</groupId>
                            <artifactId>spring-boot-starter-parent</artifactId>
                            <version>3.3.5</version>
                        </parent>
                        <groupId>com.acme</groupId>
                        <artifactId>greeting-service</artifactId>
                        <version>1.0.0</version>
                        <dependencies>
                            <dependency>
                                <groupId>org.springframework.boot</groupId>
                                <artifactId>spring-boot-starter-web</artifactId>
                            </dependency>
                            <!-- archlint:ignore premature-microservices registers with the company's existing registry -->
                            <dependency>
                                <groupId>org.springframework.cloud</groupId>
                                <artifactId>spring-cloud-starter-netflix-eureka-client</artifactId>
                            </dependency>
                        </dependencies>
                    </project>
                    """;
            int line = pom.lines().toList().indexOf("        <!-- archlint:ignore premature-microservices registers "
                    + "with the company's existing registry -->") + 2;
            smallService().file("pom.xml", pom)
                    .dependencies(graph(direct("org.springframework.boot:spring-boot-starter-web:3.3.5", "compile", 13),
                            direct("org.springframework.cloud:spring-cloud-starter-netflix-eureka-client:4.1.3", "compile",
                                    line)))
                    .expectNoFindings();
            assertThat(line).isEqualTo(18);
        }
    }
}
