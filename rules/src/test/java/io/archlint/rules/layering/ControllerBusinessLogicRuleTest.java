package io.archlint.rules.layering;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ControllerBusinessLogicRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new ControllerBusinessLogicRule());
    }

    private static final String IMPORT_HANDLER = """
                    package com.acme.web;

                    import com.acme.customers.CustomerRow;
                    import com.acme.customers.CustomerService;
                    import com.acme.customers.DuplicateCustomerException;
                    import com.acme.customers.ImportResult;
                    import java.util.ArrayList;
                    import java.util.List;
                    import java.util.Set;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class CustomerImportController {
                        private static final Set<String> SUPPORTED = Set.of("DE", "FR", "NL");
                        private final CustomerService customers;

                        public CustomerImportController(CustomerService customers) {
                            this.customers = customers;
                        }

                        @PostMapping("/customers/import")
                        public ImportResult importCustomers(@RequestBody List<CustomerRow> rows) {
                            int imported = 0;
                            List<String> errors = new ArrayList<>();
                            for (CustomerRow row : rows) {
                                if (row.email() == null || row.email().isBlank()) {
                                    errors.add("missing email: " + row.name());
                                    continue;
                                }
                                if (row.country() != null && !SUPPORTED.contains(row.country())) {
                                    errors.add("unsupported country: " + row.country());
                                    continue;
                                }
                                try {
                                    customers.register(row.name(), row.email(), row.country());
                                    imported++;
                                } catch (DuplicateCustomerException e) {
                                    if (row.overwrite()) {
                                        customers.update(row.name(), row.email(), row.country());
                                        imported++;
                                    } else {
                                        errors.add("duplicate: " + row.email());
                                    }
                                }
                            }
                            return new ImportResult(imported, errors);
                        }
                    }
                    """;

    @Nested
    class Violating {

        @Test
        void reportsPriceTimesQuantityInSpringHandler() {
            tester().java("com/acme/web/CheckoutController.java", """
                    package com.acme.web;

                    import com.acme.checkout.CheckoutRequest;
                    import com.acme.checkout.CheckoutService;
                    import com.acme.checkout.ReceiptDto;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class CheckoutController {
                        private final CheckoutService checkout;

                        public CheckoutController(CheckoutService checkout) {
                            this.checkout = checkout;
                        }

                        @PostMapping("/checkout")
                        // violation: handler `checkout` computes `request.price() * request.quantity()` on domain values; move the calculation into a service or the domain model
                        public ReceiptDto checkout(@RequestBody CheckoutRequest request) {
                            long total = request.price() * request.quantity();
                            return checkout.place(request.sku(), total);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsBigDecimalTaxCalculationInJaxRsResource() {
            tester().java("com/acme/billing/InvoiceResource.java", """
                    package com.acme.billing;

                    import jakarta.inject.Inject;
                    import jakarta.ws.rs.GET;
                    import jakarta.ws.rs.Path;
                    import jakarta.ws.rs.PathParam;
                    import java.math.BigDecimal;
                    import java.math.RoundingMode;

                    @Path("/invoices")
                    public class InvoiceResource {
                        private static final BigDecimal VAT = new BigDecimal("0.19");

                        @Inject
                        InvoiceService invoices;

                        @GET
                        @Path("/{id}")
                        // violation: handler `get` computes `invoice.getSubtotal().multiply(VAT)` on domain values
                        public InvoiceDto get(@PathParam("id") long id) {
                            Invoice invoice = invoices.find(id);
                            BigDecimal tax = invoice.getSubtotal().multiply(VAT).setScale(2, RoundingMode.HALF_UP);
                            return new InvoiceDto(invoice.getNumber(), invoice.getSubtotal(), tax);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsReduceWithBigDecimalAddInMicronautController() {
            tester().java("com/acme/cart/CartController.java", """
                    package com.acme.cart;

                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Get;
                    import java.math.BigDecimal;

                    @Controller("/carts")
                    public class CartController {
                        private final CartService carts;

                        public CartController(CartService carts) {
                            this.carts = carts;
                        }

                        @Get("/{id}/total")
                        // violation: handler `total` computes `reduce(BigDecimal.ZERO, BigDecimal::add)` on domain values
                        public BigDecimal total(String id) {
                            return carts.find(id).items().stream()
                                    .map(CartItem::price)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsBalanceUpdateAndQuantitySumInJavaxResource() {
            tester().java("com/acme/accounts/AccountResource.java", """
                    package com.acme.accounts;

                    import javax.inject.Inject;
                    import javax.ws.rs.POST;
                    import javax.ws.rs.Path;
                    import javax.ws.rs.PathParam;

                    @Path("/accounts")
                    public class AccountResource {
                        @Inject
                        AccountService accounts;

                        @POST
                        @Path("/{id}/withdrawals")
                        // violation: handler `withdraw` computes `account.getBalance() - request.amount()` on domain values
                        public AccountDto withdraw(@PathParam("id") long id, WithdrawalRequest request) {
                            Account account = accounts.find(id);
                            account.setBalance(account.getBalance() - request.amount());
                            return AccountDto.from(accounts.save(account));
                        }

                        @POST
                        @Path("/{id}/orders")
                        // violation: handler `reserve` computes `order.lines().stream().mapToInt(OrderLine::quantity).sum()`
                        public ReservationDto reserve(@PathParam("id") long id, OrderDto order) {
                            int units = order.lines().stream().mapToInt(OrderLine::quantity).sum();
                            return accounts.reserve(id, units);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsRunningTotalInLoopOfMetaAnnotatedController() {
            tester().java("com/acme/web/ApiController.java", """
                    package com.acme.web;

                    import java.lang.annotation.ElementType;
                    import java.lang.annotation.Retention;
                    import java.lang.annotation.RetentionPolicy;
                    import java.lang.annotation.Target;
                    import org.springframework.web.bind.annotation.RestController;

                    @Target(ElementType.TYPE)
                    @Retention(RetentionPolicy.RUNTIME)
                    @RestController
                    public @interface ApiController {}
                    """).java("com/acme/web/QuoteController.java", """
                    package com.acme.web;

                    import com.acme.quotes.QuoteLine;
                    import com.acme.quotes.QuoteRequest;
                    import com.acme.quotes.QuoteResponse;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;

                    @ApiController
                    public class QuoteController {

                        @PostMapping("/quotes")
                        // violation: handler `quote` computes `subtotal += line.unitPrice() * line.qty()` on domain values
                        public QuoteResponse quote(@RequestBody QuoteRequest request) {
                            double subtotal = 0;
                            for (QuoteLine line : request.lines()) {
                                subtotal += line.unitPrice() * line.qty();
                            }
                            return new QuoteResponse(request.customerId(), subtotal);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsBranchOnStockInsideLoop() {
            tester().java("com/acme/web/ReservationController.java", """
                    package com.acme.web;

                    import com.acme.inventory.InventoryService;
                    import com.acme.inventory.ReservationRequest;
                    import com.acme.inventory.ReservationRequest.Line;
                    import org.springframework.http.HttpStatus;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;
                    import org.springframework.web.server.ResponseStatusException;

                    @RestController
                    public class ReservationController {
                        private final InventoryService inventory;

                        public ReservationController(InventoryService inventory) {
                            this.inventory = inventory;
                        }

                        @PostMapping("/reservations")
                        // violation: handler `reserve` branches on `inventory.available(line.sku()) < line.quantity()` inside a loop; move the logic into a service or the domain model
                        public void reserve(@RequestBody ReservationRequest request) {
                            request.lines().forEach(line -> {
                                if (inventory.available(line.sku()) < line.quantity()) {
                                    throw new ResponseStatusException(HttpStatus.CONFLICT, "out of stock: " + line.sku());
                                }
                            });
                            inventory.reserve(request);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsComplexImportHandler() {
            tester().java("com/acme/web/CustomerImportController.java", """
                    package com.acme.web;

                    import com.acme.customers.CustomerRow;
                    import com.acme.customers.CustomerService;
                    import com.acme.customers.DuplicateCustomerException;
                    import com.acme.customers.ImportResult;
                    import java.util.ArrayList;
                    import java.util.List;
                    import java.util.Set;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class CustomerImportController {
                        private static final Set<String> SUPPORTED = Set.of("DE", "FR", "NL");
                        private final CustomerService customers;

                        public CustomerImportController(CustomerService customers) {
                            this.customers = customers;
                        }

                        @PostMapping("/customers/import")
                        // violation: handler `importCustomers` has cognitive complexity 13 (limit 8); move the logic into a service
                        public ImportResult importCustomers(@RequestBody List<CustomerRow> rows) {
                            int imported = 0;
                            List<String> errors = new ArrayList<>();
                            for (CustomerRow row : rows) {
                                if (row.email() == null || row.email().isBlank()) {
                                    errors.add("missing email: " + row.name());
                                    continue;
                                }
                                if (row.country() != null && !SUPPORTED.contains(row.country())) {
                                    errors.add("unsupported country: " + row.country());
                                    continue;
                                }
                                try {
                                    customers.register(row.name(), row.email(), row.country());
                                    imported++;
                                } catch (DuplicateCustomerException e) {
                                    if (row.overwrite()) {
                                        customers.update(row.name(), row.email(), row.country());
                                        imported++;
                                    } else {
                                        errors.add("duplicate: " + row.email());
                                    }
                                }
                            }
                            return new ImportResult(imported, errors);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsLongHandlerInJaxRsResource() {
            tester().java("com/acme/customers/CustomerResource.java", """
                    package com.acme.customers;

                    import jakarta.inject.Inject;
                    import jakarta.ws.rs.GET;
                    import jakarta.ws.rs.Path;
                    import jakarta.ws.rs.PathParam;

                    @Path("/customers")
                    public class CustomerResource {
                        @Inject
                        CustomerService customers;

                        @GET
                        @Path("/{id}/summary")
                        // violation: handler `summary` has 27 statements (limit 25); move the logic into a service
                        public SummaryDto summary(@PathParam("id") long id) {
                            Customer customer = customers.find(id);
                            SummaryDto dto = new SummaryDto();
                            dto.setId(customer.getId());
                            dto.setName(customer.getName());
                            dto.setEmail(customer.getEmail());
                            dto.setPhone(customer.getPhone());
                            dto.setStreet(customer.getStreet());
                            dto.setCity(customer.getCity());
                            dto.setZip(customer.getZip());
                            dto.setCountry(customer.getCountry());
                            dto.setSegment(customer.getSegment());
                            dto.setCreatedAt(customer.getCreatedAt());
                            dto.setUpdatedAt(customer.getUpdatedAt());
                            dto.setLastLogin(customer.getLastLogin());
                            dto.setLocale(customer.getLocale());
                            dto.setTimezone(customer.getTimezone());
                            dto.setNewsletter(customer.isNewsletter());
                            dto.setVerified(customer.isVerified());
                            dto.setNotes(customer.getNotes());
                            dto.setReferrer(customer.getReferrer());
                            dto.setManager(customer.getManager());
                            dto.setTags(customer.getTags());
                            dto.setAvatarUrl(customer.getAvatarUrl());
                            dto.setWebsite(customer.getWebsite());
                            dto.setCompany(customer.getCompany());
                            dto.setVatId(customer.getVatId());
                            return dto;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsEveryReasonInOneFindingPerHandler() {
            List<Finding> findings = tester().java("com/acme/web/PricingController.java", """
                    package com.acme.web;

                    import com.acme.pricing.PriceRequest;
                    import com.acme.pricing.PriceResponse;
                    import com.acme.pricing.Product;
                    import com.acme.pricing.ProductCatalog;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class PricingController {
                        private final ProductCatalog catalog;

                        PricingController(ProductCatalog catalog) {
                            this.catalog = catalog;
                        }

                        @PostMapping("/prices")
                        public PriceResponse price(@RequestBody PriceRequest request) {
                            Product product = catalog.find(request.sku());
                            double price = product.listPrice();
                            if (request.customerType() == null) {
                                return new PriceResponse(price);
                            }
                            if (request.customerType().equals("VIP")) {
                                if (request.coupon() != null && !request.coupon().isBlank()) {
                                    price = price * 0.8;
                                } else {
                                    price = price * 0.9;
                                }
                            } else if (request.customerType().equals("EMPLOYEE")) {
                                price = request.region() == null ? price * 0.5 : price * 0.6;
                            }
                            return new PriceResponse(price);
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file()).isEqualTo("src/main/java/com/acme/web/PricingController.java");
            assertThat(findings.get(0).line()).isEqualTo(20);
            assertThat(findings.get(0).symbol()).isEqualTo("com.acme.web.PricingController#price");
            assertThat(findings.get(0).message()).isEqualTo("handler `price` computes `price * 0.8` on domain values "
                    + "and has cognitive complexity 9 (limit 8); move the logic into a service or the domain model");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresThinControllerThatMapsEntitiesToDtos() {
            tester().java("com/acme/web/OrderController.java", """
                    package com.acme.web;

                    import com.acme.orders.Order;
                    import com.acme.orders.OrderDto;
                    import com.acme.orders.OrderNotFoundException;
                    import com.acme.orders.OrderService;
                    import java.util.ArrayList;
                    import java.util.List;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.RequestMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @RequestMapping("/orders")
                    public class OrderController {
                        private final OrderService orders;

                        public OrderController(OrderService orders) {
                            this.orders = orders;
                        }

                        @GetMapping
                        public List<OrderDto> list() {
                            return orders.findRecent().stream().map(OrderDto::from).toList();
                        }

                        @GetMapping("/open")
                        public List<OrderDto> open() {
                            List<OrderDto> result = new ArrayList<>();
                            for (Order order : orders.findOpen()) {
                                result.add(new OrderDto(order.getId(), order.getCustomer(), order.getTotal(), order.getQuantity()));
                            }
                            return result;
                        }

                        @GetMapping("/{id}")
                        public OrderDto one(@PathVariable long id) {
                            return orders.find(id).map(OrderDto::from).orElseThrow(() -> new OrderNotFoundException(id));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresStringConcatenationOfDomainValues() {
            tester().java("com/acme/web/GreetingController.java", """
                    package com.acme.web;

                    import com.acme.orders.Order;
                    import com.acme.orders.OrderService;
                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Get;

                    @Controller("/greetings")
                    public class GreetingController {
                        private final OrderService orders;

                        GreetingController(OrderService orders) {
                            this.orders = orders;
                        }

                        @Get("/{name}")
                        public String hello(String name) {
                            return "Hello " + name;
                        }

                        @Get("/orders/{id}/summary")
                        public String summary(long id) {
                            Order order = orders.find(id);
                            String text = "Order " + order.getNumber() + ": " + order.getQuantity() + " items, total "
                                    + order.getTotal() + " " + order.getCurrency();
                            text += " incl. tax " + order.getTax();
                            return text;
                        }

                        @Get("/orders/{id}/label")
                        public String label(long id) {
                            Order order = orders.find(id);
                            return order.getCurrencySymbol() + order.getTotal();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresPagingAndIndexArithmetic() {
            tester().java("com/acme/web/ProductController.java", """
                    package com.acme.web;

                    import com.acme.products.PageDto;
                    import com.acme.products.Product;
                    import com.acme.products.ProductService;
                    import java.util.List;
                    import org.springframework.data.domain.Page;
                    import org.springframework.data.domain.PageRequest;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RequestParam;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class ProductController {
                        private final ProductService products;

                        public ProductController(ProductService products) {
                            this.products = products;
                        }

                        @GetMapping("/products")
                        public PageDto<Product> list(@RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "20") int size) {
                            Page<Product> result = products.find(PageRequest.of(page, size));
                            int offset = page * size;
                            int lastPage = (int) Math.ceil((double) result.getTotalElements() / size) - 1;
                            Integer next = page + 1 < result.getTotalPages() ? page + 1 : null;
                            return new PageDto<>(result.getContent(), offset, next, lastPage);
                        }

                        @GetMapping("/products/top")
                        public List<Product> top(@RequestParam(defaultValue = "10") int limit) {
                            List<Product> all = products.bestSellers();
                            return all.subList(0, Math.min(limit, all.size() - 1));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresNullChecksAndCollectionAddsOfDomainValues() {
            tester().java("com/acme/orders/OrderResource.java", """
                    package com.acme.orders;

                    import jakarta.inject.Inject;
                    import jakarta.ws.rs.GET;
                    import jakarta.ws.rs.NotFoundException;
                    import jakarta.ws.rs.Path;
                    import jakarta.ws.rs.PathParam;
                    import java.math.BigDecimal;
                    import java.util.ArrayList;
                    import java.util.List;

                    @Path("/orders")
                    public class OrderResource {
                        @Inject
                        OrderService orders;

                        @GET
                        @Path("/{id}/prices")
                        public List<BigDecimal> prices(@PathParam("id") long id) {
                            Order order = orders.find(id).orElseThrow(() -> new NotFoundException("order " + id));
                            List<BigDecimal> prices = new ArrayList<>();
                            for (OrderLine line : order.getLines()) {
                                if (line.getPrice() == null) {
                                    continue;
                                }
                                prices.add(line.getPrice());
                            }
                            return prices;
                        }

                        @GET
                        @Path("/{id}/lines")
                        public List<LineDto> lines(@PathParam("id") long id) {
                            List<LineDto> result = new ArrayList<>();
                            orders.find(id).orElseThrow().getLines().forEach(line -> {
                                if (line.getDiscount() != null) {
                                    result.add(new LineDto(line.getSku(), line.getPrice(), line.getDiscount()));
                                } else {
                                    result.add(new LineDto(line.getSku(), line.getPrice(), BigDecimal.ZERO));
                                }
                            });
                            return result;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresValidationOutsideLoopsAtTheComplexityLimit() {
            tester().java("com/acme/web/TransferController.java", """
                    package com.acme.web;

                    import com.acme.transfers.TransferRequest;
                    import com.acme.transfers.TransferService;
                    import org.springframework.http.ResponseEntity;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class TransferController {
                        private final TransferService transfers;

                        public TransferController(TransferService transfers) {
                            this.transfers = transfers;
                        }

                        @PostMapping("/transfers")
                        public ResponseEntity<Void> transfer(@RequestBody TransferRequest request) {
                            if (request.amount() == null || request.amount().signum() <= 0) {
                                return ResponseEntity.badRequest().build();
                            }
                            if (request.from().equals(request.to()) || request.currency() == null) {
                                return ResponseEntity.unprocessableEntity().build();
                            }
                            try {
                                transfers.transfer(request.from(), request.to(), request.amount());
                            } catch (IllegalStateException e) {
                                if (e.getMessage() != null && e.getMessage().contains("frozen")) {
                                    return ResponseEntity.status(423).build();
                                }
                                return ResponseEntity.status(409).build();
                            }
                            return ResponseEntity.accepted().build();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresHandlerAtTheStatementLimit() {
            tester().java("com/acme/customers/CustomerController.java", """
                    package com.acme.customers;

                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Get;

                    @Controller("/customers")
                    public class CustomerController {
                        private final CustomerService customers;

                        CustomerController(CustomerService customers) {
                            this.customers = customers;
                        }

                        @Get("/{id}/summary")
                        public SummaryDto summary(long id) {
                            Customer customer = customers.find(id);
                            SummaryDto dto = new SummaryDto();
                            dto.setId(customer.getId());
                            dto.setName(customer.getName());
                            dto.setEmail(customer.getEmail());
                            dto.setPhone(customer.getPhone());
                            dto.setStreet(customer.getStreet());
                            dto.setCity(customer.getCity());
                            dto.setZip(customer.getZip());
                            dto.setCountry(customer.getCountry());
                            dto.setSegment(customer.getSegment());
                            dto.setCreatedAt(customer.getCreatedAt());
                            dto.setUpdatedAt(customer.getUpdatedAt());
                            dto.setLastLogin(customer.getLastLogin());
                            dto.setLocale(customer.getLocale());
                            dto.setTimezone(customer.getTimezone());
                            dto.setNewsletter(customer.isNewsletter());
                            dto.setVerified(customer.isVerified());
                            dto.setNotes(customer.getNotes());
                            dto.setReferrer(customer.getReferrer());
                            dto.setManager(customer.getManager());
                            dto.setTags(customer.getTags());
                            dto.setCompany(customer.getCompany());
                            dto.setVatId(customer.getVatId());
                            return dto;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresCalculationsInServicesAndNonControllers() {
            tester().java("com/acme/checkout/CheckoutService.java", """
                    package com.acme.checkout;

                    import java.math.BigDecimal;
                    import java.math.RoundingMode;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class CheckoutService {
                        private static final BigDecimal VAT = new BigDecimal("0.19");

                        public BigDecimal total(Cart cart) {
                            BigDecimal subtotal = BigDecimal.ZERO;
                            for (CartItem item : cart.items()) {
                                if (item.quantity() > item.stock()) {
                                    throw new OutOfStockException(item.sku());
                                }
                                subtotal = subtotal.add(item.price().multiply(BigDecimal.valueOf(item.quantity())));
                            }
                            return subtotal.add(subtotal.multiply(VAT)).setScale(2, RoundingMode.HALF_UP);
                        }
                    }
                    """).java("com/acme/web/CheckoutController.java", """
                    package com.acme.web;

                    import com.acme.checkout.Cart;
                    import com.acme.checkout.CheckoutService;
                    import java.math.BigDecimal;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class CheckoutController {
                        private final CheckoutService checkout;

                        public CheckoutController(CheckoutService checkout) {
                            this.checkout = checkout;
                        }

                        @PostMapping("/checkout/total")
                        public TotalDto total(@RequestBody Cart cart) {
                            BigDecimal total = checkout.total(cart);
                            return new TotalDto(total.toPlainString(), cart.currency());
                        }

                        record TotalDto(String total, String currency) {}
                    }
                    """).expectNoFindings();
        }
    }

    @Nested
    class Configured {

        @Test
        void raisingMaxComplexityAcceptsTheHandler() {
            RuleTester tester = tester().parameter("maxComplexity", "13")
                    .java("com/acme/web/CustomerImportController.java", IMPORT_HANDLER);
            tester.expectNoFindings();
        }

        @Test
        void theMessageNamesTheConfiguredLimit() {
            RuleTester tester = tester().parameter("maxComplexity", "12")
                    .java("com/acme/web/CustomerImportController.java", IMPORT_HANDLER);
            assertThat(tester.findings()).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo("src/main/java/com/acme/web/CustomerImportController.java");
                assertThat(f.line()).isEqualTo(24);
                assertThat(f.message()).isEqualTo("handler `importCustomers` has cognitive complexity 13 (limit 12); "
                        + "move the logic into a service");
            });
        }
    }
}
