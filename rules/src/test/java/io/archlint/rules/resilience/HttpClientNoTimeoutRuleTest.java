package io.archlint.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HttpClientNoTimeoutRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new HttpClientNoTimeoutRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsRestTemplateBeanWithoutRequestFactory() {
            tester().java("com/acme/orders/config/HttpConfig.java", """
                    package com.acme.orders.config;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    public class HttpConfig {

                        @Bean
                        RestTemplate restTemplate() {
                            // violation: `HttpConfig#restTemplate` builds a `RestTemplate` without a read timeout
                            return new RestTemplate();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsRequestFactoryThatOnlySetsAConnectTimeout() {
            List<Finding> findings = tester().java("com/acme/orders/config/HttpConfig.java", """
                    package com.acme.orders.config;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.http.client.SimpleClientHttpRequestFactory;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    public class HttpConfig {

                        @Bean
                        RestTemplate inventoryRestTemplate() {
                            SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
                            factory.setConnectTimeout(2_000);
                            return new RestTemplate(factory);
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file()).isEqualTo("src/main/java/com/acme/orders/config/HttpConfig.java");
            assertThat(findings.get(0).line()).isEqualTo(15);
            assertThat(findings.get(0).message()).contains("builds a `RestTemplate` without a read timeout")
                    .contains("`setReadTimeout(..)`");
        }

        @Test
        void reportsInjectedRestTemplateBuilderWithoutTimeouts() {
            tester().java("com/acme/orders/payments/PaymentGatewayClient.java", """
                    package com.acme.orders.payments;

                    import java.math.BigDecimal;
                    import org.springframework.boot.web.client.RestTemplateBuilder;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.RestTemplate;

                    @Component
                    public class PaymentGatewayClient {

                        public record ChargeRequest(String orderId, BigDecimal amount) {}
                        public record ChargeResponse(String chargeId, String status) {}

                        private final RestTemplate restTemplate;

                        public PaymentGatewayClient(RestTemplateBuilder builder) {
                            // violation: or set `spring.http.client.connect-timeout` and `spring.http.client.read-timeout`
                            this.restTemplate = builder
                                    .rootUri("https://payments.internal")
                                    .defaultHeader("X-Client", "orders")
                                    .build();
                        }

                        public ChargeResponse charge(ChargeRequest request) {
                            return restTemplate.postForObject("/charges", request, ChargeResponse.class);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsRestClientBuiltStaticallyEvenWhenBootPropertiesAreSet() {
            tester().java("com/acme/shipping/CarrierClient.java", """
                    package com.acme.shipping;

                    import org.springframework.stereotype.Service;
                    import org.springframework.web.client.RestClient;

                    @Service
                    class CarrierClient {

                        record Label(String trackingNumber) {}

                        // violation: `CarrierClient#restClient` builds a `RestClient` without a read timeout
                        private final RestClient restClient = RestClient.builder()
                                .baseUrl("https://carrier.example.com/v2")
                                .build();

                        // violation: pass a `requestFactory(..)` whose factory has `setConnectTimeout(..)`
                        private final RestClient tracking = RestClient.create("https://tracking.example.com");

                        Label label(String shipmentId) {
                            return restClient.post().uri("/labels/{id}", shipmentId).retrieve().body(Label.class);
                        }
                    }
                    """)
                    .file("src/main/resources/application.properties", "spring.http.client.read-timeout=5s\n")
                    .expectMarkedFindings();
        }

        @Test
        void reportsWebClientWithoutConnectorOrCallTimeouts() {
            tester().java("com/acme/catalog/PriceClient.java", """
                    package com.acme.catalog;

                    import java.math.BigDecimal;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.reactive.function.client.WebClient;
                    import reactor.core.publisher.Mono;

                    @Component
                    class PriceClient {

                        record Price(String sku, BigDecimal amount) {}

                        private final WebClient webClient;

                        PriceClient(WebClient.Builder builder) {
                            // violation: builds a `WebClient` without a response timeout
                            this.webClient = builder.baseUrl("http://pricing").build();
                        }

                        Mono<Price> price(String sku) {
                            return webClient.get().uri("/prices/{sku}", sku).retrieve().bodyToMono(Price.class);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJdkClientAndRequestWithoutTimeouts() {
            tester().java("com/acme/fx/RatesClient.java", """
                    package com.acme.fx;

                    import java.io.IOException;
                    import java.net.URI;
                    import java.net.http.HttpClient;
                    import java.net.http.HttpRequest;
                    import java.net.http.HttpResponse;

                    public class RatesClient {

                        // violation: builds a `HttpClient` without `connectTimeout(..)`
                        private final HttpClient client = HttpClient.newBuilder()
                                .followRedirects(HttpClient.Redirect.NORMAL)
                                .build();

                        public String rates(String base) throws IOException, InterruptedException {
                            // violation: `RatesClient#rates` builds a `HttpRequest` without a `timeout(..)`
                            HttpRequest request = HttpRequest.newBuilder(URI.create("https://fx.example.com/rates?base=" + base))
                                    .header("Accept", "application/json")
                                    .GET()
                                    .build();
                            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsApacheClientsWithDefaultSettings() {
            tester().java("com/acme/legacy/LegacyErpClient.java", """
                    package com.acme.legacy;

                    import org.apache.http.impl.client.CloseableHttpClient;
                    import org.apache.http.impl.client.HttpClients;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;

                    @Configuration
                    class LegacyErpClient {

                        @Bean(destroyMethod = "close")
                        CloseableHttpClient erpHttpClient() {
                            // violation: builds a `CloseableHttpClient` without a socket timeout
                            return HttpClients.createDefault();
                        }
                    }
                    """).java("com/acme/legacy/DocumentStoreConfig.java", """
                    package com.acme.legacy;

                    import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
                    import org.apache.hc.client5.http.impl.classic.HttpClients;
                    import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
                    import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;

                    @Configuration
                    class DocumentStoreConfig {

                        @Bean
                        CloseableHttpClient documentStoreClient() {
                            PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                                    .setMaxConnTotal(50)
                                    .setMaxConnPerRoute(20)
                                    .build();
                            // violation: builds a `CloseableHttpClient` without a response timeout
                            return HttpClients.custom()
                                    .setConnectionManager(pool)
                                    .evictIdleConnections(org.apache.hc.core5.util.TimeValue.ofSeconds(30))
                                    .build();
                        }
                    }
                    """).expectMarkedFindings();
        }
        @Test
        void reportsLombokInjectedBuilderAndTemplateWithConvertersOnly() {
            tester().java("com/acme/orders/config/ClientsConfig.java", """
                    package com.acme.orders.config;

                    import java.util.List;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.boot.web.client.RestTemplateBuilder;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    @RequiredArgsConstructor
                    class ClientsConfig {

                        private final RestTemplateBuilder restTemplateBuilder;

                        @Bean
                        RestTemplate loyaltyRestTemplate() {
                            // violation: `ClientsConfig#loyaltyRestTemplate` builds a `RestTemplate` without a read timeout
                            return restTemplateBuilder.rootUri("http://loyalty").build();
                        }

                        @Bean
                        RestTemplate jsonRestTemplate(MappingJackson2HttpMessageConverter converter) {
                            // violation: `ClientsConfig#jsonRestTemplate` builds a `RestTemplate` without a read timeout
                            return new RestTemplate(List.of(converter));
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresRestTemplateWhoseFactoryBeanSetsTimeouts() {
            tester().java("com/acme/orders/config/HttpConfig.java", """
                    package com.acme.orders.config;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.http.client.ClientHttpRequestFactory;
                    import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
                    import org.springframework.http.client.SimpleClientHttpRequestFactory;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    public class HttpConfig {

                        @Bean
                        RestTemplate restTemplate() {
                            return new RestTemplate(requestFactory());
                        }

                        @Bean
                        RestTemplate reportingRestTemplate() {
                            RestTemplate template = new RestTemplate();
                            HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory();
                            factory.setConnectTimeout(1_000);
                            factory.setReadTimeout(30_000);
                            template.setRequestFactory(factory);
                            return template;
                        }

                        private ClientHttpRequestFactory requestFactory() {
                            SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
                            factory.setConnectTimeout(2_000);
                            factory.setReadTimeout(5_000);
                            return factory;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresRestTemplateBuilderWithTimeouts() {
            tester().java("com/acme/orders/payments/PaymentGatewayClient.java", """
                    package com.acme.orders.payments;

                    import java.time.Duration;
                    import org.springframework.boot.web.client.RestTemplateBuilder;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    class PaymentGatewayConfig {

                        @Bean
                        RestTemplate paymentRestTemplate(RestTemplateBuilder builder) {
                            return builder.rootUri("https://payments.internal")
                                    .connectTimeout(Duration.ofSeconds(2))
                                    .readTimeout(Duration.ofSeconds(5))
                                    .build();
                        }

                        @Bean
                        RestTemplate legacyRestTemplate(RestTemplateBuilder builder) {
                            return builder.setConnectTimeout(Duration.ofSeconds(2))
                                    .setReadTimeout(Duration.ofSeconds(10))
                                    .build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresInjectedBuildersWhenBootPropertiesSetTheReadTimeout() {
            tester().java("com/acme/inventory/StockClient.java", """
                    package com.acme.inventory;

                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.RestClient;

                    @Component
                    class StockClient {

                        record Stock(String sku, int available) {}

                        private final RestClient restClient;

                        StockClient(RestClient.Builder builder) {
                            this.restClient = builder.baseUrl("http://warehouse").build();
                        }

                        Stock stock(String sku) {
                            return restClient.get().uri("/stock/{sku}", sku).retrieve().body(Stock.class);
                        }
                    }
                    """).file("src/main/resources/application.yml", """
                    spring:
                      http:
                        client:
                          connect-timeout: 2s
                          read-timeout: 5s
                    """).expectNoFindings();
        }

        @Test
        void ignoresWebClientWithConnectorTimeoutsOrCallTimeouts() {
            tester().java("com/acme/catalog/WebClientConfig.java", """
                    package com.acme.catalog;

                    import io.netty.channel.ChannelOption;
                    import java.time.Duration;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.http.client.reactive.ReactorClientHttpConnector;
                    import org.springframework.web.reactive.function.client.WebClient;
                    import reactor.netty.http.client.HttpClient;

                    @Configuration
                    class WebClientConfig {

                        @Bean
                        WebClient pricingWebClient() {
                            HttpClient httpClient = HttpClient.create()
                                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                                    .responseTimeout(Duration.ofSeconds(5));
                            return WebClient.builder()
                                    .baseUrl("http://pricing")
                                    .clientConnector(new ReactorClientHttpConnector(httpClient))
                                    .build();
                        }
                    }
                    """).java("com/acme/catalog/ReviewClient.java", """
                    package com.acme.catalog;

                    import java.time.Duration;
                    import java.util.List;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.reactive.function.client.WebClient;
                    import reactor.core.publisher.Mono;

                    @Component
                    class ReviewClient {

                        record Review(String author, int stars) {}

                        private final WebClient reviews = WebClient.create("http://reviews");

                        Mono<List<Review>> reviews(String sku) {
                            return reviews.get().uri("/reviews/{sku}", sku).retrieve()
                                    .bodyToFlux(Review.class)
                                    .collectList()
                                    .timeout(Duration.ofSeconds(3));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresJdkClientWithTimeouts() {
            tester().java("com/acme/fx/RatesClient.java", """
                    package com.acme.fx;

                    import java.io.IOException;
                    import java.net.URI;
                    import java.net.http.HttpClient;
                    import java.net.http.HttpRequest;
                    import java.net.http.HttpResponse;
                    import java.time.Duration;
                    import java.util.concurrent.CompletableFuture;
                    import java.util.concurrent.TimeUnit;

                    public class RatesClient {

                        private final HttpClient client = HttpClient.newBuilder()
                                .connectTimeout(Duration.ofSeconds(2))
                                .build();

                        public String rates(String base) throws IOException, InterruptedException {
                            HttpRequest request = HttpRequest.newBuilder(URI.create("https://fx.example.com/rates?base=" + base))
                                    .timeout(Duration.ofSeconds(5))
                                    .build();
                            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                        }

                        public CompletableFuture<String> ratesAsync(String base) {
                            HttpRequest request = HttpRequest.newBuilder(URI.create("https://fx.example.com/rates?base=" + base)).build();
                            return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                                    .thenApply(HttpResponse::body)
                                    .orTimeout(5, TimeUnit.SECONDS);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresApacheClientWithRequestConfig() {
            tester().java("com/acme/legacy/DocumentStoreConfig.java", """
                    package com.acme.legacy;

                    import org.apache.hc.client5.http.config.RequestConfig;
                    import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
                    import org.apache.hc.client5.http.impl.classic.HttpClients;
                    import org.apache.hc.core5.util.Timeout;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;

                    @Configuration
                    class DocumentStoreConfig {

                        @Bean
                        CloseableHttpClient documentStoreClient() {
                            RequestConfig config = RequestConfig.custom()
                                    .setConnectionRequestTimeout(Timeout.ofSeconds(1))
                                    .setResponseTimeout(Timeout.ofSeconds(10))
                                    .build();
                            return HttpClients.custom().setDefaultRequestConfig(config).build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresOkHttpWhoseDefaultsAreBounded() {
            tester().java("com/acme/notify/SmsConfig.java", """
                    package com.acme.notify;

                    import okhttp3.OkHttpClient;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.http.client.OkHttp3ClientHttpRequestFactory;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    class SmsConfig {

                        @Bean
                        OkHttpClient okHttpClient() {
                            return new OkHttpClient.Builder().retryOnConnectionFailure(true).build();
                        }

                        @Bean
                        RestTemplate smsRestTemplate() {
                            return new RestTemplate(new OkHttp3ClientHttpRequestFactory());
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void trustsFactoriesAndClientsThatComeFromElsewhere() {
            tester().java("com/acme/orders/config/ClientsConfig.java", """
                    package com.acme.orders.config;

                    import lombok.RequiredArgsConstructor;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.http.client.ClientHttpRequestFactory;
                    import org.springframework.web.client.RestClient;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    @RequiredArgsConstructor
                    class ClientsConfig {

                        private final ClientHttpRequestFactory sharedFactory;

                        @Bean
                        RestTemplate restTemplate(ClientHttpRequestFactory factory) {
                            return new RestTemplate(factory);
                        }

                        @Bean
                        RestClient restClient(RestTemplate restTemplate) {
                            return RestClient.create(restTemplate);
                        }

                        @Bean
                        RestClient auditClient() {
                            return RestClient.builder().requestFactory(sharedFactory).baseUrl("http://audit").build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresInjectedWebClientBuilderWhenModuleDeclaresAConnectorBean() {
            tester().java("com/acme/catalog/ConnectorConfig.java", """
                    package com.acme.catalog;

                    import java.time.Duration;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.http.client.reactive.ClientHttpConnector;
                    import org.springframework.http.client.reactive.ReactorClientHttpConnector;
                    import reactor.netty.http.client.HttpClient;

                    @Configuration
                    class ConnectorConfig {

                        @Bean
                        ClientHttpConnector clientHttpConnector() {
                            return new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofSeconds(5)));
                        }
                    }
                    """).java("com/acme/catalog/PriceClient.java", """
                    package com.acme.catalog;

                    import org.springframework.stereotype.Component;
                    import org.springframework.web.reactive.function.client.WebClient;

                    @Component
                    class PriceClient {

                        private final WebClient webClient;

                        PriceClient(WebClient.Builder builder) {
                            this.webClient = builder.baseUrl("http://pricing").build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void followsFieldsConfiguredInTheConstructor() {
            tester().java("com/acme/orders/loyalty/LoyaltyClient.java", """
                    package com.acme.orders.loyalty;

                    import org.springframework.http.client.SimpleClientHttpRequestFactory;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.RestTemplate;

                    @Component
                    class LoyaltyClient {

                        private final SimpleClientHttpRequestFactory factory;
                        private final RestTemplate restTemplate;

                        LoyaltyClient() {
                            this.factory = new SimpleClientHttpRequestFactory();
                            this.factory.setConnectTimeout(1_000);
                            this.factory.setReadTimeout(3_000);
                            this.restTemplate = new RestTemplate(this.factory);
                        }

                        int points(String customerId) {
                            Integer points = restTemplate.getForObject("http://loyalty/points/{id}", Integer.class, customerId);
                            return points == null ? 0 : points;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void honoursSuppressionWithAReason() {
            tester().java("com/acme/batch/ExportConfig.java", """
                    package com.acme.batch;

                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.web.client.RestTemplate;

                    @Configuration
                    class ExportConfig {

                        @Bean
                        RestTemplate exportRestTemplate() {
                            // archlint:ignore http-client-no-timeout nightly export streams for hours, watched by the scheduler
                            return new RestTemplate();
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
