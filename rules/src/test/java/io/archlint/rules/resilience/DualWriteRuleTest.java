package io.archlint.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DualWriteRuleTest {

    private static final String ORDER = """
            package com.acme.orders;

            public record Order(String id, String customerId, long totalCents) {}
            """;
    private static final String ORDER_REPOSITORY = """
            package com.acme.orders;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OrderRepository extends JpaRepository<Order, String> {}
            """;
    private static final String OUTBOX_EVENT = """
            package com.acme.outbox;

            public record OutboxEvent(String id, String topic, String key, String payload, boolean sent) {
                public static OutboxEvent of(String topic, String key, String payload) {
                    return new OutboxEvent(java.util.UUID.randomUUID().toString(), topic, key, payload, false);
                }

                public OutboxEvent markSent() {
                    return new OutboxEvent(id, topic, key, payload, true);
                }
            }
            """;
    private static final String OUTBOX_REPOSITORY = """
            package com.acme.outbox;

            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OutboxEventRepository extends JpaRepository<OutboxEvent, String> {
                List<OutboxEvent> findTop100BySentFalse();
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new DualWriteRule()).compiled()
                .java("com/acme/orders/Order.java", ORDER)
                .java("com/acme/orders/OrderRepository.java", ORDER_REPOSITORY)
                .java("com/acme/outbox/OutboxEvent.java", OUTBOX_EVENT)
                .java("com/acme/outbox/OutboxEventRepository.java", OUTBOX_REPOSITORY);
    }

    @Nested
    class Violating {

        @Test
        void reportsServiceThatSavesAndSendsToKafka() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;
                        private final KafkaTemplate<String, Order> kafka;

                        public OrderService(OrderRepository orders, KafkaTemplate<String, Order> kafka) {
                            this.orders = orders;
                            this.kafka = kafka;
                        }

                        @Transactional
                        public Order place(String customerId, long totalCents) {
                            Order order = orders.save(new Order(java.util.UUID.randomUUID().toString(), customerId, totalCents));
                            // violation: `OrderService#place` writes to the database (`OrderService.place → OrderRepository.save`) and publishes to Kafka (`OrderService.place → KafkaTemplate.send`) with no transaction spanning both; store the event in an outbox table in the same transaction and relay it to the broker
                            kafka.send("orders.placed", order.id(), order);
                            return order;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsPublishThroughAPrivateHelperAfterAJdbcUpdate() {
            tester().java("com/acme/shipping/ShipmentService.java", """
                    package com.acme.shipping;

                    import org.springframework.amqp.rabbit.core.RabbitTemplate;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class ShipmentService {
                        private static final String MARK_SHIPPED = "UPDATE shipment SET status = 'SHIPPED' WHERE id = ?";
                        private final JdbcTemplate jdbc;
                        private final RabbitTemplate rabbit;

                        public ShipmentService(JdbcTemplate jdbc, RabbitTemplate rabbit) {
                            this.jdbc = jdbc;
                            this.rabbit = rabbit;
                        }

                        public void ship(String shipmentId) {
                            jdbc.update(MARK_SHIPPED, shipmentId);
                            // violation: publishes to RabbitMQ (`ShipmentService.ship → ShipmentService.notifyShipped → RabbitTemplate.convertAndSend`)
                            notifyShipped(shipmentId);
                        }

                        private void notifyShipped(String shipmentId) {
                            rabbit.convertAndSend("shipping", "shipment.shipped", shipmentId);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsPublishThroughTheOnlyImplementationOfAnInjectedInterface() {
            tester().java("com/acme/payments/PaymentEvents.java", """
                    package com.acme.payments;

                    public interface PaymentEvents {
                        void captured(Payment payment);
                    }
                    """).java("com/acme/payments/StreamPaymentEvents.java", """
                    package com.acme.payments;

                    import org.springframework.cloud.stream.function.StreamBridge;
                    import org.springframework.stereotype.Component;

                    @Component
                    class StreamPaymentEvents implements PaymentEvents {
                        private final StreamBridge streamBridge;

                        StreamPaymentEvents(StreamBridge streamBridge) {
                            this.streamBridge = streamBridge;
                        }

                        @Override
                        public void captured(Payment payment) {
                            streamBridge.send("paymentCaptured-out-0", payment);
                        }
                    }
                    """).java("com/acme/payments/Payment.java", """
                    package com.acme.payments;

                    public record Payment(String id, String orderId, long amountCents) {}
                    """).java("com/acme/payments/PaymentService.java", """
                    package com.acme.payments;

                    import jakarta.persistence.EntityManager;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class PaymentService {
                        private final EntityManager entityManager;
                        private final PaymentEvents events;

                        public PaymentService(EntityManager entityManager, PaymentEvents events) {
                            this.entityManager = entityManager;
                            this.events = events;
                        }

                        @Transactional
                        public Payment capture(String orderId, long amountCents) {
                            Payment payment = new Payment(java.util.UUID.randomUUID().toString(), orderId, amountCents);
                            entityManager.persist(payment);
                            // violation: writes to the database (`PaymentService.capture → EntityManager.persist`) and publishes to Spring Cloud Stream (`PaymentService.capture → StreamPaymentEvents.captured → StreamBridge.send`)
                            events.captured(payment);
                            return payment;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsKafkaTransactionBecauseItDoesNotCoverTheDatabase() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;
                        private final KafkaTemplate<String, String> kafka;

                        public OrderService(OrderRepository orders, KafkaTemplate<String, String> kafka) {
                            this.orders = orders;
                            this.kafka = kafka;
                        }

                        @Transactional
                        public void cancel(String orderId) {
                            orders.deleteById(orderId);
                            // violation: publishes to Kafka (`OrderService.cancel → KafkaOperations.send`)
                            kafka.executeInTransaction(operations -> operations.send("orders.cancelled", orderId));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsListenerThatSavesAndForwardsToJms() {
            tester().java("com/acme/billing/InvoiceListener.java", """
                    package com.acme.billing;

                    import org.springframework.data.mongodb.core.MongoTemplate;
                    import org.springframework.jms.core.JmsTemplate;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class InvoiceListener {
                        private final MongoTemplate mongo;
                        private final JmsTemplate jms;

                        public InvoiceListener(MongoTemplate mongo, JmsTemplate jms) {
                            this.mongo = mongo;
                            this.jms = jms;
                        }

                        @KafkaListener(topics = "orders.placed", groupId = "billing")
                        public void onOrderPlaced(InvoiceRequest request) {
                            Invoice invoice = mongo.save(new Invoice(request.orderId(), request.totalCents()));
                            // violation: `InvoiceListener#onOrderPlaced` writes to the database (`InvoiceListener.onOrderPlaced → MongoTemplate.save`) and publishes to JMS (`InvoiceListener.onOrderPlaced → JmsTemplate.convertAndSend`)
                            jms.convertAndSend("invoices.issued", invoice);
                        }

                        public record InvoiceRequest(String orderId, long totalCents) {}

                        public record Invoice(String orderId, long totalCents) {}
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsPublishInAnAfterCommitSynchronization() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.amqp.core.AmqpTemplate;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;
                    import org.springframework.transaction.support.TransactionSynchronization;
                    import org.springframework.transaction.support.TransactionSynchronizationManager;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;
                        private final AmqpTemplate amqp;

                        public OrderService(OrderRepository orders, AmqpTemplate amqp) {
                            this.orders = orders;
                            this.amqp = amqp;
                        }

                        @Transactional
                        public void confirm(Order order) {
                            orders.save(order);
                            // violation: publishes to RabbitMQ (`OrderService.confirm → OrderService$1.afterCommit → AmqpTemplate.convertAndSend`)
                            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                                @Override
                                public void afterCommit() {
                                    amqp.convertAndSend("orders", "order.confirmed", order.id());
                                }
                            });
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsTheServiceThatDoesBothNotTheControllerThatCallsIt() {
            RuleTester tester = tester().java("com/acme/orders/OrderController.java", """
                    package com.acme.orders;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class OrderController {
                        private final OrderService orderService;

                        public OrderController(OrderService orderService) {
                            this.orderService = orderService;
                        }

                        @PostMapping("/orders")
                        public Order place(@RequestBody Order order) {
                            return orderService.place(order);
                        }
                    }
                    """).java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;
                        private final KafkaTemplate<String, Order> kafka;

                        public OrderService(OrderRepository orders, KafkaTemplate<String, Order> kafka) {
                            this.orders = orders;
                            this.kafka = kafka;
                        }

                        public Order place(Order order) {
                            Order saved = orders.save(order);
                            publish(saved);
                            return saved;
                        }

                        private void publish(Order order) {
                            kafka.send("orders.placed", order.id(), order);
                        }
                    }
                    """);

            assertThat(tester.findings()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo("src/main/java/com/acme/orders/OrderService.java");
                assertThat(f.line()).isEqualTo(18);
                assertThat(f.message()).contains(
                        "publishes to Kafka (`OrderService.place → OrderService.publish → KafkaTemplate.send`)");
            });
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresServiceThatWritesTheEventToAnOutboxInTheSameTransaction() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import com.acme.outbox.OutboxEvent;
                    import com.acme.outbox.OutboxEventRepository;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;
                        private final OutboxEventRepository outbox;

                        public OrderService(OrderRepository orders, OutboxEventRepository outbox) {
                            this.orders = orders;
                            this.outbox = outbox;
                        }

                        @Transactional
                        public Order place(Order order) {
                            Order saved = orders.save(order);
                            outbox.save(OutboxEvent.of("orders.placed", saved.id(), saved.toString()));
                            return saved;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresTheOutboxRelayThatSendsAndMarksEventsSent() {
            tester().java("com/acme/outbox/OutboxRelay.java", """
                    package com.acme.outbox;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.scheduling.annotation.Scheduled;
                    import org.springframework.stereotype.Component;
                    import org.springframework.transaction.annotation.Transactional;

                    @Component
                    public class OutboxRelay {
                        private final OutboxEventRepository outbox;
                        private final KafkaTemplate<String, String> kafka;

                        public OutboxRelay(OutboxEventRepository outbox, KafkaTemplate<String, String> kafka) {
                            this.outbox = outbox;
                            this.kafka = kafka;
                        }

                        @Scheduled(fixedDelay = 500)
                        @Transactional
                        public void relay() {
                            for (OutboxEvent event : outbox.findTop100BySentFalse()) {
                                kafka.send(event.topic(), event.key(), event.payload());
                                outbox.save(event.markSent());
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresAJdbcInsertIntoTheOutboxTable() {
            tester().java("com/acme/orders/JdbcOrderService.java", """
                    package com.acme.orders;

                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class JdbcOrderService {
                        private static final String INSERT_ORDER = "INSERT INTO orders (id, customer_id, total_cents) VALUES (?, ?, ?)";
                        private static final String INSERT_OUTBOX = "INSERT INTO outbox (topic, aggregate_id, payload) VALUES (?, ?, ?)";
                        private final JdbcTemplate jdbc;

                        public JdbcOrderService(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        @Transactional
                        public void place(Order order) {
                            jdbc.update(INSERT_ORDER, order.id(), order.customerId(), order.totalCents());
                            jdbc.update(INSERT_OUTBOX, "orders.placed", order.id(), order.toString());
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSpringApplicationEventsBecauseTheyStayInTheProcess() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.context.ApplicationEventPublisher;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;
                        private final ApplicationEventPublisher events;

                        public OrderService(OrderRepository orders, ApplicationEventPublisher events) {
                            this.orders = orders;
                            this.events = events;
                        }

                        @Transactional
                        public Order place(Order order) {
                            Order saved = orders.save(order);
                            events.publishEvent(new OrderPlaced(saved.id()));
                            return saved;
                        }

                        public record OrderPlaced(String orderId) {}
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresReadsBeforeAPublish() {
            tester().java("com/acme/orders/OrderNotifier.java", """
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class OrderNotifier {
                        private final OrderRepository orders;
                        private final KafkaTemplate<String, Order> kafka;

                        public OrderNotifier(OrderRepository orders, KafkaTemplate<String, Order> kafka) {
                            this.orders = orders;
                            this.kafka = kafka;
                        }

                        public void resend(String orderId) {
                            orders.findById(orderId).ifPresent(order -> kafka.send("orders.placed", order.id(), order));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresWritesBeyondTheConfiguredDepth() {
            tester().parameter("maxCallDepth", "1").java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;
                        private final KafkaTemplate<String, Order> kafka;

                        public OrderService(OrderRepository orders, KafkaTemplate<String, Order> kafka) {
                            this.orders = orders;
                            this.kafka = kafka;
                        }

                        public void place(Order order) {
                            store(order);
                            kafka.send("orders.placed", order.id(), order);
                        }

                        private void store(Order order) {
                            orders.save(order);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSuppressedMethod() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;
                        private final KafkaTemplate<String, Order> kafka;

                        public OrderService(OrderRepository orders, KafkaTemplate<String, Order> kafka) {
                            this.orders = orders;
                            this.kafka = kafka;
                        }

                        @SuppressWarnings("archlint:dual-write") // audit copy only; losing one is acceptable
                        public void place(Order order) {
                            orders.save(order);
                            kafka.send("orders.audit", order.id(), order);
                        }
                    }
                    """).expectNoFindings();
        }
    }

    @Test
    void isSkippedWithANoteWhenTheModuleIsNotCompiled() {
        RuleTester tester = RuleTester.of(new DualWriteRule())
                .java("com/acme/orders/OrderService.java", """
                        package com.acme.orders;

                        public class OrderService {
                            public void place() {}
                        }
                        """);

        assertThat(tester.findings()).isEmpty();
        assertThat(tester.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("target/classes");
            assertThat(s.reason()).contains("holds no compiled classes").contains("dual-write");
        });
    }
}
