package io.archlint.rules.errors;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** See {@code sensitive-data-logged.md}. */
@RuleInfo(
        id = "sensitive-data-logged",
        title = "A log call writes a password, token, card number or other secret",
        category = Category.ERRORS,
        severity = Severity.WARNING,
        facets = {Facet.SOURCES},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "Logs are copied to aggregators, tickets and laptops and kept for months; a secret written there "
                + "has left the system. The backend mistakes article counts protecting sensitive data among the "
                + "security foundations, and its structured-logging advice is about what goes into the log")
public final class SensitiveDataLoggedRule implements Rule {

    /** Names whose last word is one of these hold a secret: {@code password}, {@code clientSecret}, {@code accessToken}. */
    private static final Set<String> SECRET_LAST_WORDS = Set.of("password", "passwd", "passphrase", "secret", "token",
            "cvv", "cvc", "cvv2", "ssn", "apikey");

    /** Two-word endings that hold a secret: {@code apiKey}, {@code cardNumber}, {@code privateKey}. */
    private static final Set<List<String>> SECRET_ENDINGS = Set.of(List.of("api", "key"), List.of("card", "number"),
            List.of("private", "key"), List.of("security", "code"));

    /** Names that are a secret only as the whole name: {@code pan}, a primary account number. */
    private static final Set<String> SECRET_WHOLE_NAMES = Set.of("pan");

    /** Words that say the value was made safe to show: {@code maskedCardNumber}, {@code passwordHash}. */
    private static final Set<String> SAFE_WORDS = Set.of("masked", "mask", "hashed", "hash", "encoded", "encrypted",
            "redacted", "obfuscated", "anonymized", "anonymised", "truncated", "last4", "digest");

    /** First words of predicates: {@code hasPassword}, {@code isTokenExpired}. */
    private static final Set<String> PREDICATE_PREFIXES = Set.of("is", "has", "can", "should", "needs", "requires");

    /** Calls on a secret that give away nothing of it. */
    private static final Set<String> SAFE_CALLS = Set.of("length", "isEmpty", "isBlank", "isPresent", "hashCode",
            "equals", "equalsIgnoreCase", "startsWith", "endsWith", "contains", "matches", "size", "getClass",
            "compareTo");

    /** Calls that mask, hash or redact their argument before it is logged. */
    private static final Pattern MASKING_CALL =
            Pattern.compile("(?i).*(mask|redact|hash|obfuscat|encrypt|encode|digest|anonymi|sanitiz|sanitis|truncat"
                    + "|abbreviat|last4|fingerprint|sha\\d*|md5).*");

    /** Types whose whole object carries credentials. */
    private static final Pattern CREDENTIAL_TYPE = Pattern.compile("\\w*(Credentials|LoginRequest)");

    /** A constant by Java naming convention: a header or property name, not a runtime secret. */
    private static final String CONSTANT_NAME = "[A-Z][A-Z0-9_]*";

    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_$\\-]+");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        for (SourceFile file : sources.files()) {
            for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
                if (LogCalls.family(file, call).isEmpty()) {
                    continue;
                }
                Set<String> reported = new LinkedHashSet<>();
                for (Expression argument : call.getArguments()) {
                    for (Expression value : argument.findAll(Expression.class)) {
                        Optional<String> what = sensitive(sources, file, value);
                        if (what.isPresent() && leaksFrom(value, argument) && reported.add(what.get())) {
                            findings.report(file, value, JavaScopes.symbol(file, value), "`"
                                    + JavaScopes.shortSymbol(value) + "` logs " + what.get()
                                    + "; leave it out of the log or log a masked form");
                        }
                    }
                }
            }
        }
    }

    /** What a sensitive expression is, for the message; never its value. */
    private static Optional<String> sensitive(SourceFacet sources, SourceFile file, Expression value) {
        if (value instanceof NameExpr name) {
            String identifier = name.getNameAsString();
            if (identifier.matches(CONSTANT_NAME)) {
                return Optional.empty(); // a constant such as a header name; hardcoded-secret covers literal secrets
            }
            if (isSecretName(identifier)) {
                return Optional.of("`" + identifier + "`");
            }
            if (isScopeOfAccess(value)) {
                return Optional.empty(); // request.username(): one property, not the whole object
            }
            return JavaScopes.declaredType(identifier, value)
                    .map(JavaScopes::written)
                    .filter(type -> CREDENTIAL_TYPE.matcher(simpleName(type)).matches())
                    .filter(type -> !hasOwnToString(sources, file, type))
                    .map(type -> "the whole `" + simpleName(type) + "` `" + identifier + "`");
        }
        if (value instanceof FieldAccessExpr access && isSecretName(access.getNameAsString())
                && !access.getNameAsString().matches(CONSTANT_NAME)) {
            return Optional.of("`" + access + "`");
        }
        if (value instanceof MethodCallExpr call && call.getArguments().isEmpty() && call.getScope().isPresent()) {
            String property = propertyName(call.getNameAsString());
            if (isSecretName(property)) {
                return Optional.of("`" + call.getNameAsString() + "()`");
            }
        }
        return Optional.empty();
    }

    private static boolean isScopeOfAccess(Expression value) {
        Node parent = value.getParentNode().orElse(null);
        return parent instanceof MethodCallExpr call && call.getScope().map(s -> s == value).orElse(false)
                || parent instanceof FieldAccessExpr access && access.getScope() == value;
    }

    /** The property a getter or record accessor reads: {@code getApiKey} is {@code apiKey}. */
    private static String propertyName(String method) {
        if (method.length() > 3 && method.startsWith("get") && Character.isUpperCase(method.charAt(3))) {
            return Character.toLowerCase(method.charAt(3)) + method.substring(4);
        }
        return method;
    }

    /** Whether a name, split into words, names a secret (see the constants above). */
    static boolean isSecretName(String identifier) {
        List<String> words = words(identifier);
        if (words.isEmpty() || PREDICATE_PREFIXES.contains(words.get(0)) && words.size() > 1) {
            return false;
        }
        if (words.stream().anyMatch(SAFE_WORDS::contains)) {
            return false;
        }
        String last = words.get(words.size() - 1);
        if (SECRET_LAST_WORDS.contains(last)) {
            return true;
        }
        if (words.size() >= 2 && SECRET_ENDINGS.contains(words.subList(words.size() - 2, words.size()))) {
            return true;
        }
        return words.size() == 1 && SECRET_WHOLE_NAMES.contains(last);
    }

    static List<String> words(String identifier) {
        List<String> words = new ArrayList<>();
        for (String word : WORD_BOUNDARY.split(identifier)) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * Whether the value itself reaches the log: not only tested ({@code token == null},
     * {@code password.isBlank()}), measured or passed through a masking call.
     */
    private static boolean leaksFrom(Expression value, Expression argument) {
        Node child = value;
        for (Node n = value.getParentNode().orElse(null); n != null && JavaScopes.within(n, argument);
                child = n, n = n.getParentNode().orElse(null)) {
            if (n instanceof MethodCallExpr call) {
                boolean onIt = call.getScope().isPresent() && call.getScope().get() == child;
                if (onIt && SAFE_CALLS.contains(call.getNameAsString())) {
                    return false;
                }
                if (!onIt && MASKING_CALL.matcher(call.getNameAsString()).matches()) {
                    return false;
                }
            }
            if (n instanceof BinaryExpr binary && binary.getOperator() != BinaryExpr.Operator.PLUS) {
                return false;
            }
            if (n instanceof UnaryExpr || n instanceof InstanceOfExpr) {
                return false;
            }
            if (n instanceof com.github.javaparser.ast.expr.ConditionalExpr conditional
                    && JavaScopes.within(value, conditional.getCondition())) {
                return false;
            }
        }
        return true;
    }

    /** A credentials type of the module's own that defines {@code toString}, which may mask. */
    private static boolean hasOwnToString(SourceFacet sources, SourceFile file, String written) {
        return sources.type(file.resolve(written))
                .map(t -> overridesToString(t.declaration()))
                .orElse(false);
    }

    private static boolean overridesToString(TypeDeclaration<?> type) {
        return type.getMethodsByName("toString").stream().anyMatch(m -> m.getParameters().isEmpty())
                || type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
    }

    private static String simpleName(String written) {
        return written.substring(written.lastIndexOf('.') + 1);
    }
}
