package io.archlint.rules.security;

import com.github.javaparser.Position;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.FactLines;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.dependencies.Artifact;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.WebControllers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Predicate;

/** See {@code no-authentication.md}. */
@RuleInfo(
        id = "no-authentication",
        title = "Web endpoints without an authentication framework",
        category = Category.SECURITY,
        severity = Severity.INFO,
        facets = {Facet.SOURCES, Facet.DEPENDENCIES},
        since = "0.1.0",
        reason = "A service that exposes endpoints but has no authentication on its classpath trusts every caller; "
                + "the backend articles call for Zero Trust security, authenticating every internal API request "
                + "rather than relying on the network perimeter")
public final class NoAuthenticationRule implements ModuleFactsRule {

    /** Authentication frameworks and token libraries; test scope does not count. */
    private static final Predicate<Artifact> AUTHENTICATION = a -> {
        String group = a.groupId();
        String artifact = a.artifactId();
        return switch (group) {
            // spring-security-*, and what the security and OAuth2 starters bring in
            case "org.springframework.security", "org.apache.shiro", "org.pac4j", "org.keycloak",
                    "io.micronaut.security", "io.helidon.security", "io.helidon.security.providers",
                    "io.jsonwebtoken", "com.auth0", "com.nimbusds", "org.bitbucket.b_c" -> true;
            case "org.springframework.boot" -> artifact.equals("spring-boot-starter-security")
                    || artifact.startsWith("spring-boot-starter-oauth2-");
            case "io.quarkus" -> artifact.startsWith("quarkus-oidc") || artifact.startsWith("quarkus-smallrye-jwt")
                    || artifact.startsWith("quarkus-security") || artifact.startsWith("quarkus-elytron-security")
                    || artifact.equals("quarkus-keycloak-authorization");
            case "io.dropwizard" -> artifact.equals("dropwizard-auth");
            case "io.vertx" -> artifact.startsWith("vertx-auth-");
            // Jakarta EE Security and the platform APIs: the application server authenticates
            case "jakarta.security.enterprise", "javax.security.enterprise" -> true;
            case "jakarta.platform" -> artifact.startsWith("jakarta.jakartaee-");
            case "javax" -> artifact.equals("javaee-api") || artifact.equals("javaee-web-api");
            default -> false;
        };
    };

    /** Request filters and interceptors: one that reads credentials is hand-written authentication. */
    private static final List<String> REQUEST_FILTERS = List.of(
            "jakarta.servlet.Filter", "javax.servlet.Filter", "jakarta.servlet.http.HttpFilter", "javax.servlet.http.HttpFilter",
            "org.springframework.web.filter.OncePerRequestFilter", "org.springframework.web.filter.GenericFilterBean",
            "org.springframework.web.servlet.HandlerInterceptor", "org.springframework.web.server.WebFilter",
            "jakarta.ws.rs.container.ContainerRequestFilter", "javax.ws.rs.container.ContainerRequestFilter",
            "io.micronaut.http.filter.HttpServerFilter");

    private static final String CONTROLLER = "controller";
    private static final String READS_CREDENTIALS = "reads-credentials";

    /** Per file: its controllers (position, qualified and simple name) and whether it reads credentials. */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (WebControllers.Controller controller : new WebControllers(codebase.sources(), codebase.stereotypes())
                .controllers()) {
            // The declaration begins at its first annotation, so a comment above the class suppresses the finding.
            Position at = controller.type().getBegin().orElse(new Position(0, 0));
            facts.computeIfAbsent(controller.file().path(), k -> new ArrayList<>()).add(FactLines.join(CONTROLLER,
                    at.line, at.column, controller.qualifiedName(), controller.type().getNameAsString()));
        }
        for (SourceFile file : codebase.sources().files()) {
            if (readsCredentials(codebase, file)) {
                facts.computeIfAbsent(file.path(), k -> new ArrayList<>()).add(READS_CREDENTIALS);
            }
        }
        return facts;
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        List<FactLines.Fact> controllers = FactLines.ofKind(facts, CONTROLLER);
        int count = controllers.size();
        if (count == 0 || !FactLines.ofKind(facts, READS_CREDENTIALS).isEmpty()) {
            return;
        }
        if (codebase.dependencies().hasNonTest(AUTHENTICATION)) {
            return;
        }
        FactLines.Fact first = controllers.get(0);
        String message = "module `" + codebase.dependencies().root().artifactId() + "` exposes " + count
                + (count == 1 ? " controller" : " controllers") + " (first `" + first.field(4)
                + "`) but has no authentication framework; add one (Spring Security with "
                + "`spring-boot-starter-oauth2-resource-server`, `quarkus-oidc`, Micronaut Security) and "
                + "authenticate every request";
        findings.report(first.file(), first.intField(1), first.intField(2), first.field(3), message,
                "no-authentication " + codebase.dependencies().root().key());
    }

    /** A request filter or interceptor of the module's own that reads an {@code Authorization} or API key header. */
    private static boolean readsCredentials(Codebase codebase, SourceFile file) {
        for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
            if (isRequestFilter(codebase, file, type) && mentionsCredentialHeader(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRequestFilter(Codebase codebase, SourceFile file, ClassOrInterfaceDeclaration type) {
        for (ClassOrInterfaceType parent : type.getExtendedTypes()) {
            if (file.refersToAny(parent.getNameWithScope(), REQUEST_FILTERS)) {
                return true;
            }
        }
        for (ClassOrInterfaceType parent : type.getImplementedTypes()) {
            if (file.refersToAny(parent.getNameWithScope(), REQUEST_FILTERS)) {
                return true;
            }
        }
        return codebase.sources().supertypes(file.qualifiedName(type)).stream()
                .anyMatch(ref -> ref.refersToAny(REQUEST_FILTERS));
    }

    /** {@code "Authorization"}, {@code HttpHeaders.AUTHORIZATION}, {@code "X-API-Key"} and the like. */
    private static boolean mentionsCredentialHeader(ClassOrInterfaceDeclaration type) {
        boolean literal = type.findAll(StringLiteralExpr.class).stream()
                .map(s -> s.getValue().toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""))
                .anyMatch(s -> s.equals("authorization") || s.contains("apikey") || s.startsWith("bearer"));
        boolean constant = type.findAll(FieldAccessExpr.class).stream().anyMatch(f -> f.getNameAsString().equals("AUTHORIZATION"))
                || type.findAll(NameExpr.class).stream().anyMatch(n -> n.getNameAsString().equals("AUTHORIZATION"));
        return literal || constant;
    }
}
