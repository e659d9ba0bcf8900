package io.archlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WeakPasswordHashingRuleTest {

    private static final String MD5_UTIL = """
            package com.acme.util;

            import java.security.MessageDigest;

            public class MD5Util {
                public static String md5Encode(String origin, String charset) {
                    try {
                        MessageDigest md = MessageDigest.getInstance("MD5");
                        return java.util.HexFormat.of().formatHex(md.digest(origin.getBytes(charset)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new WeakPasswordHashingRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsAPasswordGivenToTheModulesOwnDigestHelper() {
            // newbee-ltd/newbee-mall: the helper names no password, its callers do.
            tester().java("com/acme/util/MD5Util.java", MD5_UTIL)
                    .java("com/acme/users/UserService.java", """
                            package com.acme.users;

                            import com.acme.util.MD5Util;

                            public class UserService {
                                public String login(String loginName, String password) {
                                    // violation: `MD5Util.md5Encode(password, "UTF-8")` hashes a password with a fast, unsalted digest (MD5 in `MD5Util#md5Encode`); use BCrypt or Argon2
                                    String passwordMd5 = MD5Util.md5Encode(password, "UTF-8");
                                    return loginName + passwordMd5;
                                }
                            }
                            """)
                    .java("com/acme/admin/AdminService.java", """
                            package com.acme.admin;

                            import com.acme.util.*;

                            public class AdminService {
                                public boolean changePassword(Admin admin, String newPassword) {
                                    // violation: `MD5Util.md5Encode(newPassword, "UTF-8")` hashes a password
                                    admin.setPasswordMd5(MD5Util.md5Encode(newPassword, "UTF-8"));
                                    return true;
                                }
                            }
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsNoOpAndStandardEncoderBeans() {
            tester().java("com/acme/security/SecurityConfig.java", """
                    package com.acme.security;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.crypto.password.NoOpPasswordEncoder;
                    import org.springframework.security.crypto.password.PasswordEncoder;
                    import org.springframework.security.crypto.password.StandardPasswordEncoder;

                    @Configuration
                    public class SecurityConfig {

                        @Bean
                        public PasswordEncoder passwordEncoder() {
                            // violation: `NoOpPasswordEncoder.getInstance()` stores passwords in plain text; use BCrypt or Argon2 through `PasswordEncoderFactories.createDelegatingPasswordEncoder()`
                            return NoOpPasswordEncoder.getInstance();
                        }

                        @Bean
                        public PasswordEncoder legacyEncoder() {
                            // violation: `new StandardPasswordEncoder("pepper")` hashes passwords with fast salted SHA-256 rounds
                            return new StandardPasswordEncoder("pepper");
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsMessageDigestAndLegacyEncoders() {
            tester().java("com/acme/security/LegacyEncoders.java", """
                    package com.acme.security;

                    import org.springframework.security.authentication.encoding.Md5PasswordEncoder;
                    import org.springframework.security.authentication.encoding.ShaPasswordEncoder;
                    import org.springframework.security.crypto.password.LdapShaPasswordEncoder;
                    import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;
                    import org.springframework.security.crypto.password.PasswordEncoder;

                    public class LegacyEncoders {
                        // violation: `new MessageDigestPasswordEncoder("SHA-256")` hashes passwords with a fast digest (`SHA-256`)
                        private final PasswordEncoder sha = new MessageDigestPasswordEncoder("SHA-256");
                        // violation: `new LdapShaPasswordEncoder()` hashes passwords with a single salted SHA-1
                        private final PasswordEncoder ldap = new LdapShaPasswordEncoder();
                        // violation: `new Md5PasswordEncoder()` hashes passwords with MD5
                        private final Object md5 = new Md5PasswordEncoder();
                        // violation: `new ShaPasswordEncoder(256)` hashes passwords with a fast SHA digest
                        private final Object shaLegacy = new ShaPasswordEncoder(256);
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsMessageDigestOverPasswords() {
            tester().java("com/acme/users/UserService.java", """
                    package com.acme.users;

                    import java.nio.charset.StandardCharsets;
                    import java.security.MessageDigest;
                    import java.security.NoSuchAlgorithmException;
                    import java.util.HexFormat;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class UserService {

                        public String register(String email, String rawPassword) throws NoSuchAlgorithmException {
                            // violation: `MessageDigest.getInstance("MD5")` hashes a password with a fast, unsalted digest; use BCrypt or Argon2
                            MessageDigest md = MessageDigest.getInstance("MD5");
                            return HexFormat.of().formatHex(md.digest(rawPassword.getBytes(StandardCharsets.UTF_8)));
                        }

                        String fingerprint(User user) throws NoSuchAlgorithmException {
                            // violation: `MessageDigest.getInstance("SHA-1")` hashes a password
                            MessageDigest sha = MessageDigest.getInstance("SHA-1");
                            sha.update(user.email().getBytes(StandardCharsets.UTF_8));
                            return HexFormat.of().formatHex(sha.digest(user.passwordHash().getBytes(StandardCharsets.UTF_8)));
                        }

                        record User(String email, String passwordHash) {}
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsDigestUtilitiesInPasswordMethodsAndClasses() {
            tester().java("com/acme/auth/PasswordUtils.java", """
                    package com.acme.auth;

                    import com.google.common.hash.Hashing;
                    import java.nio.charset.StandardCharsets;
                    import java.security.MessageDigest;
                    import org.apache.commons.codec.digest.DigestUtils;

                    public final class PasswordUtils {

                        public static String hashPassword(String value) {
                            // violation: `DigestUtils.md5Hex(value)` hashes a password with a fast, unsalted digest
                            return DigestUtils.md5Hex(value);
                        }

                        public static String sha(String pwd) {
                            // violation: `Hashing.sha256()` hashes a password
                            return Hashing.sha256().hashString(pwd, StandardCharsets.UTF_8).toString();
                        }

                        static byte[] digest(byte[] input) throws Exception {
                            // violation: `MessageDigest.getInstance("SHA-512")` hashes a password
                            return MessageDigest.getInstance("SHA-512").digest(input);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsDelegatingEncoderThatEncodesWithNoOp() {
            tester().java("com/acme/security/EncoderConfig.java", """
                    package com.acme.security;

                    import java.util.Map;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
                    import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
                    import org.springframework.security.crypto.password.NoOpPasswordEncoder;
                    import org.springframework.security.crypto.password.PasswordEncoder;

                    public class EncoderConfig {

                        @Bean
                        PasswordEncoder passwordEncoder() {
                            Map<String, PasswordEncoder> encoders = Map.of(
                                    "noop", NoOpPasswordEncoder.getInstance(),
                                    "bcrypt", new BCryptPasswordEncoder());
                            // violation: encodes new passwords with `noop`
                            return new DelegatingPasswordEncoder("noop", encoders);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsFullyQualifiedEncoderWithLocationAndSymbol() {
            List<Finding> findings = tester().java("com/acme/security/WebSecurity.java", """
                    package com.acme.security;

                    public class WebSecurity {
                        Object encoder() {
                            return org.springframework.security.crypto.password.NoOpPasswordEncoder.getInstance();
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file() + ":" + findings.get(0).line())
                    .isEqualTo("src/main/java/com/acme/security/WebSecurity.java:5");
            assertThat(findings.get(0).symbol()).isEqualTo("com.acme.security.WebSecurity#encoder");
            assertThat(findings.get(0).message()).contains("stores passwords in plain text");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresTheModulesDigestHelperGivenOtherValues() {
            tester().java("com/acme/util/MD5Util.java", MD5_UTIL)
                    .java("com/acme/files/Checksums.java", """
                            package com.acme.files;

                            import com.acme.util.MD5Util;

                            public class Checksums {
                                public String etag(String content) {
                                    return MD5Util.md5Encode(content, "UTF-8");
                                }

                                public String resetKey(String passwordResetToken) {
                                    return MD5Util.md5Encode(passwordResetToken, "UTF-8");
                                }
                            }
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresStrongEncoders() {
            tester().java("com/acme/security/SecurityConfig.java", """
                    package com.acme.security;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
                    import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
                    import org.springframework.security.crypto.factory.PasswordEncoderFactories;
                    import org.springframework.security.crypto.password.PasswordEncoder;
                    import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
                    import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;

                    @Configuration
                    public class SecurityConfig {
                        @Bean
                        PasswordEncoder passwordEncoder() {
                            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
                        }

                        PasswordEncoder bcrypt() {
                            return new BCryptPasswordEncoder(12);
                        }

                        PasswordEncoder argon2() {
                            return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
                        }

                        PasswordEncoder pbkdf2() {
                            return Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();
                        }

                        PasswordEncoder scrypt() {
                            return SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresLegacyEncodersKeptOnlyToMatchOldHashes() {
            tester().java("com/acme/security/MigratingEncoderConfig.java", """
                    package com.acme.security;

                    import java.util.HashMap;
                    import java.util.Map;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
                    import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
                    import org.springframework.security.crypto.password.MessageDigestPasswordEncoder;
                    import org.springframework.security.crypto.password.NoOpPasswordEncoder;
                    import org.springframework.security.crypto.password.PasswordEncoder;

                    public class MigratingEncoderConfig {

                        @Bean
                        PasswordEncoder passwordEncoder() {
                            Map<String, PasswordEncoder> encoders = new HashMap<>();
                            encoders.put("bcrypt", new BCryptPasswordEncoder());
                            encoders.put("MD5", new MessageDigestPasswordEncoder("MD5"));
                            encoders.put("noop", NoOpPasswordEncoder.getInstance());
                            DelegatingPasswordEncoder delegating = new DelegatingPasswordEncoder("bcrypt", encoders);
                            delegating.setDefaultPasswordEncoderForMatches(new MessageDigestPasswordEncoder("MD5"));
                            return delegating;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresDigestsForChecksumsEtagsAndCacheKeys() {
            tester().java("com/acme/files/ChecksumService.java", """
                    package com.acme.files;

                    import java.nio.charset.StandardCharsets;
                    import java.security.MessageDigest;
                    import java.util.HexFormat;
                    import org.apache.commons.codec.digest.DigestUtils;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class ChecksumService {

                        public String checksum(byte[] content) throws Exception {
                            MessageDigest sha = MessageDigest.getInstance("SHA-256");
                            return HexFormat.of().formatHex(sha.digest(content));
                        }

                        public String etag(String body) {
                            return "\\"" + org.springframework.util.DigestUtils.md5DigestAsHex(body.getBytes()) + "\\"";
                        }

                        public String cacheKey(String tenant, String query) {
                            return DigestUtils.sha1Hex(tenant + ":" + query);
                        }

                        public String hashResetToken(String token) throws Exception {
                            MessageDigest sha = MessageDigest.getInstance("SHA-256");
                            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresOwnTypesNamedLikeSpringEncoders() {
            tester().java("com/acme/crypto/NoOpPasswordEncoder.java", """
                    package com.acme.crypto;

                    public final class NoOpPasswordEncoder {
                        public static NoOpPasswordEncoder getInstance() {
                            return new NoOpPasswordEncoder();
                        }
                    }
                    """).java("com/acme/crypto/Usage.java", """
                    package com.acme.crypto;

                    public class Usage {
                        Object any() {
                            return new StandardPasswordEncoder();
                        }

                        static class StandardPasswordEncoder {}
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresNoOpEncoderInTestProfileAndSuppressedOnes() {
            tester().java("com/acme/security/TestSecurityConfig.java", """
                    package com.acme.security;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.context.annotation.Profile;
                    import org.springframework.security.crypto.password.NoOpPasswordEncoder;
                    import org.springframework.security.crypto.password.PasswordEncoder;

                    @Configuration
                    @Profile("test")
                    public class TestSecurityConfig {
                        @Bean
                        PasswordEncoder passwordEncoder() {
                            return NoOpPasswordEncoder.getInstance();
                        }
                    }
                    """).java("com/acme/security/LdapBridge.java", """
                    package com.acme.security;

                    import org.springframework.security.crypto.password.LdapShaPasswordEncoder;

                    public class LdapBridge {
                        @SuppressWarnings("archlint:weak-password-hashing") // the directory only accepts SSHA
                        private final LdapShaPasswordEncoder encoder = new LdapShaPasswordEncoder();
                    }
                    """).expectNoFindings();
        }
    }
}
