package io.archlint.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NonIdempotentConsumerRuleTest {

    private static final String ORDER_REPOSITORY = """
            package com.acme.orders;

            import java.util.Optional;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OrderRepository extends JpaRepository<Order, Long> {
                Optional<Order> findByExternalReference(String reference);

                Optional<Order> findByEventId(String eventId);
            }
            """;
    private static final String PROCESSED_MESSAGES = """
            package com.acme.messaging;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface ProcessedMessageRepository extends JpaRepository<ProcessedMessage, String> {}
            """;

    private static RuleTester tester() {
        return RuleTester.of(new NonIdempotentConsumerRule())
                .java("com/acme/orders/OrderRepository.java", ORDER_REPOSITORY)
                .java("com/acme/messaging/ProcessedMessageRepository.java", PROCESSED_MESSAGES);
    }

    @Nested
    class Violating {

        @Test
        void reportsKafkaListenerThatSavesANewEntity() {
            tester().java("com/acme/orders/OrderEventsListener.java", """
                    package com.acme.orders;

                    import lombok.RequiredArgsConstructor;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.stereotype.Component;

                    @Component
                    @RequiredArgsConstructor
                    public class OrderEventsListener {
                        private final OrderRepository orderRepository;

                        @KafkaListener(topics = "orders.created", groupId = "fulfilment")
                        // violation: listener `onOrderCreated` writes through `orderRepository.save` without a de-duplication check; record processed message ids in a table with a unique key and skip repeats, or make the write an upsert
                        public void onOrderCreated(OrderCreated event) {
                            Order order = new Order(event.orderId(), event.customerId(), event.total());
                            orderRepository.save(order);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsRabbitListenerThatWritesThroughAnInjectedService() {
            tester().java("com/acme/payments/PaymentService.java", """
                    package com.acme.payments;

                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class PaymentService {
                        private final PaymentRepository payments;

                        public PaymentService(PaymentRepository payments) {
                            this.payments = payments;
                        }

                        @Transactional
                        public Payment record(PaymentReceived message) {
                            return payments.save(new Payment(message.paymentId(), message.amount()));
                        }
                    }
                    """).java("com/acme/payments/PaymentRepository.java", """
                    package com.acme.payments;

                    import org.springframework.data.repository.CrudRepository;

                    public interface PaymentRepository extends CrudRepository<Payment, String> {}
                    """).java("com/acme/payments/PaymentsConsumer.java", """
                    package com.acme.payments;

                    import org.springframework.amqp.rabbit.annotation.RabbitListener;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class PaymentsConsumer {
                        private final PaymentService paymentService;

                        public PaymentsConsumer(PaymentService paymentService) {
                            this.paymentService = paymentService;
                        }

                        @RabbitListener(queues = "payments.received")
                        // violation: listener `handle` writes through `PaymentService.record` -> `payments.save` without a de-duplication check
                        public void handle(PaymentReceived message) {
                            paymentService.record(message);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJmsMessageListenerThatInsertsThroughAPrivateHelper() {
            tester().java("com/acme/audit/AuditListener.java", """
                    package com.acme.audit;

                    import jakarta.jms.JMSException;
                    import jakarta.jms.Message;
                    import jakarta.jms.MessageListener;
                    import jakarta.jms.TextMessage;
                    import org.springframework.jdbc.core.JdbcTemplate;

                    public class AuditListener implements MessageListener {
                        private static final String INSERT_ENTRY = "INSERT INTO audit_entry (body, received_at) VALUES (?, now())";
                        private final JdbcTemplate jdbcTemplate;

                        public AuditListener(JdbcTemplate jdbcTemplate) {
                            this.jdbcTemplate = jdbcTemplate;
                        }

                        @Override
                        // violation: listener `onMessage` writes through `store` -> `jdbcTemplate.update` without a de-duplication check
                        public void onMessage(Message message) {
                            try {
                                store(((TextMessage) message).getText());
                            } catch (JMSException e) {
                                throw new IllegalStateException(e);
                            }
                        }

                        private void store(String body) {
                            jdbcTemplate.update(INSERT_ENTRY, body);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJmsListenerThatPersistsAndARelativeBalanceUpdate() {
            tester().java("com/acme/ledger/LedgerListeners.java", """
                    package com.acme.ledger;

                    import jakarta.persistence.EntityManager;
                    import jakarta.persistence.PersistenceContext;
                    import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                    import org.springframework.jms.annotation.JmsListener;
                    import org.springframework.stereotype.Component;
                    import org.springframework.transaction.annotation.Transactional;
                    import java.util.Map;

                    @Component
                    public class LedgerListeners {
                        @PersistenceContext
                        private EntityManager entityManager;
                        private final NamedParameterJdbcTemplate jdbc;

                        public LedgerListeners(NamedParameterJdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        @Transactional
                        @JmsListener(destination = "ledger.entries")
                        // violation: listener `onEntry` writes through `entityManager.persist`
                        public void onEntry(LedgerEntryMessage message) {
                            entityManager.persist(new LedgerEntry(message.account(), message.amount()));
                        }

                        @JmsListener(destination = "ledger.credits")
                        // violation: listener `onCredit` writes through `jdbc.update`
                        public void onCredit(CreditMessage message) {
                            jdbc.update("UPDATE account SET balance = balance + :amount WHERE id = :id",
                                    Map.of("amount", message.amount(), "id", message.accountId()));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsKafkaHandlerOfAClassLevelListenerThroughAServiceInterface() {
            tester().java("com/acme/stock/StockService.java", """
                    package com.acme.stock;

                    public interface StockService {
                        void reserve(StockReserved event);
                    }
                    """).java("com/acme/stock/JpaStockService.java", """
                    package com.acme.stock;

                    import org.springframework.stereotype.Service;

                    @Service
                    class JpaStockService implements StockService {
                        private final ReservationRepository reservations;

                        JpaStockService(ReservationRepository reservations) {
                            this.reservations = reservations;
                        }

                        @Override
                        public void reserve(StockReserved event) {
                            reservations.saveAndFlush(new Reservation(event.sku(), event.quantity()));
                        }
                    }
                    """).java("com/acme/stock/StockEventsHandler.java", """
                    package com.acme.stock;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.kafka.annotation.KafkaHandler;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.stereotype.Component;

                    @Component
                    @KafkaListener(topics = "stock")
                    public class StockEventsHandler {
                        private static final Logger log = LoggerFactory.getLogger(StockEventsHandler.class);
                        private final StockService stock;

                        public StockEventsHandler(StockService stock) {
                            this.stock = stock;
                        }

                        @KafkaHandler
                        // violation: listener `on` writes through `JpaStockService.reserve` -> `reservations.saveAndFlush`
                        public void on(StockReserved event) {
                            stock.reserve(event);
                        }

                        @KafkaHandler(isDefault = true)
                        public void unknown(Object event) {
                            log.warn("Ignoring {}", event);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsLoadModifySaveAndAMissingEntityGuardThatIsNoDeDuplication() {
            tester().java("com/acme/accounts/DepositListener.java", """
                    package com.acme.accounts;

                    import io.awspring.cloud.sqs.annotation.SqsListener;
                    import java.util.Optional;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class DepositListener {
                        private final AccountRepository accounts;

                        public DepositListener(AccountRepository accounts) {
                            this.accounts = accounts;
                        }

                        @SqsListener("deposits")
                        // violation: listener `onDeposit` writes through `accounts.save`
                        public void onDeposit(DepositMade deposit) {
                            Optional<Account> account = accounts.findById(deposit.accountId());
                            if (account.isEmpty()) {
                                return;
                            }
                            account.get().credit(deposit.amount());
                            accounts.save(account.get());
                        }

                        @SqsListener("withdrawals")
                        // violation: listener `onWithdrawal` writes through `accounts.save`
                        public void onWithdrawal(WithdrawalMade withdrawal) {
                            if (!accounts.findById(withdrawal.accountId()).isPresent()) {
                                return;
                            }
                            Account account = accounts.findById(withdrawal.accountId()).get();
                            account.debit(withdrawal.amount());
                            accounts.save(account);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsMyBatisMapperInsertAndSpringKafkaMessageListener() {
            tester().java("com/acme/shipping/ShipmentMapper.java", """
                    package com.acme.shipping;

                    import org.apache.ibatis.annotations.Insert;
                    import org.apache.ibatis.annotations.Mapper;

                    @Mapper
                    public interface ShipmentMapper {
                        @Insert("INSERT INTO shipment (order_id, carrier) VALUES (#{orderId}, #{carrier})")
                        int insertShipment(Shipment shipment);
                    }
                    """).java("com/acme/shipping/ShipmentRecordListener.java", """
                    package com.acme.shipping;

                    import org.apache.kafka.clients.consumer.ConsumerRecord;
                    import org.springframework.kafka.listener.MessageListener;

                    public class ShipmentRecordListener implements MessageListener<String, Shipment> {
                        private final ShipmentMapper mapper;

                        public ShipmentRecordListener(ShipmentMapper mapper) {
                            this.mapper = mapper;
                        }

                        @Override
                        // violation: listener `onMessage` writes through `mapper.insertShipment`
                        public void onMessage(ConsumerRecord<String, Shipment> record) {
                            mapper.insertShipment(record.value());
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAtTheListenerNameWithItsSymbol() {
            var findings = tester().java("com/acme/orders/OrderListener.java", """
                    package com.acme.orders;

                    import org.springframework.kafka.annotation.KafkaListener;

                    public class OrderListener {
                        private final OrderRepository orders;

                        public OrderListener(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @KafkaListener(topics = "orders")
                        public void consume(OrderCreated event) {
                            this.orders.saveAll(java.util.List.of(new Order(event.orderId())));
                        }
                    }
                    """).findings();
            assertThat(findings).singleElement().satisfies(finding -> {
                assertThat(finding.file()).isEqualTo("src/main/java/com/acme/orders/OrderListener.java");
                assertThat(finding.line()).isEqualTo(13);
                assertThat(finding.column()).isEqualTo(17);
                assertThat(finding.symbol()).isEqualTo("com.acme.orders.OrderListener#consume");
                assertThat(finding.message()).startsWith("listener `consume` writes through `orders.saveAll`");
            });
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresWriteNamedCallsOnALocalThatHidesARepositoryField() {
            tester().java("com/acme/stats/StatsListener.java", """
                    package com.acme.stats;

                    import java.util.HashMap;
                    import java.util.List;
                    import java.util.Map;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class StatsListener {
                        private final CountRepository counts;
                        private final KafkaTemplate<String, Map<String, Integer>> kafka;

                        public StatsListener(CountRepository counts, KafkaTemplate<String, Map<String, Integer>> kafka) {
                            this.counts = counts;
                            this.kafka = kafka;
                        }

                        @KafkaListener(topics = "page.views", batch = "true")
                        public void onViews(List<PageViewed> views) {
                            Map<String, Integer> counts = new HashMap<>();
                            views.forEach(view -> counts.merge(view.page(), 1, Integer::sum));
                            kafka.send("page.view.counts", counts);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresListenerThatSkipsProcessedMessages() {
            tester().java("com/acme/orders/OrderEventsListener.java", """
                    package com.acme.orders;

                    import com.acme.messaging.ProcessedMessage;
                    import com.acme.messaging.ProcessedMessageRepository;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.stereotype.Component;
                    import org.springframework.transaction.annotation.Transactional;

                    @Component
                    public class OrderEventsListener {
                        private final OrderRepository orders;
                        private final ProcessedMessageRepository processed;

                        public OrderEventsListener(OrderRepository orders, ProcessedMessageRepository processed) {
                            this.orders = orders;
                            this.processed = processed;
                        }

                        @Transactional
                        @KafkaListener(topics = "orders.created")
                        public void onOrderCreated(OrderCreated event) {
                            if (processed.existsById(event.eventId())) {
                                return;
                            }
                            orders.save(new Order(event.orderId()));
                            processed.save(new ProcessedMessage(event.eventId()));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresLookupsByEventIdAndByABusinessKeyThatSkipRepeats() {
            tester().java("com/acme/orders/OrderListeners.java", """
                    package com.acme.orders;

                    import org.springframework.amqp.rabbit.annotation.RabbitListener;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class OrderListeners {
                        private final OrderRepository orders;

                        public OrderListeners(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @RabbitListener(queues = "orders.imported")
                        public void onImported(OrderImported event) {
                            if (orders.findByEventId(event.id()).isEmpty()) {
                                orders.save(new Order(event.orderId()));
                            }
                        }

                        @RabbitListener(queues = "orders.placed")
                        public void onPlaced(OrderPlaced event) {
                            var existing = orders.findByExternalReference(event.reference());
                            if (existing.isPresent()) {
                                return;
                            }
                            orders.save(new Order(event.orderId()));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresUpsertsInLiteralsConstantsAndRepositoryQueries() {
            tester().java("com/acme/ledger/EntryRepository.java", """
                    package com.acme.ledger;

                    import org.springframework.data.jpa.repository.JpaRepository;
                    import org.springframework.data.jpa.repository.Modifying;
                    import org.springframework.data.jpa.repository.Query;

                    public interface EntryRepository extends JpaRepository<Entry, Long> {
                        @Modifying
                        @Query(value = \"""
                                INSERT INTO entry (message_id, account, amount) VALUES (:messageId, :account, :amount)
                                ON CONFLICT (message_id) DO NOTHING
                                \""", nativeQuery = true)
                        int insertEntry(String messageId, String account, java.math.BigDecimal amount);
                    }
                    """).java("com/acme/ledger/LedgerListeners.java", """
                    package com.acme.ledger;

                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.jms.annotation.JmsListener;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class LedgerListeners {
                        private static final String UPSERT_BALANCE = "INSERT INTO balance (account, amount) VALUES (?, ?) "
                                + "ON DUPLICATE KEY UPDATE amount = VALUES(amount)";
                        private final JdbcTemplate jdbcTemplate;
                        private final EntryRepository entries;

                        public LedgerListeners(JdbcTemplate jdbcTemplate, EntryRepository entries) {
                            this.jdbcTemplate = jdbcTemplate;
                            this.entries = entries;
                        }

                        @JmsListener(destination = "balances")
                        public void onBalance(BalanceMessage message) {
                            jdbcTemplate.update(UPSERT_BALANCE, message.account(), message.amount());
                        }

                        @KafkaListener(topics = "entries")
                        public void onEntry(EntryMessage message) {
                            entries.insertEntry(message.id(), message.account(), message.amount());
                        }

                        @KafkaListener(topics = "audit")
                        public void onAudit(AuditMessage message) {
                            jdbcTemplate.update("insert into audit (id, body) values (?, ?) on conflict do nothing",
                                    message.id(), message.body());
                        }

                        @KafkaListener(topics = "audit.v2")
                        public void onAuditV2(AuditMessage message) {
                            String sql = \"""
                                    INSERT INTO audit (id, body) VALUES (?, ?)
                                    ON CONFLICT (id) DO NOTHING
                                    \""";
                            jdbcTemplate.update(sql, message.id(), message.body());
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresIdempotencyHelpersAnnotationsAndSetIfAbsent() {
            tester().java("com/acme/notify/NotificationListeners.java", """
                    package com.acme.notify;

                    import com.acme.idempotency.Idempotent;
                    import com.acme.idempotency.IdempotencyGuard;
                    import java.time.Duration;
                    import org.springframework.data.redis.core.StringRedisTemplate;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class NotificationListeners {
                        private final NotificationRepository notifications;
                        private final IdempotencyGuard guard;
                        private final StringRedisTemplate redis;

                        public NotificationListeners(NotificationRepository notifications, IdempotencyGuard guard,
                                StringRedisTemplate redis) {
                            this.notifications = notifications;
                            this.guard = guard;
                            this.redis = redis;
                        }

                        @KafkaListener(topics = "notifications")
                        public void onNotification(NotificationRequested event) {
                            guard.runOnce(event.id(), () -> notifications.save(new Notification(event.userId(), event.text())));
                        }

                        @Idempotent
                        @KafkaListener(topics = "reminders")
                        public void onReminder(ReminderRequested event) {
                            notifications.save(new Notification(event.userId(), event.text()));
                        }

                        @KafkaListener(topics = "digests")
                        public void onDigest(DigestRequested event) {
                            Boolean first = redis.opsForValue().setIfAbsent("digest:" + event.id(), "1", Duration.ofDays(1));
                            if (Boolean.TRUE.equals(first)) {
                                notifications.save(new Notification(event.userId(), "digest"));
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresACheckInsideTheInjectedService() {
            tester().java("com/acme/payments/PaymentService.java", """
                    package com.acme.payments;

                    import org.springframework.stereotype.Service;

                    @Service
                    public class PaymentService {
                        private final PaymentRepository payments;

                        public PaymentService(PaymentRepository payments) {
                            this.payments = payments;
                        }

                        public void record(PaymentReceived message) {
                            if (payments.existsByProviderReference(message.reference())) {
                                return;
                            }
                            payments.save(new Payment(message.reference(), message.amount()));
                        }
                    }
                    """).java("com/acme/payments/PaymentRepository.java", """
                    package com.acme.payments;

                    import org.springframework.data.repository.CrudRepository;

                    public interface PaymentRepository extends CrudRepository<Payment, String> {
                        boolean existsByProviderReference(String reference);
                    }
                    """).java("com/acme/payments/PaymentsConsumer.java", """
                    package com.acme.payments;

                    import org.springframework.amqp.rabbit.annotation.RabbitListener;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class PaymentsConsumer {
                        private final PaymentService paymentService;

                        public PaymentsConsumer(PaymentService paymentService) {
                            this.paymentService = paymentService;
                        }

                        @RabbitListener(queues = "payments.received")
                        public void handle(PaymentReceived message) {
                            paymentService.record(message);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresDeletesAbsoluteUpdatesReadsAndNonDatabaseWrites() {
            tester().java("com/acme/files/FileStore.java", """
                    package com.acme.files;

                    import java.io.IOException;
                    import java.nio.file.Files;
                    import java.nio.file.Path;

                    public class FileStore {
                        public void save(String name, byte[] content) throws IOException {
                            Files.write(Path.of("/var/data", name), content);
                        }
                    }
                    """).java("com/acme/orders/OrderStatusListener.java", """
                    package com.acme.orders;

                    import com.acme.files.FileStore;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class OrderStatusListener {
                        private final JdbcTemplate jdbcTemplate;
                        private final OrderRepository orders;
                        private final FileStore files;
                        private final java.util.Map<String, String> cache = new java.util.concurrent.ConcurrentHashMap<>();

                        public OrderStatusListener(JdbcTemplate jdbcTemplate, OrderRepository orders, FileStore files) {
                            this.jdbcTemplate = jdbcTemplate;
                            this.orders = orders;
                            this.files = files;
                        }

                        @KafkaListener(topics = "orders.shipped")
                        public void onShipped(OrderShipped event) {
                            jdbcTemplate.update("UPDATE orders SET status = 'SHIPPED', shipped_at = ? WHERE id = ?",
                                    event.at(), event.orderId());
                        }

                        @KafkaListener(topics = "orders.purged")
                        public void onPurged(OrderPurged event) {
                            orders.deleteById(event.orderId());
                            jdbcTemplate.update("DELETE FROM order_line WHERE order_id = ?", event.orderId());
                        }

                        @KafkaListener(topics = "orders.viewed")
                        public void onViewed(OrderViewed event) throws java.io.IOException {
                            orders.findById(event.orderId()).ifPresent(o -> cache.put(event.orderId().toString(), o.toString()));
                            files.save(event.orderId() + ".json", event.payload());
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresMethodsThatAreNotListeners() {
            tester().java("com/acme/events/MessageListener.java", """
                    package com.acme.events;

                    public interface MessageListener {
                        void onMessage(String message);
                    }
                    """).java("com/acme/orders/OrderImporter.java", """
                    package com.acme.orders;

                    import com.acme.events.MessageListener;
                    import org.springframework.kafka.annotation.KafkaHandler;
                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.scheduling.annotation.Scheduled;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class OrderImporter implements MessageListener {
                        private final OrderRepository orders;

                        public OrderImporter(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @Override
                        public void onMessage(String message) {
                            orders.save(new Order(Long.parseLong(message)));
                        }

                        @KafkaHandler
                        public void handle(OrderCreated event) {
                            orders.save(new Order(event.orderId()));
                        }

                        @Scheduled(fixedDelay = 60_000)
                        public void importPending() {
                            orders.save(new Order(0L));
                        }

                        @KafkaListener(topics = "orders.audit")
                        public void onAudit(String json) {
                            System.out.println(json);
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
