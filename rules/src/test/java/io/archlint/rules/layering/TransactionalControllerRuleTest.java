package io.archlint.rules.layering;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransactionalControllerRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new TransactionalControllerRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsSpringTransactionalOnControllerClass() {
            tester().java("com/acme/web/OrderController.java", """
                    package com.acme.web;

                    import com.acme.orders.OrderDto;
                    import com.acme.orders.OrderService;
                    import org.springframework.transaction.annotation.Transactional;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    // violation: controller `OrderController` is annotated `@Transactional`; move the transaction boundary into a service
                    @Transactional
                    public class OrderController {
                        private final OrderService orders;

                        public OrderController(OrderService orders) {
                            this.orders = orders;
                        }

                        @PostMapping("/orders/{id}/cancel")
                        public OrderDto cancel(@PathVariable long id) {
                            return OrderDto.from(orders.cancel(id));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsReadOnlyTransactionOnSpringHandlerAndHelper() {
            List<Finding> findings = tester().java("com/acme/web/ReportController.java", """
                    package com.acme.web;

                    import com.acme.reports.ReportDto;
                    import com.acme.reports.ReportService;
                    import org.springframework.stereotype.Controller;
                    import org.springframework.transaction.annotation.Transactional;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.ResponseBody;

                    @Controller
                    public class ReportController {
                        private final ReportService reports;

                        ReportController(ReportService reports) {
                            this.reports = reports;
                        }

                        @GetMapping("/reports/daily")
                        @ResponseBody
                        @Transactional(readOnly = true)
                        public ReportDto daily() {
                            return load();
                        }

                        @org.springframework.transaction.annotation.Transactional
                        ReportDto load() {
                            return reports.daily();
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(2);
            assertThat(findings).extracting(Finding::file).containsOnly("src/main/java/com/acme/web/ReportController.java");
            assertThat(findings).extracting(Finding::line).containsExactly(20, 25);
            assertThat(findings).extracting(Finding::symbol)
                    .containsExactly("com.acme.web.ReportController#daily", "com.acme.web.ReportController#load");
            assertThat(findings.get(0).message()).isEqualTo("handler `daily` of controller `ReportController` is "
                    + "annotated `@Transactional`; move the transaction boundary into a service method");
            assertThat(findings.get(1).message()).startsWith("method `load` of controller `ReportController`");
        }

        @Test
        void reportsJakartaTransactionalOnJaxRsResourceMethod() {
            tester().java("com/acme/fruits/FruitResource.java", """
                    package com.acme.fruits;

                    import jakarta.transaction.Transactional;
                    import jakarta.ws.rs.POST;
                    import jakarta.ws.rs.Path;
                    import jakarta.ws.rs.core.Response;

                    @Path("/fruits")
                    public class FruitResource {

                        @POST
                        // violation: handler `create` of controller `FruitResource` is annotated `@Transactional`
                        @Transactional
                        public Response create(Fruit fruit) {
                            fruit.persist();
                            return Response.status(Response.Status.CREATED).entity(fruit).build();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJavaxTransactionalOnResourceClass() {
            tester().java("com/acme/legacy/LegacyResource.java", """
                    package com.acme.legacy;

                    import javax.transaction.Transactional;
                    import javax.ws.rs.GET;
                    import javax.ws.rs.Path;

                    // violation: controller `LegacyResource` is annotated `@Transactional`
                    @Transactional
                    @Path("/legacy")
                    public class LegacyResource {
                        @GET
                        public String ping() {
                            return "pong";
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsTransactionalOnMicronautAndMetaAnnotatedControllers() {
            tester().java("com/acme/books/BookController.java", """
                    package com.acme.books;

                    import io.micronaut.http.annotation.Body;
                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Get;
                    import io.micronaut.http.annotation.Post;
                    import io.micronaut.transaction.annotation.ReadOnly;
                    import io.micronaut.transaction.annotation.Transactional;
                    import java.util.List;

                    @Controller("/books")
                    public class BookController {
                        private final BookRepository books;

                        BookController(BookRepository books) {
                            this.books = books;
                        }

                        @Post
                        // violation: handler `save` of controller `BookController` is annotated `@Transactional`
                        @Transactional
                        Book save(@Body Book book) {
                            return books.save(book);
                        }

                        @Get
                        // violation: handler `list` of controller `BookController` is annotated `@ReadOnly`
                        @ReadOnly
                        List<Book> list() {
                            return books.findAll();
                        }
                    }
                    """).java("com/acme/web/ApiController.java", """
                    package com.acme.web;

                    import java.lang.annotation.Retention;
                    import java.lang.annotation.RetentionPolicy;
                    import org.springframework.web.bind.annotation.RestController;

                    @Retention(RetentionPolicy.RUNTIME)
                    @RestController
                    public @interface ApiController {}
                    """).java("com/acme/web/PaymentController.java", """
                    package com.acme.web;

                    import com.acme.payments.PaymentService;
                    import jakarta.transaction.Transactional;
                    import org.springframework.web.bind.annotation.PostMapping;

                    @ApiController
                    // violation: controller `PaymentController` is annotated `@Transactional`
                    @Transactional
                    public class PaymentController {
                        private final PaymentService payments;

                        PaymentController(PaymentService payments) {
                            this.payments = payments;
                        }

                        @PostMapping("/payments")
                        public void pay() {
                            payments.pay();
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresTransactionalServiceBehindThinController() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    @Transactional(readOnly = true)
                    public class OrderService {
                        private final OrderRepository orders;

                        public OrderService(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @Transactional
                        public Order cancel(long id) {
                            Order order = orders.findById(id).orElseThrow();
                            order.cancel();
                            return order;
                        }
                    }
                    """).java("com/acme/web/OrderController.java", """
                    package com.acme.web;

                    import com.acme.orders.OrderDto;
                    import com.acme.orders.OrderService;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class OrderController {
                        private final OrderService orders;

                        public OrderController(OrderService orders) {
                            this.orders = orders;
                        }

                        @PostMapping("/orders/{id}/cancel")
                        public OrderDto cancel(@PathVariable long id) {
                            return OrderDto.from(orders.cancel(id));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresAnotherTransactionalAnnotationOnAController() {
            tester().java("com/acme/audit/Transactional.java", """
                    package com.acme.audit;

                    import java.lang.annotation.Retention;
                    import java.lang.annotation.RetentionPolicy;

                    /** Marks endpoints whose calls go to the audit trail. */
                    @Retention(RetentionPolicy.RUNTIME)
                    public @interface Transactional {}
                    """).java("com/acme/web/AuditedController.java", """
                    package com.acme.web;

                    import com.acme.audit.Transactional;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @Transactional
                    public class AuditedController {
                        @Transactional
                        @PostMapping("/audited")
                        public void record() {}
                    }
                    """).java("com/acme/web/Transactional.java", """
                    package com.acme.web;

                    public @interface Transactional {}
                    """).java("com/acme/web/SamePackageController.java", """
                    package com.acme.web;

                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Get;

                    @Controller("/same")
                    @Transactional
                    public class SamePackageController {
                        @Get
                        @Transactional
                        public String get() {
                            return "ok";
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresTransactionalOnNonControllerComponents() {
            tester().java("com/acme/fruits/FruitRepository.java", """
                    package com.acme.fruits;

                    import jakarta.enterprise.context.ApplicationScoped;
                    import jakarta.transaction.Transactional;

                    @ApplicationScoped
                    @Transactional
                    public class FruitRepository {
                        public void persist(Fruit fruit) {}
                    }
                    """).java("com/acme/jobs/CleanupJob.java", """
                    package com.acme.jobs;

                    import org.springframework.scheduling.annotation.Scheduled;
                    import org.springframework.stereotype.Component;
                    import org.springframework.transaction.annotation.Transactional;

                    @Component
                    public class CleanupJob {
                        @Scheduled(cron = "0 0 3 * * *")
                        @Transactional
                        public void purgeExpiredSessions() {}
                    }
                    """).java("com/acme/fruits/FruitResource.java", """
                    package com.acme.fruits;

                    import jakarta.inject.Inject;
                    import jakarta.ws.rs.POST;
                    import jakarta.ws.rs.Path;

                    @Path("/fruits")
                    public class FruitResource {
                        @Inject
                        FruitRepository fruits;

                        @POST
                        public void create(Fruit fruit) {
                            fruits.persist(fruit);
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
