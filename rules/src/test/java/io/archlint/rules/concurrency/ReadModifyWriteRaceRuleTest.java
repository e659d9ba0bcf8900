package io.archlint.rules.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReadModifyWriteRaceRuleTest {

    private static final String ORDER = """
            package com.acme.orders;

            import jakarta.persistence.Entity;
            import jakarta.persistence.GeneratedValue;
            import jakarta.persistence.Id;
            import jakarta.persistence.OneToMany;
            import java.math.BigDecimal;
            import java.util.ArrayList;
            import java.util.List;

            @Entity
            public class Order {
                @Id
                @GeneratedValue
                private Long id;
                private OrderStatus status = OrderStatus.NEW;
                private BigDecimal total = BigDecimal.ZERO;
                @OneToMany(mappedBy = "order")
                private List<OrderItem> items = new ArrayList<>();

                public void addItem(OrderItem item) {
                    items.add(item);
                    total = total.add(item.price());
                }

                public BigDecimal total() {
                    return total;
                }

                public OrderStatus getStatus() {
                    return status;
                }

                public void setStatus(OrderStatus status) {
                    this.status = status;
                }
            }
            """;
    private static final String ORDER_REPOSITORY = """
            package com.acme.orders;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OrderRepository extends JpaRepository<Order, Long> {}
            """;

    private static RuleTester tester() {
        return RuleTester.of(new ReadModifyWriteRaceRule())
                .java("com/acme/orders/Order.java", ORDER)
                .java("com/acme/orders/OrderRepository.java", ORDER_REPOSITORY);
    }

    @Nested
    class Violating {

        @Test
        void reportsLoadChangeAndSaveInLombokService() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;

                    @Service
                    @RequiredArgsConstructor
                    public class OrderService {
                        private final OrderRepository orderRepository;

                        public Order addItem(long orderId, OrderItem item) {
                            // violation: `OrderService#addItem` loads `Order` with `findById`, changes it and saves it without a `@Version` field or a lock; add `@Version private long version;` to `Order` (optimistic locking) or load it through a repository method annotated `@Lock(PESSIMISTIC_WRITE)`
                            Order order = orderRepository.findById(orderId)
                                    .orElseThrow(() -> new OrderNotFoundException(orderId));
                            order.addItem(item);
                            return orderRepository.save(order);
                        }

                        public void cancel(long orderId) {
                            // violation: `OrderService#cancel` loads `Order` with `findById`, changes it and saves it
                            Order order = orderRepository.findById(orderId).orElseThrow();
                            order.setStatus(OrderStatus.CANCELLED);
                            orderRepository.saveAndFlush(order);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsDirtyCheckedChangeInTransactionalMethod() {
            tester().java("com/acme/accounts/Account.java", """
                    package com.acme.accounts;

                    import jakarta.persistence.Entity;
                    import jakarta.persistence.Id;
                    import java.math.BigDecimal;

                    @Entity
                    public class Account {
                        @Id
                        private Long id;
                        private BigDecimal balance;

                        public BigDecimal getBalance() { return balance; }
                        public void setBalance(BigDecimal balance) { this.balance = balance; }
                    }
                    """).java("com/acme/accounts/AccountRepository.java", """
                    package com.acme.accounts;

                    import org.springframework.data.jpa.repository.JpaRepository;

                    public interface AccountRepository extends JpaRepository<Account, Long> {}
                    """).java("com/acme/accounts/TransferService.java", """
                    package com.acme.accounts;

                    import java.math.BigDecimal;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class TransferService {
                        private final AccountRepository accounts;

                        public TransferService(AccountRepository accounts) {
                            this.accounts = accounts;
                        }

                        @Transactional
                        public void withdraw(long accountId, BigDecimal amount) {
                            // violation: `TransferService#withdraw` loads `Account` with `getReferenceById`, changes it and lets the transaction write it back without a `@Version` field or a lock
                            Account account = accounts.getReferenceById(accountId);
                            account.setBalance(account.getBalance().subtract(amount));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsChangeInsideOptionalLambdaOfDerivedQuery() {
            tester().java("com/acme/inventory/Product.java", """
                    package com.acme.inventory;

                    import jakarta.persistence.Entity;
                    import jakarta.persistence.Id;

                    @Entity
                    public class Product {
                        @Id
                        private Long id;
                        private String sku;
                        private int stock;

                        public int getStock() { return stock; }
                        public void setStock(int stock) { this.stock = stock; }
                    }
                    """).java("com/acme/inventory/ProductRepository.java", """
                    package com.acme.inventory;

                    import java.util.List;
                    import java.util.Optional;
                    import org.springframework.data.repository.CrudRepository;

                    public interface ProductRepository extends CrudRepository<Product, Long> {
                        Optional<Product> findBySku(String sku);

                        List<Product> findByStockLessThan(int stock);
                    }
                    """).java("com/acme/inventory/StockService.java", """
                    package com.acme.inventory;

                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;

                    @Service
                    @RequiredArgsConstructor
                    public class StockService {
                        private final ProductRepository products;

                        public Product reserve(String sku, int quantity) {
                            // violation: `StockService#reserve` loads `Product` with `findBySku`, changes it and saves it
                            return products.findBySku(sku)
                                    .map(product -> {
                                        product.setStock(product.getStock() - quantity);
                                        return products.save(product);
                                    })
                                    .orElseThrow();
                        }

                        @org.springframework.transaction.annotation.Transactional
                        public java.util.Optional<Product> release(String sku, int quantity) {
                            // violation: `StockService#release` loads `Product` with `findBySku`, changes it and lets the transaction write it back
                            return products.findBySku(sku)
                                    .filter(product -> product.getStock() >= 0)
                                    .map(product -> {
                                        product.setStock(product.getStock() + quantity);
                                        return product;
                                    });
                        }

                        public void restock(String sku, int quantity) {
                            // violation: `StockService#restock` loads `Product` with `findBySku`
                            products.findBySku(sku).ifPresent(p -> {
                                p.setStock(p.getStock() + quantity);
                                products.save(p);
                            });
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsEntityManagerFindWithFieldWriteAndInPlaceStatusChange() {
            tester().java("com/acme/booking/Booking.java", """
                    package com.acme.booking;

                    import javax.persistence.Entity;
                    import javax.persistence.Id;

                    @Entity
                    public class Booking {
                        @Id
                        Long id;
                        String status;

                        public void setStatus(String status) { this.status = status; }
                    }
                    """).java("com/acme/booking/BookingRepository.java", """
                    package com.acme.booking;

                    import org.springframework.data.jpa.repository.JpaRepository;

                    public interface BookingRepository extends JpaRepository<Booking, Long> {}
                    """).java("com/acme/booking/BookingService.java", """
                    package com.acme.booking;

                    import javax.persistence.EntityManager;
                    import javax.persistence.PersistenceContext;
                    import javax.transaction.Transactional;
                    import org.springframework.stereotype.Service;

                    @Service
                    @Transactional
                    public class BookingService {
                        @PersistenceContext
                        private EntityManager entityManager;
                        private final BookingRepository bookings;

                        public BookingService(BookingRepository bookings) {
                            this.bookings = bookings;
                        }

                        public void confirm(long id) {
                            // violation: `BookingService#confirm` loads `Booking` with `EntityManager.find`, changes it and lets the transaction write it back without a `@Version` field or a lock; add `@Version private long version;` to `Booking` (optimistic locking) or load it with `LockModeType.PESSIMISTIC_WRITE`
                            Booking booking = entityManager.find(Booking.class, id);
                            booking.status = "CONFIRMED";
                        }

                        public void delete(long id) {
                            // violation: `BookingService#delete` loads `Booking` with `findById`
                            bookings.findById(id).orElseThrow().setStatus("DELETED");
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsThroughGenericBaseRepositoryMappedSuperclassAndMongo() {
            tester().java("com/acme/common/BaseEntity.java", """
                    package com.acme.common;

                    import jakarta.persistence.Id;
                    import jakarta.persistence.MappedSuperclass;
                    import java.time.Instant;

                    @MappedSuperclass
                    public abstract class BaseEntity {
                        @Id
                        protected Long id;
                        protected Instant updatedAt;
                    }
                    """).java("com/acme/common/BaseRepository.java", """
                    package com.acme.common;

                    import org.springframework.data.jpa.repository.JpaRepository;
                    import org.springframework.data.repository.NoRepositoryBean;

                    @NoRepositoryBean
                    public interface BaseRepository<T extends BaseEntity, ID> extends JpaRepository<T, ID> {}
                    """).java("com/acme/customers/Customer.java", """
                    package com.acme.customers;

                    import com.acme.common.BaseEntity;
                    import jakarta.persistence.Entity;

                    @Entity
                    public class Customer extends BaseEntity {
                        private String email;

                        public void changeEmail(String email) {
                            this.email = email;
                        }
                    }
                    """).java("com/acme/customers/CustomerRepository.java", """
                    package com.acme.customers;

                    import com.acme.common.BaseRepository;

                    public interface CustomerRepository extends BaseRepository<Customer, Long> {}
                    """).java("com/acme/customers/Profile.java", """
                    package com.acme.customers;

                    import org.springframework.data.annotation.Id;
                    import org.springframework.data.mongodb.core.mapping.Document;

                    @Document("profiles")
                    public class Profile {
                        @Id
                        private String id;
                        private int visits;

                        public int getVisits() { return visits; }
                        public void setVisits(int visits) { this.visits = visits; }
                    }
                    """).java("com/acme/customers/ProfileRepository.java", """
                    package com.acme.customers;

                    import org.springframework.data.mongodb.repository.MongoRepository;

                    public interface ProfileRepository extends MongoRepository<Profile, String> {}
                    """).java("com/acme/customers/CustomerService.java", """
                    package com.acme.customers;

                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;

                    @Service
                    @RequiredArgsConstructor
                    public class CustomerService {
                        private final CustomerRepository customers;
                        private final ProfileRepository profiles;

                        public void changeEmail(long id, String email) {
                            // violation: `CustomerService#changeEmail` loads `Customer` with `findById`
                            Customer customer = customers.findById(id).orElseThrow();
                            customer.changeEmail(email);
                            customers.save(customer);
                        }

                        public void visit(String profileId) {
                            // violation: `CustomerService#visit` loads `Profile` with `findById`
                            Profile profile = this.profiles.findById(profileId).orElseGet(Profile::new);
                            profile.setVisits(profile.getVisits() + 1);
                            profiles.save(profile);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAtTheLoadWithLocationAndMessage() {
            var findings = tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;

                        public OrderService(OrderRepository orders) {
                            this.orders = orders;
                        }

                        public void ship(long id) {
                            Order order = orders.getById(id);
                            order.setStatus(OrderStatus.SHIPPED);
                            orders.save(order);
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file()).isEqualTo("src/main/java/com/acme/orders/OrderService.java");
            assertThat(findings.get(0).line()).isEqualTo(14);
            assertThat(findings.get(0).message()).contains("`OrderService#ship` loads `Order` with `getById`");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresEntitiesWithAVersionOwnOrInherited() {
            RuleTester.of(new ReadModifyWriteRaceRule()).java("com/acme/common/Versioned.java", """
                    package com.acme.common;

                    import jakarta.persistence.MappedSuperclass;
                    import jakarta.persistence.Version;

                    @MappedSuperclass
                    public abstract class Versioned {
                        @Version
                        private long version;
                    }
                    """).java("com/acme/orders/Order.java", """
                    package com.acme.orders;

                    import com.acme.common.Versioned;
                    import jakarta.persistence.Entity;

                    @Entity
                    public class Order extends Versioned {
                        private String status;
                        public void setStatus(String status) { this.status = status; }
                    }
                    """).java("com/acme/orders/Invoice.java", """
                    package com.acme.orders;

                    import jakarta.persistence.Entity;
                    import jakarta.persistence.Version;

                    @Entity
                    public class Invoice {
                        @Version
                        private Integer version;
                        private boolean paid;
                        public void setPaid(boolean paid) { this.paid = paid; }
                    }
                    """).java("com/acme/orders/OrderRepository.java", """
                    package com.acme.orders;

                    import org.springframework.data.jpa.repository.JpaRepository;

                    public interface OrderRepository extends JpaRepository<Order, Long> {}
                    """).java("com/acme/orders/InvoiceRepository.java", """
                    package com.acme.orders;

                    import org.springframework.data.jpa.repository.JpaRepository;

                    public interface InvoiceRepository extends JpaRepository<Invoice, Long> {}
                    """).java("com/acme/orders/BillingService.java", """
                    package com.acme.orders;

                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    @RequiredArgsConstructor
                    public class BillingService {
                        private final OrderRepository orders;
                        private final InvoiceRepository invoices;

                        @Transactional
                        public void pay(long orderId, long invoiceId) {
                            Order order = orders.findById(orderId).orElseThrow();
                            order.setStatus("PAID");
                            Invoice invoice = invoices.findById(invoiceId).orElseThrow();
                            invoice.setPaid(true);
                            invoices.save(invoice);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresLoadsWithAPessimisticLockOrForUpdateQuery() {
            tester().java("com/acme/orders/LockingOrderRepository.java", """
                    package com.acme.orders;

                    import jakarta.persistence.LockModeType;
                    import java.util.Optional;
                    import org.springframework.data.jpa.repository.JpaRepository;
                    import org.springframework.data.jpa.repository.Lock;
                    import org.springframework.data.jpa.repository.Query;

                    public interface LockingOrderRepository extends JpaRepository<Order, Long> {
                        @Lock(LockModeType.PESSIMISTIC_WRITE)
                        @Query("select o from Order o where o.id = :id")
                        Optional<Order> findByIdForUpdate(Long id);

                        @Query(value = "SELECT * FROM orders WHERE number = :number FOR UPDATE", nativeQuery = true)
                        Optional<Order> lockByNumber(String number);

                        @Override
                        @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
                        Optional<Order> findById(Long id);
                    }
                    """).java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import jakarta.persistence.EntityManager;
                    import jakarta.persistence.LockModeType;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    @RequiredArgsConstructor
                    @Transactional
                    public class OrderService {
                        private final LockingOrderRepository orders;
                        private final EntityManager entityManager;

                        public void cancel(long id) {
                            Order order = orders.findByIdForUpdate(id).orElseThrow();
                            order.setStatus(OrderStatus.CANCELLED);
                        }

                        public void cancelByNumber(String number) {
                            orders.lockByNumber(number).ifPresent(o -> o.setStatus(OrderStatus.CANCELLED));
                        }

                        public void ship(long id) {
                            Order order = orders.findById(id).orElseThrow();
                            order.setStatus(OrderStatus.SHIPPED);
                            orders.save(order);
                        }

                        public void hold(long id) {
                            Order order = entityManager.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE);
                            order.setStatus(OrderStatus.ON_HOLD);
                        }

                        public void release(long id) {
                            Order order = entityManager.find(Order.class, id);
                            entityManager.lock(order, LockModeType.PESSIMISTIC_WRITE);
                            order.setStatus(OrderStatus.NEW);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresAtomicUpdateQueriesAndReadOnlyLoads() {
            tester().java("com/acme/orders/OrderStatsRepository.java", """
                    package com.acme.orders;

                    import org.springframework.data.jpa.repository.JpaRepository;
                    import org.springframework.data.jpa.repository.Modifying;
                    import org.springframework.data.jpa.repository.Query;

                    public interface OrderStatsRepository extends JpaRepository<Order, Long> {
                        @Modifying
                        @Query("update Order o set o.status = :status where o.id = :id and o.status = 'NEW'")
                        int cancelIfNew(Long id, OrderStatus status);
                    }
                    """).java("com/acme/orders/OrderQueries.java", """
                    package com.acme.orders;

                    import java.math.BigDecimal;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    @RequiredArgsConstructor
                    public class OrderQueries {
                        private final OrderStatsRepository orders;

                        @Transactional
                        public boolean cancel(long id) {
                            return orders.cancelIfNew(id, OrderStatus.CANCELLED) == 1;
                        }

                        @Transactional(readOnly = true)
                        public OrderView view(long id) {
                            Order order = orders.findById(id).orElseThrow();
                            OrderView view = new OrderView();
                            view.setTotal(order.total());
                            return view;
                        }

                        @Transactional(readOnly = true)
                        public BigDecimal preview(long id, OrderItem extra) {
                            Order order = orders.findById(id).orElseThrow();
                            order.addItem(extra);
                            return order.total();
                        }

                        public OrderStatus status(long id) {
                            return orders.findById(id).map(Order::getStatus).orElse(OrderStatus.NEW);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresEntitiesOutsideTheModuleOrWithAnUnknownBaseClass() {
            RuleTester.of(new ReadModifyWriteRaceRule()).java("com/acme/billing/PaymentRepository.java", """
                    package com.acme.billing;

                    import com.acme.shared.model.Payment;
                    import org.springframework.data.jpa.repository.JpaRepository;

                    public interface PaymentRepository extends JpaRepository<Payment, Long> {}
                    """).java("com/acme/billing/Refund.java", """
                    package com.acme.billing;

                    import com.acme.shared.model.AuditedEntity;
                    import jakarta.persistence.Entity;

                    @Entity
                    public class Refund extends AuditedEntity {
                        private String state;
                        public void setState(String state) { this.state = state; }
                    }
                    """).java("com/acme/billing/RefundRepository.java", """
                    package com.acme.billing;

                    import org.springframework.data.jpa.repository.JpaRepository;

                    public interface RefundRepository extends JpaRepository<Refund, Long> {}
                    """).java("com/acme/billing/PaymentService.java", """
                    package com.acme.billing;

                    import com.acme.shared.model.Payment;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;

                    @Service
                    @RequiredArgsConstructor
                    public class PaymentService {
                        private final PaymentRepository payments;
                        private final RefundRepository refunds;

                        public void capture(long id) {
                            Payment payment = payments.findById(id).orElseThrow();
                            payment.setState("CAPTURED");
                            payments.save(payment);
                            Refund refund = refunds.findById(id).orElseThrow();
                            refund.setState("DONE");
                            refunds.save(refund);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresChangesThatAreNeitherSavedNorInATransactionAndSerializableTransactions() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Isolation;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    @RequiredArgsConstructor
                    public class OrderService {
                        private final OrderRepository orders;

                        public Order draft(long id, OrderItem item) {
                            Order order = orders.findById(id).orElseThrow();
                            order.addItem(item);
                            return order;
                        }

                        @Transactional(isolation = Isolation.SERIALIZABLE)
                        public void cancel(long id) {
                            Order order = orders.findById(id).orElseThrow();
                            order.setStatus(OrderStatus.CANCELLED);
                            orders.save(order);
                        }

                        @SuppressWarnings("archlint:read-modify-write-race") // single writer: the nightly job
                        public void archive(long id) {
                            Order order = orders.findById(id).orElseThrow();
                            order.setStatus(OrderStatus.ARCHIVED);
                            orders.save(order);
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
