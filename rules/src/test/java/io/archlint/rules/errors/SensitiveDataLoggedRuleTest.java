package io.archlint.rules.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SensitiveDataLoggedRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new SensitiveDataLoggedRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsPasswordAndTokenParametersAndGetters() {
            tester().java("com/acme/auth/AuthService.java", """
                    package com.acme.auth;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;

                    public class AuthService {
                        private static final Logger log = LoggerFactory.getLogger(AuthService.class);

                        public void login(String username, String password) {
                            // violation: `AuthService#login` logs `password`; leave it out of the log or log a masked form
                            log.debug("Login attempt {} with {}", username, password);
                        }

                        public void refresh(Session session) {
                            // violation: logs `getRefreshToken()`
                            log.info("Refreshing with " + session.getRefreshToken());
                            // violation: logs `accessToken()`
                            log.info("New token {}", session.accessToken());
                        }

                        interface Session {
                            String getRefreshToken();
                            String accessToken();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsPaymentDataAndApiKeysWithLombokLoggers() {
            tester().java("com/acme/payments/PaymentClient.java", """
                    package com.acme.payments;

                    import lombok.extern.slf4j.Slf4j;

                    @Slf4j
                    public class PaymentClient {
                        private final String apiKey;
                        private final String client_secret;

                        PaymentClient(String apiKey, String clientSecret) {
                            this.apiKey = apiKey;
                            this.client_secret = clientSecret;
                        }

                        public void charge(Card card, String cvv) {
                            // violation: logs `getCardNumber()`
                            log.info("Charging card {} exp {}", card.getCardNumber(), card.getExpiry());
                            // violation: logs `cvv`
                            log.debug("cvv={}", cvv);
                            // violation: logs `this.apiKey`
                            log.trace("Using key {}", this.apiKey);
                            // violation: logs `client_secret`
                            log.trace("Using secret {}", client_secret);
                        }

                        record Card(String cardNumber, String expiry) {
                            String getCardNumber() { return cardNumber; }
                            String getExpiry() { return expiry; }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsTheWholeLoginRequestOrCredentialsObject() {
            tester().java("com/acme/auth/LoginRequest.java", """
                    package com.acme.auth;

                    public record LoginRequest(String email, String password) {}
                    """).java("com/acme/auth/LoginController.java", """
                    package com.acme.auth;

                    import org.apache.logging.log4j.LogManager;
                    import org.apache.logging.log4j.Logger;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class LoginController {
                        private static final Logger LOG = LogManager.getLogger(LoginController.class);

                        @PostMapping("/login")
                        public void login(@RequestBody LoginRequest request, DbCredentials credentials) {
                            // violation: logs the whole `LoginRequest` `request`
                            LOG.info("Login request {}", request);
                            // violation: logs the whole `DbCredentials` `credentials`
                            LOG.warn("Connecting with " + credentials);
                        }

                        record DbCredentials(String user, String password) {}
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSsnInJulLogAndOnlyOncePerCall() {
            tester().java("com/acme/people/PersonService.java", """
                    package com.acme.people;

                    import java.util.logging.Level;
                    import java.util.logging.Logger;

                    public class PersonService {
                        private static final Logger LOGGER = Logger.getLogger(PersonService.class.getName());

                        public void verify(String ssn) {
                            // violation: logs `ssn`
                            LOGGER.log(Level.INFO, "Verifying " + ssn + " (" + ssn.trim() + ")");
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresNamesThatOnlyContainASecretWord() {
            tester().java("com/acme/auth/TokenService.java", """
                    package com.acme.auth;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;

                    public class TokenService {
                        private static final Logger log = LoggerFactory.getLogger(TokenService.class);

                        public void issue(int tokenCount, long tokenExpiry, String tokenizer, String passwordPolicyName,
                                String tokenType, String passwordHash, String maskedCardNumber, boolean hasPassword,
                                String companyName, String span) {
                            log.info("Issued {} tokens expiring {} via {}", tokenCount, tokenExpiry, tokenizer);
                            log.info("Policy {} type {} hash {}", passwordPolicyName, tokenType, passwordHash);
                            log.info("Card {} has password {} company {} {}", maskedCardNumber, hasPassword,
                                    companyName, span);
                            log.warn("Password reset requested; token sent by e-mail");
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSecretsThatAreOnlyTestedMeasuredOrMasked() {
            tester().java("com/acme/auth/AuthService.java", """
                    package com.acme.auth;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;

                    public class AuthService {
                        private static final Logger log = LoggerFactory.getLogger(AuthService.class);
                        private static final String TOKEN = "X-Auth-Token";

                        public void login(String username, String password, String token) {
                            log.debug("Password present: {}", password != null);
                            log.debug("Password length {}", password.length());
                            log.debug("Blank token? {}", token.isBlank());
                            log.info("Token {}", mask(token));
                            log.info("Header {} for {}", TOKEN, username);
                            log.info("Token kind {}", token == null ? "none" : "bearer");
                        }

                        private static String mask(String value) {
                            return "****";
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSingleFieldsOfRequestsAndCredentialsWithTheirOwnToString() {
            tester().java("com/acme/auth/ApiCredentials.java", """
                    package com.acme.auth;

                    public record ApiCredentials(String clientId, String secret) {
                        @Override
                        public String toString() {
                            return "ApiCredentials[clientId=" + clientId + ", secret=****]";
                        }
                    }
                    """).java("com/acme/auth/LoginService.java", """
                    package com.acme.auth;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;

                    public class LoginService {
                        private static final Logger log = LoggerFactory.getLogger(LoginService.class);

                        public void login(LoginRequest request, ApiCredentials credentials) {
                            log.info("Login for {}", request.email());
                            log.info("Calling upstream as {}", credentials);
                        }

                        public record LoginRequest(String email, String password) {}
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSecretsPassedToThingsThatAreNotLoggers() {
            tester().java("com/acme/auth/AuthService.java", """
                    package com.acme.auth;

                    public class AuthService {
                        private final Encoder encoder = new Encoder();
                        private final Audit audit = new Audit();

                        public void login(String password) {
                            audit.info("login", encoder.encode(password));
                            audit.info("login", password);
                        }

                        static class Encoder {
                            String encode(String raw) { return raw; }
                        }

                        static class Audit {
                            void info(String what, String detail) {}
                        }
                    }
                    """).expectNoFindings();
        }
    }

    @Test
    void splitsNamesIntoWholeWords() {
        assertThat(SensitiveDataLoggedRule.words("apiKey")).containsExactly("api", "key");
        assertThat(SensitiveDataLoggedRule.words("API_KEY")).containsExactly("api", "key");
        assertThat(SensitiveDataLoggedRule.words("refreshTokenValue")).containsExactly("refresh", "token", "value");
        assertThat(SensitiveDataLoggedRule.isSecretName("accessToken")).isTrue();
        assertThat(SensitiveDataLoggedRule.isSecretName("tokenizer")).isFalse();
        assertThat(SensitiveDataLoggedRule.isSecretName("tokenCount")).isFalse();
        assertThat(SensitiveDataLoggedRule.isSecretName("passwordPolicyName")).isFalse();
        assertThat(SensitiveDataLoggedRule.isSecretName("pan")).isTrue();
        assertThat(SensitiveDataLoggedRule.isSecretName("span")).isFalse();
    }

    @Test
    void reportsAtTheArgumentAndNeverPrintsAValue() {
        var findings = tester().java("com/acme/auth/AuthService.java", """
                package com.acme.auth;

                import org.slf4j.Logger;

                public class AuthService {
                    private Logger log;

                    void login(String user, String password) {
                        log.info("{} / {}",
                                user, password);
                    }
                }
                """).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("src/main/java/com/acme/auth/AuthService.java");
            assertThat(f.line()).isEqualTo(10);
            assertThat(f.column()).isEqualTo(23);
            assertThat(f.message()).isEqualTo("`AuthService#login` logs `password`; leave it out of the log or log a masked form");
        });
    }

    @Test
    void honoursSuppressionsWithAReason() {
        tester().java("com/acme/auth/DevTokens.java", """
                package com.acme.auth;

                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;

                public class DevTokens {
                    private static final Logger log = LoggerFactory.getLogger(DevTokens.class);

                    @SuppressWarnings("archlint:sensitive-data-logged")
                    void printLocalToken(String token) {
                        log.info("Local dev token {}", token);
                    }

                    void printOther(String refreshToken) {
                        // archlint:ignore sensitive-data-logged local profile only, token is fake
                        log.info("Fake refresh token {}", refreshToken);
                    }
                }
                """).expectNoFindings();
    }
}
