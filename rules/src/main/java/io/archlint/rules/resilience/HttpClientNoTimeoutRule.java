package io.archlint.rules.resilience;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** See {@code http-client-no-timeout.md}. */
@RuleInfo(
        id = "http-client-no-timeout",
        title = "HTTP client without a read timeout",
        category = Category.RESILIENCE,
        severity = Severity.WARNING,
        facets = {Facet.SOURCES, Facet.CONFIG},
        since = "0.1.0",
        reason = "An HTTP client without a read timeout waits forever on a stalled service and holds its thread "
                + "and connection meanwhile, so one slow dependency exhausts the caller; the backend challenges "
                + "article lists external API failures among the problems production systems must survive")
public final class HttpClientNoTimeoutRule implements Rule {

    /** A client family: how it is named in messages, what it needs, how to fix it. */
    private enum Client {
        REST_TEMPLATE("RestTemplate", "set `connectTimeout(..)` and `readTimeout(..)` on `RestTemplateBuilder`, or "
                + "give it a request factory with `setConnectTimeout(..)` and `setReadTimeout(..)`"),
        REST_TEMPLATE_BUILDER("RestTemplate", "set `connectTimeout(..)` and `readTimeout(..)` on the builder "
                + "(`setConnectTimeout`/`setReadTimeout` before Spring Boot 3.4)"),
        REST_CLIENT("RestClient", "pass a `requestFactory(..)` whose factory has `setConnectTimeout(..)` and "
                + "`setReadTimeout(..)`"),
        WEB_CLIENT("WebClient", "give it a `clientConnector(new ReactorClientHttpConnector(..))` over a Reactor "
                + "Netty `HttpClient` with `responseTimeout(..)` and `option(ChannelOption.CONNECT_TIMEOUT_MILLIS, ..)`, "
                + "or add `.timeout(..)` to its calls"),
        JDK_CLIENT("HttpClient", "set `connectTimeout(..)` on `HttpClient.newBuilder()` and a `timeout(..)` on "
                + "each `HttpRequest`"),
        JDK_REQUEST("HttpRequest", "set `timeout(..)` on `HttpRequest.newBuilder()`"),
        APACHE_4("CloseableHttpClient", "set `setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(..)"
                + ".setSocketTimeout(..).build())` on `HttpClients.custom()`"),
        APACHE_5("CloseableHttpClient", "set `setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(..)"
                + ".build())` and a `ConnectionConfig` with `setConnectTimeout(..)` and `setSocketTimeout(..)`");

        private final String type;
        private final String fix;

        Client(String type, String fix) {
            this.type = type;
            this.fix = fix;
        }
    }

    /** A place that builds a client. */
    private record Construction(Expression at, Client client) {}

    private static final String REST_TEMPLATE = "org.springframework.web.client.RestTemplate";
    private static final String REST_CLIENT = "org.springframework.web.client.RestClient";
    private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";
    private static final String JDK_CLIENT = "java.net.http.HttpClient";
    private static final String JDK_REQUEST = "java.net.http.HttpRequest";
    /** Spring Boot's builder, before and after Boot 4 moved it. */
    private static final List<String> REST_TEMPLATE_BUILDER = List.of(
            "org.springframework.boot.web.client.RestTemplateBuilder",
            "org.springframework.boot.restclient.RestTemplateBuilder");
    private static final List<String> APACHE_4_FACTORIES = List.of("org.apache.http.impl.client.HttpClients");
    private static final List<String> APACHE_4_BUILDERS = List.of("org.apache.http.impl.client.HttpClientBuilder");
    private static final List<String> APACHE_5_FACTORIES = List.of("org.apache.hc.client5.http.impl.classic.HttpClients",
            "org.apache.hc.client5.http.impl.async.HttpAsyncClients");
    private static final List<String> APACHE_5_BUILDERS = List.of(
            "org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
            "org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder");
    /** Apache factories that return a client with default settings. */
    private static final Set<String> APACHE_DEFAULTS = Set.of("createDefault", "createSystem", "createMinimal",
            "createHttp2Default", "createHttp2System", "createHttp2Minimal");

    /**
     * Beans and types through which a module configures Spring Boot's injected builders: when one
     * is present, the injected builders are trusted.
     */
    private static final Set<String> BOOT_REST_CUSTOMIZERS = Set.of("RestTemplateCustomizer", "RestClientCustomizer",
            "ClientHttpRequestFactorySettings", "HttpClientSettings", "ClientHttpRequestFactoryBuilder",
            "HttpComponentsClientHttpRequestFactoryBuilder", "JdkClientHttpRequestFactoryBuilder",
            "ReactorClientHttpRequestFactoryBuilder", "JettyClientHttpRequestFactoryBuilder",
            "SimpleClientHttpRequestFactoryBuilder", "ClientHttpRequestFactoryBuilderCustomizer");
    private static final Set<String> BOOT_REACTIVE_CUSTOMIZERS = Set.of("WebClientCustomizer", "ClientHttpConnector",
            "ClientHttpConnectorBuilder", "ClientHttpConnectorSettings", "HttpClientSettings",
            "ReactorNettyHttpClientMapper", "ClientHttpConnectorBuilderCustomizer");
    /** Spring Boot properties that set the injected builders' timeouts ({@code spring.http.client.read-timeout}, ...). */
    private static final String BOOT_HTTP_PREFIX = "spring.http.";

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        boolean bootReadTimeout = codebase.config().entries().stream().anyMatch(HttpClientNoTimeoutRule::isBootReadTimeout);
        boolean restCustomized = importsAny(sources, BOOT_REST_CUSTOMIZERS);
        boolean reactiveCustomized = importsAny(sources, BOOT_REACTIVE_CUSTOMIZERS);
        for (SourceFile file : sources.files()) {
            for (Expression expression : file.findAll(Expression.class)) {
                Optional<Construction> construction = construction(sources, file, expression);
                if (construction.isEmpty()) {
                    continue;
                }
                Client client = construction.get().client();
                TimeoutEvidence evidence = new TimeoutEvidence(type -> isInjectableBuilder(sources, file, type));
                evidence.follow(expression, 0);
                evidence.holder(expression, 0);
                perCallTimeouts(client, expression, evidence);
                if (evidence.opaque() || configured(client, evidence)) {
                    continue;
                }
                if (evidence.injectedBuilder() && (bootReadTimeout
                        || (client == Client.WEB_CLIENT ? reactiveCustomized : restCustomized))) {
                    continue;
                }
                report(file, expression, client, evidence, findings);
            }
        }
    }

    private static boolean configured(Client client, TimeoutEvidence evidence) {
        return client == Client.JDK_CLIENT
                ? evidence.has(TimeoutEvidence.Kind.CONNECT) || evidence.has(TimeoutEvidence.Kind.READ)
                : evidence.has(TimeoutEvidence.Kind.READ);
    }

    private static void report(SourceFile file, Expression at, Client client, TimeoutEvidence evidence,
            FindingCollector findings) {
        String missing = switch (client) {
            case JDK_CLIENT -> "without `connectTimeout(..)`, and its class sets no request `timeout(..)`";
            case JDK_REQUEST -> "without a `timeout(..)`";
            case WEB_CLIENT -> "without a response timeout";
            case APACHE_4 -> "without a socket timeout";
            case APACHE_5 -> "without a response timeout";
            default -> "without a read timeout";
        };
        String config = !evidence.injectedBuilder() ? ""
                : client == Client.WEB_CLIENT ? ", or declare a `ClientHttpConnector` bean with those timeouts"
                : ", or set `spring.http.client.connect-timeout` and `spring.http.client.read-timeout` (Spring Boot 3.4+)";
        String message = "`" + Symbols.shortOf(at) + "` builds a `" + client.type + "` " + missing
                + ", so a stalled service blocks the caller indefinitely; " + client.fix + config;
        findings.report(file, at, Symbols.of(file, at), message);
    }

    /** Timeouts set per call instead of on the client, in the class that builds it. */
    private static void perCallTimeouts(Client client, Expression at, TimeoutEvidence evidence) {
        Optional<TypeDeclaration<?>> type = ClientSource.enclosingType(at);
        if (type.isEmpty()) {
            return;
        }
        switch (client) {
            case WEB_CLIENT -> {
                if (!type.get().findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("timeout")
                        || c.getNameAsString().equals("responseTimeout")).isEmpty()) {
                    evidence.add(TimeoutEvidence.Kind.READ);
                }
            }
            case JDK_CLIENT -> {
                // A request timeout bounds connecting too.
                if (!type.get().findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("timeout")).isEmpty()) {
                    evidence.add(TimeoutEvidence.Kind.READ);
                }
            }
            case JDK_REQUEST -> ClientSource.enclosingMember(at).ifPresent(member -> {
                if (!member.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("orTimeout")
                        || c.getNameAsString().equals("completeOnTimeout")
                        || c.getNameAsString().equals("get") && c.getArguments().size() == 2).isEmpty()) {
                    evidence.add(TimeoutEvidence.Kind.READ);
                }
            });
            case APACHE_4, APACHE_5 -> {
                if (!type.get().findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("setConfig")).isEmpty()) {
                    evidence.scan(type.get());
                }
            }
            default -> { }
        }
    }

    /** The client an expression builds, if it is one this rule checks. */
    private static Optional<Construction> construction(SourceFacet sources, SourceFile file, Expression expression) {
        if (expression instanceof ObjectCreationExpr created) {
            return ClientSource.isCreationOf(sources, file, created, List.of(REST_TEMPLATE))
                    ? Optional.of(new Construction(expression, Client.REST_TEMPLATE)) : Optional.empty();
        }
        if (!(expression instanceof MethodCallExpr call)) {
            return Optional.empty();
        }
        if (call.getNameAsString().equals("build") && call.getArguments().isEmpty()) {
            return builderOrigin(sources, file, call.getScope().orElse(null), 0)
                    .map(client -> new Construction(expression, client));
        }
        return staticFactory(sources, file, call).map(client -> new Construction(expression, client));
    }

    private static Optional<Client> staticFactory(SourceFacet sources, SourceFile file, MethodCallExpr call) {
        if (call.getScope().isEmpty()) {
            return Optional.empty();
        }
        if (ClientSource.isStaticCall(sources, file, call, List.of(REST_CLIENT), Set.of("create"))) {
            // RestClient.create(restTemplate) inherits the template's settings.
            boolean fromTemplate = call.getArguments().stream().anyMatch(a -> ClientSource.declarationOf(a)
                    .filter(d -> ClientSource.denotes(sources, file, TimeoutEvidence.stripGenerics(d.type()), REST_TEMPLATE))
                    .isPresent());
            return fromTemplate ? Optional.empty() : Optional.of(Client.REST_CLIENT);
        }
        if (ClientSource.isStaticCall(sources, file, call, List.of(WEB_CLIENT), Set.of("create"))) {
            return Optional.of(Client.WEB_CLIENT);
        }
        if (ClientSource.isStaticCall(sources, file, call, List.of(JDK_CLIENT), Set.of("newHttpClient"))) {
            return Optional.of(Client.JDK_CLIENT);
        }
        if (ClientSource.isStaticCall(sources, file, call, APACHE_4_FACTORIES, APACHE_DEFAULTS)) {
            return Optional.of(Client.APACHE_4);
        }
        if (ClientSource.isStaticCall(sources, file, call, APACHE_5_FACTORIES, APACHE_DEFAULTS)) {
            return Optional.of(Client.APACHE_5);
        }
        return Optional.empty();
    }

    /** Which client a builder chain builds: from its first call, a builder variable or {@code new RestTemplateBuilder()}. */
    private static Optional<Client> builderOrigin(SourceFacet sources, SourceFile file, Expression scope, int depth) {
        if (scope == null || depth > 3) {
            return Optional.empty();
        }
        Expression root = ClientSource.chainRoot(scope);
        if (root instanceof ObjectCreationExpr created) {
            return ClientSource.isCreationOf(sources, file, created, REST_TEMPLATE_BUILDER)
                    ? Optional.of(Client.REST_TEMPLATE_BUILDER) : Optional.empty();
        }
        Optional<MethodCallExpr> first = ClientSource.firstCall(scope);
        if (first.isPresent() && first.get().getScope().isPresent() && first.get().getScope().get() == root
                && !ClientSource.variableName(root).isPresent()) {
            return staticBuilder(sources, file, first.get());
        }
        Optional<String> variable = ClientSource.variableName(root);
        if (variable.isEmpty()) {
            return Optional.empty();
        }
        Optional<ClientSource.Declaration> declared = ClientSource.declarationOf(root);
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Optional<Client> typed = builderType(sources, file, TimeoutEvidence.stripGenerics(declared.get().type()));
        if (typed.isPresent()) {
            return typed;
        }
        return builderOrigin(sources, file, declared.get().initializer(), depth + 1);
    }

    private static Optional<Client> staticBuilder(SourceFacet sources, SourceFile file, MethodCallExpr call) {
        if (call.getArguments().isEmpty()
                && ClientSource.isStaticCall(sources, file, call, List.of(REST_CLIENT), Set.of("builder"))) {
            return Optional.of(Client.REST_CLIENT);
        }
        if (ClientSource.isStaticCall(sources, file, call, List.of(WEB_CLIENT), Set.of("builder"))) {
            return Optional.of(Client.WEB_CLIENT);
        }
        if (ClientSource.isStaticCall(sources, file, call, List.of(JDK_CLIENT), Set.of("newBuilder"))) {
            return Optional.of(Client.JDK_CLIENT);
        }
        if (ClientSource.isStaticCall(sources, file, call, List.of(JDK_REQUEST), Set.of("newBuilder"))) {
            return Optional.of(Client.JDK_REQUEST);
        }
        if (ClientSource.isStaticCall(sources, file, call, APACHE_4_FACTORIES, Set.of("custom"))
                || ClientSource.isStaticCall(sources, file, call, APACHE_4_BUILDERS, Set.of("create"))) {
            return Optional.of(Client.APACHE_4);
        }
        if (ClientSource.isStaticCall(sources, file, call, APACHE_5_FACTORIES, Set.of("custom"))
                || ClientSource.isStaticCall(sources, file, call, APACHE_5_BUILDERS, Set.of("create"))) {
            return Optional.of(Client.APACHE_5);
        }
        return Optional.empty();
    }

    /** A declared builder type: Spring's injected builders and the JDK's. */
    private static Optional<Client> builderType(SourceFacet sources, SourceFile file, String type) {
        if (ClientSource.denotesAny(sources, file, type, REST_TEMPLATE_BUILDER)) {
            return Optional.of(Client.REST_TEMPLATE_BUILDER);
        }
        if (ClientSource.denotes(sources, file, type, REST_CLIENT + ".Builder")) {
            return Optional.of(Client.REST_CLIENT);
        }
        if (ClientSource.denotes(sources, file, type, WEB_CLIENT + ".Builder")) {
            return Optional.of(Client.WEB_CLIENT);
        }
        return Optional.empty();
    }

    /** Spring's builders, which Spring Boot injects with its HTTP client settings applied. */
    private static boolean isInjectableBuilder(SourceFacet sources, SourceFile file, String type) {
        return builderType(sources, file, type).isPresent();
    }

    private static boolean isBootReadTimeout(ConfigEntry entry) {
        String key = entry.key().toLowerCase(Locale.ROOT).replace("-", "").replace("_", ".");
        return key.startsWith(BOOT_HTTP_PREFIX) && key.endsWith("readtimeout") && !entry.value().isBlank();
    }

    /** Whether any file imports a Spring type with one of these simple names. */
    private static boolean importsAny(SourceFacet sources, Set<String> simpleNames) {
        for (SourceFile file : sources.files()) {
            for (ImportDeclaration imported : file.unit().getImports()) {
                String name = imported.getNameAsString();
                if (!imported.isStatic() && name.startsWith("org.springframework.")
                        && simpleNames.contains(ClientSource.lastSegment(name))) {
                    return true;
                }
            }
        }
        return false;
    }
}
