package io.archlint.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MissingIdempotencyKeyRuleTest {

    private static final String CREATE_PAYMENT_REQUEST = """
            package com.acme.payments;

            import java.math.BigDecimal;

            public record CreatePaymentRequest(String accountId, BigDecimal amount, String currency) {}
            """;

    private static RuleTester tester() {
        return RuleTester.of(new MissingIdempotencyKeyRule())
                .java("com/acme/payments/CreatePaymentRequest.java", CREATE_PAYMENT_REQUEST);
    }

    @Nested
    class Violating {

        @Test
        void reportsSpringPostMappingThatCreatesPayments() {
            tester().java("com/acme/payments/PaymentController.java", """
                    package com.acme.payments;

                    import jakarta.validation.Valid;
                    import org.springframework.http.ResponseEntity;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RequestMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @RequestMapping("/payments")
                    public class PaymentController {
                        private final PaymentService payments;

                        public PaymentController(PaymentService payments) {
                            this.payments = payments;
                        }

                        @PostMapping
                        // violation: POST `/payments` handler `create` creates payments without an idempotency key; accept an `Idempotency-Key` header and return the stored result for a repeated key
                        public ResponseEntity<PaymentResponse> create(@Valid @RequestBody CreatePaymentRequest request) {
                            return ResponseEntity.status(201).body(payments.create(request));
                        }

                        @GetMapping("/{id}")
                        public PaymentResponse get(@PathVariable String id) {
                            return payments.find(id);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJaxRsPostButNotPutOnTheSameResource() {
            tester().java("com/acme/orders/OrderResource.java", """
                    package com.acme.orders;

                    import jakarta.inject.Inject;
                    import jakarta.ws.rs.POST;
                    import jakarta.ws.rs.PUT;
                    import jakarta.ws.rs.Path;
                    import jakarta.ws.rs.PathParam;
                    import jakarta.ws.rs.core.Response;

                    @Path("/api/orders")
                    public class OrderResource {
                        @Inject
                        OrderService orders;

                        @POST
                        // violation: POST `/api/orders` handler `placeOrder` creates orders without an idempotency key
                        public Response placeOrder(PlaceOrderCommand command) {
                            return Response.status(201).entity(orders.place(command)).build();
                        }

                        @PUT
                        @Path("/{id}")
                        public Response replace(@PathParam("id") long id, PlaceOrderCommand command) {
                            return Response.ok(orders.replace(id, command)).build();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsMicronautPostUnderACheckoutPath() {
            tester().java("com/acme/shop/CartController.java", """
                    package com.acme.shop;

                    import io.micronaut.http.annotation.Body;
                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Header;
                    import io.micronaut.http.annotation.Post;

                    @Controller("/carts")
                    public class CartController {
                        private final CheckoutService checkout;

                        public CartController(CheckoutService checkout) {
                            this.checkout = checkout;
                        }

                        @Post("/{cartId}/checkout")
                        // violation: POST `/carts/{cartId}/checkout` handler `submit` creates checkouts without an idempotency key
                        public Receipt submit(String cartId, @Header("X-Request-Id") String requestId, @Body CheckoutForm form) {
                            return checkout.submit(cartId, form);
                        }

                        @Post("/{cartId}/items")
                        public Cart addItem(String cartId, @Body CartItem item) {
                            return checkout.add(cartId, item);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void namesTheMostSpecificMoneyWordOfANestedResource() {
            tester().java("com/acme/orders/OrderRefundController.java", """
                    package com.acme.orders;

                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class OrderRefundController {
                        private final RefundService refunds;

                        public OrderRefundController(RefundService refunds) {
                            this.refunds = refunds;
                        }

                        @PostMapping("/orders/{orderId}/refunds")
                        // violation: POST `/orders/{orderId}/refunds` handler `create` creates refunds without an idempotency key
                        public RefundDto create(@PathVariable long orderId, @RequestBody RefundRequest request) {
                            return refunds.refund(orderId, request);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void readsThePaymentOfAPaymentIntentOrACheckoutSession() {
            tester().java("com/acme/payments/PaymentIntentController.java", """
                    package com.acme.payments;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class PaymentIntentController {
                        @PostMapping("/payment-intents")
                        // violation: POST `/payment-intents` handler `create` creates payments without an idempotency key
                        public IntentDto create(@RequestBody IntentForm form) {
                            return null;
                        }

                        @PostMapping
                        // violation: POST handler `start` creates payments without an idempotency key
                        public IntentDto start(@RequestBody IntentForm form) {
                            return null;
                        }

                        @PostMapping("/checkout-sessions")
                        // violation: POST `/checkout-sessions` handler `open` creates checkouts without an idempotency key
                        public SessionDto open(@RequestBody SessionForm form) {
                            return null;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAMethodLessRequestMappingThatReadsABody() {
            tester().java("com/acme/billing/BillingController.java", """
                    package com.acme.billing;

                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RequestMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class BillingController {
                        private final InvoiceService invoices;

                        public BillingController(InvoiceService invoices) {
                            this.invoices = invoices;
                        }

                        @RequestMapping("/invoices")
                        // violation: POST `/invoices` handler `issue` creates invoices without an idempotency key
                        public InvoiceDto issue(@RequestBody IssueInvoice command) {
                            return invoices.issue(command);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsWhenTheHeaderIsOnlySentToAPaymentProviderOrReadByAnotherController() {
            tester().java("com/acme/payments/ProviderClient.java", """
                    package com.acme.payments;

                    import org.springframework.http.HttpHeaders;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.client.RestClient;

                    @Component
                    public class ProviderClient {
                        private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
                        private final RestClient client;

                        public ProviderClient(RestClient client) {
                            this.client = client;
                        }

                        public ChargeResult charge(ChargeCommand command) {
                            return client.post().uri("/v1/charges")
                                    .header(IDEMPOTENCY_KEY, command.reference())
                                    .headers(h -> h.set("Idempotency-Key", command.reference()))
                                    .body(command)
                                    .retrieve()
                                    .body(ChargeResult.class);
                        }
                    }
                    """).java("com/acme/payments/TransferController.java", """
                    package com.acme.payments;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RequestHeader;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class TransferController {
                        private final TransferService transfers;

                        public TransferController(TransferService transfers) {
                            this.transfers = transfers;
                        }

                        @PostMapping("/transfers")
                        public TransferDto create(@RequestHeader("Idempotency-Key") String key, @RequestBody TransferRequest request) {
                            return transfers.create(key, request);
                        }

                        @PostMapping("/transfers/batch")
                        // violation: POST `/transfers/batch` handler `createBatch` creates transfers without an idempotency key
                        public BatchDto createBatch(@RequestBody BatchRequest request) {
                            return transfers.createBatch(request);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsOneFindingPerHandlerAtItsName() {
            var findings = tester().java("com/acme/booking/BookingController.java", """
                    package com.acme.booking;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class BookingController {
                        @PostMapping("/bookings")
                        public BookingDto book(@RequestBody BookingRequest request) {
                            return null;
                        }

                        @PostMapping("/reservations")
                        public ReservationDto reserve(@RequestBody ReservationRequest request) {
                            return null;
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(2);
            assertThat(findings).extracting(f -> f.file() + ":" + f.line() + ":" + f.column())
                    .containsExactly("src/main/java/com/acme/booking/BookingController.java:10:23",
                            "src/main/java/com/acme/booking/BookingController.java:15:27");
            assertThat(findings.get(0).message()).contains("handler `book` creates bookings");
            assertThat(findings.get(1).message()).contains("handler `reserve` creates reservations");
            assertThat(findings).extracting(f -> f.symbol())
                    .containsExactly("com.acme.booking.BookingController#book", "com.acme.booking.BookingController#reserve");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresSpringHandlerWithAnIdempotencyKeyHeader() {
            tester().java("com/acme/payments/PaymentController.java", """
                    package com.acme.payments;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RequestHeader;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class PaymentController {
                        private final PaymentService payments;

                        public PaymentController(PaymentService payments) {
                            this.payments = payments;
                        }

                        @PostMapping("/payments")
                        public PaymentResponse create(@RequestHeader(name = "idempotency-key") String key,
                                @RequestBody CreatePaymentRequest request) {
                            return payments.create(key, request);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresJaxRsHeaderParamNamedThroughAConstantOfAnotherClass() {
            tester().java("com/acme/web/Headers.java", """
                    package com.acme.web;

                    public final class Headers {
                        public static final String REQUEST_KEY = "Idempotency-Key";

                        private Headers() {}
                    }
                    """).java("com/acme/orders/OrderResource.java", """
                    package com.acme.orders;

                    import com.acme.web.Headers;
                    import jakarta.ws.rs.HeaderParam;
                    import jakarta.ws.rs.POST;
                    import jakarta.ws.rs.Path;

                    @Path("/orders")
                    public class OrderResource {
                        private final OrderService orders;

                        public OrderResource(OrderService orders) {
                            this.orders = orders;
                        }

                        @POST
                        public OrderDto place(@HeaderParam(Headers.REQUEST_KEY) String key, PlaceOrder command) {
                            return orders.place(key, command);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresMicronautHandlerWithAnXIdempotencyKeyHeaderAndAnnotatedHandlers() {
            tester().java("com/acme/shop/CheckoutController.java", """
                    package com.acme.shop;

                    import com.acme.idempotency.Idempotent;
                    import io.micronaut.http.annotation.Body;
                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Header;
                    import io.micronaut.http.annotation.Post;

                    @Controller("/checkout")
                    public class CheckoutController {
                        private final CheckoutService checkout;

                        public CheckoutController(CheckoutService checkout) {
                            this.checkout = checkout;
                        }

                        @Post
                        public Receipt submit(@Header("X-Idempotency-Key") String key, @Body CheckoutForm form) {
                            return checkout.submit(key, form);
                        }

                        @Post("/express")
                        @Idempotent
                        public Receipt express(@Body CheckoutForm form) {
                            return checkout.express(form);
                        }
                    }
                    """).java("com/acme/billing/SubscriptionController.java", """
                    package com.acme.billing;

                    import com.acme.idempotency.Idempotent;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @Idempotent
                    @RestController
                    public class SubscriptionController {
                        @PostMapping("/subscriptions")
                        public SubscriptionDto subscribe(@RequestBody SubscribeRequest request) {
                            return null;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresHandlerThatReadsTheHeaderFromTheRequestOrCarriesTheKeyInItsBody() {
            tester().java("com/acme/payments/ChargeController.java", """
                    package com.acme.payments;

                    import jakarta.servlet.http.HttpServletRequest;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class ChargeController {
                        private final ChargeService charges;

                        public ChargeController(ChargeService charges) {
                            this.charges = charges;
                        }

                        @PostMapping("/charges")
                        public ChargeDto charge(HttpServletRequest http, @RequestBody ChargeRequest request) {
                            return charges.charge(http.getHeader("Idempotency-Key"), request);
                        }

                        @PostMapping("/payouts/transfers")
                        public ChargeDto transfer(@RequestBody TransferCommand command) {
                            return charges.transfer(command);
                        }
                    }
                    """).java("com/acme/payments/TransferCommand.java", """
                    package com.acme.payments;

                    import java.math.BigDecimal;

                    public record TransferCommand(String clientIdempotencyKey, String toAccount, BigDecimal amount) {}
                    """).expectNoFindings();
        }

        @Test
        void ignoresEveryHandlerWhenAServletFilterReadsTheHeader() {
            tester().java("com/acme/web/IdempotencyFilter.java", """
                    package com.acme.web;

                    import jakarta.servlet.FilterChain;
                    import jakarta.servlet.http.HttpServletRequest;
                    import jakarta.servlet.http.HttpServletResponse;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.filter.OncePerRequestFilter;

                    @Component
                    public class IdempotencyFilter extends OncePerRequestFilter {
                        static final String HEADER = "Idempotency-Key";
                        private final StoredResponses stored;

                        public IdempotencyFilter(StoredResponses stored) {
                            this.stored = stored;
                        }

                        @Override
                        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
                            String key = request.getHeader(HEADER);
                            if (key != null && stored.replay(key, response)) {
                                return;
                            }
                            chain.doFilter(request, response);
                        }
                    }
                    """).java("com/acme/payments/PaymentController.java", """
                    package com.acme.payments;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class PaymentController {
                        @PostMapping("/payments")
                        public PaymentResponse create(@RequestBody CreatePaymentRequest request) {
                            return null;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresEveryHandlerWhenAJaxRsRequestFilterReadsTheHeader() {
            tester().java("com/acme/web/IdempotencyKeyFilter.java", """
                    package com.acme.web;

                    import jakarta.ws.rs.container.ContainerRequestContext;
                    import jakarta.ws.rs.container.ContainerRequestFilter;
                    import jakarta.ws.rs.ext.Provider;

                    @Provider
                    public class IdempotencyKeyFilter implements ContainerRequestFilter {
                        @Override
                        public void filter(ContainerRequestContext context) {
                            String key = context.getHeaderString("idempotency-key");
                            if (key == null && "POST".equals(context.getMethod())) {
                                context.abortWith(jakarta.ws.rs.core.Response.status(400).build());
                            }
                        }
                    }
                    """).java("com/acme/orders/OrderResource.java", """
                    package com.acme.orders;

                    import jakarta.ws.rs.POST;
                    import jakarta.ws.rs.Path;

                    @Path("/orders")
                    public class OrderResource {
                        @POST
                        public OrderDto place(PlaceOrder command) {
                            return null;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresIdempotentMethodsAndMethodLessMappingsWithoutABody() {
            tester().java("com/acme/orders/OrderController.java", """
                    package com.acme.orders;

                    import org.springframework.web.bind.annotation.DeleteMapping;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.PatchMapping;
                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.PutMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RequestMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @RequestMapping("/orders")
                    public class OrderController {
                        @GetMapping
                        public java.util.List<OrderDto> list() {
                            return java.util.List.of();
                        }

                        @PutMapping("/{id}")
                        public OrderDto replace(@PathVariable long id, @RequestBody OrderDto order) {
                            return order;
                        }

                        @PatchMapping("/{id}")
                        public OrderDto patch(@PathVariable long id, @RequestBody OrderPatch patch) {
                            return null;
                        }

                        @DeleteMapping("/{id}")
                        public void delete(@PathVariable long id) {
                        }

                        @RequestMapping("/{id}/summary")
                        public OrderSummary summary(@PathVariable long id) {
                            return null;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresPostedSearchesValidationsCancellationsAndWebhooks() {
            tester().java("com/acme/orders/OrderQueryController.java", """
                    package com.acme.orders;

                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RequestMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @RequestMapping("/orders")
                    public class OrderQueryController {
                        @PostMapping("/search")
                        public java.util.List<OrderDto> byCriteria(@RequestBody OrderCriteria criteria) {
                            return java.util.List.of();
                        }

                        @PostMapping("/{id}/cancel")
                        public OrderDto cancel(@PathVariable long id) {
                            return null;
                        }

                        @PostMapping("/price")
                        public Quote calculatePrice(@RequestBody OrderDto order) {
                            return null;
                        }
                    }
                    """).java("com/acme/payments/StripeWebhookController.java", """
                    package com.acme.payments;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class StripeWebhookController {
                        @PostMapping("/webhooks/stripe/payments")
                        public void onPaymentEvent(@RequestBody String payload) {
                        }

                        // Regression (linlinjava/litemall): a payment provider's asynchronous notification.
                        @PostMapping("/orders/pay-notify")
                        public Object payNotify(@RequestBody String body) {
                            return null;
                        }
                    }
                    """).expectNoFindings();
        }

        /** Regression: macrozheng/mall reported updates of an order's note and settings as "creates orders". */
        @Test
        void ignoresUpdatesAndControllersOfThingsThatOnlyBelongToOrders() {
            tester().java("com/acme/orders/OmsOrderController.java", """
                    package com.acme.orders;

                    import org.springframework.web.bind.annotation.PathVariable;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RequestMapping;
                    import org.springframework.web.bind.annotation.RequestMethod;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @RequestMapping("/order")
                    public class OmsOrderController {
                        @RequestMapping(value = "/update/delivery", method = RequestMethod.POST)
                        public int delivery(@RequestBody java.util.List<DeliveryParam> deliveryParamList) {
                            return 1;
                        }

                        @RequestMapping(value = "/update/note", method = RequestMethod.POST)
                        public int updateNote(@RequestBody NoteParam note) {
                            return 1;
                        }

                        @RequestMapping(value = "/{id}/status", method = RequestMethod.POST)
                        public int setStatus(@PathVariable long id, @RequestBody StatusParam status) {
                            return 1;
                        }
                    }
                    """).java("com/acme/orders/OmsOrderSettingController.java", """
                    package com.acme.orders;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class OmsOrderSettingController {
                        @PostMapping("/orderSetting")
                        public int create(@RequestBody OrderSetting setting) {
                            return 1;
                        }
                    }
                    """).java("com/acme/orders/OmsOrderReturnReasonController.java", """
                    package com.acme.orders;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class OmsOrderReturnReasonController {
                        @PostMapping("/returnReason/create")
                        public int create(@RequestBody ReturnReason reason) {
                            return 1;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresWordsThatOnlyContainAMoneyWord() {
            tester().java("com/acme/ui/DisplayController.java", """
                    package com.acme.ui;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class DisplayController {
                        @PostMapping("/displays")
                        public DisplayDto createDisplay(@RequestBody DisplayPayload payload) {
                            return null;
                        }

                        @PostMapping("/widgets/reorder")
                        public void reorderWidgets(@RequestBody java.util.List<Long> ids) {
                        }

                        @PostMapping("/lists/{listId}/sort-order")
                        public void changeSortOrder(@RequestBody SortOrder sortOrder) {
                        }

                        @PostMapping("/paypal-accounts")
                        public void linkPaypal(@RequestBody PaypalLink link) {
                        }

                        @PostMapping("/recharge-reminders")
                        public void remind(@RequestBody Reminder reminder) {
                        }
                    }
                    """).java("com/acme/users/UserController.java", """
                    package com.acme.users;

                    import io.micronaut.http.annotation.Body;
                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Post;

                    @Controller("/users")
                    public class UserController {
                        @Post
                        public UserDto register(@Body Registration registration) {
                            return null;
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
