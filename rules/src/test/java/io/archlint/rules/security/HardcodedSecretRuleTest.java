package io.archlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HardcodedSecretRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new HardcodedSecretRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsSecretConstantsAndFieldInitialisers() {
            tester().java("com/acme/payments/StripeGateway.java", """
                    package com.acme.payments;

                    import org.springframework.stereotype.Service;

                    @Service
                    public class StripeGateway {
                        // violation: `API_KEY` is set to a hardcoded secret `****` (32 characters); load it from the environment
                        private static final String API_KEY = "pk-acme-51HqLyjWDarjtT1zdp7dcXYZ";
                        // violation: `webhookSigningSecret` is set to a hardcoded secret `****` (18 characters)
                        private final String webhookSigningSecret = "whsec_9fK2LmQx81Zt";
                        // violation: `JWT_SIGNING_KEY` is set to a hardcoded secret
                        static final String JWT_SIGNING_KEY = "q8Vn2kLp0sWx7rTz4yBc";
                        private final String apiBaseUrl = "https://api.stripe.com";
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsLocalVariablesAssignmentsAndCharArrays() {
            tester().java("com/acme/jobs/ExportJob.java", """
                    package com.acme.jobs;

                    public class ExportJob {
                        private String ftpPassword;

                        void connect() {
                            // violation: `dbPassword` is set to a hardcoded secret `****` (11 characters)
                            String dbPassword = "Pr0d#Db2024";
                            // violation: `ftpPassword` is set to a hardcoded secret
                            this.ftpPassword = "ftp-Upl0ad!";
                            // violation: `keyStorePassword` is set to a hardcoded secret
                            char[] keyStorePassword = "k3yst0re!Pw".toCharArray();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSettersBuildersAndPuts() {
            tester().java("com/acme/config/DataSourceConfig.java", """
                    package com.acme.config;

                    import com.zaxxer.hikari.HikariDataSource;
                    import java.util.Map;
                    import java.util.Properties;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.core.userdetails.User;
                    import org.springframework.security.core.userdetails.UserDetails;

                    @Configuration
                    public class DataSourceConfig {

                        @Bean
                        HikariDataSource dataSource() {
                            HikariDataSource ds = new HikariDataSource();
                            ds.setUsername("orders");
                            // violation: `setPassword(..)` is set to a hardcoded secret `****` (13 characters)
                            ds.setPassword("0rders-Pr0d-7");
                            return ds;
                        }

                        @Bean
                        UserDetails admin() {
                            return User.withUsername("admin")
                                    // violation: `password(..)` is set to a hardcoded secret `****` (9 characters)
                                    .password("{noop}Adm1nPa55")
                                    .roles("ADMIN").build();
                        }

                        Properties mail() {
                            Properties props = new Properties();
                            props.put("mail.smtp.user", "noreply@acme.com");
                            // violation: `mail.smtp.password` is set to a hardcoded secret
                            props.put("mail.smtp.password", "Smtp$ecret99");
                            return props;
                        }

                        Map<String, String> headers() {
                            // violation: `X-Api-Key` is set to a hardcoded secret `****` (24 characters)
                            return Map.of("Accept", "application/json", "X-Api-Key", "a1b2c3d4e5f6a7b8c9d0e1f2");
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsValueDefaultsComparisonsAndPrivateKeys() {
            tester().java("com/acme/security/JwtService.java", """
                    package com.acme.security;

                    import org.springframework.beans.factory.annotation.Value;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class JwtService {
                        // violation: `jwt.secret` falls back to a hardcoded secret `****` (26 characters)
                        @Value("${jwt.secret:9a4f2c8d3b7e6f1a0c5d8e2b4f}")
                        private String secret;

                        // violation: `PRIVATE_KEY` holds a hardcoded private key
                        private static final String PRIVATE_KEY = \"""
                                -----BEGIN PRIVATE KEY-----
                                MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7
                                -----END PRIVATE KEY-----
                                \""";

                        boolean isAdmin(String user, String password) {
                            // violation: `password.equals(..)` is compared with a hardcoded secret
                            return user.equals("admin") && password.equals("s3cr3t-Adm1n");
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsLiteralsInMainConfigurationOfEveryProductionProfile() {
            List<Finding> findings = tester()
                    .file("src/main/resources/application.properties", """
                            spring.datasource.url=jdbc:postgresql://db:5432/orders
                            spring.datasource.username=orders
                            spring.datasource.password=Zq7!pLm2vRx9
                            spring.mail.password=${MAIL_PASSWORD}
                            """)
                    .file("src/main/resources/application-prod.yml", """
                            jwt:
                              secret: 4f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c
                            spring:
                              security:
                                oauth2:
                                  client:
                                    registration:
                                      github:
                                        client-id: Iv1.8a61f9b3a7aba766
                                        client-secret: 1c4f2a9e7b3d5f8a0e6c2b9d4a7f1e3c5b8d0a2f
                            payments:
                              api-key: ${PAYMENTS_API_KEY:pk_9Xq2Lm7Vb4Nc1Zt8}
                            """)
                    .findings();
            assertThat(findings).hasSize(4);
            assertThat(findings).extracting(f -> f.file() + ":" + f.line()).containsExactly(
                    "src/main/resources/application-prod.yml:2",
                    "src/main/resources/application-prod.yml:10",
                    "src/main/resources/application-prod.yml:12",
                    "src/main/resources/application.properties:3");
            assertThat(findings.get(0).message()).isEqualTo("`jwt.secret` is set to a hardcoded secret `****` "
                    + "(32 characters); reference an environment variable (`${JWT_SECRET}`) or a secret store instead, "
                    + "and rotate the exposed value");
            assertThat(findings.get(1).message()).contains(
                    "`spring.security.oauth2.client.registration.github.client-secret` is set to a hardcoded secret");
            assertThat(findings.get(2).message()).startsWith("`payments.api-key` falls back to a hardcoded secret "
                    + "`****` (19 characters) in `${PAYMENTS_API_KEY:****}`; drop the default");
            assertThat(findings.get(3).message()).contains("`spring.datasource.password` is set to a hardcoded secret "
                    + "`****` (12 characters)", "`${SPRING_DATASOURCE_PASSWORD}`");
        }

        @Test
        void neverShowsTheSecretValueInAnyFieldOfAFinding() {
            String javaSecret = "pk-acme-51HqLyjWDarjtT1zdp7dc";
            String configSecret = "Zq7!pLm2vRx9";
            RuleTester tester = tester()
                    .java("com/acme/payments/StripeGateway.java", """
                            package com.acme.payments;

                            public class StripeGateway {
                                private static final String API_KEY = "%s";
                            }
                            """.formatted(javaSecret))
                    .file("src/main/resources/application.properties",
                            "spring.datasource.password=" + configSecret + "\n");
            List<Finding> findings = tester.findings();

            assertThat(findings).hasSize(2);
            for (Finding finding : findings) {
                for (String secret : List.of(javaSecret, configSecret)) {
                    assertThat(List.of(finding.message(), finding.symbol(), finding.file(), finding.fingerprint()))
                            .noneMatch(field -> field.contains(secret))
                            .noneMatch(field -> field.contains(secret.substring(0, 4)));
                }
                assertThat(finding.message()).contains("`****` (");
            }
            assertThat(findings).extracting(Finding::message).anyMatch(m -> m.contains("`****` (29 characters)"))
                    .anyMatch(m -> m.contains("`****` (12 characters)"));
        }

        @Test
        void changesTheFingerprintWhenTheSecretChanges() {
            String config = "src/main/resources/application.properties";
            Finding first = tester().file(config, "jwt.secret=4f9a0b1c2d3e4f5a\n").findings().get(0);
            Finding same = tester().file(config, "# rotated soon\njwt.secret=4f9a0b1c2d3e4f5a\n").findings().get(0);
            Finding rotated = tester().file(config, "jwt.secret=7c1e9d3b5a2f8e6d\n").findings().get(0);

            assertThat(same.fingerprint()).isEqualTo(first.fingerprint());
            assertThat(rotated.fingerprint()).isNotEqualTo(first.fingerprint());
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresNamesOfThingsThatAreNotSecrets() {
            tester().java("com/acme/security/SecurityConstants.java", """
                    package com.acme.security;

                    public final class SecurityConstants {
                        public static final String PASSWORD_PARAM = "password";
                        public static final String PASSWORD = "password";
                        public static final String API_KEY_HEADER = "X-Api-Key";
                        public static final String API_KEY = "X-Api-Key";
                        public static final String TOKEN_PREFIX = "Bearer ";
                        public static final String TOKEN_TYPE = "Bearer";
                        public static final String ACCESS_TOKEN = "access_token";
                        public static final String CSRF_TOKEN = "X-CSRF-TOKEN";
                        public static final String JWT_SECRET_PROPERTY = "jwt.secret";
                        public static final String INVALID_PASSWORD = "Invalid password, please try again";
                        public static final String TOKEN_URL = "https://auth.acme.com/oauth/token";
                        public static final String PASSWORD_PATTERN = "^(?=.*[A-Z])(?=.*\\\\d).{12,}$";

                        private SecurityConstants() {}
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresPlaceholdersEmptyAndShortValues() {
            tester().java("com/acme/config/ClientProperties.java", """
                    package com.acme.config;

                    public class ClientProperties {
                        private String password = "";
                        private String apiKey = "changeme";
                        private String clientSecret = "<your-client-secret>";
                        private String token = "xxxxxxxxxxxx";
                        private String secret = "********";
                        private String accessToken = "your-access-token";
                        private String signingKey = "TODO";
                        private String dbPassword = "secret";
                        private String mailPassword = "dummy-password";
                        private String pin = "4711";
                        private String pwd = "abc";
                        private String credentials = "ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)";
                        private String privateKey = "classpath:keys/private.pem";
                        private String adminPassword = "{bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG";
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresEnvironmentLookupsAndValueWithoutDefault() {
            tester().java("com/acme/security/JwtService.java", """
                    package com.acme.security;

                    import org.springframework.beans.factory.annotation.Value;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class JwtService {
                        private final String secret;
                        private final String apiKey = System.getenv("PAYMENTS_API_KEY");

                        @Value("${jwt.refresh-secret:}")
                        private String refreshSecret;

                        @Value("${spring.datasource.password:postgres}")
                        private String dbPassword;

                        @Value("${jwt.ttl:3600s}")
                        private String ttl;

                        public JwtService(@Value("${jwt.secret}") String secret) {
                            this.secret = secret;
                        }

                        boolean matches(String password, String stored) {
                            String token = "Bearer " + secret;
                            return password.equals(stored) && !token.isEmpty();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresLiteralsOfVerbsAndOtherNames() {
            tester().java("com/acme/users/UserService.java", """
                    package com.acme.users;

                    import org.springframework.stereotype.Service;

                    @Service
                    public class UserService {
                        private final PasswordPolicy policy = new PasswordPolicy();

                        void register(String username, String rawPassword) {
                            validatePassword("rawPasswordField");
                            log("password changed for " + username);
                            String tokenEndpoint = "https://auth.acme.com/token";
                            String username2 = "service-account";
                        }

                        void validatePassword(String field) {}

                        void log(String message) {}

                        static class PasswordPolicy {}
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresBeansOfDevelopmentAndTestProfiles() {
            tester().java("com/acme/config/LocalUsers.java", """
                    package com.acme.config;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.context.annotation.Profile;

                    @Configuration
                    @Profile({"dev", "local"})
                    public class LocalUsers {
                        private static final String ADMIN_PASSWORD = "l0cal-Adm1n!";
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresPlaceholdersAndEncryptedValuesInConfiguration() {
            tester().file("src/main/resources/application.yml", """
                    spring:
                      datasource:
                        password: ${DB_PASSWORD}
                      mail:
                        password: ${MAIL_PASSWORD:}
                      rabbitmq:
                        password: ${RABBIT_PASSWORD:guest}
                      data:
                        redis:
                          password: ${REDIS_PASSWORD:petclinic}
                      security:
                        user:
                          password: '{cipher}AQB3bF8m1r9Kx2Lq7Vn4'
                    jwt:
                      secret: ENC(nrmZtkF7T0kjG/VZGC+e3Q==)
                      token-validity-seconds: 86400
                      private-key: classpath:certs/jwt-private.pem
                    app:
                      validation:
                        password: "^(?=.*[A-Z]).{12,}$"
                      api-key: "@payments.api.key@"
                    server:
                      ssl:
                        key-store-password: changeit
                    """).expectNoFindings();
        }

        @Test
        void ignoresDevelopmentTestAndLocalProfiles() {
            tester().file("src/main/resources/application-dev.properties", """
                    spring.datasource.password=postgres-dev
                    """).file("src/main/resources/application-test-containers.yml", """
                    jwt:
                      secret: 4f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c
                    """).file("src/main/resources/application.yml", """
                    spring:
                      datasource:
                        password: ${DB_PASSWORD}
                    ---
                    spring:
                      config:
                        activate:
                          on-profile: local
                      datasource:
                        password: l0cal-Passw0rd
                    """).file("src/main/resources/application.properties", """
                    %dev.quarkus.datasource.password=quarkus-dev
                    %test.quarkus.datasource.password=quarkus-test
                    quarkus.datasource.password=${DB_PASSWORD}
                    """).expectNoFindings();
        }

        @Test
        void ignoresRepositoryLookupsByLiteral() {
            tester().java("com/acme/users/TokenCleanup.java", """
                    package com.acme.users;

                    public class TokenCleanup {
                        private final TokenRepository tokens;

                        TokenCleanup(TokenRepository tokens) {
                            this.tokens = tokens;
                        }

                        void purge() {
                            if (tokens.existsByToken("revoked-marker")) {
                                tokens.deleteByToken("revoked-marker");
                            }
                        }

                        interface TokenRepository {
                            boolean existsByToken(String token);

                            void deleteByToken(String token);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresConfigurationSecretSuppressedWithReason() {
            tester().file("src/main/resources/application.yml", """
                    payments:
                      # archlint:ignore hardcoded-secret public sandbox key from the provider's quick start
                      api-key: pk_sandbox_4eC39HqLyjWDarjt
                    """).expectNoFindings();
        }

        @Test
        void ignoresSuppressedSecretWithReason() {
            tester().java("com/acme/demo/DemoClient.java", """
                    package com.acme.demo;

                    public class DemoClient {
                        // archlint:ignore hardcoded-secret public sandbox key published in the vendor's docs
                        private static final String API_KEY = "pk_sandbox_4eC39HqLyjWDarjt";
                    }
                    """).expectNoFindings();
        }
    }
}
