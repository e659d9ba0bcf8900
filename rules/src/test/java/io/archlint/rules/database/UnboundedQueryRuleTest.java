package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UnboundedQueryRuleTest {

    private static final String ORDER_REPOSITORY = """
            package com.acme.shop.order;

            import java.util.List;
            import java.util.Optional;
            import org.springframework.data.domain.Limit;
            import org.springframework.data.domain.Page;
            import org.springframework.data.domain.Pageable;
            import org.springframework.data.domain.Slice;
            import org.springframework.data.jpa.repository.JpaRepository;
            import org.springframework.data.jpa.repository.Query;

            public interface OrderRepository extends JpaRepository<Order, Long> {
                List<Order> findByStatus(OrderStatus status);
                List<Order> findAllByCustomerIdOrderByCreatedAtDesc(Long customerId);
                Page<Order> findByStatus(OrderStatus status, Pageable pageable);
                Slice<Order> findByCustomerId(Long customerId, Pageable pageable);
                List<Order> findTop20ByOrderByCreatedAtDesc();
                List<Order> findByRegion(String region, Limit limit);
                Optional<Order> findByReference(String reference);

                @Query(value = "select * from orders order by created_at desc limit 50", nativeQuery = true)
                List<Order> findLatest();
            }
            """;

    private static final String ORDER_DTO = """
            package com.acme.shop.order;

            public record OrderDto(Long id, String status) {
                static OrderDto from(Order order) {
                    return new OrderDto(order.getId(), order.getStatus().name());
                }
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new UnboundedQueryRule())
                .java("com/acme/shop/order/OrderRepository.java", ORDER_REPOSITORY)
                .java("com/acme/shop/order/OrderDto.java", ORDER_DTO);
    }

    @Nested
    class Violating {

        @Test
        void reportsAHandlerReturningFindAllThroughAServiceWithThePath() {
            List<Finding> findings = tester().java("com/acme/shop/order/OrderService.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;

                        public OrderService(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @Transactional(readOnly = true)
                        public List<OrderDto> all() {
                            return orders.findAll().stream().map(OrderDto::from).toList();
                        }
                    }
                    """).java("com/acme/shop/order/OrderController.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RequestMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @RequestMapping("/orders")
                    public class OrderController {
                        private final OrderService orderService;

                        public OrderController(OrderService orderService) {
                            this.orderService = orderService;
                        }

                        @GetMapping
                        public List<OrderDto> list() {
                            return orderService.all();
                        }
                    }
                    """).findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("src/main/java/com/acme/shop/order/OrderController.java", 19, 16);
            assertThat(finding.message()).isEqualTo("`OrderController#list` returns `OrderService#all` → "
                    + "`OrderRepository.findAll()` with no page or limit, so the response grows with the table; take a "
                    + "`Pageable` and return a `Page` or `Slice`, or bound the query (`findTop100By..`, `Limit`)");
            assertThat(finding.symbol()).isEqualTo("com.acme.shop.order.OrderController#list");
        }

        @Test
        void reportsDerivedQueriesReturnedDirectlyOrWrappedInResponseEntity() {
            tester().java("com/acme/shop/order/OrderQueryController.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.data.domain.Sort;
                    import org.springframework.http.ResponseEntity;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.RequestParam;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    class OrderQueryController {
                        private final OrderRepository orders;

                        OrderQueryController(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @GetMapping("/orders/by-status")
                        List<Order> byStatus(@RequestParam OrderStatus status) {
                            // violation: `OrderQueryController#byStatus` returns `OrderRepository.findByStatus()` with no page or limit, so the response grows with every row that matches
                            return orders.findByStatus(status);
                        }

                        @GetMapping("/customers/{id}/orders")
                        ResponseEntity<List<OrderDto>> ofCustomer(@PathVariable Long id) {
                            // violation: returns `OrderRepository.findAllByCustomerIdOrderByCreatedAtDesc()`
                            List<Order> found = orders.findAllByCustomerIdOrderByCreatedAtDesc(id);
                            return ResponseEntity.ok(found.stream().map(OrderDto::from).toList());
                        }

                        @GetMapping("/orders/sorted")
                        Iterable<Order> sorted() {
                            // violation: `OrderQueryController#sorted` returns `OrderRepository.findAll()`
                            return orders.findAll(Sort.by("createdAt"));
                        }

                        @GetMapping("/orders/visible")
                        OrderDto[] visible() {
                            // violation: `OrderQueryController#visible` returns `OrderQueryController#loadVisible` → `OrderRepository.findAll()`
                            return loadVisible().stream().map(OrderDto::from).toArray(OrderDto[]::new);
                        }

                        private List<Order> loadVisible() {
                            List<Order> all = orders.findAll();
                            return all;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsThroughAServiceInterfaceImplementedWithLombok() {
            tester().java("com/acme/catalog/ProductRepository.java", """
                    package com.acme.catalog;

                    import org.springframework.data.repository.reactive.ReactiveCrudRepository;

                    public interface ProductRepository extends ReactiveCrudRepository<Product, String> {
                    }
                    """).java("com/acme/catalog/CatalogService.java", """
                    package com.acme.catalog;

                    import reactor.core.publisher.Flux;

                    public interface CatalogService {
                        Flux<Product> products();
                    }
                    """).java("com/acme/catalog/DefaultCatalogService.java", """
                    package com.acme.catalog;

                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;
                    import reactor.core.publisher.Flux;

                    @Service
                    @RequiredArgsConstructor
                    class DefaultCatalogService implements CatalogService {
                        private final ProductRepository productRepository;

                        @Override
                        public Flux<Product> products() {
                            return productRepository.findAll();
                        }
                    }
                    """).java("com/acme/catalog/CatalogController.java", """
                    package com.acme.catalog;

                    import lombok.RequiredArgsConstructor;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;
                    import reactor.core.publisher.Flux;

                    @RestController
                    @RequiredArgsConstructor
                    class CatalogController {
                        private final CatalogService catalog;

                        @GetMapping("/products")
                        Flux<Product> products() {
                            // violation: returns `DefaultCatalogService#products` → `ProductRepository.findAll()`
                            return catalog.products();
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresPagedSlicedAndLimitedQueries() {
            tester().java("com/acme/shop/order/OrderController.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.data.domain.Limit;
                    import org.springframework.data.domain.Page;
                    import org.springframework.data.domain.PageRequest;
                    import org.springframework.data.domain.Pageable;
                    import org.springframework.data.domain.Slice;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RequestParam;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    class OrderController {
                        private final OrderRepository orders;

                        OrderController(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @GetMapping("/orders")
                        Page<OrderDto> page(Pageable pageable) {
                            return orders.findAll(pageable).map(OrderDto::from);
                        }

                        @GetMapping("/orders/open")
                        List<Order> open(@RequestParam int page) {
                            return orders.findByStatus(OrderStatus.OPEN, PageRequest.of(page, 50)).getContent();
                        }

                        @GetMapping("/orders/recent")
                        List<Order> recent() {
                            return orders.findTop20ByOrderByCreatedAtDesc();
                        }

                        @GetMapping("/orders/latest")
                        List<Order> latest() {
                            return orders.findLatest();
                        }

                        @GetMapping("/orders/region")
                        List<Order> region(@RequestParam String region) {
                            return orders.findByRegion(region, Limit.of(100));
                        }

                        @GetMapping("/orders/first")
                        List<Order> first() {
                            return orders.findAll().stream().limit(10).toList();
                        }

                        @GetMapping("/customers/orders")
                        Slice<Order> ofCustomer(@RequestParam Long customerId, Pageable pageable) {
                            return orders.findByCustomerId(customerId, pageable);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSingleResultsWritesAndNonCollectionHandlers() {
            tester().java("com/acme/shop/order/OrderLookupController.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.http.ResponseEntity;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    class OrderLookupController {
                        private final OrderRepository orders;

                        OrderLookupController(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @GetMapping("/orders/ref/{reference}")
                        ResponseEntity<Order> byReference(@PathVariable String reference) {
                            return ResponseEntity.of(orders.findByReference(reference));
                        }

                        @GetMapping("/orders/count")
                        long count() {
                            return orders.findAll().size();
                        }

                        @PostMapping("/orders/batch")
                        List<Order> create(@RequestBody List<Order> incoming) {
                            return orders.saveAll(incoming);
                        }

                        @GetMapping("/orders/selected")
                        List<Order> selected(@RequestBody List<Long> ids) {
                            return orders.findAllById(ids);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresServicesThatPageAndInMemoryLists() {
            tester().java("com/acme/shop/order/OrderService.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.data.domain.Pageable;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;
                        private final List<String> statuses = List.of("OPEN", "PAID");

                        public OrderService(OrderRepository orders) {
                            this.orders = orders;
                        }

                        public List<OrderDto> page(Pageable pageable) {
                            return orders.findAll(pageable).map(OrderDto::from).getContent();
                        }

                        public List<String> statuses() {
                            return statuses;
                        }
                    }
                    """).java("com/acme/shop/order/OrderController.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.data.domain.Pageable;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class OrderController {
                        private final OrderService service;

                        public OrderController(OrderService service) {
                            this.service = service;
                        }

                        @GetMapping("/orders")
                        public List<OrderDto> list(Pageable pageable) {
                            return service.page(pageable);
                        }

                        @GetMapping("/orders/statuses")
                        public List<String> statuses() {
                            return service.statuses();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresReferenceDataThatIsCachedOrImmutable() {
            tester().java("com/acme/shop/geo/Country.java", """
                    package com.acme.shop.geo;

                    import jakarta.persistence.Entity;
                    import jakarta.persistence.Id;
                    import org.hibernate.annotations.Immutable;

                    @Entity
                    @Immutable
                    public class Country {
                        @Id
                        private String code;
                        private String name;
                    }
                    """).java("com/acme/shop/geo/CountryRepository.java", """
                    package com.acme.shop.geo;

                    import org.springframework.data.jpa.repository.JpaRepository;

                    public interface CountryRepository extends JpaRepository<Country, String> {
                    }
                    """).java("com/acme/shop/order/StatusService.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.cache.annotation.Cacheable;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class StatusService {
                        private final OrderRepository orders;

                        public StatusService(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @Cacheable("open-orders")
                        public List<Order> open() {
                            return orders.findByStatus(OrderStatus.OPEN);
                        }
                    }
                    """).java("com/acme/shop/geo/LookupController.java", """
                    package com.acme.shop.geo;

                    import com.acme.shop.order.Order;
                    import com.acme.shop.order.StatusService;
                    import java.util.List;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @RequiredArgsConstructor
                    class LookupController {
                        private final CountryRepository countries;
                        private final StatusService statuses;

                        @GetMapping("/countries")
                        List<Country> countries() {
                            return countries.findAll();
                        }

                        @GetMapping("/orders/open")
                        List<Order> open() {
                            return statuses.open();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresFindAllOutsideControllersAndSuppressedHandlers() {
            tester().java("com/acme/shop/order/OrderExport.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.stereotype.Component;

                    @Component
                    class OrderExport {
                        private final OrderRepository orders;

                        OrderExport(OrderRepository orders) {
                            this.orders = orders;
                        }

                        List<Order> everything() {
                            return orders.findAll();
                        }
                    }
                    """).java("com/acme/shop/order/CountryController.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    class CountryController {
                        private final OrderRepository orders;

                        CountryController(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @GetMapping("/orders/all")
                        @SuppressWarnings("archlint:unbounded-query")
                        List<Order> all() {
                            return orders.findAll();
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
