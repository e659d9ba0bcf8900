package io.archlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PermitAllEndpointsRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new PermitAllEndpointsRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsAnyRequestPermitAllInLambdaDsl() {
            tester().java("com/acme/orders/SecurityConfig.java", """
                    package com.acme.orders;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.config.Customizer;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.web.SecurityFilterChain;

                    @Configuration
                    public class SecurityConfig {

                        @Bean
                        SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
                            return http
                                    .authorizeHttpRequests(auth -> auth
                                            .requestMatchers("/admin/**").hasRole("ADMIN")
                                            // violation: `SecurityConfig#filterChain` lets every request through without authentication (`anyRequest().permitAll()`)
                                            .anyRequest().permitAll())
                                    .httpBasic(Customizer.withDefaults())
                                    .build();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsWholePathSpaceInChainedDsl() {
            tester().java("com/acme/legacy/WebSecurityConfig.java", """
                    package com.acme.legacy;

                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

                    public class WebSecurityConfig extends WebSecurityConfigurerAdapter {

                        private static final String EVERYTHING = "/**";

                        @Override
                        protected void configure(HttpSecurity http) throws Exception {
                            http.authorizeRequests()
                                    // violation: permits the whole path space (`antMatchers("/**").permitAll()`)
                                    .antMatchers(EVERYTHING).permitAll()
                                    .and()
                                    .formLogin();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsWebFluxAnyExchangeAndPathMatchers() {
            tester().java("com/acme/reactive/ReactiveSecurity.java", """
                    package com.acme.reactive;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.http.HttpMethod;
                    import org.springframework.security.config.web.server.ServerHttpSecurity;
                    import org.springframework.security.web.server.SecurityWebFilterChain;

                    class ReactiveSecurity {

                        @Bean
                        SecurityWebFilterChain chain(ServerHttpSecurity http) {
                            return http.authorizeExchange(exchanges -> exchanges
                                            // violation: lets every request through without authentication (`anyExchange().permitAll()`)
                                            .anyExchange().permitAll())
                                    .build();
                        }

                        @Bean
                        SecurityWebFilterChain reads(ServerHttpSecurity http) {
                            return http.authorizeExchange(exchanges -> exchanges
                                            // violation: permits the whole path space (`pathMatchers("/**").permitAll()`)
                                            .pathMatchers(HttpMethod.GET, "/**").permitAll()
                                            .anyExchange().authenticated())
                                    .build();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsRequestMatcherFactoryAndWebIgnoring() {
            tester().java("com/acme/shop/SecurityConfig.java", """
                    package com.acme.shop;

                    import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
                    import org.springframework.security.web.SecurityFilterChain;

                    class SecurityConfig {

                        @Bean
                        SecurityFilterChain chain(HttpSecurity http) throws Exception {
                            return http.authorizeHttpRequests(a -> a
                                            // violation: permits the whole path space (`requestMatchers("/**").permitAll()`)
                                            .requestMatchers(antMatcher("/**")).permitAll())
                                    .build();
                        }

                        @Bean
                        WebSecurityCustomizer webSecurityCustomizer() {
                            // violation: `SecurityConfig#webSecurityCustomizer` takes the whole path space out of Spring Security (`ignoring().requestMatchers("/**")`)
                            return web -> web.ignoring().requestMatchers("/**");
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAtTheAnyRequestLineWithFileAndMessage() {
            var findings = tester().java("com/acme/shop/Sec.java", """
                    package com.acme.shop;

                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;

                    class Sec {
                        void configure(HttpSecurity http) throws Exception {
                            http.authorizeRequests()
                                    .antMatchers("/admin/**").hasRole("ADMIN")
                                    .anyRequest()
                                    .permitAll();
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file()).isEqualTo("src/main/java/com/acme/shop/Sec.java");
            assertThat(findings.get(0).line()).isEqualTo(9);
            assertThat(findings.get(0).message()).contains("`Sec#configure` lets every request through");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresPermitAllOnSpecificPathsAndAuthenticatedCatchAll() {
            tester().java("com/acme/orders/SecurityConfig.java", """
                    package com.acme.orders;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.http.HttpMethod;
                    import org.springframework.security.config.Customizer;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.web.SecurityFilterChain;

                    class SecurityConfig {

                        @Bean
                        SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
                            return http
                                    .authorizeHttpRequests(auth -> auth
                                            .requestMatchers("/actuator/health", "/login", "/public/**").permitAll()
                                            .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                                            .anyRequest().authenticated())
                                    .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()))
                                    .build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresChainLimitedToPublicPaths() {
            tester().java("com/acme/docs/DocsSecurity.java", """
                    package com.acme.docs;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.core.annotation.Order;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.web.server.ServerHttpSecurity;
                    import org.springframework.security.web.SecurityFilterChain;
                    import org.springframework.security.web.server.SecurityWebFilterChain;
                    import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

                    class DocsSecurity {

                        @Bean
                        @Order(1)
                        SecurityFilterChain docs(HttpSecurity http) throws Exception {
                            return http.securityMatcher("/swagger-ui/**", "/v3/api-docs/**")
                                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                                    .build();
                        }

                        SecurityWebFilterChain assets(ServerHttpSecurity http) {
                            return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/assets/**"))
                                    .authorizeExchange(e -> e.anyExchange().permitAll())
                                    .build();
                        }
                    }
                    """).java("com/acme/docs/LegacyPublic.java", """
                    package com.acme.docs;

                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

                    class LegacyPublic extends WebSecurityConfigurerAdapter {
                        @Override
                        protected void configure(HttpSecurity http) throws Exception {
                            http.antMatcher("/public/**").authorizeRequests().anyRequest().permitAll();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresStaticResourcesIgnoredAndDevProfile() {
            tester().java("com/acme/shop/WebConfig.java", """
                    package com.acme.shop;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Profile;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
                    import org.springframework.security.web.SecurityFilterChain;

                    class WebConfig {

                        @Bean
                        WebSecurityCustomizer ignoreStatic() {
                            return web -> web.ignoring().requestMatchers("/css/**", "/js/**", "/favicon.ico");
                        }

                        @Bean
                        @Profile("local")
                        SecurityFilterChain openForLocalDevelopment(HttpSecurity http) throws Exception {
                            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresPermitAllOutsideSpringSecurityAndSuppressed() {
            tester().java("com/acme/acl/Rules.java", """
                    package com.acme.acl;

                    class Rules {
                        Rules anyRequest() { return this; }
                        void permitAll() {}

                        void open() {
                            anyRequest().permitAll();
                        }
                    }
                    """).java("com/acme/kiosk/KioskSecurity.java", """
                    package com.acme.kiosk;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.web.SecurityFilterChain;

                    class KioskSecurity {

                        @Bean
                        SecurityFilterChain kiosk(HttpSecurity http) throws Exception {
                            // archlint:ignore permit-all-endpoints the kiosk only serves the public catalogue
                            return http.authorizeHttpRequests(a -> a.anyRequest().permitAll()).build();
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
