package io.archlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CorsWildcardCredentialsRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new CorsWildcardCredentialsRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsCorsRegistryChainWithCredentials() {
            tester().java("com/acme/web/WebConfig.java", """
                    package com.acme.web;

                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.web.servlet.config.annotation.CorsRegistry;
                    import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

                    @Configuration
                    public class WebConfig implements WebMvcConfigurer {

                        @Override
                        public void addCorsMappings(CorsRegistry registry) {
                            registry.addMapping("/api/**")
                                    // violation: `WebConfig#addCorsMappings` allows any origin (`allowedOriginPatterns("*")`) together with `allowCredentials(true)`
                                    .allowedOriginPatterns("*")
                                    .allowedMethods("GET", "POST", "PUT", "DELETE")
                                    .allowCredentials(true)
                                    .maxAge(3600);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsCorsConfigurationSourceBeanInSecurityChain() {
            tester().java("com/acme/shop/SecurityConfig.java", """
                    package com.acme.shop;

                    import java.util.List;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.security.config.Customizer;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.web.SecurityFilterChain;
                    import org.springframework.web.cors.CorsConfiguration;
                    import org.springframework.web.cors.CorsConfigurationSource;
                    import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

                    class SecurityConfig {

                        private static final String ANY_ORIGIN = "*";

                        @Bean
                        SecurityFilterChain chain(HttpSecurity http) throws Exception {
                            return http.cors(Customizer.withDefaults()).build();
                        }

                        @Bean
                        CorsConfigurationSource corsConfigurationSource() {
                            CorsConfiguration configuration = new CorsConfiguration();
                            // violation: `SecurityConfig#corsConfigurationSource` allows any origin (`setAllowedOrigins("*")`)
                            configuration.setAllowedOrigins(List.of(ANY_ORIGIN));
                            configuration.setAllowedMethods(List.of("GET", "POST"));
                            configuration.setAllowCredentials(true);
                            UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
                            source.registerCorsConfiguration("/**", configuration);
                            return source;
                        }

                        CorsConfiguration permissive() {
                            CorsConfiguration config = new CorsConfiguration();
                            // violation: allows any origin (`addAllowedOriginPattern("*")`)
                            config.addAllowedOriginPattern("*");
                            config.addAllowedHeader("*");
                            config.setAllowCredentials(Boolean.TRUE);
                            return config;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsWebFluxInlineConfigurationAndPermitDefaults() {
            tester().java("com/acme/reactive/CorsSecurity.java", """
                    package com.acme.reactive;

                    import java.util.Arrays;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.security.config.web.server.ServerHttpSecurity;
                    import org.springframework.security.web.server.SecurityWebFilterChain;
                    import org.springframework.web.cors.CorsConfiguration;

                    class CorsSecurity {

                        @Bean
                        SecurityWebFilterChain chain(ServerHttpSecurity http) {
                            return http.cors(cors -> cors.configurationSource(exchange -> {
                                        CorsConfiguration cfg = new CorsConfiguration();
                                        // violation: allows any origin (`setAllowedOriginPatterns("*")`)
                                        cfg.setAllowedOriginPatterns(Arrays.asList("*"));
                                        cfg.setAllowCredentials(true);
                                        return cfg;
                                    }))
                                    .build();
                        }

                        CorsConfiguration defaults() {
                            CorsConfiguration cfg = new CorsConfiguration();
                            cfg.setAllowCredentials(true);
                            // violation: allows any origin (`applyPermitDefaultValues()` sets `*`)
                            return cfg.applyPermitDefaultValues();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsCrossOriginWithCredentials() {
            tester().java("com/acme/web/AccountController.java", """
                    package com.acme.web;

                    import org.springframework.web.bind.annotation.CrossOrigin;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @CrossOrigin(origins = {"https://app.acme.com",
                            // violation: `@CrossOrigin` allows any origin (`"*"`) together with `allowCredentials = "true"` on `AccountController`
                            "*"}, allowCredentials = "true")
                    public class AccountController {

                        public record Account(String id, String owner) {}

                        @GetMapping("/accounts/me")
                        Account me() {
                            return new Account("42", "ada");
                        }
                    }
                    """).java("com/acme/web/ProfileController.java", """
                    package com.acme.web;

                    import org.springframework.web.bind.annotation.CrossOrigin;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @CrossOrigin("*")
                    public class ProfileController {

                        // violation: `@CrossOrigin` inherits any origin (`"*"`) from its class
                        @CrossOrigin(allowCredentials = "true")
                        @GetMapping("/profile")
                        String profile() {
                            return "ada";
                        }

                        // violation: `@CrossOrigin` inherits any origin (`"*"`) from its class
                        @CrossOrigin(allowCredentials = "true", maxAge = 600)
                        @GetMapping("/other")
                        String other() {
                            return "other";
                        }
                    }
                    """).java("com/acme/web/SessionController.java", """
                    package com.acme.web;

                    import org.springframework.web.bind.annotation.CrossOrigin;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class SessionController {

                        // violation: `@CrossOrigin` without `origins` allows any origin together with `allowCredentials = "true"` on `SessionController#session`
                        @CrossOrigin(allowCredentials = "true")
                        @GetMapping("/session")
                        String session() {
                            return "s";
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsActuatorAndGatewayConfiguration() {
            var findings = tester().java("com/acme/App.java", """
                    package com.acme;

                    class App {}
                    """).file("src/main/resources/application.yml", """
                    management:
                      endpoints:
                        web:
                          cors:
                            allowed-origins: "*"
                            allow-credentials: true
                    spring:
                      cloud:
                        gateway:
                          globalcors:
                            cors-configurations:
                              '[/**]':
                                allowedOriginPatterns:
                                  - "*"
                                allowCredentials: true
                    """).findings();
            assertThat(findings).hasSize(2);
            assertThat(findings).extracting(f -> f.file() + ":" + f.line())
                    .containsExactly("src/main/resources/application.yml:5", "src/main/resources/application.yml:14");
            assertThat(findings.get(0).message()).contains("`management.endpoints.web.cors.allowed-origins` allows any origin");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresListedOriginsWithCredentials() {
            tester().java("com/acme/web/WebConfig.java", """
                    package com.acme.web;

                    import java.util.List;
                    import org.springframework.web.cors.CorsConfiguration;
                    import org.springframework.web.servlet.config.annotation.CorsRegistry;
                    import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

                    public class WebConfig implements WebMvcConfigurer {

                        @Override
                        public void addCorsMappings(CorsRegistry registry) {
                            registry.addMapping("/api/**")
                                    .allowedOrigins("https://app.acme.com", "https://admin.acme.com")
                                    .allowCredentials(true);
                            registry.addMapping("/public/**").allowedOrigins("*");
                        }

                        CorsConfiguration cors() {
                            CorsConfiguration config = new CorsConfiguration();
                            config.setAllowedOriginPatterns(List.of("https://*.acme.com"));
                            config.setAllowCredentials(true);
                            config.applyPermitDefaultValues();
                            return config;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresWildcardWithoutCredentials() {
            tester().java("com/acme/web/PublicApiConfig.java", """
                    package com.acme.web;

                    import java.util.List;
                    import org.springframework.web.cors.CorsConfiguration;
                    import org.springframework.web.reactive.config.CorsRegistry;
                    import org.springframework.web.reactive.config.WebFluxConfigurer;

                    public class PublicApiConfig implements WebFluxConfigurer {

                        private final boolean credentials;

                        public PublicApiConfig(boolean credentials) {
                            this.credentials = credentials;
                        }

                        @Override
                        public void addCorsMappings(CorsRegistry registry) {
                            registry.addMapping("/catalog/**").allowedOriginPatterns("*").allowCredentials(false);
                        }

                        CorsConfiguration open() {
                            CorsConfiguration config = new CorsConfiguration();
                            config.setAllowedOrigins(List.of("*"));
                            config.setAllowCredentials(credentials);
                            return config;
                        }

                        CorsConfiguration partner() {
                            CorsConfiguration partner = new CorsConfiguration();
                            partner.setAllowCredentials(true);
                            partner.addAllowedOrigin("https://partner.example");
                            return partner;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSeparateRegistrationsAndSeparateObjects() {
            tester().java("com/acme/web/MixedCors.java", """
                    package com.acme.web;

                    import org.springframework.web.cors.CorsConfiguration;
                    import org.springframework.web.servlet.config.annotation.CorsRegistry;

                    class MixedCors {

                        void addCorsMappings(CorsRegistry registry) {
                            registry.addMapping("/public/**").allowedOrigins("*");
                            registry.addMapping("/account/**").allowedOrigins("https://app.acme.com").allowCredentials(true);
                        }

                        void two() {
                            CorsConfiguration open = new CorsConfiguration();
                            open.addAllowedOrigin("*");
                            CorsConfiguration app = new CorsConfiguration();
                            app.addAllowedOrigin("https://app.acme.com");
                            app.setAllowCredentials(true);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresCrossOriginWithoutCredentialsOrWithListedOrigins() {
            tester().java("com/acme/web/CatalogController.java", """
                    package com.acme.web;

                    import org.springframework.web.bind.annotation.CrossOrigin;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @CrossOrigin
                    public class CatalogController {

                        @GetMapping("/catalog")
                        String catalog() {
                            return "[]";
                        }

                        @CrossOrigin(origins = "https://app.acme.com", allowCredentials = "true")
                        @GetMapping("/catalog/favourites")
                        String favourites() {
                            return "[]";
                        }

                        @CrossOrigin(origins = "*", allowCredentials = "${cors.credentials:false}")
                        @GetMapping("/catalog/featured")
                        String featured() {
                            return "[]";
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresConfigurationWithListedOriginsOrNoCredentials() {
            tester().java("com/acme/App.java", """
                    package com.acme;

                    class App {}
                    """).file("src/main/resources/application.properties", """
                    management.endpoints.web.cors.allowed-origins=https://ops.acme.com
                    management.endpoints.web.cors.allow-credentials=true
                    quarkus.http.cors.origins=*
                    quarkus.http.cors.access-control-allow-credentials=false
                    """).expectNoFindings();
        }

        @Test
        void ignoresOtherLibrariesAndSuppressedFindings() {
            tester().java("com/acme/edge/EdgeCors.java", """
                    package com.acme.edge;

                    class EdgeCors {
                        static class Policy {
                            Policy allowedOrigins(String... origins) { return this; }
                            Policy allowCredentials(boolean allow) { return this; }
                        }

                        Policy policy() {
                            return new Policy().allowedOrigins("*").allowCredentials(true);
                        }
                    }
                    """).java("com/acme/web/DevCors.java", """
                    package com.acme.web;

                    import org.springframework.web.servlet.config.annotation.CorsRegistry;

                    class DevCors {
                        @SuppressWarnings("archlint:cors-wildcard-credentials")
                        void addCorsMappings(CorsRegistry registry) {
                            registry.addMapping("/**").allowedOriginPatterns("*").allowCredentials(true);
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
