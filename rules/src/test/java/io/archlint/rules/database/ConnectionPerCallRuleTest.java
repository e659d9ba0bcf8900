package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConnectionPerCallRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new ConnectionPerCallRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsRestTemplateCreatedInsideAServiceMethod() {
            tester().java("com/acme/pricing/QuoteClient.java", """
                    package com.acme.pricing;

                    import java.math.BigDecimal;
                    import org.springframework.stereotype.Service;
                    import org.springframework.web.client.RestTemplate;

                    @Service
                    public class QuoteClient {

                        public record Quote(String sku, BigDecimal price) {}

                        public Quote quote(String sku) {
                            // violation: `QuoteClient#quote` creates a new `RestTemplate` on every call
                            return new RestTemplate().getForObject("https://pricing/quotes/{sku}", Quote.class, sku);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJedisOpenedInTryWithResources() {
            tester().java("com/acme/cart/CartCache.java", """
                    package com.acme.cart;

                    import org.springframework.stereotype.Component;
                    import redis.clients.jedis.Jedis;

                    @Component
                    public class CartCache {

                        public String cart(String customerId) {
                            // violation: `CartCache#cart` creates a new `Jedis` on every call (a new Redis connection each time)
                            try (Jedis jedis = new Jedis("redis", 6379)) {
                                return jedis.get("cart:" + customerId);
                            }
                        }

                        public void evict(String customerId) {
                            // violation: `CartCache#evict` creates a new `Jedis`
                            Jedis jedis = new Jedis("redis", 6379);
                            jedis.del("cart:" + customerId);
                            jedis.close();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJdkHttpClientFactoryAndBuilderChain() {
            tester().java("com/acme/shipping/CarrierGateway.java", """
                    package com.acme.shipping;

                    import java.io.IOException;
                    import java.net.URI;
                    import java.net.http.HttpClient;
                    import java.net.http.HttpRequest;
                    import java.net.http.HttpResponse;
                    import java.time.Duration;

                    public class CarrierGateway {

                        public String track(String parcel) throws IOException, InterruptedException {
                            HttpRequest request = HttpRequest.newBuilder(URI.create("https://carrier/track/" + parcel)).build();
                            // violation: `CarrierGateway#track` creates a new `HttpClient` on every call
                            HttpClient client = HttpClient.newHttpClient();
                            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                        }

                        public int label(String parcel) throws IOException, InterruptedException {
                            HttpRequest request = HttpRequest.newBuilder(URI.create("https://carrier/labels/" + parcel)).build();
                            // violation: `CarrierGateway#label` creates a new `HttpClient` on every call (a new connection pool and selector thread each time)
                            return HttpClient.newBuilder()
                                    .connectTimeout(Duration.ofSeconds(2))
                                    .build()
                                    .send(request, HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsApacheHttpClientsFourAndFive() {
            tester().java("com/acme/billing/InvoiceUploader.java", """
                    package com.acme.billing;

                    import java.io.IOException;
                    import org.apache.http.client.methods.HttpPost;
                    import org.apache.http.impl.client.CloseableHttpClient;
                    import org.apache.http.impl.client.HttpClients;

                    public class InvoiceUploader {

                        public int upload(String invoiceId) throws IOException {
                            // violation: `InvoiceUploader#upload` creates a new `CloseableHttpClient` on every call
                            try (CloseableHttpClient http = HttpClients.createDefault()) {
                                return http.execute(new HttpPost("https://archive/invoices/" + invoiceId))
                                        .getStatusLine().getStatusCode();
                            }
                        }
                    }
                    """).java("com/acme/billing/LedgerClient.java", """
                    package com.acme.billing;

                    import org.apache.hc.client5.http.classic.methods.HttpGet;
                    import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
                    import org.apache.hc.client5.http.impl.classic.HttpClients;

                    public class LedgerClient {

                        public String balance(String account) throws Exception {
                            // violation: `LedgerClient#balance` creates a new `CloseableHttpClient`
                            CloseableHttpClient http = HttpClients.custom()
                                    .disableAutomaticRetries()
                                    .build();
                            try (http) {
                                return http.execute(new HttpGet("https://ledger/" + account), r -> r.getCode() + "");
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsOkHttpClientAndItsBuilderButNotTheRequestBuilder() {
            tester().java("com/acme/notify/SmsSender.java", """
                    package com.acme.notify;

                    import java.io.IOException;
                    import java.util.concurrent.TimeUnit;
                    import okhttp3.OkHttpClient;
                    import okhttp3.Request;
                    import okhttp3.Response;

                    public class SmsSender {

                        public boolean send(String phone) throws IOException {
                            Request request = new Request.Builder().url("https://sms/send?to=" + phone).build();
                            // violation: `SmsSender#send` creates a new `OkHttpClient` on every call (a new connection pool and dispatcher each time)
                            try (Response response = new OkHttpClient().newCall(request).execute()) {
                                return response.isSuccessful();
                            }
                        }

                        public boolean ping() throws IOException {
                            // violation: `SmsSender#ping` creates a new `OkHttpClient`
                            OkHttpClient client = new OkHttpClient.Builder()
                                    .callTimeout(2, TimeUnit.SECONDS)
                                    .build();
                            try (Response response = client.newCall(new Request.Builder().url("https://sms/ping").build()).execute()) {
                                return response.isSuccessful();
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsMongoClientsInARepositoryMethod() {
            tester().java("com/acme/catalog/ProductStore.java", """
                    package com.acme.catalog;

                    import com.mongodb.MongoClient;
                    import com.mongodb.client.MongoClients;
                    import org.bson.Document;

                    public class ProductStore {

                        private final String uri;

                        public ProductStore(String uri) {
                            this.uri = uri;
                        }

                        public Document find(String sku) {
                            // violation: `ProductStore#find` creates a new `MongoClient` on every call
                            try (var mongo = MongoClients.create(uri)) {
                                return mongo.getDatabase("catalog").getCollection("products")
                                        .find(new Document("sku", sku)).first();
                            }
                        }

                        @Deprecated
                        public long countLegacy() {
                            // violation: `ProductStore#countLegacy` creates a new `MongoClient`
                            MongoClient legacy = new MongoClient("mongo", 27017);
                            try {
                                return legacy.getDatabase("catalog").getCollection("products").countDocuments();
                            } finally {
                                legacy.close();
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsWebClientAndRestClientFactoriesAndBuildersInAController() {
            tester().java("com/acme/web/StockController.java", """
                    package com.acme.web;

                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.RestController;
                    import org.springframework.web.client.RestClient;
                    import org.springframework.web.reactive.function.client.WebClient;
                    import reactor.core.publisher.Mono;

                    @RestController
                    public class StockController {

                        public record Stock(String sku, int available) {}

                        @GetMapping("/stock/{sku}")
                        public Mono<Stock> stock(@PathVariable String sku) {
                            // violation: `StockController#stock` creates a new `WebClient` on every call
                            return WebClient.create("https://inventory").get().uri("/stock/{sku}", sku)
                                    .retrieve().bodyToMono(Stock.class);
                        }

                        @GetMapping("/reserved/{sku}")
                        public Mono<Stock> reserved(@PathVariable String sku) {
                            // violation: `StockController#reserved` creates a new `WebClient`
                            WebClient client = WebClient.builder().baseUrl("https://inventory").build();
                            return client.get().uri("/reserved/{sku}", sku).retrieve().bodyToMono(Stock.class);
                        }

                        @GetMapping("/sync/{sku}")
                        public Stock sync(@PathVariable String sku) {
                            // violation: `StockController#sync` creates a new `RestClient`
                            return RestClient.create("https://inventory").get().uri("/stock/{sku}", sku)
                                    .retrieve().body(Stock.class);
                        }

                        @GetMapping("/sync2/{sku}")
                        public Stock sync2(@PathVariable String sku) {
                            // violation: `StockController#sync2` creates a new `RestClient`
                            RestClient client = RestClient.builder()
                                    .baseUrl("https://inventory")
                                    .build();
                            return client.get().uri("/stock/{sku}", sku).retrieve().body(Stock.class);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsClientBuiltInsideALambdaOfAPerCallMethodAndInAJaxRsResource() {
            tester().java("com/acme/audit/AuditForwarder.java", """
                    package com.acme.audit;

                    import jakarta.ws.rs.POST;
                    import jakarta.ws.rs.Path;
                    import java.util.List;
                    import org.springframework.web.client.RestTemplate;

                    @Path("/audit")
                    public class AuditForwarder {

                        public record AuditEvent(String id, String action) {}

                        @POST
                        public void forward(List<AuditEvent> events) {
                            // violation: `AuditForwarder#forward` creates a new `RestTemplate`
                            events.forEach(e -> new RestTemplate().postForObject("https://siem/events", e, Void.class));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsFallbackClientAssignedToAParameter() {
            tester().java("com/acme/fx/RateFetcher.java", """
                    package com.acme.fx;

                    import java.net.URI;
                    import java.net.http.HttpClient;
                    import java.net.http.HttpRequest;
                    import java.net.http.HttpResponse;

                    public class RateFetcher {

                        public String rate(String pair, HttpClient client) throws Exception {
                            if (client == null) {
                                // violation: `RateFetcher#rate` creates a new `HttpClient`
                                client = HttpClient.newHttpClient();
                            }
                            return client.send(HttpRequest.newBuilder(URI.create("https://fx/" + pair)).build(),
                                    HttpResponse.BodyHandlers.ofString()).body();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsCallsOfAPrivateFactoryMethodFromPerCallMethods() {
            tester().java("com/acme/payments/PspClient.java", """
                    package com.acme.payments;

                    import java.io.IOException;
                    import java.time.Duration;
                    import okhttp3.OkHttpClient;
                    import okhttp3.Request;
                    import okhttp3.Response;

                    public class PspClient {

                        private OkHttpClient newClient() {
                            return new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
                        }

                        public int capture(String paymentId) throws IOException {
                            Request request = new Request.Builder().url("https://psp/capture/" + paymentId).build();
                            // violation: `PspClient#capture` creates a new `OkHttpClient` on every call through `newClient()`
                            try (Response response = newClient().newCall(request).execute()) {
                                return response.code();
                            }
                        }

                        public int refund(String paymentId) throws IOException {
                            // violation: `PspClient#refund` creates a new `OkHttpClient` on every call through `newClient()`
                            OkHttpClient client = this.newClient();
                            try (Response response = client.newCall(new Request.Builder().url("https://psp/refund/" + paymentId).build()).execute()) {
                                return response.code();
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsFullyQualifiedCreationsAndGivesAStableSymbol() {
            RuleTester tester = tester().java("com/acme/geo/GeoLookup.java", """
                    package com.acme.geo;

                    public class GeoLookup {

                        public String country(String ip) throws Exception {
                            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://geo/" + ip)).build();
                            // violation: `GeoLookup#country` creates a new `HttpClient`
                            return java.net.http.HttpClient.newHttpClient()
                                    .send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                        }
                    }
                    """);
            tester.expectMarkedFindings();
            List<Finding> findings = tester.findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file()).isEqualTo("src/main/java/com/acme/geo/GeoLookup.java");
            assertThat(findings.get(0).line()).isEqualTo(8);
            assertThat(findings.get(0).column()).isEqualTo(16);
            assertThat(findings.get(0).symbol()).isEqualTo("com.acme.geo.GeoLookup#country");
            assertThat(findings.get(0).message()).endsWith("create it once, as a bean or a field, and reuse it");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresClientsBuiltInConstructorsFieldInitialisersAndInitialiserBlocks() {
            tester().java("com/acme/pricing/QuoteClient.java", """
                    package com.acme.pricing;

                    import java.net.http.HttpClient;
                    import java.time.Duration;
                    import okhttp3.OkHttpClient;
                    import org.springframework.stereotype.Service;
                    import org.springframework.web.client.RestTemplate;
                    import redis.clients.jedis.JedisPool;

                    @Service
                    public class QuoteClient {

                        private static final HttpClient HTTP = HttpClient.newBuilder()
                                .connectTimeout(Duration.ofSeconds(2))
                                .build();
                        private static final JedisPool POOL;
                        private final OkHttpClient okHttp = new OkHttpClient();
                        private final RestTemplate restTemplate;

                        static {
                            POOL = new JedisPool("redis", 6379);
                        }

                        {
                            System.setProperty("jdk.httpclient.keepalive.timeout", "30");
                        }

                        public QuoteClient() {
                            this.restTemplate = new RestTemplate();
                        }

                        public String quote(String sku) {
                            return restTemplate.getForObject("https://pricing/quotes/{sku}", String.class, sku);
                        }
                    }
                    """).java("com/acme/pricing/Endpoint.java", """
                    package com.acme.pricing;

                    import org.springframework.web.reactive.function.client.WebClient;

                    public record Endpoint(String url, WebClient client) {
                        public Endpoint {
                            client = client == null ? WebClient.create(url) : client;
                        }
                    }
                    """).java("com/acme/pricing/Region.java", """
                    package com.acme.pricing;

                    import okhttp3.OkHttpClient;

                    public enum Region {
                        EU(new OkHttpClient()), US(new OkHttpClient());

                        private final OkHttpClient client;

                        Region(OkHttpClient client) {
                            this.client = client;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresBeanMethodsAndEveryMethodOfConfigurationClasses() {
            tester().java("com/acme/config/HttpConfig.java", """
                    package com.acme.config;

                    import java.time.Duration;
                    import okhttp3.OkHttpClient;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.web.client.RestClient;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration(proxyBeanMethods = false)
                    public class HttpConfig {

                        @Bean
                        RestTemplate restTemplate() {
                            return new RestTemplate();
                        }

                        @Bean
                        RestClient inventoryClient() {
                            return RestClient.builder().baseUrl("https://inventory").build();
                        }

                        @Bean
                        OkHttpClient okHttpClient() {
                            OkHttpClient client = tuned(new OkHttpClient.Builder());
                            return client;
                        }

                        private OkHttpClient tuned(OkHttpClient.Builder builder) {
                            return builder.callTimeout(Duration.ofSeconds(3)).build();
                        }

                        private static OkHttpClient fallback() {
                            return new OkHttpClient();
                        }
                    }
                    """).java("com/acme/config/SchemaConfig.java", """
                    package com.acme.config;

                    import java.util.List;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    public class SchemaConfig {

                        public record SchemaRegistry(List<?> schemas) {}

                        @Bean
                        SchemaRegistry schemaRegistry() {
                            return new SchemaRegistry(fetchSchemas());
                        }

                        private List<?> fetchSchemas() {
                            return new RestTemplate().getForObject("https://registry/schemas", List.class);
                        }
                    }
                    """).java("com/acme/Application.java", """
                    package com.acme;

                    import org.springframework.boot.autoconfigure.SpringBootApplication;
                    import org.springframework.web.reactive.function.client.WebClient;

                    @SpringBootApplication
                    public class Application {

                        WebClient webClient() {
                            return WebClient.create("https://partner");
                        }
                    }
                    """).java("com/acme/cache/RedisBeans.java", """
                    package com.acme.cache;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.stereotype.Component;
                    import redis.clients.jedis.JedisPooled;

                    @Component
                    public class RedisBeans {

                        @Bean
                        public JedisPooled jedis() {
                            return new JedisPooled("redis", 6379);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresCdiProducersAndMicronautFactories() {
            tester().java("com/acme/quarkus/ClientProducer.java", """
                    package com.acme.quarkus;

                    import com.mongodb.client.MongoClient;
                    import com.mongodb.client.MongoClients;
                    import jakarta.enterprise.context.ApplicationScoped;
                    import jakarta.enterprise.inject.Produces;
                    import java.net.http.HttpClient;

                    @ApplicationScoped
                    public class ClientProducer {

                        @Produces
                        @ApplicationScoped
                        MongoClient mongo() {
                            return MongoClients.create("mongodb://mongo:27017");
                        }

                        @Produces
                        HttpClient http() {
                            HttpClient client = HttpClient.newHttpClient();
                            return client;
                        }
                    }
                    """).java("com/acme/micronaut/ClientFactory.java", """
                    package com.acme.micronaut;

                    import io.micronaut.context.annotation.Factory;
                    import jakarta.inject.Singleton;
                    import okhttp3.OkHttpClient;

                    @Factory
                    public class ClientFactory {

                        @Singleton
                        OkHttpClient okHttp() {
                            return new OkHttpClient();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresClientsAssignedToFieldsIncludingLazyInitialisation() {
            tester().java("com/acme/search/SearchGateway.java", """
                    package com.acme.search;

                    import java.net.http.HttpClient;
                    import java.util.concurrent.atomic.AtomicReference;
                    import okhttp3.OkHttpClient;
                    import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
                    import org.apache.hc.client5.http.impl.classic.HttpClients;
                    import org.springframework.web.client.RestTemplate;
                    import redis.clients.jedis.Jedis;

                    public class SearchGateway {

                        private HttpClient http;
                        private volatile OkHttpClient okHttp;
                        private RestTemplate restTemplate;
                        private CloseableHttpClient apache;
                        private final AtomicReference<Jedis> jedis = new AtomicReference<>();

                        public synchronized HttpClient http() {
                            if (http == null) {
                                http = HttpClient.newHttpClient();
                            }
                            return http;
                        }

                        public OkHttpClient okHttp() {
                            OkHttpClient current = okHttp;
                            return current != null ? current : (okHttp = new OkHttpClient());
                        }

                        public void connect() {
                            this.restTemplate = new RestTemplate();
                            RestTemplate unused = null;
                        }

                        public void open() {
                            CloseableHttpClient client = HttpClients.custom().disableCookieManagement().build();
                            this.apache = client;
                        }

                        public Jedis redis() {
                            jedis.compareAndSet(null, new Jedis("redis", 6379));
                            return jedis.get();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresClientsKeptInACacheOrAThreadLocal() {
            tester().java("com/acme/tenancy/TenantClients.java", """
                    package com.acme.tenancy;

                    import java.util.Map;
                    import java.util.concurrent.ConcurrentHashMap;
                    import redis.clients.jedis.Jedis;
                    import redis.clients.jedis.JedisPool;
                    import com.mongodb.client.MongoClient;
                    import com.mongodb.client.MongoClients;

                    public class TenantClients {

                        private final Map<String, JedisPool> pools = new ConcurrentHashMap<>();
                        private final Map<String, MongoClient> mongos = new ConcurrentHashMap<>();
                        private static final ThreadLocal<Jedis> CONNECTION = new ThreadLocal<>() {
                            @Override
                            protected Jedis initialValue() {
                                return new Jedis("redis", 6379);
                            }
                        };

                        public JedisPool pool(String tenant) {
                            return pools.computeIfAbsent(tenant, t -> new JedisPool("redis-" + t, 6379));
                        }

                        public MongoClient mongo(String tenant) {
                            MongoClient client = MongoClients.create("mongodb://mongo-" + tenant);
                            MongoClient previous = mongos.putIfAbsent(tenant, client);
                            if (previous != null) {
                                client.close();
                                return previous;
                            }
                            return client;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresClientsWrappedIntoAFieldOrAnotherClient() {
            tester().java("com/acme/partner/PartnerApi.java", """
                    package com.acme.partner;

                    import org.apache.hc.client5.http.impl.classic.HttpClients;
                    import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
                    import org.springframework.web.client.RestTemplate;
                    import okhttp3.OkHttpClient;
                    import com.acme.stripe.StripeGateway;
import retrofit2.Retrofit;

                    public class PartnerApi {

                        private RestTemplate restTemplate;
                        private Retrofit retrofit;
                        private StripeGateway gateway;

                        public void init() {
                            this.restTemplate = new RestTemplate(
                                    new HttpComponentsClientHttpRequestFactory(HttpClients.createDefault()));
                            this.gateway = new StripeGateway(new OkHttpClient()).withApiVersion("2024-06-20");
                            this.retrofit = new Retrofit.Builder()
                                    .baseUrl("https://partner/")
                                    .client(new OkHttpClient())
                                    .build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresMainMethodsAndStartUpCallbacks() {
            tester().java("com/acme/tools/Warmup.java", """
                    package com.acme.tools;

                    import jakarta.annotation.PostConstruct;
                    import java.net.http.HttpClient;
                    import okhttp3.OkHttpClient;
                    import org.springframework.beans.factory.InitializingBean;
                    import org.springframework.boot.ApplicationArguments;
                    import org.springframework.boot.ApplicationRunner;
                    import org.springframework.boot.CommandLineRunner;
                    import org.springframework.boot.context.event.ApplicationReadyEvent;
                    import org.springframework.context.event.EventListener;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.RestTemplate;
                    import io.quarkus.runtime.StartupEvent;
                    import jakarta.enterprise.event.Observes;

                    @Component
                    public class Warmup implements CommandLineRunner, ApplicationRunner, InitializingBean {

                        public static void main(String[] args) throws Exception {
                            System.out.println(new RestTemplate().getForObject(args[0], String.class));
                        }

                        @PostConstruct
                        void init() {
                            new RestTemplate().getForObject("https://partner/health", String.class);
                        }

                        @Override
                        public void afterPropertiesSet() {
                            new OkHttpClient().dispatcher();
                        }

                        @Override
                        public void run(String... args) {
                            new RestTemplate().getForObject("https://partner/warmup", String.class);
                        }

                        @Override
                        public void run(ApplicationArguments args) {
                            new RestTemplate().getForObject("https://partner/warmup", String.class);
                        }

                        @EventListener(ApplicationReadyEvent.class)
                        void ready() {
                            HttpClient.newHttpClient().executor();
                        }

                        void onStart(@Observes StartupEvent event) {
                            HttpClient.newHttpClient().executor();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresFactoryMethodsWhoseCallersRunOnce() {
            tester().java("com/acme/payments/PspClient.java", """
                    package com.acme.payments;

                    import java.time.Duration;
                    import okhttp3.OkHttpClient;

                    public class PspClient {

                        private static final OkHttpClient SHARED = newClient();
                        private final OkHttpClient client;

                        public PspClient() {
                            this.client = newClient();
                        }

                        static OkHttpClient newClient() {
                            return new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(5)).build();
                        }

                        public OkHttpClient client() {
                            return client;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresTypesOfTheSameSimpleNameFromOtherPackages() {
            tester().java("com/acme/legacy/RestTemplate.java", """
                    package com.acme.legacy;

                    public class RestTemplate {
                        public String get(String url) { return url; }
                    }
                    """).java("com/acme/legacy/LegacyClient.java", """
                    package com.acme.legacy;

                    import org.springframework.web.client.*;

                    public class LegacyClient {
                        public String fetch(String url) {
                            return new RestTemplate().get(url);
                        }
                    }
                    """).java("com/acme/http/HttpClient.java", """
                    package com.acme.http;

                    public final class HttpClient {
                        public static HttpClient newHttpClient() { return new HttpClient(); }
                        public String get(String url) { return url; }
                    }
                    """).java("com/acme/http/Poller.java", """
                    package com.acme.http;

                    import java.net.http.*;

                    public class Poller {
                        public String poll(String url) {
                            return HttpClient.newHttpClient().get(url);
                        }
                    }
                    """).java("com/acme/cache/Cache.java", """
                    package com.acme.cache;

                    import com.acme.redis.Jedis;

                    public class Cache {
                        public String get(String key) {
                            return new Jedis().get(key);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresBuildersDerivedFromASharedClientAndInjectedPools() {
            tester().java("com/acme/notify/SmsSender.java", """
                    package com.acme.notify;

                    import java.io.IOException;
                    import java.time.Duration;
                    import okhttp3.OkHttpClient;
                    import okhttp3.Request;
                    import okhttp3.Response;
                    import org.springframework.stereotype.Service;
                    import org.springframework.web.reactive.function.client.WebClient;
                    import redis.clients.jedis.Jedis;
                    import redis.clients.jedis.JedisPool;

                    @Service
                    public class SmsSender {

                        private final OkHttpClient client;
                        private final JedisPool pool;
                        private final WebClient.Builder webClientBuilder;

                        public SmsSender(OkHttpClient client, JedisPool pool, WebClient.Builder webClientBuilder) {
                            this.client = client;
                            this.pool = pool;
                            this.webClientBuilder = webClientBuilder;
                        }

                        public boolean send(String phone) throws IOException {
                            OkHttpClient slow = client.newBuilder().readTimeout(Duration.ofSeconds(30)).build();
                            try (Response response = slow.newCall(new Request.Builder().url("https://sms/" + phone).build()).execute()) {
                                return response.isSuccessful();
                            }
                        }

                        public String lastCode(String phone) {
                            try (Jedis jedis = pool.getResource()) {
                                return jedis.get("sms:" + phone);
                            }
                        }

                        public WebClient partner(String url) {
                            return webClientBuilder.baseUrl(url).build();
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
