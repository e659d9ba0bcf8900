package io.archlint.rules.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** See {@code weak-password-hashing.md}. */
@RuleInfo(
        id = "weak-password-hashing",
        title = "Passwords are stored in plain text or with a fast hash",
        category = Category.SECURITY,
        severity = Severity.ERROR,
        facets = {Facet.SOURCES},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "Plain-text or MD5/SHA password hashes fall to a dictionary or GPU attack within hours once the user "
                + "table leaks; the backend engineer's responsibilities list security and data protection, with "
                + "secure authentication to protect sensitive data")
public final class WeakPasswordHashingRule implements Rule {

    private static final String SPRING_PASSWORD = "org.springframework.security.crypto.password.";
    private static final String SPRING_LEGACY = "org.springframework.security.authentication.encoding.";

    /** Spring Security encoders that store passwords in plain text or with a fast digest, and what they do. */
    private static final Map<String, String> WEAK_ENCODERS = Map.ofEntries(
            Map.entry(SPRING_PASSWORD + "NoOpPasswordEncoder", "stores passwords in plain text"),
            Map.entry(SPRING_LEGACY + "PlaintextPasswordEncoder", "stores passwords in plain text"),
            Map.entry(SPRING_PASSWORD + "StandardPasswordEncoder", "hashes passwords with fast salted SHA-256 rounds"),
            Map.entry(SPRING_PASSWORD + "MessageDigestPasswordEncoder", "hashes passwords with a fast digest"),
            Map.entry(SPRING_PASSWORD + "LdapShaPasswordEncoder", "hashes passwords with a single salted SHA-1"),
            Map.entry(SPRING_PASSWORD + "Md4PasswordEncoder", "hashes passwords with MD4"),
            Map.entry(SPRING_LEGACY + "Md5PasswordEncoder", "hashes passwords with MD5"),
            Map.entry(SPRING_LEGACY + "Md4PasswordEncoder", "hashes passwords with MD4"),
            Map.entry(SPRING_LEGACY + "ShaPasswordEncoder", "hashes passwords with a fast SHA digest"),
            Map.entry(SPRING_LEGACY + "LdapShaPasswordEncoder", "hashes passwords with a single salted SHA-1"),
            Map.entry("org.springframework.security.ldap.authentication.LdapShaPasswordEncoder",
                    "hashes passwords with a single salted SHA-1"));

    /** A delegating encoder keeps legacy encoders to match old hashes while it encodes new ones strongly. */
    private static final String DELEGATING = SPRING_PASSWORD + "DelegatingPasswordEncoder";
    private static final String FACTORIES = "org.springframework.security.crypto.factory.PasswordEncoderFactories";
    private static final String PASSWORD_ENCODER = SPRING_PASSWORD + "PasswordEncoder";

    /** Encoder ids of a {@code DelegatingPasswordEncoder} that encode new passwords weakly. */
    private static final Set<String> WEAK_IDS = Set.of("noop", "md4", "md5", "sha-1", "sha-256", "sha1", "sha256",
            "ldap", "plaintext");

    private static final String MESSAGE_DIGEST = "java.security.MessageDigest";
    private static final String COMMONS_DIGEST = "org.apache.commons.codec.digest.DigestUtils";
    private static final String SPRING_DIGEST = "org.springframework.util.DigestUtils";
    private static final String GUAVA_HASHING = "com.google.common.hash.Hashing";
    private static final Set<String> GUAVA_DIGESTS = Set.of("md5", "sha1", "sha256", "sha384", "sha512");

    /** Calls that feed data into a {@code MessageDigest}. */
    private static final Set<String> DIGEST_INPUTS = Set.of("digest", "update");

    /** Words that say a value is a password. */
    private static final Set<String> PASSWORD_WORDS = Set.of("password", "passwd", "pwd", "passphrase", "passcode");

    /** Method-name words that say the password word is about something else: {@code hashPasswordResetToken}. */
    private static final Set<String> OTHER_SECRETS = Set.of("token", "reset", "otp", "code", "link");

    /** Class-name words that, after a password word, make the whole class about hashing passwords. */
    private static final Set<String> HASHER_WORDS = Set.of("encoder", "hasher", "hash", "hashing", "util", "utils",
            "helper", "digest", "crypt", "crypto", "encryptor");

    private static final String ADVICE = "use BCrypt or Argon2 through "
            + "`PasswordEncoderFactories.createDelegatingPasswordEncoder()`";

    /** A static method of the module that digests its input with a fast digest and names no password itself. */
    private record DigestHelper(String owner, String method, String algorithm) {}

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        Map<String, DigestHelper> helpers = new java.util.HashMap<>();
        for (SourceFile file : codebase.sources().files()) {
            checkEncoders(file, findings);
            checkDigests(file, findings, helpers);
        }
        if (!helpers.isEmpty()) {
            for (SourceFile file : codebase.sources().files()) {
                checkHelperCalls(file, helpers, findings);
            }
        }
    }

    /**
     * Calls of the module's own digest helpers with a password: {@code MD5Util.MD5Encode(password,
     * "UTF-8")} (newbee-ltd/newbee-mall), where the helper alone says nothing about passwords.
     */
    private static void checkHelperCalls(SourceFile file, Map<String, DigestHelper> helpers, FindingCollector findings) {
        for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
            if (call.getScope().isEmpty() || !isTypeName(call.getScope().get())) {
                continue;
            }
            String owner = call.getScope().get().toString();
            DigestHelper helper = helpers.get(lastSegment(owner) + "#" + call.getNameAsString());
            if (helper == null || !file.refersTo(owner, helper.owner())) {
                continue; // not a helper, or another class of the same simple name
            }
            // A password reset token or one-time code is random, and a fast digest of it is fine.
            if (namesPassword(call.getArguments()) && call.getArguments().stream()
                    .flatMap(a -> a.findAll(NameExpr.class).stream())
                    .noneMatch(n -> SecuritySource.words(n.getNameAsString()).stream().anyMatch(OTHER_SECRETS::contains))) {
                report(file, call, findings, "`" + label(call) + "` hashes a password with a fast, unsalted digest ("
                        + helper.algorithm() + " in `" + lastSegment(helper.owner()) + "#" + helper.method() + "`); "
                        + ADVICE);
            }
        }
    }

    private void checkEncoders(SourceFile file, FindingCollector findings) {
        for (ObjectCreationExpr created : file.findAll(ObjectCreationExpr.class)) {
            String written = created.getType().getNameWithScope();
            if (denotes(file, written, DELEGATING)) {
                weakId(created).ifPresent(id -> report(file, created, findings, "`" + label(created)
                        + "` encodes new passwords with `" + id + "`; " + ADVICE));
                continue;
            }
            weakEncoder(file, written).filter(problem -> !keptForMatching(file, created)).ifPresent(problem -> {
                String detail = algorithm(created).map(a -> problem + " (`" + a + "`)").orElse(problem);
                report(file, created, findings, "`" + label(created) + "` " + detail + "; " + ADVICE);
            });
        }
        for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
            if (!call.getNameAsString().equals("getInstance") || call.getScope().isEmpty()
                    || !isTypeName(call.getScope().get())) {
                continue;
            }
            weakEncoder(file, call.getScope().get().toString()).filter(problem -> !keptForMatching(file, call))
                    .ifPresent(problem -> report(file, call, findings, "`" + label(call) + "` " + problem + "; "
                            + ADVICE));
        }
    }

    private static Optional<String> weakEncoder(SourceFile file, String written) {
        return WEAK_ENCODERS.entrySet().stream().filter(e -> denotes(file, written, e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** {@code new DelegatingPasswordEncoder("noop", encoders)}: new passwords go to a weak encoder. */
    private static Optional<String> weakId(ObjectCreationExpr created) {
        return created.getArguments().stream().findFirst().filter(StringLiteralExpr.class::isInstance)
                .map(a -> ((StringLiteralExpr) a).asString())
                .filter(id -> WEAK_IDS.contains(id.toLowerCase(Locale.ROOT)));
    }

    /**
     * A legacy encoder handed to a delegating encoder only matches hashes stored before a migration:
     * the creation sits where a {@code DelegatingPasswordEncoder} is built, or is passed to
     * {@code setDefaultPasswordEncoderForMatches}.
     */
    private static boolean keptForMatching(SourceFile file, Expression creation) {
        if (creation.getParentNode().orElse(null) instanceof MethodCallExpr call
                && call.getNameAsString().equals("setDefaultPasswordEncoderForMatches")) {
            return true;
        }
        if (SecuritySource.inNonProductionProfile(file, creation)) {
            return true;
        }
        Optional<Node> scope = SecuritySource.enclosingMember(creation);
        if (scope.isEmpty()) {
            return false;
        }
        boolean delegating = scope.get().findAll(ObjectCreationExpr.class).stream()
                .anyMatch(c -> denotes(file, c.getType().getNameWithScope(), DELEGATING));
        boolean factory = scope.get().findAll(MethodCallExpr.class).stream()
                .anyMatch(c -> c.getNameAsString().equals("createDelegatingPasswordEncoder"));
        return delegating || factory;
    }

    private static Optional<String> algorithm(ObjectCreationExpr created) {
        return created.getArguments().stream().findFirst().filter(StringLiteralExpr.class::isInstance)
                .map(a -> ((StringLiteralExpr) a).asString());
    }

    private void checkDigests(SourceFile file, FindingCollector findings, Map<String, DigestHelper> helpers) {
        for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
            if (call.getScope().isEmpty() || !isTypeName(call.getScope().get())) {
                continue;
            }
            String owner = call.getScope().get().toString();
            String method = call.getNameAsString();
            boolean messageDigest = method.equals("getInstance") && denotes(file, owner, MESSAGE_DIGEST);
            boolean digestUtils = denotes(file, owner, COMMONS_DIGEST) && method.matches("(md|sha).*")
                    || denotes(file, owner, SPRING_DIGEST) && method.matches("(append)?[mM]d5.*")
                    || denotes(file, owner, GUAVA_HASHING) && GUAVA_DIGESTS.contains(method);
            if (!messageDigest && !digestUtils) {
                continue;
            }
            List<Expression> inputs = messageDigest ? digestInputs(call) : chainInputs(call);
            if (hashesPassword(file, call, inputs)) {
                report(file, call, findings, "`" + label(call) + "` hashes a password with a fast, unsalted digest; "
                        + ADVICE);
            } else {
                digestHelper(file, call, messageDigest)
                        .ifPresent(h -> helpers.put(lastSegment(h.owner()) + "#" + h.method(), h));
            }
        }
    }

    /** The static method a digest call is in, as a helper others may call with a password. */
    private static Optional<DigestHelper> digestHelper(SourceFile file, MethodCallExpr call, boolean messageDigest) {
        Optional<MethodDeclaration> method = SecuritySource.enclosingMember(call)
                .filter(MethodDeclaration.class::isInstance)
                .map(MethodDeclaration.class::cast)
                .filter(m -> m.isStatic() && !m.getParameters().isEmpty());
        Optional<TypeDeclaration<?>> type = SecuritySource.enclosingType(call);
        if (method.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        String algorithm = messageDigest && call.getArguments().size() >= 1
                && call.getArgument(0) instanceof StringLiteralExpr literal
                ? literal.asString() : call.getNameAsString();
        return Optional.of(new DigestHelper(file.qualifiedName(type.get()), method.get().getNameAsString(), algorithm));
    }

    /** Whether an argument names a password: a variable, field or getter such as {@code user.getPassword()}. */
    private static boolean namesPassword(List<Expression> arguments) {
        for (Expression argument : arguments) {
            for (Node n : argument.findAll(Node.class)) {
                String name = n instanceof NameExpr nameExpr ? nameExpr.getNameAsString()
                        : n instanceof FieldAccessExpr access ? access.getNameAsString()
                        : n instanceof MethodCallExpr inner ? inner.getNameAsString() : null;
                if (name != null && isPasswordName(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The arguments of {@code digest(..)} and {@code update(..)} calls around a {@code MessageDigest}. */
    private static List<Expression> digestInputs(MethodCallExpr call) {
        Node scope = SecuritySource.enclosingMember(call).filter(CallableDeclaration.class::isInstance)
                .map(Node.class::cast)
                .or(() -> SecuritySource.enclosingType(call).map(Node.class::cast))
                .orElse(call);
        List<Expression> inputs = new ArrayList<>();
        for (MethodCallExpr input : scope.findAll(MethodCallExpr.class)) {
            if (DIGEST_INPUTS.contains(input.getNameAsString())) {
                inputs.addAll(input.getArguments());
            }
        }
        return inputs;
    }

    /** The arguments of a digest call and of the calls chained on it: {@code Hashing.sha256().hashString(password, UTF_8)}. */
    private static List<Expression> chainInputs(MethodCallExpr call) {
        List<Expression> inputs = new ArrayList<>(call.getArguments());
        Expression child = call;
        Node parent = call.getParentNode().orElse(null);
        while (parent instanceof MethodCallExpr chained && chained.getScope().orElse(null) == child) {
            inputs.addAll(chained.getArguments());
            child = chained;
            parent = chained.getParentNode().orElse(null);
        }
        return inputs;
    }

    /** Whether the digest is about a password: its method, parameters, input or class say so. */
    private static boolean hashesPassword(SourceFile file, MethodCallExpr call, List<Expression> inputs) {
        if (namesPassword(inputs)) {
            return true;
        }
        Optional<CallableDeclaration<?>> callable = SecuritySource.enclosingMember(call)
                .filter(CallableDeclaration.class::isInstance).map(c -> (CallableDeclaration<?>) c);
        if (callable.isPresent()) {
            List<String> methodWords = SecuritySource.words(callable.get().getNameAsString());
            if (isPasswordName(callable.get().getNameAsString()) && methodWords.stream().noneMatch(OTHER_SECRETS::contains)) {
                return true;
            }
            if (callable.get().getParameters().stream().anyMatch(p -> isPasswordName(p.getNameAsString()))) {
                return true;
            }
        }
        return SecuritySource.enclosingType(call).map(type -> isPasswordHasher(file, type)).orElse(false);
    }

    /** {@code PasswordUtils}, {@code LegacyPasswordHasher}, or a class implementing Spring's {@code PasswordEncoder}. */
    private static boolean isPasswordHasher(SourceFile file, TypeDeclaration<?> type) {
        if (type instanceof ClassOrInterfaceDeclaration declaration && declaration.getImplementedTypes().stream()
                .anyMatch(t -> denotes(file, t.getNameWithScope(), PASSWORD_ENCODER))) {
            return true;
        }
        List<String> words = SecuritySource.words(type.getNameAsString());
        for (int i = 0; i + 1 < words.size(); i++) {
            if (PASSWORD_WORDS.contains(words.get(i)) && HASHER_WORDS.contains(words.get(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPasswordName(String name) {
        List<String> words = SecuritySource.words(name);
        return words.stream().anyMatch(w -> PASSWORD_WORDS.contains(w) || w.contains("password") || w.contains("passwd"));
    }

    private static boolean isTypeName(Expression scope) {
        return (scope instanceof NameExpr || scope instanceof FieldAccessExpr)
                && Character.isUpperCase(lastSegment(scope.toString()).charAt(0));
    }

    private static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** Whether a written type name means {@code qualifiedName}, and no type of the file's own hides it. */
    private static boolean denotes(SourceFile file, String written, String qualifiedName) {
        if (!file.refersTo(written, qualifiedName)) {
            return false;
        }
        return written.contains(".") || file.findAll(TypeDeclaration.class).stream()
                .noneMatch(t -> t.getNameAsString().equals(written));
    }

    /** The call or creation as written, or its head when the arguments are long. */
    private static String label(Expression expression) {
        String text = expression.toString();
        if (text.length() <= 60 && !text.contains("\n")) {
            return text;
        }
        if (expression instanceof ObjectCreationExpr created) {
            return "new " + created.getType().getNameWithScope() + "(..)";
        }
        MethodCallExpr call = (MethodCallExpr) expression;
        return call.getScope().map(s -> s + ".").orElse("") + call.getNameAsString() + "(..)";
    }

    private static void report(SourceFile file, Expression at, FindingCollector findings, String message) {
        findings.report(file, at, SecuritySource.symbol(file, at), message);
    }
}
