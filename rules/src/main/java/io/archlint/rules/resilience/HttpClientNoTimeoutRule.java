package io.archlint.rules.resilience;

import com.github.javaparser.Position;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.FactLines;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.ModuleFactsRule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.engine.config.ConfigEntry;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.Symbols;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

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
public final class HttpClientNoTimeoutRule implements ModuleFactsRule {

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

    /** The file imports a type that configures Spring Boot's injected RestTemplate/RestClient builders. */
    private static final String REST_CUSTOMIZER = "rest-customizer";
    /** The file imports a type that configures Spring Boot's injected WebClient builder. */
    private static final String REACTIVE_CUSTOMIZER = "reactive-customizer";
    /** A client built without a timeout: condition, line, column, symbol, message, evidence. */
    private static final String FINDING = "finding";
    /** Conditions of a finding: always reported, or unless Spring Boot configures the injected builder. */
    private static final String ALWAYS = "always";
    private static final String UNLESS_REST_CONFIGURED = "unless-rest-configured";
    private static final String UNLESS_REACTIVE_CONFIGURED = "unless-reactive-configured";

    /**
     * Per file: whether it imports a Spring Boot customizer of the injected builders, and each
     * client it builds without a timeout, with whether an injected builder builds it.
     */
    @Override
    public Map<String, List<String>> facts(Codebase codebase) {
        SourceFacet sources = codebase.sources();
        Map<String, List<String>> facts = new LinkedHashMap<>();
        for (SourceFile file : sources.files()) {
            List<String> lines = new ArrayList<>();
            if (importsAny(file, BOOT_REST_CUSTOMIZERS)) {
                lines.add(REST_CUSTOMIZER);
            }
            if (importsAny(file, BOOT_REACTIVE_CUSTOMIZERS)) {
                lines.add(REACTIVE_CUSTOMIZER);
            }
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
                String condition = !evidence.injectedBuilder() ? ALWAYS
                        : client == Client.WEB_CLIENT ? UNLESS_REACTIVE_CONFIGURED : UNLESS_REST_CONFIGURED;
                Position begin = expression.getBegin().orElse(new Position(0, 0));
                lines.add(FactLines.join(FINDING, condition, begin.line, begin.column, Symbols.of(file, expression),
                        message(expression, client, evidence), expression.toString()));
            }
            if (!lines.isEmpty()) {
                facts.put(file.path(), lines);
            }
        }
        return facts;
    }

    @Override
    public void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings) {
        boolean bootReadTimeout = codebase.config().entries().stream().anyMatch(HttpClientNoTimeoutRule::isBootReadTimeout);
        boolean restCustomized = false;
        boolean reactiveCustomized = false;
        for (List<String> lines : facts.values()) {
            restCustomized |= lines.contains(REST_CUSTOMIZER);
            reactiveCustomized |= lines.contains(REACTIVE_CUSTOMIZER);
        }
        for (Map.Entry<String, List<String>> file : facts.entrySet()) {
            for (String fact : file.getValue()) {
                List<String> fields = FactLines.split(fact);
                if (!fields.get(0).equals(FINDING)) {
                    continue;
                }
                String condition = fields.get(1);
                if (!condition.equals(ALWAYS) && (bootReadTimeout
                        || (condition.equals(UNLESS_REACTIVE_CONFIGURED) ? reactiveCustomized : restCustomized))) {
                    continue;
                }
                findings.report(file.getKey(), Integer.parseInt(fields.get(2)), Integer.parseInt(fields.get(3)),
                        fields.get(4), fields.get(5), fields.get(6));
            }
        }
    }

    private static boolean configured(Client client, TimeoutEvidence evidence) {
        return client == Client.JDK_CLIENT
                ? evidence.has(TimeoutEvidence.Kind.CONNECT) || evidence.has(TimeoutEvidence.Kind.READ)
                : evidence.has(TimeoutEvidence.Kind.READ);
    }

    private static String message(Expression at, Client client, TimeoutEvidence evidence) {
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
        return "`" + Symbols.shortOf(at) + "` builds a `" + client.type + "` " + missing
                + ", so a stalled service blocks the caller indefinitely; " + client.fix + config;
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

    /** Whether the file imports a Spring type with one of these simple names. */
    private static boolean importsAny(SourceFile file, Set<String> simpleNames) {
        for (ImportDeclaration imported : file.unit().getImports()) {
            String name = imported.getNameAsString();
            if (!imported.isStatic() && name.startsWith("org.springframework.")
                    && simpleNames.contains(ClientSource.lastSegment(name))) {
                return true;
            }
        }
        return false;
    }
}
