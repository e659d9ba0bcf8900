package io.archlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CsrfDisabledRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new CsrfDisabledRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsLambdaDslDisableWithFormLogin() {
            tester().java("com/acme/shop/SecurityConfig.java", """
                    package com.acme.shop;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.config.Customizer;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.web.SecurityFilterChain;

                    @Configuration
                    public class SecurityConfig {

                        @Bean
                        SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
                            http
                                    // violation: `SecurityConfig#filterChain` disables CSRF protection while the chain logs users in with `formLogin`
                                    .csrf(csrf -> csrf.disable())
                                    .authorizeHttpRequests(auth -> auth
                                            .requestMatchers("/login", "/css/**").permitAll()
                                            .anyRequest().authenticated())
                                    .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/orders"))
                                    .logout(Customizer.withDefaults());
                            return http.build();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsMethodReferenceWithOauth2Login() {
            tester().java("com/acme/portal/WebSecurity.java", """
                    package com.acme.portal;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.config.Customizer;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
                    import org.springframework.security.web.SecurityFilterChain;

                    @Configuration
                    class WebSecurity {

                        @Bean
                        SecurityFilterChain portal(HttpSecurity http) throws Exception {
                            return http
                                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                                    .oauth2Login(Customizer.withDefaults())
                                    // violation: disables CSRF protection while the chain logs users in with `oauth2Login`
                                    .csrf(AbstractHttpConfigurer::disable)
                                    .build();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsChainedDslOfWebSecurityConfigurerAdapter() {
            tester().java("com/acme/legacy/SecurityConfiguration.java", """
                    package com.acme.legacy;

                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

                    @Configuration
                    public class SecurityConfiguration extends WebSecurityConfigurerAdapter {

                        @Override
                        protected void configure(HttpSecurity http) throws Exception {
                            http
                                    .authorizeRequests()
                                        .antMatchers("/admin/**").hasRole("ADMIN")
                                        .anyRequest().authenticated()
                                        .and()
                                    .rememberMe()
                                        .and()
                                    // violation: `SecurityConfiguration#configure` disables CSRF protection while the chain logs users in with `rememberMe`
                                    .csrf().disable()
                                    .httpBasic();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsDisableWithoutAnyStatelessPolicy() {
            tester().java("com/acme/orders/ApiSecurity.java", """
                    package com.acme.orders;

                    import static org.springframework.security.config.Customizer.withDefaults;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.web.SecurityFilterChain;

                    @Configuration
                    class ApiSecurity {

                        @Bean
                        SecurityFilterChain api(HttpSecurity http) throws Exception {
                            // violation: keeps the default HTTP session (no `SessionCreationPolicy.STATELESS`
                            http.csrf(c -> {
                                c.disable();
                            });
                            http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).httpBasic(withDefaults());
                            return http.build();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsExplicitSessionPolicyThatKeepsSessions() {
            tester().java("com/acme/admin/AdminSecurity.java", """
                    package com.acme.admin;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.http.SessionCreationPolicy;
                    import org.springframework.security.web.SecurityFilterChain;

                    @Configuration
                    class AdminSecurity {

                        @Bean
                        SecurityFilterChain admin(HttpSecurity http) throws Exception {
                            http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                                    // violation: `sessionCreationPolicy(IF_REQUIRED)` keeps HTTP sessions
                                    .csrf(csrf -> csrf.disable())
                                    .authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"));
                            return http.build();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsWebFluxCsrfSpecDisableWithFormLogin() {
            tester().java("com/acme/reactive/ReactiveSecurity.java", """
                    package com.acme.reactive;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.config.Customizer;
                    import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
                    import org.springframework.security.config.web.server.ServerHttpSecurity;
                    import org.springframework.security.web.server.SecurityWebFilterChain;

                    @Configuration
                    @EnableWebFluxSecurity
                    class ReactiveSecurity {

                        @Bean
                        SecurityWebFilterChain springSecurityFilterChain(ServerHttpSecurity http) {
                            return http
                                    // violation: disables CSRF protection while the chain logs users in with `formLogin`
                                    .csrf(ServerHttpSecurity.CsrfSpec::disable)
                                    .authorizeExchange(e -> e.pathMatchers("/login").permitAll().anyExchange().authenticated())
                                    .formLogin(Customizer.withDefaults())
                                    .build();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAtTheCsrfLineWithFileAndMessage() {
            var findings = tester().java("com/acme/shop/Sec.java", """
                    package com.acme.shop;

                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;

                    class Sec {
                        void configure(HttpSecurity http) throws Exception {
                            http.formLogin()
                                    .and()
                                    .csrf()
                                    .disable();
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file()).isEqualTo("src/main/java/com/acme/shop/Sec.java");
            assertThat(findings.get(0).line()).isEqualTo(9);
            assertThat(findings.get(0).message()).contains("`Sec#configure` disables CSRF protection");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresStatelessJwtApiWithResourceServer() {
            tester().java("com/acme/api/ResourceServerConfig.java", """
                    package com.acme.api;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.config.Customizer;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
                    import org.springframework.security.web.SecurityFilterChain;

                    @Configuration
                    class ResourceServerConfig {

                        @Bean
                        SecurityFilterChain api(HttpSecurity http) throws Exception {
                            return http
                                    .csrf(AbstractHttpConfigurer::disable)
                                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                                    .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()))
                                    .build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresStatelessPolicyWithJwtFilterInChainedDsl() {
            tester().java("com/acme/api/JwtSecurityConfig.java", """
                    package com.acme.api;

                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;
                    import org.springframework.security.config.http.SessionCreationPolicy;
                    import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

                    @Configuration
                    public class JwtSecurityConfig extends WebSecurityConfigurerAdapter {

                        private final JwtAuthenticationFilter jwtAuthenticationFilter;

                        public JwtSecurityConfig(JwtAuthenticationFilter jwtAuthenticationFilter) {
                            this.jwtAuthenticationFilter = jwtAuthenticationFilter;
                        }

                        @Override
                        protected void configure(HttpSecurity http) throws Exception {
                            http.csrf().disable()
                                    .sessionManagement().sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                                    .and()
                                    .authorizeRequests().antMatchers("/auth/**").permitAll().anyRequest().authenticated()
                                    .and()
                                    .addFilterBefore(jwtAuthenticationFilter, UsernamePasswordAuthenticationFilter.class);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresTokenFilterWithoutExplicitPolicyAndDisabledFormLogin() {
            tester().java("com/acme/api/TokenSecurity.java", """
                    package com.acme.api;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
                    import org.springframework.security.web.SecurityFilterChain;
                    import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

                    @Configuration
                    class TokenSecurity {

                        @Bean
                        SecurityFilterChain api(HttpSecurity http, BearerTokenAuthFilter bearerTokenAuthFilter) throws Exception {
                            return http
                                    .csrf(AbstractHttpConfigurer::disable)
                                    .formLogin(AbstractHttpConfigurer::disable)
                                    .httpBasic(b -> b.disable())
                                    .addFilterBefore(bearerTokenAuthFilter, UsernamePasswordAuthenticationFilter.class)
                                    .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                                    .build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresWebFluxChainWithNoOpSecurityContext() {
            tester().java("com/acme/reactive/ApiSecurity.java", """
                    package com.acme.reactive;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.security.config.web.server.ServerHttpSecurity;
                    import org.springframework.security.web.server.SecurityWebFilterChain;
                    import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

                    class ApiSecurity {

                        @Bean
                        SecurityWebFilterChain api(ServerHttpSecurity http) {
                            return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                                    .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                                    .authorizeExchange(e -> e.anyExchange().authenticated())
                                    .httpBasic(b -> {})
                                    .build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresCsrfKeptOnOrPartlyIgnored() {
            tester().java("com/acme/shop/SecurityConfig.java", """
                    package com.acme.shop;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.security.config.Customizer;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.web.SecurityFilterChain;
                    import org.springframework.security.web.csrf.CookieCsrfTokenRepository;

                    class SecurityConfig {

                        @Bean
                        SecurityFilterChain web(HttpSecurity http) throws Exception {
                            return http
                                    .csrf(csrf -> csrf
                                            .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                                            .ignoringRequestMatchers("/webhooks/stripe"))
                                    .formLogin(Customizer.withDefaults())
                                    .build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresLocalProfileAndCodeWithoutSpringSecurity() {
            tester().java("com/acme/shop/LocalSecurity.java", """
                    package com.acme.shop;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Profile;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.web.SecurityFilterChain;

                    @Profile({"local", "test"})
                    class LocalSecurity {

                        @Bean
                        SecurityFilterChain local(HttpSecurity http) throws Exception {
                            return http.csrf(c -> c.disable()).formLogin(f -> {}).build();
                        }
                    }
                    """).java("com/acme/shop/FormToken.java", """
                    package com.acme.shop;

                    class FormToken {
                        private final Protection protection = new Protection();

                        void turnOff() {
                            protection.csrf().disable();
                        }

                        static class Protection {
                            Protection csrf() { return this; }
                            void disable() {}
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSuppressedFinding() {
            tester().java("com/acme/shop/SecurityConfig.java", """
                    package com.acme.shop;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.security.config.Customizer;
                    import org.springframework.security.config.annotation.web.builders.HttpSecurity;
                    import org.springframework.security.web.SecurityFilterChain;

                    class SecurityConfig {

                        @Bean
                        @SuppressWarnings("archlint:csrf-disabled")
                        SecurityFilterChain web(HttpSecurity http) throws Exception {
                            return http.csrf(c -> c.disable()).formLogin(Customizer.withDefaults()).build();
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
