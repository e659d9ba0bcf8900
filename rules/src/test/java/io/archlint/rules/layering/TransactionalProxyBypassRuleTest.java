package io.archlint.rules.layering;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransactionalProxyBypassRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new TransactionalProxyBypassRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsPrivateStaticAndFinalTransactionalMethods() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import java.util.List;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;

                        public OrderService(OrderRepository orders) {
                            this.orders = orders;
                        }

                        public Order place(NewOrder request) {
                            return persist(Order.from(request));
                        }

                        // violation: `@Transactional` on private method `persist` is ignored: Spring's transaction proxy cannot intercept private methods, so it runs without a transaction; make it non-private and call it from another bean, or use a `TransactionTemplate`
                        @Transactional
                        private Order persist(Order order) {
                            return orders.save(order);
                        }

                        // violation: `@Transactional` on static method `purge` is ignored: Spring's transaction proxy only intercepts instance methods
                        @Transactional
                        public static void purge(OrderRepository repository) {
                            repository.deleteAll();
                        }

                        // violation: `@Transactional` on final method `cancelAll` is ignored: Spring's class-based proxy cannot override it, so the call runs on the proxy itself, without a transaction and with the injected fields unset; remove `final`
                        @Transactional
                        public final void cancelAll(List<Long> ids) {
                            ids.forEach(id -> orders.findById(id).ifPresent(Order::cancel));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSelfCallsFromAMethodWithoutTransaction() {
            tester().java("com/acme/inventory/StockService.java", """
                    package com.acme.inventory;

                    import java.util.List;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    @RequiredArgsConstructor
                    public class StockService {
                        private final StockRepository stock;

                        public void receive(List<Delivery> deliveries) {
                            for (Delivery delivery : deliveries) {
                                // violation: `receive` calls `@Transactional` method `book` on `this`, bypassing the Spring proxy, so `book` runs without a transaction; move it to another bean, call it through an injected reference to this bean, or use a `TransactionTemplate`
                                book(delivery.sku(), delivery.quantity());
                            }
                        }

                        public void receiveAll(List<Delivery> deliveries) {
                            // violation: `receiveAll` calls `@Transactional` method `bookDelivery` on `this`
                            deliveries.forEach(this::bookDelivery);
                        }

                        public void correct(String sku, int quantity) {
                            // violation: `correct` calls `@Transactional` method `book` on `this`, bypassing the Spring proxy, so `book` runs without a transaction
                            this.book(sku, -quantity);
                        }

                        @Transactional
                        public void book(String sku, int quantity) {
                            Stock item = stock.findBySku(sku).orElseThrow();
                            item.add(quantity);
                        }

                        @Transactional
                        public void bookDelivery(Delivery delivery) {
                            book(delivery.sku(), delivery.quantity());
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsRequiresNewSelfCallInsideAClassLevelTransaction() {
            tester().java("com/acme/payments/PaymentService.java", """
                    package com.acme.payments;

                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Propagation;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    @Transactional
                    public class PaymentService {
                        private final PaymentRepository payments;
                        private final AuditRepository audit;

                        public PaymentService(PaymentRepository payments, AuditRepository audit) {
                            this.payments = payments;
                            this.audit = audit;
                        }

                        public Payment capture(long paymentId) {
                            Payment payment = payments.findById(paymentId).orElseThrow();
                            // violation: `capture` calls `@Transactional` method `recordAttempt` on `this`, bypassing the Spring proxy, so `recordAttempt` joins the caller's transaction instead of starting a new one (`REQUIRES_NEW` is ignored)
                            recordAttempt(paymentId, "capture");
                            payment.capture();
                            return payment;
                        }

                        @Transactional(propagation = Propagation.REQUIRES_NEW)
                        public void recordAttempt(long paymentId, String action) {
                            audit.save(new AuditEntry(paymentId, action));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSelfCallsWithSettingsTheCallerDoesNotHave() {
            tester().java("com/acme/catalog/ProductService.java", """
                    package com.acme.catalog;

                    import static org.springframework.transaction.annotation.Isolation.SERIALIZABLE;

                    import java.io.IOException;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class ProductService {
                        private final ProductRepository products;

                        public ProductService(ProductRepository products) {
                            this.products = products;
                        }

                        @Transactional(readOnly = true)
                        public ProductView show(long id) {
                            // violation: `show` calls `@Transactional` method `countView` on `this`, bypassing the Spring proxy, so `countView` runs in the caller's read-only transaction, where its writes may not be flushed
                            countView(id);
                            return ProductView.of(products.findById(id).orElseThrow());
                        }

                        @Transactional
                        public void countView(long id) {
                            products.incrementViews(id);
                        }

                        @Transactional
                        public void reprice(long id) throws IOException {
                            // violation: `reserveSku` runs with the caller's isolation level instead of `SERIALIZABLE`
                            reserveSku(id);
                            // violation: `importPrices` runs in the caller's transaction instead of one of `pricingTransactionManager`
                            importPrices(id);
                            // violation: `export` gets the caller's rollback rules instead of its own (`rollbackFor = [IOException]`)
                            export(id);
                        }

                        @Transactional(isolation = SERIALIZABLE)
                        public void reserveSku(long id) {
                            products.lockSku(id);
                        }

                        @Transactional("pricingTransactionManager")
                        public void importPrices(long id) {
                            products.refreshPrice(id);
                        }

                        @Transactional(rollbackFor = IOException.class)
                        public void export(long id) throws IOException {
                            products.export(id);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSelfCallsFromPostConstructConstructorAndPrivateHelpersOfUntransactionalEntries() {
            tester().java("com/acme/pricing/PriceCache.java", """
                    package com.acme.pricing;

                    import jakarta.annotation.PostConstruct;
                    import java.util.List;
                    import org.springframework.stereotype.Component;
                    import org.springframework.transaction.annotation.Transactional;

                    @Component
                    public class PriceCache {
                        private final PriceRepository prices;

                        public PriceCache(PriceRepository prices) {
                            this.prices = prices;
                            // violation: the constructor calls `@Transactional` method `reload` on `this`, bypassing the Spring proxy, so `reload` runs without a transaction
                            reload();
                        }

                        @PostConstruct
                        @Transactional
                        void warmUp() {
                            // violation: `warmUp` calls `@Transactional` method `reload` on `this`
                            reload();
                        }

                        public void importFeed(List<PriceRow> rows) {
                            importBatch(rows);
                        }

                        private void importBatch(List<PriceRow> rows) {
                            // violation: `importBatch` calls `@Transactional` method `store` on `this`, bypassing the Spring proxy, so `store` runs without a transaction
                            store(rows);
                        }

                        @Transactional
                        public void store(List<PriceRow> rows) {
                            prices.saveAll(rows.stream().map(PriceRow::toEntity).toList());
                        }

                        @Transactional(readOnly = true)
                        public void reload() {
                            prices.findAll();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJakartaTransactionalInASpringBean() {
            tester().java("com/acme/billing/InvoiceService.java", """
                    package com.acme.billing;

                    import jakarta.transaction.Transactional;
                    import jakarta.transaction.Transactional.TxType;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class InvoiceService {
                        private final InvoiceRepository invoices;

                        InvoiceService(InvoiceRepository invoices) {
                            this.invoices = invoices;
                        }

                        @Transactional
                        public void issue(Invoice invoice) {
                            invoices.save(invoice);
                            // violation: `issue` calls `@Transactional` method `notifyAccounting` on `this`, bypassing the Spring proxy, so `notifyAccounting` joins the caller's transaction instead of starting a new one
                            notifyAccounting(invoice);
                        }

                        @Transactional(TxType.REQUIRES_NEW)
                        public void notifyAccounting(Invoice invoice) {
                            invoices.markNotified(invoice.id());
                        }

                        // violation: `@Transactional` on private method `archive` is ignored: Spring's transaction proxy cannot intercept private methods
                        @Transactional
                        private void archive(Invoice invoice) {
                            invoices.delete(invoice);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsOnlyPrivateMethodsOfCdiBeans() {
            List<Finding> findings = tester().java("org/acme/orders/OrderService.java", """
                    package org.acme.orders;

                    import jakarta.enterprise.context.ApplicationScoped;
                    import jakarta.transaction.Transactional;

                    @ApplicationScoped
                    public class OrderService {

                        public void placeAll(java.util.List<Order> orders) {
                            orders.forEach(this::place);
                        }

                        @Transactional
                        public void place(Order order) {
                            order.persist();
                            audit(order);
                        }

                        @Transactional(Transactional.TxType.REQUIRES_NEW)
                        final void audit(Order order) {
                            AuditEntry.of(order).persist();
                        }

                        @Transactional
                        private void cleanUp() {
                            Order.delete("status", OrderStatus.CANCELLED);
                        }
                    }
                    """).findings();

            assertThat(findings).hasSize(1);
            assertThat(findings.get(0)).extracting(Finding::file, Finding::line)
                    .containsExactly("src/main/java/org/acme/orders/OrderService.java", 24);
            assertThat(findings.get(0).message()).isEqualTo("`@Transactional` on private method `cleanUp` is ignored: "
                    + "interceptors do not apply to private methods, so it runs without a transaction; make it public "
                    + "or package-private");
            assertThat(findings.get(0).symbol()).isEqualTo("org.acme.orders.OrderService#cleanUp");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresCallsThroughAnotherBeanOrTheInjectedProxy() {
            tester().java("com/acme/orders/OrderFacade.java", """
                    package com.acme.orders;

                    import org.springframework.beans.factory.annotation.Autowired;
                    import org.springframework.context.annotation.Lazy;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Propagation;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class OrderFacade {
                        private final OrderWriter writer;
                        @Autowired
                        @Lazy
                        private OrderFacade self;

                        public OrderFacade(OrderWriter writer) {
                            this.writer = writer;
                        }

                        public void place(NewOrder request) {
                            writer.save(request);
                            self.audit(request);
                        }

                        @Transactional(propagation = Propagation.REQUIRES_NEW)
                        public void audit(NewOrder request) {
                            writer.audit(request);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSelfCallsThatTheCallersTransactionCovers() {
            tester().java("com/acme/orders/FulfilmentService.java", """
                    package com.acme.orders;

                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Propagation;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    @Transactional
                    public class FulfilmentService {
                        private final OrderRepository orders;

                        public FulfilmentService(OrderRepository orders) {
                            this.orders = orders;
                        }

                        public void ship(long id) {
                            Order order = load(id);
                            reserve(order);
                            order.ship();
                            record(order);
                            check(order);
                        }

                        @Transactional(readOnly = true)
                        public Order load(long id) {
                            return orders.findById(id).orElseThrow();
                        }

                        public void reserve(Order order) {
                            order.reserve();
                        }

                        @Transactional(propagation = Propagation.MANDATORY)
                        public void record(Order order) {
                            orders.save(order);
                        }

                        @Transactional(propagation = Propagation.SUPPORTS)
                        public void check(Order order) {
                            order.validate();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresPrivateHelpersReachedOnlyFromTransactionalMethods() {
            tester().java("com/acme/accounts/TransferService.java", """
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
                        public void transfer(long from, long to, BigDecimal amount) {
                            move(from, to, amount);
                        }

                        private void move(long from, long to, BigDecimal amount) {
                            debit(from, amount);
                            credit(to, amount);
                        }

                        @Transactional
                        public void debit(long id, BigDecimal amount) {
                            accounts.findById(id).orElseThrow().debit(amount);
                        }

                        @Transactional
                        public void credit(long id, BigDecimal amount) {
                            accounts.findById(id).orElseThrow().credit(amount);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSelfCallsInsideATransactionTemplate() {
            tester().java("com/acme/imports/ImportJob.java", """
                    package com.acme.imports;

                    import java.util.List;
                    import org.springframework.stereotype.Component;
                    import org.springframework.transaction.TransactionStatus;
                    import org.springframework.transaction.annotation.Transactional;
                    import org.springframework.transaction.support.TransactionCallbackWithoutResult;
                    import org.springframework.transaction.support.TransactionTemplate;

                    @Component
                    public class ImportJob {
                        private final TransactionTemplate transactions;
                        private final RowRepository rows;

                        public ImportJob(TransactionTemplate transactions, RowRepository rows) {
                            this.transactions = transactions;
                            this.rows = rows;
                        }

                        public void run(List<List<Row>> batches) {
                            for (List<Row> batch : batches) {
                                transactions.executeWithoutResult(status -> store(batch));
                            }
                            transactions.execute(new TransactionCallbackWithoutResult() {
                                @Override
                                protected void doInTransactionWithoutResult(TransactionStatus status) {
                                    store(List.of());
                                }
                            });
                        }

                        @Transactional
                        public void store(List<Row> batch) {
                            rows.saveAll(batch);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresEverythingUnderAspectJWeaving() {
            tester().java("com/acme/config/TransactionConfig.java", """
                    package com.acme.config;

                    import org.springframework.context.annotation.AdviceMode;
                    import org.springframework.context.annotation.Configuration;
                    import org.springframework.transaction.annotation.EnableTransactionManagement;

                    @Configuration
                    @EnableTransactionManagement(mode = AdviceMode.ASPECTJ)
                    public class TransactionConfig {}
                    """).java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class OrderService {
                        public void place(Order order) {
                            persist(order);
                        }

                        @Transactional
                        private void persist(Order order) {
                            order.save();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSelfInvocationFinalAndStaticMethodsOfQuarkusBeans() {
            tester().java("org/acme/fruits/FruitService.java", """
                    package org.acme.fruits;

                    import jakarta.enterprise.context.ApplicationScoped;
                    import jakarta.transaction.Transactional;
                    import java.util.List;

                    @ApplicationScoped
                    public class FruitService {

                        public void importAll(List<Fruit> fruits) {
                            fruits.forEach(this::add);
                            cleanUp();
                        }

                        @Transactional
                        public void add(Fruit fruit) {
                            fruit.persist();
                        }

                        @Transactional(Transactional.TxType.REQUIRES_NEW)
                        public final void cleanUp() {
                            Fruit.delete("name is null");
                        }

                        @Transactional
                        public static long purge() {
                            return Fruit.deleteAll();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresOtherAnnotationsOverloadsAndNestedTypes() {
            tester().java("com/acme/shipping/ShipmentService.java", """
                    package com.acme.shipping;

                    import com.acme.shared.tx.Transactional;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class ShipmentService {
                        public void dispatch(Shipment shipment) {
                            track(shipment);
                        }

                        @Transactional
                        private void track(Shipment shipment) {
                            shipment.track();
                        }
                    }
                    """).java("com/acme/shipping/LabelService.java", """
                    package com.acme.shipping;

                    import io.micronaut.transaction.annotation.Transactional;

                    public class LabelService {
                        @Transactional
                        private void print(Label label) {
                            label.print();
                        }
                    }
                    """).java("com/acme/shipping/CarrierService.java", """
                    package com.acme.shipping;

                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class CarrierService {
                        private final CarrierRepository carriers;

                        public CarrierService(CarrierRepository carriers) {
                            this.carriers = carriers;
                        }

                        public void register(Carrier carrier) {
                            save(carrier, true);
                            carriers.save(carrier);
                            Runnable retry = new Runnable() {
                                @Override
                                public void run() {
                                    save(carrier);
                                }

                                void save(Carrier c) {
                                    c.retry();
                                }
                            };
                            retry.run();
                        }

                        @Transactional
                        public void save(Carrier carrier) {
                            carriers.save(carrier);
                        }

                        public void save(Carrier carrier, boolean notify) {
                            carriers.save(carrier);
                        }

                        @Transactional
                        protected void refresh(Carrier carrier) {
                            carriers.refresh(carrier);
                        }

                        static class Sync {
                            void run(Carrier carrier) {
                                save(carrier);
                            }

                            @Transactional
                            void save(Carrier carrier) {
                                carrier.sync();
                            }

                            void save(Object other) {}
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void honoursSuppressWarningsOnTheCaller() {
            tester().java("com/acme/reports/ReportService.java", """
                    package com.acme.reports;

                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class ReportService {
                        @SuppressWarnings("archlint:transactional-proxy-bypass")
                        public void nightly() {
                            generate();
                        }

                        @Transactional(readOnly = true)
                        public void generate() {
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
