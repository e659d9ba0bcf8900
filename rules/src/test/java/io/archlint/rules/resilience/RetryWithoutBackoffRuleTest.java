package io.archlint.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RetryWithoutBackoffRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new RetryWithoutBackoffRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsSpringRetryableWithoutBackoff() {
            tester().java("com/acme/orders/payments/PaymentGateway.java", """
                    package com.acme.orders.payments;

                    import java.math.BigDecimal;
                    import org.springframework.retry.annotation.Retryable;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.ResourceAccessException;
                    import org.springframework.web.client.RestClient;

                    @Component
                    class PaymentGateway {

                        record Charge(String orderId, BigDecimal amount) {}

                        private final RestClient restClient;

                        PaymentGateway(RestClient restClient) {
                            this.restClient = restClient;
                        }

                        // violation: `@Retryable` on `PaymentGateway#charge` has no `backoff`, so Spring Retry waits a fixed 1 s
                        @Retryable(retryFor = ResourceAccessException.class, maxAttempts = 4)
                        String charge(Charge charge) {
                            return restClient.post().uri("/charges").body(charge).retrieve().body(String.class);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsFrameworkRetryableWithoutDelaySettings() {
            tester().java("com/acme/inventory/StockClient.java", """
                    package com.acme.inventory;

                    import org.springframework.resilience.annotation.Retryable;
                    import org.springframework.stereotype.Service;

                    @Service
                    class StockClient {

                        // violation: waits a fixed 1 s between attempts
                        @Retryable(maxRetries = 5)
                        int available(String sku) {
                            return 0;
                        }

                        // violation: retries with no delay at all
                        @Retryable(delay = 0)
                        int reserved(String sku) {
                            return 0;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsRetryTemplatesWithoutBackoff() {
            tester().java("com/acme/shipping/RetryConfig.java", """
                    package com.acme.shipping;

                    import java.io.IOException;
                    import org.springframework.context.annotation.Bean;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.retry.policy.SimpleRetryPolicy;
                    import org.springframework.retry.support.RetryTemplate;

                    @Configuration
                    class RetryConfig {

                        @Bean
                        RetryTemplate carrierRetryTemplate() {
                            // violation: builds a `RetryTemplate` without a backoff, so it retries immediately
                            return RetryTemplate.builder()
                                    .maxAttempts(5)
                                    .retryOn(IOException.class)
                                    .build();
                        }

                        @Bean
                        RetryTemplate labelRetryTemplate() {
                            // violation: creates a `RetryTemplate` without a back-off policy
                            RetryTemplate template = new RetryTemplate();
                            template.setRetryPolicy(new SimpleRetryPolicy(3));
                            return template;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsFailsafeAndResilience4jPoliciesThatRetryImmediately() {
            tester().java("com/acme/fx/RetryPolicies.java", """
                    package com.acme.fx;

                    import dev.failsafe.RetryPolicy;
                    import io.github.resilience4j.retry.RetryConfig;
                    import java.io.IOException;
                    import java.time.Duration;

                    final class RetryPolicies {

                        // violation: builds a Failsafe `RetryPolicy` without a delay
                        static final RetryPolicy<Object> RATES = RetryPolicy.builder()
                                .handle(IOException.class)
                                .withMaxRetries(3)
                                .build();

                        // violation: uses `RetryPolicy.ofDefaults()`, which retries twice with no delay
                        static final RetryPolicy<Object> DEFAULTS = RetryPolicy.ofDefaults();

                        // violation: builds a Resilience4j `RetryConfig` with a zero `waitDuration`
                        static final RetryConfig QUOTES = RetryConfig.custom()
                                .maxAttempts(4)
                                .waitDuration(Duration.ZERO)
                                .build();

                        private RetryPolicies() {}
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsResilience4jInstanceWithZeroWaitDuration() {
            List<Finding> findings = tester().file("src/main/resources/application.yml", """
                    resilience4j:
                      retry:
                        instances:
                          paymentGateway:
                            max-attempts: 5
                            wait-duration: 0s
                          catalog:
                            max-attempts: 3
                            wait-duration: 500ms
                    """).findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file()).isEqualTo("src/main/resources/application.yml");
            assertThat(findings.get(0).line()).isEqualTo(6);
            assertThat(findings.get(0).message()).contains("so the retry `paymentGateway` follows each failure at once");
        }

        @Test
        void reportsHandWrittenRetryLoopsThatNeverWait() {
            tester().java("com/acme/orders/client/InventoryClient.java", """
                    package com.acme.orders.client;

                    import java.io.IOException;
                    import java.net.http.HttpClient;
                    import java.net.http.HttpRequest;
                    import java.net.http.HttpResponse;
                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.RestClientException;
                    import org.springframework.web.client.RestTemplate;

                    @Component
                    class InventoryClient {

                        private static final Logger log = LoggerFactory.getLogger(InventoryClient.class);
                        private static final int MAX_ATTEMPTS = 3;

                        private final RestTemplate restTemplate;
                        private final HttpClient httpClient;
                        private final KafkaTemplate<String, String> kafkaTemplate;

                        InventoryClient(RestTemplate restTemplate, HttpClient httpClient, KafkaTemplate<String, String> kafkaTemplate) {
                            this.restTemplate = restTemplate;
                            this.httpClient = httpClient;
                            this.kafkaTemplate = kafkaTemplate;
                        }

                        Integer stock(String sku) {
                            // violation: `InventoryClient#stock` retries in a `for` loop without waiting between attempts
                            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                                try {
                                    return restTemplate.getForObject("http://inventory/stock/{sku}", Integer.class, sku);
                                } catch (RestClientException e) {
                                    log.warn("stock lookup failed (attempt {}/{})", attempt, MAX_ATTEMPTS, e);
                                    if (attempt == MAX_ATTEMPTS) {
                                        throw e;
                                    }
                                }
                            }
                            return null;
                        }

                        String reservation(HttpRequest request) throws InterruptedException {
                            // violation: retries in a `while` loop without waiting between attempts
                            while (true) {
                                try {
                                    return httpClient.send(request, HttpResponse.BodyHandlers.ofString()).body();
                                } catch (IOException e) {
                                    log.warn("reservation call failed, retrying", e);
                                }
                            }
                        }

                        void publish(String event) {
                            boolean sent = false;
                            int retries = 0;
                            // violation: retries in a `while` loop
                            while (!sent && retries < MAX_ATTEMPTS) {
                                try {
                                    kafkaTemplate.send("inventory-events", event).get();
                                    sent = true;
                                } catch (Exception e) {
                                    retries++;
                                }
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresRetryableWithBackoff() {
            tester().java("com/acme/orders/payments/PaymentGateway.java", """
                    package com.acme.orders.payments;

                    import org.springframework.dao.OptimisticLockingFailureException;
                    import org.springframework.retry.annotation.Backoff;
                    import org.springframework.retry.annotation.Retryable;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.ResourceAccessException;

                    @Component
                    class PaymentGateway {

                        @Retryable(retryFor = ResourceAccessException.class, maxAttempts = 4,
                                backoff = @Backoff(delay = 500, multiplier = 2, maxDelay = 8000, random = true))
                        String charge(String orderId) {
                            return orderId;
                        }

                        @Retryable(retryFor = OptimisticLockingFailureException.class, backoff = @Backoff(delay = 50))
                        void markPaid(String orderId) {
                        }

                        @Retryable(interceptor = "paymentRetryInterceptor")
                        void refund(String orderId) {
                        }

                        @Retryable(maxAttempts = 1)
                        void audit(String orderId) {
                        }
                    }
                    """).java("com/acme/inventory/StockClient.java", """
                    package com.acme.inventory;

                    import org.springframework.resilience.annotation.Retryable;
                    import org.springframework.stereotype.Service;

                    @Service
                    class StockClient {

                        @Retryable(maxRetries = 4, delay = 200, multiplier = 2, jitter = 50, maxDelay = 5000)
                        int available(String sku) {
                            return 0;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresProgrammaticPoliciesWithBackoff() {
            tester().java("com/acme/fx/RetryPolicies.java", """
                    package com.acme.fx;

                    import dev.failsafe.RetryPolicy;
                    import io.github.resilience4j.core.IntervalFunction;
                    import io.github.resilience4j.retry.RetryConfig;
                    import java.io.IOException;
                    import java.time.Duration;
                    import org.springframework.retry.backoff.ExponentialRandomBackOffPolicy;
                    import org.springframework.retry.support.RetryTemplate;

                    final class RetryPolicies {

                        static final RetryPolicy<Object> RATES = RetryPolicy.builder()
                                .handle(IOException.class)
                                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(5))
                                .withJitter(0.25)
                                .build();

                        static final RetryConfig QUOTES = RetryConfig.custom()
                                .maxAttempts(4)
                                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(300), 2.0))
                                .build();

                        static final RetryConfig DEFAULT_WAIT = RetryConfig.custom().maxAttempts(3).build();

                        static final RetryTemplate CARRIER = RetryTemplate.builder()
                                .maxAttempts(5)
                                .exponentialBackoff(100, 2, 5000, true)
                                .build();

                        static RetryTemplate labels() {
                            RetryTemplate template = new RetryTemplate();
                            template.setBackOffPolicy(new ExponentialRandomBackOffPolicy());
                            return template;
                        }

                        private RetryPolicies() {}
                    }
                    """).file("src/main/resources/application.yml", """
                    resilience4j:
                      retry:
                        instances:
                          paymentGateway:
                            max-attempts: 5
                            wait-duration: 500ms
                            enable-exponential-backoff: true
                            enable-randomized-wait: true
                    """).expectNoFindings();
        }

        @Test
        void ignoresLoopsOverItemsWithTryCatchPerItem() {
            tester().java("com/acme/orders/batch/InvoiceExporter.java", """
                    package com.acme.orders.batch;

                    import java.util.List;
                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.RestClientException;
                    import org.springframework.web.client.RestTemplate;

                    @Component
                    class InvoiceExporter {

                        private static final Logger log = LoggerFactory.getLogger(InvoiceExporter.class);

                        record Invoice(String id) {}

                        private final RestTemplate restTemplate;

                        InvoiceExporter(RestTemplate restTemplate) {
                            this.restTemplate = restTemplate;
                        }

                        void export(List<Invoice> invoices) {
                            for (Invoice invoice : invoices) {
                                try {
                                    restTemplate.postForObject("http://erp/invoices", invoice, Void.class);
                                } catch (RestClientException e) {
                                    log.warn("export of {} failed", invoice.id(), e);
                                }
                            }
                        }

                        String firstReachable(List<String> mirrors) {
                            for (int i = 0; i < mirrors.size(); i++) {
                                try {
                                    return restTemplate.getForObject(mirrors.get(i), String.class);
                                } catch (RestClientException e) {
                                    log.debug("mirror {} unreachable", mirrors.get(i));
                                }
                            }
                            return null;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresRetryLoopsThatBackOff() {
            tester().java("com/acme/orders/client/InventoryClient.java", """
                    package com.acme.orders.client;

                    import java.util.concurrent.ThreadLocalRandom;
                    import java.util.concurrent.TimeUnit;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.RestClientException;
                    import org.springframework.web.client.RestTemplate;

                    @Component
                    class InventoryClient {

                        private final RestTemplate restTemplate;

                        InventoryClient(RestTemplate restTemplate) {
                            this.restTemplate = restTemplate;
                        }

                        Integer stock(String sku) throws InterruptedException {
                            long delay = 200;
                            for (int attempt = 1; ; attempt++) {
                                try {
                                    return restTemplate.getForObject("http://inventory/stock/{sku}", Integer.class, sku);
                                } catch (RestClientException e) {
                                    if (attempt == 4) {
                                        throw e;
                                    }
                                    Thread.sleep(delay + ThreadLocalRandom.current().nextLong(delay));
                                    delay *= 2;
                                }
                            }
                        }

                        Integer reserved(String sku) {
                            for (int attempt = 1; attempt <= 3; attempt++) {
                                try {
                                    return restTemplate.getForObject("http://inventory/reserved/{sku}", Integer.class, sku);
                                } catch (RestClientException e) {
                                    pauseBeforeNextTry(attempt);
                                }
                            }
                            return 0;
                        }

                        private void pauseBeforeNextTry(int attempt) {
                            try {
                                TimeUnit.MILLISECONDS.sleep(100L << attempt);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresWorkerLoopsAndLoopsThatGiveUp() {
            tester().java("com/acme/orders/messaging/OrderEventsWorker.java", """
                    package com.acme.orders.messaging;

                    import java.time.Duration;
                    import org.apache.kafka.clients.consumer.ConsumerRecords;
                    import org.apache.kafka.clients.consumer.KafkaConsumer;
                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.web.client.RestClientException;
                    import org.springframework.web.client.RestTemplate;

                    class OrderEventsWorker implements Runnable {

                        private static final Logger log = LoggerFactory.getLogger(OrderEventsWorker.class);

                        private final KafkaConsumer<String, String> consumer;
                        private final RestTemplate restTemplate;
                        private volatile boolean running = true;

                        OrderEventsWorker(KafkaConsumer<String, String> consumer, RestTemplate restTemplate) {
                            this.consumer = consumer;
                            this.restTemplate = restTemplate;
                        }

                        @Override
                        public void run() {
                            while (running) {
                                try {
                                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                                    records.forEach(r -> restTemplate.postForObject("http://audit", r.value(), Void.class));
                                } catch (RestClientException e) {
                                    log.error("audit failed", e);
                                }
                            }
                        }

                        String fetch(String id) {
                            for (int attempt = 0; attempt < 3; attempt++) {
                                try {
                                    return restTemplate.getForObject("http://orders/{id}", String.class, id);
                                } catch (RestClientException e) {
                                    throw new IllegalStateException("order service unavailable", e);
                                }
                            }
                            return null;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresPagingLoopsWhoseCounterIsNotARetry() {
            tester().java("com/acme/orders/sync/CatalogSync.java", """
                    package com.acme.orders.sync;

                    import java.util.List;
                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.web.client.RestClientException;
                    import org.springframework.web.client.RestTemplate;

                    class CatalogSync {

                        private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

                        private final RestTemplate restTemplate;

                        CatalogSync(RestTemplate restTemplate) {
                            this.restTemplate = restTemplate;
                        }

                        int sync(int total) {
                            int retrieved = 0;
                            int entries = 0;
                            while (retrieved < total && entries < 10_000) {
                                try {
                                    String[] page = restTemplate.getForObject("http://catalog/products?offset={o}", String[].class, retrieved);
                                    retrieved += page.length;
                                    entries += page.length;
                                } catch (RestClientException e) {
                                    log.warn("page at {} failed", retrieved, e);
                                    retrieved += 100;
                                }
                            }
                            return entries;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void honoursSuppressionWithAReason() {
            tester().java("com/acme/orders/OrderVersioning.java", """
                    package com.acme.orders;

                    import org.springframework.dao.OptimisticLockingFailureException;
                    import org.springframework.retry.annotation.Retryable;
                    import org.springframework.stereotype.Service;

                    @Service
                    class OrderVersioning {

                        @SuppressWarnings("archlint:retry-without-backoff") // local optimistic-lock retry, no remote call
                        @Retryable(retryFor = OptimisticLockingFailureException.class)
                        void bumpVersion(long orderId) {
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
