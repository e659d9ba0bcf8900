package io.archlint.rules.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SwallowedExceptionRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new SwallowedExceptionRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsEmptyAndCommentOnlyCatchBlocks() {
            tester().java("com/acme/billing/InvoiceArchiver.java", """
                    package com.acme.billing;

                    import java.io.IOException;
                    import java.nio.file.Files;
                    import java.nio.file.Path;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class InvoiceArchiver {

                        private final Path root;

                        public InvoiceArchiver(Path root) {
                            this.root = root;
                        }

                        public void archive(String invoiceId, byte[] pdf) {
                            try {
                                Files.write(root.resolve(invoiceId + ".pdf"), pdf);
                            // violation: `InvoiceArchiver#archive` swallows `IOException` in an empty catch block; log it
                            } catch (IOException e) {
                            }
                        }

                        public void purge(String invoiceId) {
                            try {
                                Files.delete(root.resolve(invoiceId + ".pdf"));
                            // violation: `InvoiceArchiver#purge` swallows `IOException | SecurityException` in an empty catch
                            } catch (IOException | SecurityException e) {
                                // should never happen, the file was written by us
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsCatchBlocksThatOnlyReturnADefault() {
            tester().java("com/acme/customer/CustomerClient.java", """
                    package com.acme.customer;

                    import java.io.IOException;
                    import java.util.Collections;
                    import java.util.List;
                    import java.util.Optional;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.RestClientException;
                    import org.springframework.web.client.RestTemplate;

                    @Component
                    public class CustomerClient {

                        public record Customer(String id, String email) {}

                        private final RestTemplate rest;

                        public CustomerClient(RestTemplate rest) {
                            this.rest = rest;
                        }

                        public Customer find(String id) {
                            try {
                                return rest.getForObject("/customers/{id}", Customer.class, id);
                            // violation: `CustomerClient#find` turns `RestClientException` into `return null` without logging it
                            } catch (RestClientException e) {
                                return null;
                            }
                        }

                        public Optional<Customer> lookup(String email) {
                            try {
                                return Optional.ofNullable(rest.getForObject("/customers?email={e}", Customer.class, email));
                            // violation: turns `Exception` into `return Optional.empty()`
                            } catch (Exception e) {
                                return Optional.empty();
                            }
                        }

                        public List<String> tags(String id) {
                            try {
                                return List.of(rest.getForObject("/customers/{id}/tags", String[].class, id));
                            // violation: turns `RuntimeException` into `return Collections.emptyList()`
                            } catch (RuntimeException ex) {
                                return Collections.emptyList();
                            }
                        }

                        public int loyaltyPoints(String id) {
                            try {
                                return rest.getForObject("/customers/{id}/points", Integer.class, id);
                            // violation: turns `RestClientException` into `return -1`
                            } catch (RestClientException e) {
                                return -1;
                            }
                        }

                        public void touch(String id) {
                            try {
                                rest.postForLocation("/customers/{id}/touch", null, id);
                            // violation: turns `RestClientException` into `return`
                            } catch (RestClientException e) {
                                return;
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSwallowedInterruptionWithItsOwnAdvice() {
            tester().java("com/acme/jobs/ExportPoller.java", """
                    package com.acme.jobs;

                    import java.util.concurrent.BlockingQueue;
                    import java.util.concurrent.TimeUnit;

                    public class ExportPoller {

                        private final BlockingQueue<String> queue;

                        public ExportPoller(BlockingQueue<String> queue) {
                            this.queue = queue;
                        }

                        public String next() {
                            try {
                                return queue.poll(5, TimeUnit.SECONDS);
                            // violation: `ExportPoller#next` swallows `InterruptedException`; restore the interrupt flag with `Thread.currentThread().interrupt()`
                            } catch (InterruptedException e) {
                                return null;
                            }
                        }

                        public void pause() {
                            try {
                                Thread.sleep(1_000);
                            // violation: swallows `InterruptedException`; restore the interrupt flag
                            } catch (InterruptedException e) {
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsCatchInLambdaAtTheCatchKeywordWithTheEnclosingMethodAsSymbol() {
            List<Finding> findings = tester().java("com/acme/catalog/PriceRefresher.java", """
                    package com.acme.catalog;

                    import java.util.List;
                    import java.util.concurrent.CompletableFuture;

                    public class PriceRefresher {

                        public CompletableFuture<List<String>> refresh(PriceFeed feed) {
                            return CompletableFuture.supplyAsync(() -> {
                                try {
                                    return feed.prices();
                                } catch (FeedUnavailableException e) { return List.of(); }
                            });
                        }

                        interface PriceFeed { List<String> prices() throws FeedUnavailableException; }

                        static class FeedUnavailableException extends Exception {}
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding.file()).isEqualTo("src/main/java/com/acme/catalog/PriceRefresher.java");
            assertThat(finding.line()).isEqualTo(12);
            assertThat(finding.column()).isEqualTo(15);
            assertThat(finding.symbol()).isEqualTo("com.acme.catalog.PriceRefresher#refresh");
            assertThat(finding.message()).contains("turns `FeedUnavailableException` into `return List.of()`");
        }

        @Test
        void reportsParseExceptionsWhenTheTryBlockDoesNotParse() {
            tester().java("com/acme/orders/OrderImporter.java", """
                    package com.acme.orders;

                    public class OrderImporter {

                        private final OrderService orders;

                        public OrderImporter(OrderService orders) {
                            this.orders = orders;
                        }

                        public boolean importOrder(String line) {
                            try {
                                orders.create(line.split(";"));
                            // violation: turns `IllegalArgumentException` into `return false`
                            } catch (IllegalArgumentException e) {
                                return false;
                            }
                            return true;
                        }

                        interface OrderService { void create(String[] fields); }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresCatchBlocksThatLogRethrowOrRecord() {
            tester().java("com/acme/payments/PaymentService.java", """
                    package com.acme.payments;

                    import io.micrometer.core.instrument.MeterRegistry;
                    import io.opentelemetry.api.trace.Span;
                    import java.util.ArrayList;
                    import java.util.List;
                    import java.util.Optional;
                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class PaymentService {

                        private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

                        private final PspClient psp;
                        private final MeterRegistry meterRegistry;

                        public PaymentService(PspClient psp, MeterRegistry meterRegistry) {
                            this.psp = psp;
                            this.meterRegistry = meterRegistry;
                        }

                        public Optional<String> charge(String orderId, long cents) {
                            try {
                                return Optional.of(psp.charge(orderId, cents));
                            } catch (PspException e) {
                                log.warn("charge failed for order {}", orderId, e);
                                return Optional.empty();
                            }
                        }

                        public String refund(String paymentId) {
                            try {
                                return psp.refund(paymentId);
                            } catch (PspException e) {
                                throw new RefundFailedException("refund failed for " + paymentId, e);
                            }
                        }

                        public boolean capture(String paymentId) {
                            try {
                                psp.capture(paymentId);
                                return true;
                            } catch (PspException e) {
                                meterRegistry.counter("payments.capture.failed").increment();
                                Span.current().recordException(e);
                                return false;
                            }
                        }

                        public List<String> settleAll(List<String> ids) {
                            List<String> errors = new ArrayList<>();
                            for (String id : ids) {
                                try {
                                    psp.capture(id);
                                } catch (PspException e) {
                                    errors.add(id + ": " + e.getMessage());
                                }
                            }
                            return errors;
                        }

                        public String status(String paymentId) {
                            try {
                                return psp.status(paymentId);
                            } catch (PspException e) {
                                return "UNKNOWN:" + e.getCode();
                            }
                        }

                        interface PspClient {
                            String charge(String orderId, long cents) throws PspException;
                            String refund(String paymentId) throws PspException;
                            void capture(String paymentId) throws PspException;
                            String status(String paymentId) throws PspException;
                        }

                        static class PspException extends Exception {
                            String getCode() { return "E"; }
                        }

                        static class RefundFailedException extends RuntimeException {
                            RefundFailedException(String message, Throwable cause) { super(message, cause); }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresInterruptedExceptionThatReInterrupts() {
            tester().java("com/acme/jobs/Throttle.java", """
                    package com.acme.jobs;

                    public class Throttle {

                        public boolean pause(long millis) {
                            try {
                                Thread.sleep(millis);
                                return true;
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return false;
                            }
                        }

                        public void await(Object lock) {
                            synchronized (lock) {
                                try {
                                    lock.wait();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresCatchParametersNamedAsDeliberatelyIgnored() {
            tester().java("com/acme/cache/WarmCache.java", """
                    package com.acme.cache;

                    import java.util.Map;

                    public class WarmCache {

                        private final Map<String, String> values;
                        private final Loader loader;

                        public WarmCache(Map<String, String> values, Loader loader) {
                            this.values = values;
                            this.loader = loader;
                        }

                        public void warm(String key) {
                            try {
                                values.put(key, loader.load(key));
                            } catch (RuntimeException ignored) {
                                // best effort: a miss is loaded again on first read
                            }
                        }

                        public String peek(String key) {
                            try {
                                return loader.load(key);
                            } catch (IllegalStateException expected) {
                                return null;
                            }
                        }

                        interface Loader { String load(String key); }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresParseFallbacksThatReturnADefault() {
            tester().java("com/acme/web/Paging.java", """
                    package com.acme.web;

                    import java.time.LocalDate;
                    import java.time.format.DateTimeParseException;
                    import java.util.UUID;

                    public final class Paging {

                        public enum Sort { ASC, DESC }

                        public static int pageSize(String raw) {
                            try {
                                return Integer.parseInt(raw);
                            } catch (NumberFormatException e) {
                                return 0;
                            }
                        }

                        public static LocalDate since(String raw) {
                            try {
                                return LocalDate.parse(raw);
                            } catch (DateTimeParseException e) {
                                return null;
                            }
                        }

                        public static Sort sort(String raw) {
                            try {
                                return Sort.valueOf(raw.toUpperCase());
                            } catch (IllegalArgumentException e) {
                                return null;
                            }
                        }

                        public static long limit(String raw) {
                            long limit = 50;
                            try {
                                limit = Long.parseLong(raw);
                            } catch (NumberFormatException e) {
                            }
                            return limit;
                        }
                    }
                    """).java("com/acme/web/Tenants.java", """
                    package com.acme.web;

                    import java.util.UUID;

                    public final class Tenants {
                        public static UUID tenant(String raw) {
                            try {
                                return UUID.fromString(raw);
                            } catch (IllegalArgumentException e) {
                                return null;
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresQuietCleanUpAndProbes() {
            tester().java("com/acme/infra/Sockets.java", """
                    package com.acme.infra;

                    import java.io.IOException;
                    import java.net.InetSocketAddress;
                    import java.net.Socket;
                    import java.sql.Connection;
                    import java.sql.SQLException;

                    public final class Sockets {

                        public static boolean isReachable(String host, int port) {
                            try (Socket socket = new Socket()) {
                                socket.connect(new InetSocketAddress(host, port), 500);
                                return true;
                            } catch (IOException e) {
                                return false;
                            }
                        }

                        public static void release(Connection connection) {
                            if (connection != null) {
                                try {
                                    connection.close();
                                } catch (SQLException e) {
                                }
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSuppressedCatchBlocks() {
            tester().java("com/acme/legacy/LegacyBridge.java", """
                    package com.acme.legacy;

                    public class LegacyBridge {

                        @SuppressWarnings("archlint:swallowed-exception")
                        public Object call(Runnable action) {
                            try {
                                action.run();
                            } catch (RuntimeException e) {
                            }
                            return null;
                        }

                        public Object callAgain(Runnable action) {
                            try {
                                action.run();
                            // archlint:ignore swallowed-exception the legacy system throws on success
                            } catch (RuntimeException e) {
                                return null;
                            }
                            return action;
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
