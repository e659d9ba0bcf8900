package io.archlint.rules.security;

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

class NoAuthenticationRuleTest {

    private static final Artifact APP = new Artifact("com.acme", "accounts-service", "1.0.0");

    private static final String ACCOUNT_CONTROLLER = """
            package com.acme.accounts.web;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.PathVariable;
            import org.springframework.web.bind.annotation.RequestMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            @RequestMapping("/accounts")
            public class AccountController {
                private final AccountService accounts;

                public AccountController(AccountService accounts) {
                    this.accounts = accounts;
                }

                @GetMapping("/{id}")
                public AccountDto one(@PathVariable long id) {
                    return accounts.find(id);
                }
            }
            """;

    private static final String TRANSFER_CONTROLLER = """
            package com.acme.accounts.web;

            import org.springframework.web.bind.annotation.PostMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            class TransferController {
                @PostMapping("/transfers")
                void transfer() {}
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new NoAuthenticationRule());
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

    private static DependencyGraph springWeb(Dependency... more) {
        Dependency web = direct("org.springframework.boot:spring-boot-starter-web:3.3.5", "compile");
        List<Dependency> all = new ArrayList<>(List.of(web, through(web, "org.springframework:spring-webmvc:6.1.14")));
        all.addAll(List.of(more));
        return graph(all.toArray(Dependency[]::new));
    }

    @Nested
    class Violating {

        @Test
        void reportsOnceAtTheFirstControllerWithTheControllerCount() {
            List<Finding> findings = tester().dependencies(springWeb())
                    .java("com/acme/accounts/web/AccountController.java", ACCOUNT_CONTROLLER)
                    .java("com/acme/accounts/web/TransferController.java", TRANSFER_CONTROLLER)
                    .findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("src/main/java/com/acme/accounts/web/AccountController.java", 8, 1);
            assertThat(finding.message()).isEqualTo("module `accounts-service` exposes 2 controllers (first "
                    + "`AccountController`) but has no authentication framework; add one (Spring Security with "
                    + "`spring-boot-starter-oauth2-resource-server`, `quarkus-oidc`, Micronaut Security) and "
                    + "authenticate every request");
            assertThat(finding.symbol()).isEqualTo("com.acme.accounts.web.AccountController");
        }

        @Test
        void reportsWhenSecurityIsOnlyOnTheTestClasspath() {
            Dependency securityTest = direct("org.springframework.security:spring-security-test:6.3.4", "test");
            tester().dependencies(springWeb(securityTest, through(securityTest,
                            "org.springframework.security:spring-security-core:6.3.4")))
                    .java("com/acme/accounts/web/TransferController.java", """
                            package com.acme.accounts.web;

                            import org.springframework.web.bind.annotation.PostMapping;
                            import org.springframework.web.bind.annotation.RestController;

                            // violation: module `accounts-service` exposes 1 controller (first `TransferController`) but has no authentication framework
                            @RestController
                            class TransferController {
                                @PostMapping("/transfers")
                                void transfer() {}
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsQuarkusResourcesWithoutOidcOrJwt() {
            tester().dependencies(graph(direct("io.quarkus:quarkus-rest-jackson:3.15.1", "compile"),
                            direct("io.quarkus:quarkus-smallrye-health:3.15.1", "compile"),
                            direct("io.quarkus:quarkus-test-security:3.15.1", "test")))
                    .java("com/acme/accounts/AccountResource.java", """
                            package com.acme.accounts;

                            import jakarta.ws.rs.GET;
                            import jakarta.ws.rs.Path;
                            import jakarta.ws.rs.PathParam;

                            // violation: exposes 1 controller (first `AccountResource`) but has no authentication framework
                            @Path("/accounts")
                            public class AccountResource {
                                @GET
                                @Path("/{id}")
                                public String one(@PathParam("id") long id) {
                                    return "";
                                }
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsWhenAFilterReadsNoCredentials() {
            tester().dependencies(graph(direct("io.micronaut:micronaut-http-server-netty:4.6.5", "compile")))
                    .java("com/acme/accounts/AccountController.java", """
                            package com.acme.accounts;

                            import io.micronaut.http.annotation.Controller;
                            import io.micronaut.http.annotation.Get;

                            // violation: first `AccountController`) but has no authentication framework
                            @Controller("/accounts")
                            public class AccountController {
                                @Get("/{id}")
                                public String one(long id) {
                                    return "";
                                }
                            }
                            """)
                    .java("com/acme/accounts/CorrelationFilter.java", """
                            package com.acme.accounts;

                            import jakarta.servlet.Filter;
                            import jakarta.servlet.FilterChain;
                            import jakarta.servlet.ServletRequest;
                            import jakarta.servlet.ServletResponse;

                            public class CorrelationFilter implements Filter {
                                @Override
                                public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                                        throws java.io.IOException, jakarta.servlet.ServletException {
                                    org.slf4j.MDC.put("correlationId", ((jakarta.servlet.http.HttpServletRequest) request).getHeader("X-Correlation-Id"));
                                    chain.doFilter(request, response);
                                }
                            }
                            """)
                    .java("com/acme/accounts/TokenForwarder.java", """
                            package com.acme.accounts;

                            public class TokenForwarder {
                                String header() {
                                    return "Authorization";
                                }
                            }
                            """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresModulesWithAnAuthenticationFrameworkDirectOrTransitive() {
            List<Dependency> frameworks = List.of(
                    direct("org.springframework.boot:spring-boot-starter-security:3.3.5", "compile"),
                    direct("org.springframework.boot:spring-boot-starter-oauth2-resource-server:3.3.5", "compile"),
                    direct("org.springframework.security:spring-security-web:6.3.4", "compile"),
                    direct("io.quarkus:quarkus-oidc:3.15.1", "compile"),
                    direct("io.quarkus:quarkus-smallrye-jwt:3.15.1", "compile"),
                    direct("io.quarkus:quarkus-security-jpa:3.15.1", "compile"),
                    direct("io.quarkus:quarkus-elytron-security-properties-file:3.15.1", "compile"),
                    direct("io.micronaut.security:micronaut-security-jwt:4.10.0", "compile"),
                    direct("org.apache.shiro:shiro-spring-boot-web-starter:2.0.1", "compile"),
                    direct("org.pac4j:pac4j-oidc:6.0.6", "compile"),
                    direct("org.keycloak:keycloak-servlet-filter-adapter:22.0.5", "compile"),
                    direct("io.jsonwebtoken:jjwt-api:0.12.6", "compile"),
                    direct("jakarta.platform:jakarta.jakartaee-api:10.0.0", "provided"));
            for (Dependency framework : frameworks) {
                tester().dependencies(springWeb(framework))
                        .java("com/acme/accounts/web/AccountController.java", ACCOUNT_CONTROLLER)
                        .expectNoFindings();
            }
            Dependency starter = direct("com.acme.platform:acme-web-starter:2.1.0", "compile");
            tester().dependencies(springWeb(starter, through(starter,
                            "org.springframework.security:spring-security-config:6.3.4")))
                    .java("com/acme/accounts/web/AccountController.java", ACCOUNT_CONTROLLER)
                    .expectNoFindings();
        }

        @Test
        void ignoresModulesWithoutControllers() {
            tester().dependencies(graph(direct("org.springframework.kafka:spring-kafka:3.2.4", "compile")))
                    .java("com/acme/accounts/AccountEvents.java", """
                            package com.acme.accounts;

                            import org.springframework.kafka.annotation.KafkaListener;
                            import org.springframework.stereotype.Component;

                            @Component
                            class AccountEvents {
                                @KafkaListener(topics = "accounts")
                                void on(String event) {}
                            }
                            """).expectNoFindings();
        }

        @Test
        void ignoresModulesWhoseOwnFilterChecksTheAuthorizationHeader() {
            tester().dependencies(springWeb())
                    .java("com/acme/accounts/web/AccountController.java", ACCOUNT_CONTROLLER)
                    .java("com/acme/accounts/web/ApiKeyFilter.java", """
                            package com.acme.accounts.web;

                            import jakarta.servlet.FilterChain;
                            import jakarta.servlet.http.HttpServletRequest;
                            import jakarta.servlet.http.HttpServletResponse;
                            import org.springframework.web.filter.OncePerRequestFilter;

                            public class ApiKeyFilter extends OncePerRequestFilter {
                                @Override
                                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                        FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
                                    if (!"secret-from-vault".equals(request.getHeader("X-API-Key"))) {
                                        response.sendError(401);
                                        return;
                                    }
                                    chain.doFilter(request, response);
                                }
                            }
                            """).expectNoFindings();
            tester().dependencies(graph(direct("io.quarkus:quarkus-rest:3.15.1", "compile")))
                    .java("com/acme/accounts/AccountResource.java", """
                            package com.acme.accounts;

                            import jakarta.ws.rs.GET;
                            import jakarta.ws.rs.Path;

                            @Path("/accounts")
                            public class AccountResource {
                                @GET
                                public String all() {
                                    return "[]";
                                }
                            }
                            """)
                    .java("com/acme/accounts/BearerTokenFilter.java", """
                            package com.acme.accounts;

                            import jakarta.ws.rs.container.ContainerRequestContext;
                            import jakarta.ws.rs.container.ContainerRequestFilter;
                            import jakarta.ws.rs.core.HttpHeaders;
                            import jakarta.ws.rs.core.Response;
                            import jakarta.ws.rs.ext.Provider;

                            @Provider
                            public class BearerTokenFilter implements ContainerRequestFilter {
                                @Override
                                public void filter(ContainerRequestContext context) {
                                    String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
                                    if (header == null) {
                                        context.abortWith(Response.status(401).build());
                                    }
                                }
                            }
                            """).expectNoFindings();
        }

        @Test
        void ignoresSuppressionOnTheFirstController() {
            tester().dependencies(springWeb())
                    .java("com/acme/accounts/web/AccountController.java", """
                            package com.acme.accounts.web;

                            import org.springframework.web.bind.annotation.GetMapping;
                            import org.springframework.web.bind.annotation.RestController;

                            // archlint:ignore no-authentication mTLS and token checks enforced by the service mesh
                            @RestController
                            public class AccountController {
                                @GetMapping("/accounts")
                                public String all() {
                                    return "[]";
                                }
                            }
                            """).expectNoFindings();
        }
    }
}
