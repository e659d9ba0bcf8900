package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NPlusOneQueryRuleTest {

    private static final String ORDER = """
            package com.acme.shop.order;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;

            @Entity
            public class Order {
                @Id
                private Long id;
                private Long customerId;

                public Long getId() { return id; }
                public Long getCustomerId() { return customerId; }
            }
            """;

    private static final String ORDER_REPOSITORY = """
            package com.acme.shop.order;

            import java.util.List;
            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OrderRepository extends JpaRepository<Order, Long> {
                List<Order> findByCustomerId(Long customerId);
                List<Order> findByIdIn(List<Long> ids);
            }
            """;

    private static final String CUSTOMER_REPOSITORY = """
            package com.acme.shop.customer;

            import org.springframework.data.repository.CrudRepository;

            public interface CustomerRepository extends CrudRepository<Customer, Long> {
            }
            """;

    private static final String SHIPMENT = """
            package com.acme.shop.shipping;

            import jakarta.persistence.Entity;
            import jakarta.persistence.Id;
            import jakarta.persistence.ManyToOne;
            import jakarta.persistence.OneToMany;
            import java.util.ArrayList;
            import java.util.List;
            import lombok.Getter;

            @Entity
            @Getter
            public class Shipment {
                @Id
                private Long id;
                private String status;

                @ManyToOne
                private Carrier carrier;

                @OneToMany(mappedBy = "shipment")
                private List<Parcel> parcels = new ArrayList<>();
            }
            """;

    private static final String SHIPMENT_REPOSITORY = """
            package com.acme.shop.shipping;

            import java.util.List;
            import org.springframework.data.jpa.repository.EntityGraph;
            import org.springframework.data.jpa.repository.JpaRepository;
            import org.springframework.data.jpa.repository.Query;

            public interface ShipmentRepository extends JpaRepository<Shipment, Long> {
                List<Shipment> findByStatus(String status);

                @EntityGraph(attributePaths = "parcels")
                List<Shipment> findWithParcelsByStatus(String status);

                @Query("select s from Shipment s join fetch s.parcels where s.carrier.id = :carrierId")
                List<Shipment> findByCarrierWithParcels(Long carrierId);
            }
            """;

    private static RuleTester shipping() {
        return RuleTester.of(new NPlusOneQueryRule())
                .java("com/acme/shop/shipping/Shipment.java", SHIPMENT)
                .java("com/acme/shop/shipping/ShipmentRepository.java", SHIPMENT_REPOSITORY);
    }

    private static RuleTester tester() {
        return RuleTester.of(new NPlusOneQueryRule())
                .java("com/acme/shop/order/Order.java", ORDER)
                .java("com/acme/shop/order/OrderRepository.java", ORDER_REPOSITORY)
                .java("com/acme/shop/customer/CustomerRepository.java", CUSTOMER_REPOSITORY);
    }

    @Nested
    class Violating {

        @Test
        void reportsRepositoryLookupInAForEachLoopWithTheLoopAndTheFix() {
            List<Finding> findings = tester().java("com/acme/shop/order/OrderReportService.java", """
                    package com.acme.shop.order;

                    import com.acme.shop.customer.Customer;
                    import com.acme.shop.customer.CustomerRepository;
                    import java.util.ArrayList;
                    import java.util.List;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderReportService {

                        public record OrderLine(Long orderId, String customerName) {}

                        private final OrderRepository orders;
                        private final CustomerRepository customers;

                        public OrderReportService(OrderRepository orders, CustomerRepository customers) {
                            this.orders = orders;
                            this.customers = customers;
                        }

                        public List<OrderLine> report() {
                            List<OrderLine> lines = new ArrayList<>();
                            for (Order order : orders.findAll()) {
                                Customer customer = customers.findById(order.getCustomerId()).orElseThrow();
                                lines.add(new OrderLine(order.getId(), customer.name()));
                            }
                            return lines;
                        }
                    }
                    """).findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding).extracting(Finding::file, Finding::line)
                    .containsExactly("src/main/java/com/acme/shop/order/OrderReportService.java", 25);
            assertThat(finding.message()).isEqualTo("`OrderReportService#report` calls `CustomerRepository.findById` "
                    + "inside a `for` loop over `orders.findAll()`, one query per element (N+1); load what the loop "
                    + "needs in one query before it (`findAllById` or an `IN` clause, `JOIN FETCH` or `@EntityGraph` "
                    + "for associations)");
            assertThat(finding.symbol()).isEqualTo("com.acme.shop.order.OrderReportService#report");
        }

        @Test
        void reportsQueriesInStreamMapAndForEachLambdas() {
            tester().java("com/acme/shop/order/OrderViews.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class OrderViews {

                        public record OrderView(Long id, int siblings) {}

                        private final OrderRepository orderRepository;

                        public OrderViews(OrderRepository orderRepository) {
                            this.orderRepository = orderRepository;
                        }

                        public List<OrderView> views(List<Order> orders) {
                            return orders.stream()
                                    .filter(o -> o.getCustomerId() != null)
                                    // violation: calls `OrderRepository.findByCustomerId` inside a stream `map` lambda over `orders`
                                    .map(o -> new OrderView(o.getId(), orderRepository.findByCustomerId(o.getCustomerId()).size()))
                                    .toList();
                        }

                        public void touch(List<Long> customerIds) {
                            customerIds.forEach(id -> {
                                // violation: calls `OrderRepository.findByCustomerId` inside a `forEach` lambda over `customerIds`
                                List<Order> found = orderRepository.findByCustomerId(id);
                                System.out.println(found.size());
                            });
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSavesPerElementWithTheBatchWriteFix() {
            tester().java("com/acme/shop/order/OrderImporter.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    @RequiredArgsConstructor
                    public class OrderImporter {

                        private final OrderRepository orderRepository;

                        @Transactional
                        public void importAll(List<Order> incoming) {
                            for (Order order : incoming) {
                                // violation: calls `OrderRepository.save` inside a `for` loop over `incoming`, one query per element (N+1); collect the changes and write them in one batch (`saveAll`, `batchUpdate`) after the loop
                                orderRepository.save(order);
                            }
                        }

                        @Transactional
                        public void importAgain(List<Order> incoming) {
                            // violation: calls `OrderRepository.save` inside a `forEach` over `incoming`
                            incoming.forEach(orderRepository::save);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJdbcTemplateAndEntityManagerCallsInIndexAndIteratorLoops() {
            tester().java("com/acme/shop/stock/StockDao.java", """
                    package com.acme.shop.stock;

                    import jakarta.persistence.EntityManager;
                    import java.util.Iterator;
                    import java.util.List;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class StockDao {

                        public record Stock(String sku, int quantity) {}

                        private final JdbcTemplate jdbc;
                        private final EntityManager entityManager;

                        public StockDao(JdbcTemplate jdbc, EntityManager entityManager) {
                            this.jdbc = jdbc;
                            this.entityManager = entityManager;
                        }

                        public int total(List<String> skus) {
                            int total = 0;
                            for (int i = 0; i < skus.size(); i++) {
                                // violation: calls `JdbcTemplate.queryForObject` inside a `for` loop
                                total += jdbc.queryForObject("select quantity from stock where sku = ?", Integer.class, skus.get(i));
                            }
                            return total;
                        }

                        public void refresh(Iterator<Long> ids) {
                            while (ids.hasNext()) {
                                Long id = ids.next();
                                // violation: calls `EntityManager.find` inside a `while` loop
                                Stock stock = entityManager.find(Stock.class, id);
                                System.out.println(stock);
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsCallsOnTheModulesOwnDaoAndThroughWildcardImports() {
            tester().java("com/acme/shop/invoice/InvoiceDao.java", """
                    package com.acme.shop.invoice;

                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class InvoiceDao {
                        public Invoice load(long id) { return null; }
                    }
                    """).java("com/acme/shop/invoice/PaymentRepository.java", """
                    package com.acme.shop.invoice;

                    import java.util.List;
                    import org.springframework.data.jpa.repository.*;

                    public interface PaymentRepository extends JpaRepository<Payment, Long> {
                        List<Payment> findByInvoiceId(long invoiceId);
                    }
                    """).java("com/acme/shop/invoice/InvoiceService.java", """
                    package com.acme.shop.invoice;

                    import java.util.List;
                    import org.springframework.stereotype.Service;

                    @Service
                    class InvoiceService {
                        private final InvoiceDao invoices;
                        private final PaymentRepository payments;

                        InvoiceService(InvoiceDao invoices, PaymentRepository payments) {
                            this.invoices = invoices;
                            this.payments = payments;
                        }

                        int paid(List<Long> invoiceIds) {
                            int paid = 0;
                            for (long id : invoiceIds) {
                                // violation: calls `InvoiceDao.load`
                                Invoice invoice = invoices.load(id);
                                // violation: calls `PaymentRepository.findByInvoiceId`
                                paid += this.payments.findByInvoiceId(invoice.id()).size();
                            }
                            return paid;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsReactiveLookupsPerElementOfAFlux() {
            tester().java("com/acme/shop/catalog/ProductRepository.java", """
                    package com.acme.shop.catalog;

                    import org.springframework.data.repository.reactive.ReactiveCrudRepository;

                    public interface ProductRepository extends ReactiveCrudRepository<Product, String> {
                    }
                    """).java("com/acme/shop/catalog/PriceRepository.java", """
                    package com.acme.shop.catalog;

                    import org.springframework.data.repository.reactive.ReactiveCrudRepository;
                    import reactor.core.publisher.Mono;

                    public interface PriceRepository extends ReactiveCrudRepository<Price, String> {
                        Mono<Price> findBySku(String sku);
                    }
                    """).java("com/acme/shop/catalog/CatalogService.java", """
                    package com.acme.shop.catalog;

                    import java.util.List;
                    import org.springframework.stereotype.Service;
                    import reactor.core.publisher.Flux;

                    @Service
                    public class CatalogService {
                        public record PricedProduct(Product product, Price price) {}

                        private final ProductRepository products;
                        private final PriceRepository prices;

                        public CatalogService(ProductRepository products, PriceRepository prices) {
                            this.products = products;
                            this.prices = prices;
                        }

                        public Flux<Product> byIds(List<String> skus) {
                            // violation: calls `ProductRepository.findById` inside a stream `flatMap` lambda over `Flux.fromIterable(skus)`
                            return Flux.fromIterable(skus).flatMap(sku -> products.findById(sku));
                        }

                        public Flux<PricedProduct> priced() {
                            return products.findAll()
                                    // violation: calls `PriceRepository.findBySku` inside a stream `flatMap` lambda over `products.findAll()`
                                    .flatMap(p -> prices.findBySku(p.sku()).map(price -> new PricedProduct(p, price)));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsLazyCollectionsReadForEachEntityARepositoryReturned() {
            shipping().java("com/acme/shop/shipping/ShippingReport.java", """
                    package com.acme.shop.shipping;

                    import java.util.List;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    @RequiredArgsConstructor
                    public class ShippingReport {
                        public record Line(Long shipment, int parcels) {}

                        private final ShipmentRepository shipments;

                        @Transactional(readOnly = true)
                        public int openParcels() {
                            int count = 0;
                            for (Shipment shipment : shipments.findByStatus("OPEN")) {
                                // violation: `ShippingReport#openParcels` reads the lazy `Shipment.parcels` of each `Shipment` from `ShipmentRepository.findByStatus` inside a `for` loop over `shipments.findByStatus("OPEN")`, one query per element (N+1); fetch it with the query (`JOIN FETCH` or `@EntityGraph(attributePaths = "parcels")`) or batch it (`@BatchSize`)
                                count += shipment.getParcels().size();
                                System.out.println(shipment.getParcels().isEmpty());
                            }
                            return count;
                        }

                        @Transactional(readOnly = true)
                        public List<Line> lines() {
                            List<Shipment> all = shipments.findAll();
                            return all.stream()
                                    // violation: reads the lazy `Shipment.parcels` of each `Shipment` from `ShipmentRepository.findAll` inside a stream `map` lambda over `all`
                                    .map(s -> new Line(s.getId(), s.getParcels().size()))
                                    .toList();
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresBatchLoadsAndInMemoryLookupsInTheLoop() {
            tester().java("com/acme/shop/order/OrderReportService.java", """
                    package com.acme.shop.order;

                    import static java.util.stream.Collectors.toMap;

                    import com.acme.shop.customer.Customer;
                    import com.acme.shop.customer.CustomerRepository;
                    import java.util.ArrayList;
                    import java.util.List;
                    import java.util.Map;
                    import java.util.function.Function;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderReportService {

                        public record OrderLine(Long orderId, String customerName) {}

                        private final OrderRepository orders;
                        private final CustomerRepository customers;

                        public OrderReportService(OrderRepository orders, CustomerRepository customers) {
                            this.orders = orders;
                            this.customers = customers;
                        }

                        public List<OrderLine> report() {
                            List<Order> all = orders.findAll();
                            List<Long> ids = all.stream().map(Order::getCustomerId).distinct().toList();
                            Map<Long, Customer> byId = new java.util.HashMap<>();
                            customers.findAllById(ids).forEach(c -> byId.put(c.id(), c));
                            List<OrderLine> lines = new ArrayList<>();
                            for (Order order : all) {
                                Customer customer = byId.get(order.getCustomerId());
                                lines.add(new OrderLine(order.getId(), customer.name()));
                            }
                            return lines;
                        }

                        public void archive(List<List<Long>> chunks) {
                            for (List<Long> chunk : chunks) {
                                List<Order> page = orders.findByIdIn(chunk);
                                orders.saveAll(page);
                                orders.deleteAllById(chunk);
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresLookupsMemoisedPerKey() {
            tester().java("com/acme/shop/order/CustomerNames.java", """
                    package com.acme.shop.order;

                    import com.acme.shop.customer.Customer;
                    import com.acme.shop.customer.CustomerRepository;
                    import java.util.List;
                    import java.util.Map;
                    import java.util.concurrent.ConcurrentHashMap;
                    import org.springframework.stereotype.Component;

                    @Component
                    class CustomerNames {
                        private final Map<Long, String> names = new ConcurrentHashMap<>();
                        private final CustomerRepository customers;

                        CustomerNames(CustomerRepository customers) {
                            this.customers = customers;
                        }

                        List<String> of(List<Order> orders) {
                            return orders.stream()
                                    .map(o -> names.computeIfAbsent(o.getCustomerId(),
                                            id -> customers.findById(id).map(Customer::name).orElse("?")))
                                    .toList();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresOptionalAndMonoMapping() {
            tester().java("com/acme/shop/order/OrderQueries.java", """
                    package com.acme.shop.order;

                    import com.acme.shop.customer.Customer;
                    import com.acme.shop.customer.CustomerRepository;
                    import java.util.Optional;
                    import org.springframework.stereotype.Service;
                    import reactor.core.publisher.Mono;

                    @Service
                    class OrderQueries {
                        private final OrderRepository orders;
                        private final CustomerRepository customers;

                        OrderQueries(OrderRepository orders, CustomerRepository customers) {
                            this.orders = orders;
                            this.customers = customers;
                        }

                        Optional<Customer> customerOf(long orderId) {
                            return orders.findById(orderId).flatMap(o -> customers.findById(o.getCustomerId()));
                        }

                        Mono<Customer> customerLater(Mono<Order> order) {
                            return order.map(o -> customers.findById(o.getCustomerId()).orElseThrow());
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresLoopsOverFixedLiteralSetsRetriesAndPaging() {
            tester().java("com/acme/shop/order/OrderMaintenance.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import java.util.stream.Stream;
                    import org.springframework.data.domain.Page;
                    import org.springframework.data.domain.PageRequest;
                    import org.springframework.data.domain.Pageable;
                    import org.springframework.stereotype.Service;

                    @Service
                    class OrderMaintenance {
                        enum Region { EU, US, APAC }

                        private static final List<Long> SYSTEM_CUSTOMERS = List.of(1L, 2L);
                        private static final int MAX_ATTEMPTS = 3;

                        private final OrderRepository orders;

                        OrderMaintenance(OrderRepository orders) {
                            this.orders = orders;
                        }

                        int systemOrders() {
                            int count = 0;
                            for (Long customer : SYSTEM_CUSTOMERS) {
                                count += orders.findByCustomerId(customer).size();
                            }
                            for (Region region : Region.values()) {
                                count += orders.findByCustomerId((long) region.ordinal()).size();
                            }
                            Stream.of(7L, 8L).forEach(id -> orders.findByCustomerId(id));
                            java.util.stream.IntStream.range(0, 3).forEach(shard -> orders.findByCustomerId((long) shard));
                            return count;
                        }

                        Order saveWithRetry(Order order) {
                            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                                try {
                                    return orders.save(order);
                                } catch (RuntimeException e) {
                                    // retry
                                }
                            }
                            throw new IllegalStateException("gave up");
                        }

                        void purge() {
                            Pageable pageable = PageRequest.of(0, 500);
                            Page<Order> page;
                            do {
                                page = orders.findAll(pageable);
                                orders.deleteAllInBatch(page.getContent());
                                pageable = page.nextPageable();
                            } while (page.hasNext());
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresJpaWriteBehindProxiesAndTheLoopsSource() {
            tester().java("com/acme/shop/order/BulkLoader.java", """
                    package com.acme.shop.order;

                    import jakarta.persistence.EntityManager;
                    import java.util.List;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    class BulkLoader {
                        private final EntityManager entityManager;
                        private final OrderRepository orders;

                        BulkLoader(EntityManager entityManager, OrderRepository orders) {
                            this.entityManager = entityManager;
                            this.orders = orders;
                        }

                        @Transactional
                        void load(List<Order> incoming) {
                            int i = 0;
                            for (Order order : incoming) {
                                entityManager.persist(order);
                                if (++i % 50 == 0) {
                                    entityManager.flush();
                                    entityManager.clear();
                                }
                            }
                        }

                        @Transactional
                        void link(List<Long> ids) {
                            for (Long id : ids) {
                                Order proxy = orders.getReferenceById(id);
                                System.out.println(proxy.getId());
                            }
                            for (Order order : orders.findAll()) {
                                System.out.println(order.getId());
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresTypesThatOnlyLookLikeRepositories() {
            tester().java("com/acme/shop/cache/PriceRepository.java", """
                    package com.acme.shop.cache;

                    import java.math.BigDecimal;
                    import java.util.Map;
                    import java.util.concurrent.ConcurrentHashMap;

                    /** An in-memory table of prices, refreshed from a file. */
                    public class PriceRepository {
                        private final Map<String, BigDecimal> prices = new ConcurrentHashMap<>();

                        public BigDecimal findBySku(String sku) {
                            return prices.get(sku);
                        }
                    }
                    """).java("com/acme/shop/cache/Basket.java", """
                    package com.acme.shop.cache;

                    import java.math.BigDecimal;
                    import java.util.List;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;

                    @Service
                    @RequiredArgsConstructor
                    class Basket {
                        private final PriceRepository prices;

                        BigDecimal total(List<String> skus) {
                            BigDecimal total = BigDecimal.ZERO;
                            for (String sku : skus) {
                                total = total.add(prices.findBySku(sku));
                            }
                            return total;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresAssociationsFetchedWithTheQueryBatchedOrToOne() {
            shipping().java("com/acme/shop/shipping/ShippingReport.java", """
                    package com.acme.shop.shipping;

                    import java.util.List;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;

                    @Service
                    @RequiredArgsConstructor
                    public class ShippingReport {
                        private final ShipmentRepository shipments;

                        public int withGraph() {
                            int count = 0;
                            for (Shipment shipment : shipments.findWithParcelsByStatus("OPEN")) {
                                count += shipment.getParcels().size();
                            }
                            return count;
                        }

                        public int withJoinFetch(Long carrierId) {
                            return shipments.findByCarrierWithParcels(carrierId).stream()
                                    .mapToInt(s -> s.getParcels().size())
                                    .sum();
                        }

                        public List<String> carriers() {
                            return shipments.findByStatus("OPEN").stream()
                                    .map(s -> s.getCarrier() + s.getStatus())
                                    .toList();
                        }

                        public int given(List<Shipment> loaded) {
                            int count = 0;
                            for (Shipment shipment : loaded) {
                                count += shipment.getParcels().size();
                            }
                            return count;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresLazyCollectionsWhenHibernateBatchFetches() {
            String report = """
                    package com.acme.shop.shipping;

                    import org.springframework.stereotype.Service;

                    @Service
                    public class ShippingReport {
                        private final ShipmentRepository shipments;

                        public ShippingReport(ShipmentRepository shipments) {
                            this.shipments = shipments;
                        }

                        public int openParcels() {
                            int count = 0;
                            for (Shipment shipment : shipments.findByStatus("OPEN")) {
                                count += shipment.getParcels().size();
                            }
                            return count;
                        }
                    }
                    """;
            shipping().java("com/acme/shop/shipping/ShippingReport.java", report)
                    .file("src/main/resources/application.properties",
                            "spring.jpa.properties.hibernate.default_batch_fetch_size=50\n")
                    .expectNoFindings();
            shipping().java("com/acme/shop/shipping/Shipment.java", SHIPMENT
                            .replace("import lombok.Getter;", "import lombok.Getter;\nimport org.hibernate.annotations.BatchSize;")
                            .replace("    @OneToMany(mappedBy = \"shipment\")", "    @BatchSize(size = 50)\n    @OneToMany(mappedBy = \"shipment\")"))
                    .java("com/acme/shop/shipping/ShippingReport.java", report)
                    .expectNoFindings();
        }

        @Test
        void ignoresSuppressedLoops() {
            tester().java("com/acme/shop/order/Reconciler.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.stereotype.Service;

                    @Service
                    class Reconciler {
                        private final OrderRepository orders;

                        Reconciler(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @SuppressWarnings("archlint:n-plus-one-query")
                        void reconcile(List<Long> customers) {
                            customers.forEach(c -> orders.findByCustomerId(c));
                        }

                        void nightly(List<Long> customers) {
                            for (Long customer : customers) {
                                // archlint:ignore n-plus-one-query at most ten customers, one transaction each
                                orders.findByCustomerId(customer);
                            }
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
