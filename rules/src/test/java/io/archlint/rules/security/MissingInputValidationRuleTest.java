package io.archlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MissingInputValidationRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new MissingInputValidationRule());
    }

    private static final String CREATE_ORDER = """
            package com.acme.orders.api;

            import jakarta.validation.Valid;
            import jakarta.validation.constraints.NotBlank;
            import jakarta.validation.constraints.NotEmpty;
            import jakarta.validation.constraints.Positive;
            import java.util.List;

            public record CreateOrderRequest(@NotBlank String customerId, @NotEmpty List<@Valid Line> lines) {
                public record Line(@NotBlank String sku, @Positive int quantity) {}
            }
            """;

    @Nested
    class Violating {

        @Test
        void reportsSpringRequestBodyWithoutValidAtTheParameter() {
            List<Finding> findings = tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/OrderController.java", """
                            package com.acme.orders.api;

                            import org.springframework.http.ResponseEntity;
                            import org.springframework.web.bind.annotation.*;

                            @RestController
                            @RequestMapping("/orders")
                            public class OrderController {
                                private final OrderService orders;

                                public OrderController(OrderService orders) {
                                    this.orders = orders;
                                }

                                @PostMapping
                                public ResponseEntity<OrderDto> create(
                                        @RequestBody CreateOrderRequest request) {
                                    return ResponseEntity.status(201).body(orders.create(request));
                                }
                            }
                            """).findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("src/main/java/com/acme/orders/api/OrderController.java", 17, 13);
            assertThat(finding.message()).isEqualTo("`OrderController#create` binds `@RequestBody` `CreateOrderRequest "
                    + "request` without `@Valid`; annotate the parameter `@Valid` so its constraints are checked before "
                    + "the handler runs");
            assertThat(finding.symbol()).isEqualTo("com.acme.orders.api.OrderController#create");
        }

        @Test
        void reportsEveryUnvalidatedBodyOfAController() {
            tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/OrderController.java", """
                            package com.acme.orders.api;

                            import jakarta.validation.Valid;
                            import org.springframework.web.bind.annotation.PatchMapping;
                            import org.springframework.web.bind.annotation.PathVariable;
                            import org.springframework.web.bind.annotation.PostMapping;
                            import org.springframework.web.bind.annotation.PutMapping;
                            import org.springframework.web.bind.annotation.RequestBody;
                            import org.springframework.web.bind.annotation.RequestMapping;
                            import org.springframework.web.bind.annotation.RestController;
                            import reactor.core.publisher.Mono;

                            @RestController
                            @RequestMapping("/orders")
                            class OrderController {
                                record UpdateOrder(@jakarta.validation.constraints.NotBlank String note) {}

                                @PostMapping
                                OrderDto create(@Valid @RequestBody CreateOrderRequest request) {
                                    return null;
                                }

                                // violation: `OrderController#replace` binds `@RequestBody` `UpdateOrder update` without `@Valid`
                                @PutMapping("/{id}") OrderDto replace(@PathVariable long id, @RequestBody UpdateOrder update) {
                                    return null;
                                }

                                @PatchMapping("/{id}/lines")
                                OrderDto addLines(@PathVariable long id,
                                        // violation: `CreateOrderRequest.Line lines` without `@Valid`
                                        @RequestBody java.util.List<CreateOrderRequest.Line> lines) {
                                    return null;
                                }

                                @PostMapping("/async")
                                // violation: binds `@RequestBody` `CreateOrderRequest request` without `@Valid`
                                Mono<OrderDto> createAsync(@RequestBody Mono<CreateOrderRequest> request) {
                                    return null;
                                }
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsBodyInAValidatedControllerAndSaysClassLevelValidatedDoesNotCascade() {
            tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/OrderController.java", """
                            package com.acme.orders.api;

                            import jakarta.validation.constraints.NotNull;
                            import org.springframework.validation.annotation.Validated;
                            import org.springframework.web.bind.annotation.PostMapping;
                            import org.springframework.web.bind.annotation.RequestBody;
                            import org.springframework.web.bind.annotation.RestController;

                            @Validated
                            @RestController
                            class OrderController {
                                @PostMapping("/orders")
                                // violation: without `@Valid` (the class-level `@Validated` does not cascade into the body); annotate
                                OrderDto create(@RequestBody @NotNull CreateOrderRequest request) {
                                    return null;
                                }
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void asksForConstraintsWhenTheBodyTypeDeclaresNone() {
            tester().java("com/acme/billing/PaymentRequest.java", """
                    package com.acme.billing;

                    import java.math.BigDecimal;

                    public class PaymentRequest {
                        private String iban;
                        private BigDecimal amount;

                        public String getIban() { return iban; }
                        public BigDecimal getAmount() { return amount; }
                    }
                    """).java("com/acme/billing/PaymentController.java", """
                    package com.acme.billing;

                    import org.springframework.stereotype.Controller;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;

                    @Controller
                    class PaymentController {
                        @PostMapping("/payments")
                        // violation: `PaymentRequest` declares no constraints either: add constraint annotations
                        String pay(@RequestBody PaymentRequest payment) {
                            return "redirect:/payments";
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJaxRsEntityParameterOfWritingMethods() {
            tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/OrderResource.java", """
                            package com.acme.orders.api;

                            import jakarta.inject.Inject;
                            import jakarta.validation.constraints.NotNull;
                            import jakarta.ws.rs.*;
                            import jakarta.ws.rs.core.Context;
                            import jakarta.ws.rs.core.UriInfo;

                            @Path("/orders")
                            public class OrderResource {
                                @Inject
                                OrderService orders;

                                @POST
                                // violation: `OrderResource#create` binds the request entity `CreateOrderRequest request` without `@Valid`
                                public OrderDto create(@NotNull CreateOrderRequest request, @Context UriInfo uri) {
                                    return orders.create(request);
                                }

                                @PUT
                                @Path("/{id}")
                                // violation: binds the request entity `CreateOrderRequest request`
                                public OrderDto replace(@PathParam("id") long id, @HeaderParam("If-Match") String etag, CreateOrderRequest request) {
                                    return null;
                                }
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsMicronautBodyWithoutValid() {
            tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/OrderController.java", """
                            package com.acme.orders.api;

                            import io.micronaut.http.HttpResponse;
                            import io.micronaut.http.annotation.Body;
                            import io.micronaut.http.annotation.Controller;
                            import io.micronaut.http.annotation.Post;

                            @Controller("/orders")
                            public class OrderController {
                                @Post
                                // violation: `OrderController#create` binds `@Body` `CreateOrderRequest request` without `@Valid`
                                public HttpResponse<OrderDto> create(@Body CreateOrderRequest request) {
                                    return HttpResponse.created(null);
                                }
                            }
                            """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresPartialUpdatesWhoseBodyHoldsOnlyTheChangedFields() {
            // JHipster's generated `partialUpdate..` handlers: `@Valid` would refuse a body without the required fields.
            tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/OrderController.java", """
                            package com.acme.orders.api;

                            import org.springframework.web.bind.annotation.*;

                            @RestController
                            @RequestMapping("/orders")
                            public class OrderController {
                                @PatchMapping(value = "/{id}", consumes = {"application/json", "application/merge-patch+json"})
                                public String partialUpdate(@PathVariable long id, @RequestBody CreateOrderRequest changes) {
                                    return "ok";
                                }

                                @RequestMapping(value = "/{id}/lines", method = RequestMethod.PATCH)
                                public String partialUpdateLines(@PathVariable long id, @RequestBody CreateOrderRequest changes) {
                                    return "ok";
                                }
                            }
                            """)
                    .expectNoFindings();
        }

        @Test
        void ignoresBodiesWithValidValidatedOrACustomValidAnnotation() {
            tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/ValidOrder.java", """
                            package com.acme.orders.api;

                            import java.lang.annotation.Retention;
                            import java.lang.annotation.RetentionPolicy;

                            @Retention(RetentionPolicy.RUNTIME)
                            public @interface ValidOrder {}
                            """)
                    .java("com/acme/orders/api/Checked.java", """
                            package com.acme.orders.api;

                            import org.springframework.validation.annotation.Validated;

                            @Validated
                            public @interface Checked {}
                            """)
                    .java("com/acme/orders/api/OrderController.java", """
                            package com.acme.orders.api;

                            import javax.validation.Valid;
                            import org.springframework.validation.annotation.Validated;
                            import org.springframework.web.bind.annotation.*;

                            @RestController
                            @RequestMapping("/orders")
                            class OrderController {
                                @PostMapping
                                OrderDto create(@Valid @RequestBody CreateOrderRequest request) {
                                    return null;
                                }

                                @PutMapping("/{id}")
                                OrderDto replace(@PathVariable long id, @RequestBody @Validated(OnUpdate.class) CreateOrderRequest request) {
                                    return null;
                                }

                                @PostMapping("/bulk")
                                OrderDto bulk(@RequestBody @ValidOrder CreateOrderRequest request) {
                                    return null;
                                }

                                @PostMapping("/draft")
                                OrderDto draft(@Checked @RequestBody CreateOrderRequest request) {
                                    return null;
                                }

                                interface OnUpdate {}
                            }
                            """).expectNoFindings();
        }

        @Test
        void ignoresBodiesThatCannotCarryBeanConstraints() {
            tester().java("com/acme/hooks/WebhookController.java", """
                    package com.acme.hooks;

                    import com.fasterxml.jackson.databind.JsonNode;
                    import java.io.InputStream;
                    import java.util.List;
                    import java.util.Map;
                    import org.springframework.core.io.Resource;
                    import org.springframework.util.MultiValueMap;
                    import org.springframework.web.bind.annotation.*;
                    import reactor.core.publisher.Flux;
                    import org.springframework.core.io.buffer.DataBuffer;

                    @RestController
                    @RequestMapping("/hooks")
                    class WebhookController {
                        @PostMapping("/stripe")
                        void stripe(@RequestBody String payload, @RequestHeader("Stripe-Signature") String signature) {}

                        @PostMapping("/raw")
                        void raw(@RequestBody byte[] payload) {}

                        @PostMapping("/github")
                        void github(@RequestBody JsonNode event) {}

                        @PostMapping("/form")
                        void form(@RequestBody MultiValueMap<String, String> form) {}

                        @PostMapping("/attributes")
                        void attributes(@RequestBody Map<String, Object> attributes) {}

                        @PostMapping("/upload")
                        void upload(@RequestBody Resource file) {}

                        @PostMapping("/stream")
                        void stream(@RequestBody InputStream body) {}

                        @PostMapping("/tags")
                        void tags(@RequestBody List<String> tags) {}

                        @PostMapping("/chunks")
                        void chunks(@RequestBody Flux<DataBuffer> chunks) {}

                        @PostMapping("/count")
                        void count(@RequestBody Integer count) {}
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresParametersThatAreNotTheBody() {
            tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/OrderSearchController.java", """
                            package com.acme.orders.api;

                            import org.springframework.web.bind.annotation.*;

                            @RestController
                            class OrderSearchController {
                                @GetMapping("/orders")
                                java.util.List<OrderDto> search(@RequestParam String customerId, OrderFilter filter) {
                                    return java.util.List.of();
                                }

                                @PostMapping("/orders/{id}/cancel")
                                void cancel(@PathVariable long id, @RequestHeader("X-Reason") String reason) {}
                            }
                            """).expectNoFindings();
        }

        @Test
        void ignoresJaxRsMethodsWithoutAnEntityAndValidatedEntities() {
            tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/OrderResource.java", """
                            package com.acme.orders.api;

                            import jakarta.validation.Valid;
                            import jakarta.ws.rs.*;
                            import jakarta.ws.rs.container.AsyncResponse;
                            import jakarta.ws.rs.container.Suspended;
                            import jakarta.ws.rs.core.Context;
                            import jakarta.ws.rs.core.SecurityContext;

                            @Path("/orders")
                            public class OrderResource {
                                @POST
                                public OrderDto create(@Valid CreateOrderRequest request, @Context SecurityContext security) {
                                    return null;
                                }

                                @GET
                                @Path("/{id}")
                                public OrderDto one(@PathParam("id") long id, CreateOrderRequest ignoredByGet) {
                                    return null;
                                }

                                @POST
                                @Path("/{id}/cancel")
                                public void cancel(@PathParam("id") long id, @QueryParam("reason") String reason,
                                        @Suspended AsyncResponse response) {}

                                @DELETE
                                @Path("/{id}")
                                public void delete(@PathParam("id") long id) {}

                                @PUT
                                @Path("/{id}/note")
                                public void note(@PathParam("id") long id, String note) {}

                                public OrderDto notAnEndpoint(CreateOrderRequest request) {
                                    return null;
                                }
                            }
                            """).expectNoFindings();
        }

        @Test
        void ignoresRequestBodyOutsideControllersAndOnInterfaces() {
            tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/OrdersApi.java", """
                            package com.acme.orders.api;

                            import org.springframework.web.bind.annotation.PostMapping;
                            import org.springframework.web.bind.annotation.RequestBody;
                            import org.springframework.web.bind.annotation.RestController;

                            @RestController
                            public interface OrdersApi {
                                @PostMapping("/orders")
                                OrderDto create(@RequestBody CreateOrderRequest request);
                            }
                            """)
                    .java("com/acme/orders/client/OrderClient.java", """
                            package com.acme.orders.client;

                            import com.acme.orders.api.CreateOrderRequest;
                            import org.springframework.web.bind.annotation.PostMapping;
                            import org.springframework.web.bind.annotation.RequestBody;

                            public class OrderClient {
                                @PostMapping("/orders")
                                public void create(@RequestBody CreateOrderRequest request) {}
                            }
                            """).expectNoFindings();
        }

        @Test
        void ignoresSuppressedHandlers() {
            tester().java("com/acme/orders/api/CreateOrderRequest.java", CREATE_ORDER)
                    .java("com/acme/orders/api/ImportController.java", """
                            package com.acme.orders.api;

                            import jakarta.validation.Validator;
                            import org.springframework.web.bind.annotation.PostMapping;
                            import org.springframework.web.bind.annotation.RequestBody;
                            import org.springframework.web.bind.annotation.RestController;

                            @RestController
                            class ImportController {
                                private final Validator validator;

                                ImportController(Validator validator) {
                                    this.validator = validator;
                                }

                                @SuppressWarnings("archlint:missing-input-validation")
                                @PostMapping("/imports")
                                void importOrder(@RequestBody CreateOrderRequest request) {
                                    validator.validate(request);
                                }

                                @PostMapping("/imports/legacy")
                                // archlint:ignore missing-input-validation validated by the legacy mapper
                                void legacy(@RequestBody CreateOrderRequest request) {}
                            }
                            """).expectNoFindings();
        }
    }
}
