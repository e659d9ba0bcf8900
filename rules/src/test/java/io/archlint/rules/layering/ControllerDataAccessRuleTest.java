package io.archlint.rules.layering;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ControllerDataAccessRuleTest {

    private static final String ORDER_REPOSITORY = """
            package com.acme.orders;

            import org.springframework.data.jpa.repository.JpaRepository;

            public interface OrderRepository extends JpaRepository<Order, Long> {}
            """;
    private static final String ORDER = """
            package com.acme.orders;

            public class Order {
                private Long id;
                public Long getId() { return id; }
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new ControllerDataAccessRule()).compiled()
                .java("com/acme/orders/OrderRepository.java", ORDER_REPOSITORY)
                .java("com/acme/orders/Order.java", ORDER);
    }

    @Nested
    class Violating {

        @Test
        void reportsRepositoryFieldInSpringController() {
            tester().java("com/acme/web/OrderController.java", """
                    package com.acme.web;

                    import com.acme.orders.Order;
                    import com.acme.orders.OrderRepository;
                    import java.util.List;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class OrderController {
                        // violation: `OrderController` injects `OrderRepository`; move the data access into a service
                        private final OrderRepository orders;

                        public OrderController(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @GetMapping("/orders")
                        public List<Order> list() {
                            return orders.findAll();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJdbcTemplateConstructorParameterOnce() {
            tester().java("com/acme/web/ReportController.java", """
                    package com.acme.web;

                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class ReportController {
                        // violation: `ReportController` injects `JdbcTemplate`
                        private final JdbcTemplate jdbc;

                        public ReportController(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        @GetMapping("/count")
                        public Integer count() {
                            return jdbc.queryForObject("select count(*) from orders", Integer.class);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsEntityManagerInJaxRsResourceAndMapperInMicronautController() {
            tester().java("com/acme/web/OrderResource.java", """
                    package com.acme.web;

                    import jakarta.inject.Inject;
                    import jakarta.persistence.EntityManager;
                    import jakarta.ws.rs.GET;
                    import jakarta.ws.rs.Path;

                    @Path("/orders")
                    public class OrderResource {
                        @Inject
                        // violation: `OrderResource` injects `EntityManager`
                        EntityManager entityManager;

                        @GET
                        public Object one() {
                            return entityManager.find(Object.class, 1L);
                        }
                    }
                    """).java("com/acme/mapper/OrderMapper.java", """
                    package com.acme.mapper;

                    import org.apache.ibatis.annotations.Mapper;

                    @Mapper
                    public interface OrderMapper {
                        int count();
                    }
                    """).java("com/acme/web/CountController.java", """
                    package com.acme.web;

                    import com.acme.mapper.OrderMapper;
                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Get;

                    @Controller("/count")
                    public class CountController {
                        // violation: `CountController` injects `OrderMapper`
                        private final OrderMapper mapper;

                        public CountController(OrderMapper mapper) {
                            this.mapper = mapper;
                        }

                        @Get
                        public int count() {
                            return mapper.count();
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresControllerThatOnlyDelegatesToService() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import java.util.List;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;

                        public OrderService(OrderRepository orders) {
                            this.orders = orders;
                        }

                        public List<Order> all() {
                            return orders.findAll();
                        }
                    }
                    """).java("com/acme/web/OrderController.java", """
                    package com.acme.web;

                    import com.acme.orders.Order;
                    import com.acme.orders.OrderService;
                    import java.util.List;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class OrderController {
                        private final OrderService service;

                        public OrderController(OrderService service) {
                            this.service = service;
                        }

                        @GetMapping("/orders")
                        public List<Order> list() {
                            return service.all();
                        }
                    }
                    """).expectNoFindings();
        }
    }

    @Test
    void isSkippedWithANoteWhenTheModuleIsNotCompiled() {
        RuleTester tester = RuleTester.of(new ControllerDataAccessRule())
                .java("com/acme/web/OrderController.java", """
                        package com.acme.web;

                        @org.springframework.web.bind.annotation.RestController
                        public class OrderController {}
                        """);
        assertThat(tester.findings()).isEmpty();
        assertThat(tester.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("target/classes");
            assertThat(s.reason()).contains("holds no compiled classes").contains("controller-data-access");
        });
    }
}
