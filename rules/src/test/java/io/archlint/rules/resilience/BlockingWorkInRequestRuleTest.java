package io.archlint.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BlockingWorkInRequestRuleTest {

    private static final String ORDER_REQUEST = """
            package com.acme.orders;

            public record OrderRequest(String customerEmail, String sku, int quantity) {}
            """;
    private static final String ORDER_CONTROLLER = """
            package com.acme.orders;

            import org.springframework.http.ResponseEntity;
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
                public ResponseEntity<String> place(@RequestBody OrderRequest request) {
                    String id = orderService.confirm(request);
                    return ResponseEntity.ok(id);
                }
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new BlockingWorkInRequestRule()).compiled()
                .java("com/acme/orders/OrderRequest.java", ORDER_REQUEST);
    }

    @Nested
    class Violating {

        @Test
        void reportsControllerThatSendsMailThroughAService() {
            tester().java("com/acme/orders/OrderController.java", ORDER_CONTROLLER.replace(
                    "        String id = orderService.confirm(request);",
                    "        // violation: `OrderController#place` sends mail inline (`OrderController.place → OrderService.confirm → JavaMailSender.send`); hand it to a queue or `@Async` and answer 202\n"
                            + "        String id = orderService.confirm(request);"))
                    .java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.mail.SimpleMailMessage;
                    import org.springframework.mail.javamail.JavaMailSender;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderService {
                        private final JavaMailSender mailSender;

                        public OrderService(JavaMailSender mailSender) {
                            this.mailSender = mailSender;
                        }

                        public String confirm(OrderRequest request) {
                            String id = java.util.UUID.randomUUID().toString();
                            SimpleMailMessage message = new SimpleMailMessage();
                            message.setTo(request.customerEmail());
                            message.setSubject("Order " + id + " confirmed");
                            mailSender.send(message);
                            return id;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSleepsInAJaxRsResource() {
            tester().java("com/acme/legacy/StatusResource.java", """
                    package com.acme.legacy;

                    import jakarta.ws.rs.GET;
                    import jakarta.ws.rs.Path;
                    import java.util.concurrent.TimeUnit;

                    @Path("/status")
                    public class StatusResource {
                        private volatile boolean ready;

                        @GET
                        public String await() throws InterruptedException {
                            while (!ready) {
                                // violation: `StatusResource#await` sleeps on the request thread (`StatusResource.await → TimeUnit.sleep`)
                                TimeUnit.SECONDS.sleep(1);
                            }
                            return "ready";
                        }

                        @GET
                        @Path("/retry")
                        public String retry() throws InterruptedException {
                            // violation: `StatusResource#retry` sleeps on the request thread (`StatusResource.retry → StatusResource.backOff → Thread.sleep`)
                            backOff(3);
                            return "done";
                        }

                        private void backOff(int attempt) throws InterruptedException {
                            Thread.sleep(200L * attempt);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJasperReportFilledAndExportedInline() {
            tester().java("com/acme/reports/ReportService.java", """
                    package com.acme.reports;

                    import java.sql.Connection;
                    import java.util.Map;
                    import net.sf.jasperreports.engine.JasperExportManager;
                    import net.sf.jasperreports.engine.JasperFillManager;
                    import net.sf.jasperreports.engine.JasperPrint;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class ReportService {
                        public byte[] monthlySales(Connection connection, int month) {
                            JasperPrint print = JasperFillManager.fillReport("reports/monthly-sales.jasper", Map.of("month", month), connection);
                            return JasperExportManager.exportReportToPdf(print);
                        }
                    }
                    """).java("com/acme/reports/ReportController.java", """
                    package com.acme.reports;

                    import java.sql.Connection;
                    import javax.sql.DataSource;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class ReportController {
                        private final ReportService reports;
                        private final DataSource dataSource;

                        public ReportController(ReportService reports, DataSource dataSource) {
                            this.reports = reports;
                            this.dataSource = dataSource;
                        }

                        @GetMapping("/reports/sales/{month}")
                        public byte[] sales(@PathVariable int month) throws Exception {
                            try (Connection connection = dataSource.getConnection()) {
                                // violation: `ReportController#sales` generates a report inline (`ReportController.sales → ReportService.monthlySales → JasperFillManager.fillReport`); generate it in a background job and answer 202
                                return reports.monthlySales(connection, month);
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsExcelExportWrittenInTheHandler() {
            tester().java("com/acme/exports/ExportController.java", """
                    package com.acme.exports;

                    import java.io.ByteArrayOutputStream;
                    import java.io.IOException;
                    import org.apache.poi.ss.usermodel.Workbook;
                    import org.apache.poi.xssf.usermodel.XSSFWorkbook;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class ExportController {
                        @GetMapping("/exports/customers.xlsx")
                        public byte[] customers() throws IOException {
                            try (Workbook workbook = new XSSFWorkbook()) {
                                workbook.createSheet("customers");
                                ByteArrayOutputStream out = new ByteArrayOutputStream();
                                // violation: `ExportController#customers` generates a report inline (`ExportController.customers → Workbook.write`)
                                workbook.write(out);
                                return out.toByteArray();
                            }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsRemoteCallInALoopOfTheService() {
            tester().java("com/acme/pricing/PricingService.java", """
                    package com.acme.pricing;

                    import java.util.ArrayList;
                    import java.util.List;
                    import org.springframework.stereotype.Service;
                    import org.springframework.web.client.RestTemplate;

                    @Service
                    public class PricingService {
                        private final RestTemplate restTemplate;

                        public PricingService(RestTemplate restTemplate) {
                            this.restTemplate = restTemplate;
                        }

                        public List<Quote> quoteAll(List<String> skus) {
                            List<Quote> quotes = new ArrayList<>();
                            for (String sku : skus) {
                                quotes.add(restTemplate.getForObject("http://pricing/prices/{sku}", Quote.class, sku));
                            }
                            return quotes;
                        }

                        public record Quote(String sku, long priceCents) {}
                    }
                    """).java("com/acme/pricing/QuoteController.java", """
                    package com.acme.pricing;

                    import java.util.List;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class QuoteController {
                        private final PricingService pricing;

                        public QuoteController(PricingService pricing) {
                            this.pricing = pricing;
                        }

                        @PostMapping("/quotes")
                        public List<PricingService.Quote> quote(@RequestBody List<String> skus) {
                            // violation: `QuoteController#quote` calls a remote service in a loop (`QuoteController.quote → PricingService.quoteAll → RestTemplate.getForObject`); fetch everything in one batch request
                            return pricing.quoteAll(skus);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsFeignClientCalledPerElementOfAStream() {
            tester().java("com/acme/stock/InventoryClient.java", """
                    package com.acme.stock;

                    import org.springframework.cloud.openfeign.FeignClient;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PathVariable;

                    @FeignClient(name = "inventory")
                    public interface InventoryClient {
                        @GetMapping("/stock/{sku}")
                        int stock(@PathVariable String sku);
                    }
                    """).java("com/acme/stock/StockController.java", """
                    package com.acme.stock;

                    import java.util.List;
                    import java.util.Map;
                    import java.util.function.Function;
                    import java.util.stream.Collectors;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RequestParam;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class StockController {
                        private final InventoryClient inventory;

                        public StockController(InventoryClient inventory) {
                            this.inventory = inventory;
                        }

                        @GetMapping("/stock")
                        public Map<String, Integer> stock(@RequestParam List<String> skus) {
                            return skus.stream()
                                    // violation: `StockController#stock` calls a remote service in a loop (`StockController.stock → InventoryClient.stock`)
                                    .map(sku -> Map.entry(sku, inventory.stock(sku)))
                                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAsyncMethodCalledWithinItsOwnClassBecauseTheProxyIsBypassed() {
            RuleTester tester = tester().java("com/acme/signup/SignupController.java", """
                    package com.acme.signup;

                    import org.springframework.mail.MailSender;
                    import org.springframework.mail.SimpleMailMessage;
                    import org.springframework.scheduling.annotation.Async;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestParam;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class SignupController {
                        private final MailSender mail;

                        public SignupController(MailSender mail) {
                            this.mail = mail;
                        }

                        @PostMapping("/signups")
                        public void signUp(@RequestParam String email) {
                            sendWelcome(email);
                        }

                        @Async
                        public void sendWelcome(String email) {
                            SimpleMailMessage message = new SimpleMailMessage();
                            message.setTo(email);
                            mail.send(message);
                        }
                    }
                    """);

            assertThat(tester.findings()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo("src/main/java/com/acme/signup/SignupController.java");
                assertThat(f.line()).isEqualTo(20);
                assertThat(f.message()).isEqualTo("`SignupController#signUp` sends mail inline "
                        + "(`SignupController.signUp → SignupController.sendWelcome → MailSender.send`); "
                        + "hand it to a queue or `@Async` and answer 202");
            });
        }
    }

    @Nested
    class Compliant {

        private static final String ASYNC_MAIL_SERVICE = """
                package com.acme.orders;

                import org.springframework.mail.SimpleMailMessage;
                import org.springframework.mail.javamail.JavaMailSender;
                import org.springframework.scheduling.annotation.Async;
                import org.springframework.stereotype.Service;

                @Service
                public class OrderService {
                    private final JavaMailSender mailSender;

                    public OrderService(JavaMailSender mailSender) {
                        this.mailSender = mailSender;
                    }

                    public String confirm(OrderRequest request) {
                        return java.util.UUID.randomUUID().toString();
                    }

                    @Async
                    public void sendConfirmation(String email, String id) {
                        SimpleMailMessage message = new SimpleMailMessage();
                        message.setTo(email);
                        mailSender.send(message);
                    }
                }
                """;

        @Test
        void ignoresMailSentByAnAsyncMethodOfAnotherBean() {
            tester().java("com/acme/orders/OrderController.java", ORDER_CONTROLLER.replace(
                            "        String id = orderService.confirm(request);",
                            "        String id = orderService.confirm(request);\n"
                                    + "        orderService.sendConfirmation(request.customerEmail(), id);"))
                    .java("com/acme/orders/OrderService.java", ASYNC_MAIL_SERVICE)
                    .expectNoFindings();
        }

        @Test
        void ignoresMailThroughAnInterfaceWhoseImplementationIsAsync() {
            tester().java("com/acme/orders/OrderController.java", ORDER_CONTROLLER)
                    .java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    public interface OrderService {
                        String confirm(OrderRequest request);
                    }
                    """).java("com/acme/orders/MailingOrderService.java", """
                    package com.acme.orders;

                    import org.springframework.mail.MailSender;
                    import org.springframework.mail.SimpleMailMessage;
                    import org.springframework.scheduling.annotation.Async;
                    import org.springframework.stereotype.Service;

                    @Service
                    @Async
                    public class MailingOrderService implements OrderService {
                        private final MailSender mail;

                        public MailingOrderService(MailSender mail) {
                            this.mail = mail;
                        }

                        @Override
                        public String confirm(OrderRequest request) {
                            mail.send(new SimpleMailMessage());
                            return null;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresWorkHandedToAnExecutorBeforeAnswering202() {
            tester().java("com/acme/reports/ReportController.java", """
                    package com.acme.reports;

                    import java.util.Map;
                    import java.util.concurrent.CompletableFuture;
                    import org.springframework.core.task.TaskExecutor;
                    import org.springframework.http.ResponseEntity;
                    import org.springframework.mail.MailSender;
                    import org.springframework.mail.SimpleMailMessage;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RestController;
                    import net.sf.jasperreports.engine.JasperExportManager;
                    import net.sf.jasperreports.engine.JasperFillManager;

                    @RestController
                    public class ReportController {
                        private final TaskExecutor reportExecutor;
                        private final MailSender mail;

                        public ReportController(TaskExecutor reportExecutor, MailSender mail) {
                            this.reportExecutor = reportExecutor;
                            this.mail = mail;
                        }

                        @PostMapping("/reports")
                        public ResponseEntity<String> request() {
                            String jobId = java.util.UUID.randomUUID().toString();
                            reportExecutor.execute(() -> {
                                byte[] pdf = JasperExportManager.exportReportToPdf(
                                        JasperFillManager.fillReport("reports/sales.jasper", Map.of(), null));
                                mail.send(new SimpleMailMessage());
                            });
                            return ResponseEntity.ok(jobId);
                        }

                        @PostMapping("/reports/async")
                        public CompletableFuture<String> requestAsync() {
                            return CompletableFuture.supplyAsync(() -> {
                                mail.send(new SimpleMailMessage());
                                return "sent";
                            });
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresHandlerReturningACallableThatSpringRunsOnItsExecutor() {
            tester().java("com/acme/exports/ExportController.java", """
                    package com.acme.exports;

                    import java.io.ByteArrayOutputStream;
                    import java.util.concurrent.Callable;
                    import org.apache.poi.xssf.usermodel.XSSFWorkbook;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class ExportController {
                        @GetMapping("/exports/orders.xlsx")
                        public Callable<byte[]> orders() {
                            return () -> {
                                XSSFWorkbook workbook = new XSSFWorkbook();
                                ByteArrayOutputStream out = new ByteArrayOutputStream();
                                workbook.write(out);
                                return out.toByteArray();
                            };
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresASingleRemoteCallAndALoopOverItsResult() {
            tester().java("com/acme/catalog/CatalogController.java", """
                    package com.acme.catalog;

                    import java.net.URI;
                    import java.net.http.HttpClient;
                    import java.net.http.HttpRequest;
                    import java.net.http.HttpResponse;
                    import java.util.ArrayList;
                    import java.util.List;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;
                    import org.springframework.web.client.RestTemplate;

                    @RestController
                    public class CatalogController {
                        private final RestTemplate restTemplate;
                        private final HttpClient httpClient;

                        public CatalogController(RestTemplate restTemplate, HttpClient httpClient) {
                            this.restTemplate = restTemplate;
                            this.httpClient = httpClient;
                        }

                        @GetMapping("/catalog")
                        public List<String> catalog() {
                            List<String> names = new ArrayList<>();
                            for (String name : restTemplate.getForObject("http://catalog/names", String[].class)) {
                                names.add(name.trim());
                            }
                            return names;
                        }

                        @GetMapping("/catalog/raw")
                        public String raw() throws Exception {
                            HttpRequest request = HttpRequest.newBuilder(URI.create("http://catalog/raw")).build();
                            return httpClient.send(request, HttpResponse.BodyHandlers.ofString()).body();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresARemoteCallInTheLambdaOfAMonoOrOptionalBecauseItRunsAtMostOnce() {
            tester().java("com/acme/owners/VisitsClient.java", """
                    package com.acme.owners;

                    import java.util.List;
                    import org.springframework.cloud.openfeign.FeignClient;
                    import reactor.core.publisher.Mono;

                    @FeignClient(name = "visits-service")
                    public interface VisitsClient {
                        Mono<List<String>> visitsForPets(List<Integer> petIds);
                    }
                    """).java("com/acme/owners/OwnerDetails.java", """
                    package com.acme.owners;

                    import java.util.List;

                    public record OwnerDetails(long id, List<Integer> petIds, List<String> visits) {
                        OwnerDetails withVisits(List<String> loaded) {
                            return new OwnerDetails(id, petIds, loaded);
                        }
                    }
                    """).java("com/acme/owners/OwnerGatewayController.java", """
                    package com.acme.owners;

                    import java.util.Optional;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.RestController;
                    import org.springframework.web.client.RestTemplate;
                    import reactor.core.publisher.Mono;

                    @RestController
                    public class OwnerGatewayController {
                        private final VisitsClient visits;
                        private final RestTemplate restTemplate;

                        public OwnerGatewayController(VisitsClient visits, RestTemplate restTemplate) {
                            this.visits = visits;
                            this.restTemplate = restTemplate;
                        }

                        @GetMapping("/owners/{id}")
                        public Mono<OwnerDetails> owner(@PathVariable long id) {
                            return Mono.just(new OwnerDetails(id, java.util.List.of(1, 2), java.util.List.of()))
                                    .flatMap(owner -> visits.visitsForPets(owner.petIds()).map(owner::withVisits));
                        }

                        @GetMapping("/owners/{id}/address")
                        public String address(@PathVariable long id) {
                            return Optional.of(id)
                                    .map(ownerId -> restTemplate.getForObject("http://customers/owners/{id}/address",
                                            String.class, ownerId))
                                    .orElse("unknown");
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresScheduledJobsAndListenersBecauseTheyAreNotRequests() {
            tester().java("com/acme/digest/DigestJob.java", """
                    package com.acme.digest;

                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.mail.MailSender;
                    import org.springframework.mail.SimpleMailMessage;
                    import org.springframework.scheduling.annotation.Scheduled;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class DigestJob {
                        private final MailSender mail;

                        public DigestJob(MailSender mail) {
                            this.mail = mail;
                        }

                        @Scheduled(cron = "0 0 7 * * *")
                        public void sendDailyDigest() throws InterruptedException {
                            mail.send(new SimpleMailMessage());
                            Thread.sleep(1000);
                        }

                        @KafkaListener(topics = "users.registered")
                        public void onRegistered(String email) {
                            mail.send(new SimpleMailMessage());
                        }
                    }
                    """).expectNoFindings();
        }
    }

    @Test
    void isSkippedWithANoteWhenTheModuleIsNotCompiled() {
        RuleTester tester = RuleTester.of(new BlockingWorkInRequestRule())
                .java("com/acme/orders/OrderController.java", """
                        package com.acme.orders;

                        @org.springframework.web.bind.annotation.RestController
                        public class OrderController {}
                        """);

        assertThat(tester.findings()).isEmpty();
        assertThat(tester.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("target/classes");
            assertThat(s.reason()).contains("holds no compiled classes").contains("blocking-work-in-request");
        });
    }
}
