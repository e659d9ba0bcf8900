package io.archlint.rules.security;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.source.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** See {@code hardcoded-secret.md}. */
@RuleInfo(
        id = "hardcoded-secret",
        title = "A password, key or token is written into the code or the configuration",
        category = Category.SECURITY,
        severity = Severity.ERROR,
        facets = {Facet.SOURCES, Facet.CONFIG},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "A secret committed with the code is readable by everyone with access to the repository, its "
                + "history, the built jar and every log of the build; the backend engineer's responsibilities list "
                + "security and data protection, with secure authentication and encryption to protect sensitive data")
public final class HardcodedSecretRule implements Rule {

    /** Name endings, as compact words, that denote a secret: {@code dbPassword}, {@code jwt.secret}, {@code X-Api-Key}. */
    private static final Set<String> SECRET_TERMS = Set.of("password", "passwd", "pwd", "passphrase", "secret",
            "apikey", "token", "privatekey", "credentials", "credential", "signingkey", "secretkey",
            "encryptionkey", "masterkey", "hmackey", "jwtkey");

    /** Shorter values are flags, placeholders or local defaults, not secrets worth a build failure. */
    private static final int MIN_LENGTH = 6;

    /** Whole values that stand for a secret rather than being one. */
    private static final Set<String> PLACEHOLDER_VALUES = Set.of("secret", "password", "passwd", "pwd", "changeme",
            "changeit", "dummy", "test", "placeholder", "none", "null", "nil", "undefined", "empty", "todo", "tbd",
            "example", "sample", "default", "redacted", "token", "apikey", "notset", "unset", "unused");

    /** Words that mark a value as a stand-in: {@code your-api-key}, {@code dummy-token}, {@code replace-me}. */
    private static final Set<String> PLACEHOLDER_WORDS = Set.of("changeme", "changeit", "change", "placeholder",
            "dummy", "example", "sample", "fake", "mock", "test", "todo", "fixme", "tbd", "replace", "your",
            "redacted", "insert", "enter");

    /** Credentials every local database or broker image starts with; tolerated only as a {@code ${VAR:default}} fallback. */
    private static final Set<String> WELL_KNOWN_DEFAULTS = Set.of("postgres", "postgresql", "root", "admin",
            "administrator", "guest", "mysql", "mariadb", "oracle", "changeit", "rabbitmq", "redis", "minioadmin",
            "keycloak", "password", "secret");

    /** Masks and template markers: {@code xxxx}, {@code ****}, {@code <api-key>}, {@code {{token}}}, {@code @db.password@}. */
    private static final Pattern MASK = Pattern.compile("[xX*•#.?_\\-]+|<.*>|\\{\\{.*}}|@[\\w.\\-]+@|\\[.*]");

    /** Encrypted values and password hashes: not the plain secret. */
    private static final Pattern PROTECTED = Pattern.compile(
            "(?i)^(\\{cipher}|ENC\\(|\\{(bcrypt|argon2|pbkdf2|scrypt)[^}]*}|\\$2[aby]?\\$|\\$argon2)");

    /** Where a secret is read from, not the secret: {@code classpath:jwt.pem}, {@code vault:...}, {@code /run/secrets/db}. */
    private static final Pattern LOCATION = Pattern.compile(
            "(?i)^(classpath\\*?:|file:|https?://|vault:|sm://|sm@|aws-secretsmanager:|aws-parameterstore:|/).*"
                    + "|.*\\.(pem|key|jks|p12|pfx|crt|der|json|txt)$");

    /** A PEM private key: a secret whatever it is called. */
    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile("-----BEGIN ([A-Z]+ )*PRIVATE KEY-----");

    /** A whole-value placeholder with a fallback: {@code ${DB_PASSWORD:s3cr3t}}. */
    private static final Pattern PLACEHOLDER_WITH_DEFAULT = Pattern.compile("\\$\\{([^:}]+):(.*)}");

    /** Key words that make a property describe secrets rather than hold one: {@code password.pattern}. */
    private static final Set<String> DESCRIBING_WORDS = Set.of("policy", "pattern", "regex", "regexp", "validation",
            "rule", "rules", "length", "format", "hint", "label", "message", "prompt", "header", "param", "parameter");

    /** Calls that take a name and a value: {@code put("password", ..)}, {@code header("X-Api-Key", ..)}, {@code Map.of(..)}. */
    private static final Set<String> PAIR_METHODS = Set.of("put", "putIfAbsent", "setProperty", "property",
            "withProperty", "header", "addHeader", "setHeader", "defaultHeader", "set", "with", "option", "param",
            "queryParam", "addParameter", "of", "entry", "add", "addValue");

    /** Leading words of methods that work on a secret rather than set one: {@code checkPassword("..")}. */
    private static final Set<String> VERBS = Set.of("check", "verify", "validate", "encode", "hash", "is", "has",
            "get", "find", "read", "load", "match", "matches", "reset", "update", "change", "generate", "create",
            "parse", "decode", "encrypt", "decrypt", "remove", "delete", "mask", "log", "print", "send", "save",
            "store", "sign", "refresh", "revoke", "issue", "extract", "resolve", "fetch", "request", "exchange",
            "rotate", "expire", "invalidate", "contains", "require", "on", "handle", "to", "from", "new", "build",
            "exists", "count", "query", "lookup", "assert");

    /** Calls on a literal that keep its value: {@code "..".getBytes()}, {@code "..".toCharArray()}. */
    private static final Set<String> TRANSPARENT_CALLS = Set.of("getBytes", "toCharArray", "strip", "trim");

    private static final String SPRING_VALUE = "org.springframework.beans.factory.annotation.Value";
    private static final String MICRONAUT_VALUE = "io.micronaut.context.annotation.Value";
    private static final String CONFIG_PROPERTY = "org.eclipse.microprofile.config.inject.ConfigProperty";

    /** How the code holds the literal. */
    private enum Use {
        SET("is set to a hardcoded secret"),
        COMPARED("is compared with a hardcoded secret"),
        FALLBACK("falls back to a hardcoded secret"),
        PRIVATE_KEY("holds a hardcoded private key");

        private final String phrase;

        Use(String phrase) {
            this.phrase = phrase;
        }
    }

    /** A literal the code uses as a secret: the name shown, the names judged, the value. */
    private record Candidate(String label, List<String> names, String value, Use use) {}

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        for (SourceFile file : codebase.sources().files()) {
            checkSource(file, findings);
        }
        for (ConfigEntry entry : codebase.config().entries()) {
            checkConfig(entry, findings);
        }
    }

    private void checkSource(SourceFile file, FindingCollector findings) {
        for (LiteralStringValueExpr literal : file.findAll(LiteralStringValueExpr.class)) {
            String value = literal instanceof StringLiteralExpr string ? string.asString()
                    : literal instanceof TextBlockLiteralExpr block ? block.asString() : null;
            if (value == null) {
                continue;
            }
            Optional<Candidate> candidate = candidate(file, literal, value);
            if (candidate.isEmpty() || SecuritySource.inNonProductionProfile(file, literal)) {
                continue;
            }
            Candidate found = candidate.get();
            Position at = literal.getBegin().orElse(new Position(0, 0));
            findings.report(file.path(), at.line, at.column, SecuritySource.symbol(file, literal),
                    "`" + found.label() + "` " + found.use().phrase + " " + masked(found.value())
                            + "; load it from the environment or a secret store, and rotate the exposed value",
                    evidence(found.label(), found.value()));
        }
    }

    private static Optional<Candidate> candidate(SourceFile file, LiteralStringValueExpr literal, String value) {
        if (PEM_PRIVATE_KEY.matcher(value).find()) {
            String label = nameFor(literal).orElse("string literal");
            return Optional.of(new Candidate(label, List.of(), value, Use.PRIVATE_KEY));
        }
        Node carrier = literal;
        Node parent = literal.getParentNode().orElse(null);
        while (parent instanceof EnclosedExpr || parent instanceof CastExpr || isTransparentCall(parent, carrier)) {
            carrier = parent;
            parent = parent.getParentNode().orElse(null);
        }
        Optional<Candidate> candidate = parent instanceof SingleMemberAnnotationExpr || parent instanceof MemberValuePair
                ? annotationCandidate(file, parent, value)
                : codeCandidate(carrier, parent, value);
        return candidate.filter(c -> c.names().stream().anyMatch(name -> secretTerm(name)
                .filter(term -> c.use() == Use.FALLBACK ? isSecretDefault(c.value(), term) : isSecret(c.value(), term))
                .isPresent()));
    }

    /** {@code "..".getBytes()}: the value goes on unchanged. */
    private static boolean isTransparentCall(Node parent, Node carrier) {
        return parent instanceof MethodCallExpr call && call.getScope().filter(s -> s == carrier).isPresent()
                && TRANSPARENT_CALLS.contains(call.getNameAsString());
    }

    /** A literal in {@code @Value}, {@code @ConfigProperty} or another annotation's attribute. */
    private static Optional<Candidate> annotationCandidate(SourceFile file, Node parent, String value) {
        AnnotationExpr annotation;
        String attribute;
        if (parent instanceof SingleMemberAnnotationExpr single) {
            annotation = single;
            attribute = "value";
        } else if (parent instanceof MemberValuePair pair && pair.getParentNode().orElse(null) instanceof AnnotationExpr a) {
            annotation = a;
            attribute = pair.getNameAsString();
        } else {
            return Optional.empty();
        }
        Optional<String> element = annotatedName(annotation);
        if (file.refersToAny(annotation.getNameAsString(), List.of(SPRING_VALUE, MICRONAUT_VALUE))
                && attribute.equals("value")) {
            Matcher placeholder = PLACEHOLDER_WITH_DEFAULT.matcher(value.strip());
            if (placeholder.matches()) {
                List<String> names = element.map(e -> List.of(placeholder.group(1), e))
                        .orElse(List.of(placeholder.group(1)));
                return Optional.of(new Candidate(placeholder.group(1), names, placeholder.group(2), Use.FALLBACK));
            }
            if (value.contains("${") || value.contains("#{")) {
                return Optional.empty();
            }
            return element.map(e -> new Candidate(e, List.of(e), value, Use.SET));
        }
        if (file.refersTo(annotation.getNameAsString(), CONFIG_PROPERTY)) {
            if (!attribute.equals("defaultValue") || !(annotation instanceof NormalAnnotationExpr normal)) {
                return Optional.empty();
            }
            Optional<String> key = normal.getPairs().stream().filter(p -> p.getNameAsString().equals("name"))
                    .map(MemberValuePair::getValue).filter(StringLiteralExpr.class::isInstance)
                    .map(v -> ((StringLiteralExpr) v).asString()).findFirst();
            String label = key.or(() -> element).orElse("defaultValue");
            List<String> names = key.isPresent() && element.isPresent() ? List.of(key.get(), element.get())
                    : List.of(label);
            return Optional.of(new Candidate(label, names, value, Use.FALLBACK));
        }
        return Optional.of(new Candidate(attribute, List.of(attribute), value, Use.SET));
    }

    private static Optional<String> annotatedName(AnnotationExpr annotation) {
        Node target = annotation.getParentNode().orElse(null);
        if (target instanceof FieldDeclaration field) {
            return Optional.of(field.getVariable(0).getNameAsString());
        }
        if (target instanceof Parameter parameter) {
            return Optional.of(parameter.getNameAsString());
        }
        if (target instanceof MethodDeclaration method) {
            return Optional.of(method.getNameAsString());
        }
        return Optional.empty();
    }

    /** A literal assigned, passed, compared or returned in code. */
    private static Optional<Candidate> codeCandidate(Node carrier, Node parent, String value) {
        if (parent instanceof VariableDeclarator variable && variable.getInitializer().filter(i -> i == carrier).isPresent()) {
            return plain(variable.getNameAsString(), value);
        }
        if (parent instanceof AssignExpr assign && assign.getValue() == carrier
                && assign.getOperator() == AssignExpr.Operator.ASSIGN) {
            return nameOf(assign.getTarget()).flatMap(name -> plain(name, value));
        }
        if (parent instanceof ReturnStmt) {
            return SecuritySource.enclosingMember(parent)
                    .filter(m -> m instanceof MethodDeclaration method && method.getParameters().isEmpty())
                    .map(m -> ((MethodDeclaration) m).getNameAsString())
                    .filter(name -> name.startsWith("get") && name.length() > 3)
                    .flatMap(name -> plain(name, value).map(c -> new Candidate(name, List.of(name.substring(3)),
                            value, Use.SET)));
        }
        if (parent instanceof MethodCallExpr call) {
            return callCandidate(call, carrier, value);
        }
        return Optional.empty();
    }

    private static Optional<Candidate> callCandidate(MethodCallExpr call, Node carrier, String value) {
        String method = call.getNameAsString();
        List<Expression> arguments = call.getArguments();
        int index = -1;
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i) == carrier) {
                index = i;
            }
        }
        if (method.equals("equals") || method.equals("equalsIgnoreCase")) {
            Optional<Expression> other = index == 0 ? call.getScope()
                    : call.getScope().filter(s -> s == carrier).map(s -> arguments.isEmpty() ? null : arguments.get(0));
            return other.flatMap(HardcodedSecretRule::nameOf)
                    .map(name -> new Candidate(name + "." + method + "(..)", List.of(name), value, Use.COMPARED));
        }
        if (index < 0) {
            return Optional.empty();
        }
        if (arguments.size() == 1) {
            List<String> words = SecuritySource.words(method);
            boolean setter = (words.get(0).equals("set") || words.get(0).equals("with")) && words.size() > 1;
            if (setter || !VERBS.contains(words.get(0))) {
                String name = setter ? method.substring(words.get(0).length()) : method;
                return Optional.of(new Candidate(method + "(..)", List.of(name), value, Use.SET));
            }
            return Optional.empty();
        }
        if (index % 2 == 1 && PAIR_METHODS.contains(method) && arguments.get(index - 1) instanceof StringLiteralExpr key) {
            return Optional.of(new Candidate(key.asString(), List.of(key.asString()), value, Use.SET));
        }
        return Optional.empty();
    }

    /** The name a target or operand is known by: {@code password}, {@code this.apiKey}, {@code props.getPassword()}. */
    private static Optional<String> nameOf(Expression expression) {
        if (expression instanceof NameExpr name) {
            return Optional.of(name.getNameAsString());
        }
        if (expression instanceof FieldAccessExpr access) {
            return Optional.of(access.getNameAsString());
        }
        if (expression instanceof MethodCallExpr call && call.getArguments().isEmpty()) {
            String name = call.getNameAsString();
            return Optional.of(name.startsWith("get") && name.length() > 3 ? name.substring(3) : name);
        }
        return Optional.empty();
    }

    /** The declared name around a literal, for private keys: a variable, a field, an assignment target. */
    private static Optional<String> nameFor(Node literal) {
        for (Node n = literal.getParentNode().orElse(null); n != null; n = n.getParentNode().orElse(null)) {
            if (n instanceof VariableDeclarator variable) {
                return Optional.of(variable.getNameAsString());
            }
            if (n instanceof AssignExpr assign) {
                return nameOf(assign.getTarget());
            }
            if (!(n instanceof Expression)) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Candidate> plain(String name, String value) {
        return Optional.of(new Candidate(name, List.of(name), value, Use.SET));
    }

    private void checkConfig(ConfigEntry entry, FindingCollector findings) {
        String key = entry.key();
        String profile = entry.profile();
        if (key.startsWith("%") && key.contains(".")) {
            // Quarkus profile prefix: %dev.quarkus.datasource.password
            profile = key.substring(1, key.indexOf('.'));
            key = key.substring(key.indexOf('.') + 1);
        }
        if (SecuritySource.isNonProductionProfile(profile) || entry.value() == null) {
            return;
        }
        List<String> words = SecuritySource.words(key);
        if (words.stream().anyMatch(DESCRIBING_WORDS::contains)) {
            return;
        }
        Optional<String> term = secretTerm(key);
        if (term.isEmpty()) {
            return;
        }
        String value = entry.value().strip();
        Matcher placeholder = PLACEHOLDER_WITH_DEFAULT.matcher(value);
        String message;
        if (placeholder.matches()) {
            if (!isSecretDefault(placeholder.group(2), term.get())) {
                return;
            }
            message = "`" + entry.key() + "` falls back to a hardcoded secret " + masked(placeholder.group(2))
                    + " in `${" + placeholder.group(1) + ":****}`; drop the default so the value must come from the "
                    + "environment or a secret store, and rotate the exposed value";
        } else {
            if (!isSecret(value, term.get())) {
                return;
            }
            message = "`" + entry.key() + "` is set to a hardcoded secret " + masked(value) + "; reference an "
                    + "environment variable (`${" + environmentName(key) + "}`) or a secret store instead, and rotate "
                    + "the exposed value";
        }
        findings.report(entry.file(), entry.line(), 0, entry.key(), message, evidence(entry.key(), value));
    }

    /** The secret term a name ends with: {@code spring.datasource.password} ends with {@code password}. */
    static Optional<String> secretTerm(String name) {
        List<String> words = SecuritySource.words(name);
        for (int i = words.size() - 1; i >= 0; i--) {
            String suffix = String.join("", words.subList(i, words.size()));
            if (SECRET_TERMS.contains(suffix)) {
                return Optional.of(suffix);
            }
        }
        return Optional.empty();
    }

    /** Whether a value assigned to a name ending in {@code term} looks like a real secret. */
    static boolean isSecret(String raw, String term) {
        String value = plain(raw);
        if (value.codePointCount(0, value.length()) < MIN_LENGTH || value.contains("${") || value.contains("#{")) {
            return false;
        }
        if (PROTECTED.matcher(value).find() || LOCATION.matcher(value).matches() || MASK.matcher(value).matches()) {
            return false;
        }
        List<String> words = SecuritySource.words(value);
        String compact = String.join("", words);
        if (PLACEHOLDER_VALUES.contains(compact) || words.stream().anyMatch(PLACEHOLDER_WORDS::contains)
                || compact.contains("changeme") || compact.startsWith("your")) {
            return false;
        }
        if (compact.contains(term)) {
            return false; // names the thing: PASSWORD = "password", API_KEY_HEADER = "X-Api-Key"
        }
        // A sentence is a message, not a secret: "Invalid password, try again".
        return !(value.matches(".*\\s.*") && words.stream().filter(w -> w.matches("[a-z]{2,}")).count() >= 2);
    }

    /**
     * Whether the fallback of a placeholder is a real secret rather than a local default: only a
     * strong-looking value counts ({@code ${DB_PASS:petclinic}} is a local default that the
     * environment overrides; {@code ${API_KEY:pk_9Xq2Lm7Vb4Nc1Zt8}} is a key someone pasted in).
     */
    static boolean isSecretDefault(String raw, String term) {
        String value = raw.strip();
        return !WELL_KNOWN_DEFAULTS.contains(value.toLowerCase(Locale.ROOT)) && isSecret(value, term)
                && looksGenerated(value);
    }

    /**
     * At least 12 characters mixing three of lower case, upper case, digits and symbols, or at
     * least 20 of letters and digits (hex and base64 keys).
     */
    private static boolean looksGenerated(String value) {
        int classes = (value.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (value.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (value.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (value.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        boolean lettersAndDigits = value.chars().anyMatch(Character::isLetter) && value.chars().anyMatch(Character::isDigit);
        return (value.length() >= 12 && classes >= 3) || (value.length() >= 20 && lettersAndDigits);
    }

    /** The secret itself: {@code {noop}s3cr3t} is {@code s3cr3t} stored without encoding. */
    private static String plain(String value) {
        String stripped = value.strip();
        return stripped.startsWith("{noop}") ? stripped.substring("{noop}".length()) : stripped;
    }

    /** {@code `****` (12 characters)}: no character of the secret, only its length. */
    private static String masked(String value) {
        String stripped = plain(value);
        int length = stripped.codePointCount(0, stripped.length());
        return "`****` (" + length + (length == 1 ? " character)" : " characters)");
    }

    /** {@code spring.datasource.password} -> {@code SPRING_DATASOURCE_PASSWORD}. */
    private static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "").toUpperCase(Locale.ROOT);
    }

    /** The fingerprint's evidence: the name and a SHA-256 of the value, so the raw secret is never kept. */
    private static String evidence(String name, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.strip().getBytes(StandardCharsets.UTF_8));
            return name + " sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
