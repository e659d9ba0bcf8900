package io.archlint.rules.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** See {@code cors-wildcard-credentials.md}. */
@RuleInfo(
        id = "cors-wildcard-credentials",
        title = "CORS allows any origin together with credentials",
        category = Category.SECURITY,
        severity = Severity.ERROR,
        facets = {Facet.SOURCES, Facet.CONFIG},
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "A wildcard origin with credentials lets any website call the API with the user's cookies and read "
                + "the answer; CORS policies are part of the backend's first line of defence against unauthorized "
                + "access (backend architecture article)")
public final class CorsWildcardCredentialsRule implements Rule {

    /** Spring MVC, WebFlux, Spring Security and Spring Cloud Gateway all use these CORS types. */
    private static final String[] SPRING_WEB = {
        "org.springframework.web", "org.springframework.security", "org.springframework.cloud.gateway"};
    private static final List<String> CROSS_ORIGIN = List.of("org.springframework.web.bind.annotation.CrossOrigin");
    /** {@code CorsRegistration} (fluent, varargs) and {@code CorsConfiguration} (setters taking a list, adders). */
    private static final Set<String> ORIGIN_CALLS = Set.of("allowedOrigins", "allowedOriginPatterns",
            "setAllowedOrigins", "setAllowedOriginPatterns", "addAllowedOrigin", "addAllowedOriginPattern");
    private static final Set<String> CREDENTIAL_CALLS = Set.of("allowCredentials", "setAllowCredentials");
    /** {@code CorsConfiguration.applyPermitDefaultValues()} allows {@code *} when no origin was set. */
    private static final String PERMIT_DEFAULTS = "applyPermitDefaultValues";
    /** Where a {@code CorsRegistry} chain starts a new registration. */
    private static final String ADD_MAPPING = "addMapping";
    private static final String WILDCARD = "*";
    /** Quarkus' own key for origins, which also accepts a regular expression matching everything. */
    private static final String QUARKUS_ORIGINS = "quarkus.http.cors.origins";
    private static final Set<String> WILDCARD_VALUES = Set.of(WILDCARD, "/.*/");

    /** One CORS setting written in code, on a configuration object. */
    private record Setting(MethodCallExpr call, Expression at, String key) {}

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        for (SourceFile file : sources.files()) {
            if (!SpringSecuritySource.imports(file, SPRING_WEB)) {
                continue;
            }
            checkCalls(sources, file, findings);
            checkAnnotations(file, findings);
        }
        checkConfig(codebase.config().entries(), findings);
    }

    private static void checkCalls(SourceFacet sources, SourceFile file, FindingCollector findings) {
        // Settings grouped by member (method, field) and by the object they configure.
        Map<String, List<Setting>> origins = new LinkedHashMap<>();
        Map<String, List<Setting>> explicitOrigins = new LinkedHashMap<>();
        Map<String, List<Setting>> defaults = new LinkedHashMap<>();
        Map<String, Boolean> credentials = new LinkedHashMap<>();
        for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
            String name = call.getNameAsString();
            if (ORIGIN_CALLS.contains(name)) {
                String key = target(call);
                Optional<Expression> wildcard = wildcardArgument(sources, file, call);
                (wildcard.isPresent() ? origins : explicitOrigins).computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Setting(call, wildcard.orElse(call), key));
            } else if (CREDENTIAL_CALLS.contains(name) && call.getArguments().size() == 1
                    && SpringSecuritySource.isTrue(call.getArgument(0))) {
                credentials.put(target(call), true);
            } else if (name.equals(PERMIT_DEFAULTS) && call.getArguments().isEmpty()) {
                String key = target(call);
                defaults.computeIfAbsent(key, k -> new ArrayList<>()).add(new Setting(call, call, key));
            }
        }
        origins.forEach((key, settings) -> {
            if (credentials.containsKey(key)) {
                for (Setting setting : settings) {
                    report(file, setting.at(), setting.call().getNameAsString(), findings);
                }
            }
        });
        defaults.forEach((key, settings) -> {
            if (credentials.containsKey(key) && !origins.containsKey(key) && !explicitOrigins.containsKey(key)) {
                for (Setting setting : settings) {
                    SpringSecuritySource.reportAtName(findings, file, setting.call(), "`"
                            + SpringSecuritySource.shortSymbol(setting.call()) + "` allows any origin (`" + PERMIT_DEFAULTS
                            + "()` sets `*`) together with `allowCredentials(true)`; list the trusted origins instead");
                }
            }
        });
    }

    private static void report(SourceFile file, Expression at, String call, FindingCollector findings) {
        findings.report(file, at, SpringSecuritySource.symbol(file, at), "`" + SpringSecuritySource.shortSymbol(at)
                + "` allows any origin (`" + call + "(\"*\")`) together with `allowCredentials(true)`, so any website "
                + "can send credentialed requests and read the answers; list the trusted origins instead");
    }

    /**
     * The object a CORS call configures, within its member: the {@code addMapping(..)} registration
     * of a {@code CorsRegistry} chain, the variable or field it is called on, or the new object.
     */
    private static String target(MethodCallExpr call) {
        String member = SpringSecuritySource.enclosingMember(call)
                .map(m -> m.getBegin().map(Object::toString).orElse("") + "|").orElse("|");
        Expression current = call;
        while (current instanceof MethodCallExpr link) {
            if (link != call && link.getNameAsString().equals(ADD_MAPPING)) {
                return member + "mapping@" + link.getBegin().map(Object::toString).orElse("");
            }
            Optional<Expression> scope = link.getScope();
            if (scope.isEmpty()) {
                return member + "this";
            }
            current = scope.get();
        }
        if (current instanceof NameExpr || current instanceof FieldAccessExpr || current instanceof ThisExpr) {
            return member + "name:" + current.toString().replaceFirst("^this\\.", "");
        }
        return member + "new@" + current.getBegin().map(Object::toString).orElse("");
    }

    /** The argument (or the element of a {@code List.of(..)} argument) that allows every origin. */
    private static Optional<Expression> wildcardArgument(SourceFacet sources, SourceFile file, MethodCallExpr call) {
        for (Expression argument : call.getArguments()) {
            if (isWildcard(sources, file, argument)) {
                return Optional.of(argument);
            }
            // setAllowedOrigins(List.of("*")), Arrays.asList("*"), Collections.singletonList("*")
            if (argument instanceof MethodCallExpr list) {
                for (Expression element : list.getArguments()) {
                    if (isWildcard(sources, file, element)) {
                        return Optional.of(element);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isWildcard(SourceFacet sources, SourceFile file, Expression expression) {
        return SpringSecuritySource.stringValue(sources, file, expression).filter(WILDCARD::equals).isPresent();
    }

    /**
     * {@code @CrossOrigin(origins = "*", allowCredentials = "true")}; on a handler, the class's
     * annotation fills what the handler's leaves out. Without origins, {@code @CrossOrigin} allows all.
     */
    private static void checkAnnotations(SourceFile file, FindingCollector findings) {
        for (TypeDeclaration<?> type : file.findAll(TypeDeclaration.class)) {
            Optional<AnnotationExpr> onType = file.annotation(type, CROSS_ORIGIN);
            onType.ifPresent(annotation -> checkAnnotation(file, annotation, Optional.empty(), findings));
            for (MethodDeclaration method : type.getMethods()) {
                file.annotation(method, CROSS_ORIGIN)
                        .ifPresent(annotation -> checkAnnotation(file, annotation, onType, findings));
            }
        }
    }

    private static void checkAnnotation(SourceFile file, AnnotationExpr annotation, Optional<AnnotationExpr> onType,
            FindingCollector findings) {
        Optional<Boolean> ownCredentials = credentials(annotation);
        boolean credentials = ownCredentials.or(() -> onType.flatMap(CorsWildcardCredentialsRule::credentials))
                .orElse(false);
        Optional<Expression> wildcard = wildcardOrigin(annotation);
        boolean ownOrigins = hasOrigins(annotation);
        if (!credentials || wildcard.isEmpty() && ownOrigins) {
            return;
        }
        if (onType.isPresent() && !ownOrigins) {
            // A handler without origins takes the class's; it adds a finding only when it adds the credentials.
            boolean classAllowsAll = wildcardOrigin(onType.get()).isPresent() || !hasOrigins(onType.get());
            if (!classAllowsAll || ownCredentials.isEmpty() || credentials(onType.get()).orElse(false)) {
                return;
            }
        }
        Node at = wildcard.<Node>map(e -> e).orElse(annotation);
        String what = wildcard.isPresent() ? "`@CrossOrigin` allows any origin (`\"*\"`)"
                : onType.isPresent() && wildcardOrigin(onType.get()).isPresent()
                        ? "`@CrossOrigin` inherits any origin (`\"*\"`) from its class"
                        : "`@CrossOrigin` without `origins` allows any origin";
        findings.report(file, at, SpringSecuritySource.symbol(file, annotation), what + " together with `allowCredentials = "
                + "\"true\"` on `" + SpringSecuritySource.shortSymbol(annotation) + "`; list the trusted origins in `origins`");
    }

    private static Optional<Boolean> credentials(AnnotationExpr annotation) {
        return SpringSecuritySource.annotationStrings(annotation, "allowCredentials").stream().findFirst()
                .map(value -> value.strip().equalsIgnoreCase("true"));
    }

    private static boolean hasOrigins(AnnotationExpr annotation) {
        return SpringSecuritySource.attribute(annotation, "origins").isPresent()
                || SpringSecuritySource.attribute(annotation, "value").isPresent()
                || SpringSecuritySource.attribute(annotation, "originPatterns").isPresent();
    }

    private static Optional<Expression> wildcardOrigin(AnnotationExpr annotation) {
        for (String attribute : List.of("origins", "value", "originPatterns")) {
            Optional<Expression> value = SpringSecuritySource.attribute(annotation, attribute);
            if (value.isEmpty()) {
                continue;
            }
            List<Expression> items = value.get() instanceof ArrayInitializerExpr array ? array.getValues()
                    : List.of(value.get());
            for (Expression item : items) {
                if (item.isStringLiteralExpr() && item.asStringLiteralExpr().asString().equals(WILDCARD)) {
                    return Optional.of(item);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Boot's actuator ({@code management.endpoints.web.cors.*}), Spring Cloud Gateway
     * ({@code ...cors-configurations.[/**].*}) and Quarkus ({@code quarkus.http.cors.*}): an
     * allowed-origins key with {@code *} next to an allow-credentials key set to {@code true}.
     */
    private static void checkConfig(List<ConfigEntry> entries, FindingCollector findings) {
        Map<String, List<ConfigEntry>> credentialsByPrefix = new LinkedHashMap<>();
        for (ConfigEntry entry : entries) {
            String last = lastSegment(entry.key());
            if ((last.equals("allowcredentials") || last.equals("accesscontrolallowcredentials"))
                    && entry.value().strip().equalsIgnoreCase("true")) {
                credentialsByPrefix.computeIfAbsent(prefix(entry.key()), k -> new ArrayList<>()).add(entry);
            }
        }
        for (ConfigEntry entry : entries) {
            String last = lastSegment(entry.key());
            boolean originKey = last.equals("allowedorigins") || last.equals("allowedoriginpatterns")
                    || canonical(entry.key()).equals(canonical(QUARKUS_ORIGINS));
            if (!originKey || !hasWildcard(entry.value())) {
                continue;
            }
            boolean withCredentials = credentialsByPrefix.getOrDefault(prefix(entry.key()), List.of()).stream()
                    .anyMatch(c -> c.profile().equals(entry.profile()) || c.isDefaultProfile()
                            || entry.isDefaultProfile());
            if (withCredentials) {
                findings.report(entry.file(), entry.line(), 0, entry.key(), "`" + entry.key() + "` allows any origin "
                        + "(`*`) together with allow-credentials `true`; list the trusted origins instead",
                        entry.key() + "=" + entry.value());
            }
        }
    }

    private static boolean hasWildcard(String value) {
        for (String item : value.split(",")) {
            if (WILDCARD_VALUES.contains(item.strip())) {
                return true;
            }
        }
        return false;
    }

    /** A key without its list index, lower case, without dashes: {@code allowed-origins[0]} is {@code allowedorigins}. */
    private static String canonical(String key) {
        return key.replaceAll("\\[\\d+]$", "").toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static String lastSegment(String key) {
        String canonical = canonical(key);
        return canonical.substring(canonical.lastIndexOf('.') + 1);
    }

    private static String prefix(String key) {
        String canonical = canonical(key);
        return canonical.substring(0, Math.max(0, canonical.lastIndexOf('.')));
    }
}
