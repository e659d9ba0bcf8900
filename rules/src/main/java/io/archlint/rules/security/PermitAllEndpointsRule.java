package io.archlint.rules.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
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
import java.util.Optional;
import java.util.Set;

/** See {@code permit-all-endpoints.md}. */
@RuleInfo(
        id = "permit-all-endpoints",
        title = "The security filter chain permits every request",
        category = Category.SECURITY,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "Zero trust means authenticating every API request; a chain that ends in `anyRequest().permitAll()` "
                + "or permits `/**` leaves every endpoint without authentication unless it opts in (backend "
                + "architecture article, zero trust security)")
public final class PermitAllEndpointsRule implements Rule {

    private static final String SPRING_SECURITY = "org.springframework.security";
    /** The catch-all of an authorization block: servlet and WebFlux. */
    private static final Set<String> ANY = Set.of("anyRequest", "anyExchange");
    /** Path matchers of an authorization block or of {@code web.ignoring()}. */
    private static final Set<String> MATCHERS = Set.of(
            "requestMatchers", "antMatchers", "mvcMatchers", "regexMatchers", "pathMatchers");
    /** Calls on the chain itself that limit it to some paths (5.x and 6.x, servlet and WebFlux). */
    private static final Set<String> CHAIN_SCOPES = Set.of(
            "securityMatcher", "securityMatchers", "requestMatcher", "antMatcher", "mvcMatcher", "regexMatcher");
    /** Patterns that match every path: Ant, path pattern and regex syntax. */
    private static final Set<String> WHOLE_PATH_SPACE = Set.of(
            "/**", "**", "/**/*", "/**/**", ".*", "/.*", "^.*$", "^/.*$", "/.*$");
    /** Request matcher factories and types that take a pattern. */
    private static final Set<String> MATCHER_FACTORIES = Set.of("antMatcher", "pathMatchers", "regexMatcher", "mvcMatcher");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        for (SourceFile file : sources.files()) {
            if (!SpringSecuritySource.imports(file, SPRING_SECURITY)) {
                continue;
            }
            for (MethodCallExpr call : file.findAll(MethodCallExpr.class)) {
                if (call.getNameAsString().equals("permitAll") && call.getArguments().isEmpty()) {
                    SpringSecuritySource.previousInChain(call)
                            .ifPresent(matcher -> checkPermitted(sources, file, matcher, findings));
                } else if (SpringSecuritySource.previousInChain(call).filter(p -> SpringSecuritySource.isCall(p, "ignoring")
                        && p.getArguments().isEmpty()).isPresent()) {
                    checkIgnored(sources, file, call, findings);
                }
            }
        }
    }

    private static void checkPermitted(SourceFacet sources, SourceFile file, MethodCallExpr matcher,
            FindingCollector findings) {
        if (excluded(sources, file, matcher)) {
            return;
        }
        String name = matcher.getNameAsString();
        if (ANY.contains(name) && matcher.getArguments().isEmpty()) {
            SpringSecuritySource.reportAtName(findings, file, matcher, "`" + SpringSecuritySource.shortSymbol(matcher)
                    + "` lets every request through without authentication (`" + name + "().permitAll()`); end the "
                    + "rules with `" + name + "().authenticated()` and permit only the public paths");
        } else if (MATCHERS.contains(name) && !forPreflightOnly(matcher)) {
            wholePathArgument(sources, file, matcher).ifPresent(pattern -> SpringSecuritySource.reportAtName(findings, file,
                    matcher, "`" + SpringSecuritySource.shortSymbol(matcher) + "` permits the whole path space (`" + name
                            + "(\"" + pattern + "\").permitAll()`); permit only the public paths and require "
                            + "authentication for the rest"));
        }
    }

    /** {@code web.ignoring().requestMatchers("/**")} or {@code web.ignoring().anyRequest()}. */
    private static void checkIgnored(SourceFacet sources, SourceFile file, MethodCallExpr call,
            FindingCollector findings) {
        if (excluded(sources, file, call)) {
            return;
        }
        String name = call.getNameAsString();
        Optional<String> pattern = ANY.contains(name) && call.getArguments().isEmpty() ? Optional.of("")
                : MATCHERS.contains(name) ? wholePathArgument(sources, file, call) : Optional.empty();
        pattern.ifPresent(p -> SpringSecuritySource.reportAtName(findings, file, call, "`"
                + SpringSecuritySource.shortSymbol(call) + "` takes the whole path space out of Spring Security (`ignoring()."
                + name + "(" + (p.isEmpty() ? "" : "\"" + p + "\"") + ")`); ignore only static resources and "
                + "authenticate the rest"));
    }

    private static boolean excluded(SourceFacet sources, SourceFile file, MethodCallExpr call) {
        return SpringSecuritySource.inNonProductionProfile(file, call) || chainLimitedToSomePaths(sources, file, call);
    }

    /** {@code requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()}: CORS preflight requests carry no credentials. */
    private static boolean forPreflightOnly(MethodCallExpr matcher) {
        return matcher.getArguments().stream().anyMatch(argument ->
                argument instanceof FieldAccessExpr access && access.getNameAsString().equals("OPTIONS")
                        || argument instanceof NameExpr name && name.getNameAsString().equals("OPTIONS"));
    }

    /** The first argument of a matcher call that matches every path. */
    private static Optional<String> wholePathArgument(SourceFacet sources, SourceFile file, MethodCallExpr matcher) {
        for (Expression argument : matcher.getArguments()) {
            Optional<String> pattern = wholePath(sources, file, argument);
            if (pattern.isPresent()) {
                return pattern;
            }
        }
        return Optional.empty();
    }

    /** {@code "/**"}, {@code antMatcher("/**")}, {@code new AntPathRequestMatcher("/**")}. */
    private static Optional<String> wholePath(SourceFacet sources, SourceFile file, Expression argument) {
        Optional<String> value = SpringSecuritySource.stringValue(sources, file, argument);
        if (value.isPresent()) {
            return value.filter(WHOLE_PATH_SPACE::contains);
        }
        if (argument instanceof MethodCallExpr factory && MATCHER_FACTORIES.contains(factory.getNameAsString())
                || argument instanceof ObjectCreationExpr created
                        && created.getType().getNameAsString().endsWith("RequestMatcher")) {
            for (Expression inner : argument instanceof MethodCallExpr factory ? factory.getArguments()
                    : ((ObjectCreationExpr) argument).getArguments()) {
                Optional<String> pattern = SpringSecuritySource.stringValue(sources, file, inner)
                        .filter(WHOLE_PATH_SPACE::contains);
                if (pattern.isPresent()) {
                    return pattern;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the filter chain the call belongs to applies to some paths only
     * ({@code securityMatcher("/public/**")}, 5.x {@code http.antMatcher("/public/**")} or
     * {@code http.requestMatchers().antMatchers(..)}): a catch-all there permits those paths only.
     */
    private static boolean chainLimitedToSomePaths(SourceFacet sources, SourceFile file, MethodCallExpr call) {
        Node chain = SpringSecuritySource.enclosingMember(call).orElse(call);
        for (MethodCallExpr candidate : chain.findAll(MethodCallExpr.class)) {
            if (isChainScope(candidate)) {
                boolean wholeSpace = candidate.findAll(Expression.class).stream()
                        .anyMatch(e -> SpringSecuritySource.stringValue(sources, file, e)
                                .filter(WHOLE_PATH_SPACE::contains).isPresent());
                if (!wholeSpace) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isChainScope(MethodCallExpr call) {
        String name = call.getNameAsString();
        Optional<Expression> scope = call.getScope();
        boolean onInstance = scope.isPresent() && !(scope.get() instanceof NameExpr type
                && Character.isUpperCase(type.getNameAsString().charAt(0)));
        if (CHAIN_SCOPES.contains(name)) {
            return onInstance;
        }
        // 5.x: http.requestMatchers().antMatchers("/api/**") or http.requestMatchers(m -> m.antMatchers(..)).
        return name.equals("requestMatchers") && onInstance && (call.getArguments().isEmpty()
                || call.getArguments().size() == 1 && call.getArgument(0) instanceof LambdaExpr);
    }
}
