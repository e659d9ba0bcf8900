package io.archlint.rules.security;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.source.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** See {@code csrf-disabled.md}. */
@RuleInfo(
        id = "csrf-disabled",
        title = "CSRF protection is disabled in an application that keeps sessions",
        category = Category.SECURITY,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "A browser sends the session cookie with any cross-site form post; without the CSRF token every "
                + "state-changing endpoint can be triggered by another site, against the backend's role as the first "
                + "line of defence against unauthorized access (backend architecture article)")
public final class CsrfDisabledRule implements Rule {

    private static final String SPRING_SECURITY = "org.springframework.security";
    /** Logins that put the user in an HTTP session and make the browser send a cookie by itself. */
    private static final Set<String> BROWSER_LOGINS = Set.of(
            "formLogin", "oauth2Login", "saml2Login", "rememberMe", "openidLogin");
    /** Token authentication: the client sends the credential explicitly, a forged request cannot. */
    private static final Set<String> TOKEN_AUTHENTICATION = Set.of("oauth2ResourceServer");
    /** Calls that add a servlet or web filter; a JWT or bearer-token filter makes the chain token based. */
    private static final Set<String> FILTER_CALLS = Set.of("addFilter", "addFilterBefore", "addFilterAfter", "addFilterAt");
    /** Words of a filter (or its bean) that authenticates from a token. */
    private static final List<String> TOKEN_FILTER_WORDS = List.of("jwt", "token", "bearer", "apikey");
    private static final String STATELESS = "STATELESS";

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        for (SourceFile file : codebase.sources().files()) {
            if (!SpringSecuritySource.imports(file, SPRING_SECURITY)) {
                continue;
            }
            for (MethodCallExpr csrf : file.findAll(MethodCallExpr.class)) {
                if (csrf.getNameAsString().equals("csrf") && isDisabledCsrf(csrf)
                        && !SpringSecuritySource.inNonProductionProfile(file, csrf)) {
                    Node chain = SpringSecuritySource.enclosingMember(csrf).orElse(csrf);
                    verdict(chain).ifPresent(why -> SpringSecuritySource.reportAtName(findings, file, csrf,
                            "`" + SpringSecuritySource.shortSymbol(csrf) + "` disables CSRF protection " + why));
                }
            }
        }
    }

    /** {@code csrf().disable()}, {@code csrf(c -> c.disable())}, {@code csrf(AbstractHttpConfigurer::disable)}. */
    private static boolean isDisabledCsrf(MethodCallExpr csrf) {
        return csrf.getScope().isPresent() && SpringSecuritySource.isDisabled(csrf);
    }

    /** Why a chain needs CSRF protection, or empty for a stateless token-only chain. */
    private static Optional<String> verdict(Node chain) {
        List<MethodCallExpr> calls = chain.findAll(MethodCallExpr.class);
        for (MethodCallExpr call : calls) {
            if (BROWSER_LOGINS.contains(call.getNameAsString()) && !SpringSecuritySource.isDisabled(call)) {
                return Optional.of("while the chain logs users in with `" + call.getNameAsString() + "` (a session "
                        + "cookie the browser sends by itself); keep CSRF on (a single-page app can read the token from "
                        + "`CookieCsrfTokenRepository`)");
            }
        }
        for (MethodCallExpr call : calls) {
            if (call.getNameAsString().equals("sessionCreationPolicy") && call.getArguments().size() == 1
                    && !policyName(call.getArgument(0)).equals(STATELESS)) {
                return Optional.of("while `sessionCreationPolicy(" + policyName(call.getArgument(0)) + ")` keeps HTTP "
                        + "sessions; keep CSRF on, or make the chain stateless with `SessionCreationPolicy.STATELESS` "
                        + "and token authentication");
            }
        }
        if (isStateless(chain, calls)) {
            return Optional.empty();
        }
        return Optional.of("while the chain keeps the default HTTP session (no `SessionCreationPolicy.STATELESS`, no "
                + "resource server or token filter); keep CSRF on, or make the chain stateless and token based");
    }

    private static boolean isStateless(Node chain, List<MethodCallExpr> calls) {
        boolean statelessPolicy = chain.findAll(NameExpr.class).stream()
                .anyMatch(name -> name.getNameAsString().equals(STATELESS))
                || chain.findAll(FieldAccessExpr.class).stream()
                        .anyMatch(access -> access.getNameAsString().equals(STATELESS));
        if (statelessPolicy) {
            return true;
        }
        for (MethodCallExpr call : calls) {
            String name = call.getNameAsString();
            if (TOKEN_AUTHENTICATION.contains(name) && !SpringSecuritySource.isDisabled(call)) {
                return true;
            }
            if (name.equals("securityContextRepository") && call.getArguments().size() == 1
                    && call.getArgument(0).toString().contains("NoOpServerSecurityContextRepository")) {
                return true;
            }
            if (FILTER_CALLS.contains(name) && !call.getArguments().isEmpty() && isTokenFilter(call.getArgument(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTokenFilter(Expression filter) {
        String text = filter.toString().toLowerCase(Locale.ROOT);
        return TOKEN_FILTER_WORDS.stream().anyMatch(text::contains);
    }

    private static String policyName(Expression policy) {
        if (policy instanceof FieldAccessExpr access) {
            return access.getNameAsString();
        }
        return policy instanceof NameExpr name ? name.getNameAsString() : policy.toString();
    }
}
