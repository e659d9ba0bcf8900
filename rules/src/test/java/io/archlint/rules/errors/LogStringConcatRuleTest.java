package io.archlint.rules.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LogStringConcatRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new LogStringConcatRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsConcatenationInSlf4jCallsOnAStaticLogger() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;

                    public class OrderService {
                        private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

                        public void place(String orderId, long amountCents) {
                            // violation: `OrderService#place` builds its `info` message with `+` on every call; use `{}` placeholders
                            LOG.info("Placing order " + orderId + " for " + amountCents);
                        }

                        public void fail(String orderId, Exception e) {
                            // violation: builds its `error` message with `+`
                            LOG.error("Order " + orderId + " failed", e);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsStringFormatAndFormattedWithLombokSlf4j() {
            tester().java("com/acme/billing/InvoiceService.java", """
                    package com.acme.billing;

                    import lombok.extern.slf4j.Slf4j;

                    @Slf4j
                    public class InvoiceService {
                        public void send(String invoiceId, String email) {
                            // violation: builds its `debug` message with `String.format(..)`
                            log.debug(String.format("Sending invoice %s to %s", invoiceId, email));
                            // violation: builds its `warn` message with `formatted(..)`
                            log.warn("Invoice %s bounced".formatted(invoiceId));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsLog4j2WithMarkerJulAndJbossAndAdvisesEach() {
            tester().java("com/acme/stock/StockService.java", """
                    package com.acme.stock;

                    import java.util.logging.Level;
                    import org.apache.logging.log4j.LogManager;
                    import org.apache.logging.log4j.Logger;
                    import org.apache.logging.log4j.Marker;
                    import org.apache.logging.log4j.MarkerManager;

                    public class StockService {
                        private static final Logger logger = LogManager.getLogger();
                        private static final Marker AUDIT = MarkerManager.getMarker("AUDIT");
                        private final java.util.logging.Logger jul = java.util.logging.Logger.getLogger("stock");

                        public void reserve(String sku, int quantity) {
                            Marker audit = AUDIT;
                            // violation: builds its `info` message with `+` on every call; use `{}` placeholders
                            logger.info(audit, "Reserved " + quantity + " of " + sku);
                            // violation: pass a `Supplier`
                            jul.log(Level.FINE, "Reserve " + sku);
                        }
                    }
                    """).java("com/acme/stock/StockResource.java", """
                    package com.acme.stock;

                    import org.jboss.logging.Logger;

                    public class StockResource {
                        private static final Logger LOG = Logger.getLogger(StockResource.class);

                        public void get(String sku) {
                            // violation: use `debugf` with `%s` parameters
                            LOG.debug("Stock lookup for " + sku);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsConcatenationWithAnInstanceFieldThroughThis() {
            tester().java("com/acme/users/UserService.java", """
                    package com.acme.users;

                    import org.apache.commons.logging.Log;
                    import org.apache.commons.logging.LogFactory;

                    public class UserService {
                        private final Log log = LogFactory.getLog(getClass());

                        public void register(String email) {
                            // violation: guard it with an `is..Enabled()` check
                            this.log.info("Registering " + email);
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresPlaceholdersAndConcatenatedConstants() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;

                    public class OrderService {
                        private static final Logger log = LoggerFactory.getLogger(OrderService.class);
                        private static final String PREFIX = "[orders] ";
                        private static final String suffix = " done";

                        public void place(String orderId, long amountCents, long taxCents) {
                            log.info("Placing order {} for {}", orderId, amountCents);
                            log.info(PREFIX + "placing an order" + suffix);
                            log.info("A long message that is split "
                                    + "over two lines");
                            log.debug("Total {}", amountCents + taxCents);
                            log.info("Order {} line {}", orderId, "item-" + orderId);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresCallsGuardedByTheirLevelAndJbossFormatParameters() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.jboss.logging.Logger;

                    public class OrderService {
                        private static final Logger LOG = Logger.getLogger(OrderService.class);

                        public void place(String orderId) {
                            if (LOG.isDebugEnabled()) {
                                LOG.debug("Order " + orderId + " accepted");
                            }
                            LOG.infof("Order %s accepted", orderId);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresConcatenationPassedToThingsThatAreNotLoggers() {
            tester().java("com/acme/orders/Audit.java", """
                    package com.acme.orders;

                    import java.util.List;

                    public class Audit {
                        private final List<String> log = new java.util.ArrayList<>();
                        private final Printer printer = new Printer();

                        public void record(String orderId) {
                            printer.info("Order " + orderId);
                            log.add("Order " + orderId);
                        }

                        static class Printer {
                            void info(String line) {}
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresAnUnannotatedLogNameWithoutALoggerType() {
            tester().java("com/acme/orders/Journal.java", """
                    package com.acme.orders;

                    public class Journal {
                        public void write(Sink log, String orderId) {
                            log.info("Order " + orderId);
                        }

                        interface Sink {
                            void info(String line);
                        }
                    }
                    """).expectNoFindings();
        }
    }

    @Test
    void reportsAtTheCallWithItsEnclosingMethod() {
        var findings = tester().java("com/acme/orders/OrderService.java", """
                package com.acme.orders;

                import org.slf4j.Logger;

                public class OrderService {
                    private final Logger log;

                    OrderService(Logger log) {
                        this.log = log;
                    }

                    void cancel(String id) {
                        log.warn("Cancelled " + id);
                    }
                }
                """).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("src/main/java/com/acme/orders/OrderService.java");
            assertThat(f.line()).isEqualTo(13);
            assertThat(f.symbol()).isEqualTo("com.acme.orders.OrderService#cancel");
            assertThat(f.message()).contains("`OrderService#cancel` builds its `warn` message with `+`");
        });
    }
}
