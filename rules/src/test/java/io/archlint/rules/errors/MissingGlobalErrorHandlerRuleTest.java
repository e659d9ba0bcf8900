package io.archlint.rules.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MissingGlobalErrorHandlerRuleTest {

    private static final String ORDER_CONTROLLER = """
            package com.acme.web;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class OrderController {
                @GetMapping("/orders")
                public String list() {
                    return "[]";
                }
            }
            """;
    private static final String CUSTOMER_CONTROLLER = """
            package com.acme.web;

            import org.springframework.web.bind.annotation.GetMapping;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            // violation: 2 controllers (`CustomerController` first) and no global error handler; add a `@RestControllerAdvice`
            public class CustomerController {
                @GetMapping("/customers")
                public String list() {
                    return "[]";
                }
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new MissingGlobalErrorHandlerRule());
    }

    /** The Spring controllers with the marker removed: the clean twin. */
    private static RuleTester springControllers() {
        return tester().java("com/acme/web/OrderController.java", ORDER_CONTROLLER)
                .java("com/acme/web/CustomerController.java",
                        CUSTOMER_CONTROLLER.replaceAll("(?m)^ *// violation.*\\n", ""));
    }

    @Nested
    class Violating {

        @Test
        void reportsWhenTheGroupsOwnModulesHaveNoHandlerEither() {
            tester().java("com/acme/web/OrderController.java", ORDER_CONTROLLER)
                    .java("com/acme/web/CustomerController.java", CUSTOMER_CONTROLLER)
                    .ownDependency("com.acme:acme-common:1.0", "com/acme/common/Money.java", """
                            package com.acme.common;

                            public record Money(long cents) {}
                            """)
                    .expectMarkedFindings();
        }

        @Test
        void reportsSpringControllersWithoutAdviceOnceAtTheFirst() {
            tester().java("com/acme/web/OrderController.java", ORDER_CONTROLLER)
                    .java("com/acme/web/CustomerController.java", CUSTOMER_CONTROLLER)
                    .java("com/acme/web/LocalHandler.java", """
                            package com.acme.web;

                            import org.springframework.web.bind.annotation.ExceptionHandler;

                            public class LocalHandler {
                                @ExceptionHandler(IllegalStateException.class)
                                public String handle() {
                                    return "error";
                                }
                            }
                            """).expectMarkedFindings();
        }

        @Test
        void reportsJaxRsResourcesWithoutExceptionMapper() {
            tester().java("com/acme/api/OrderResource.java", """
                    package com.acme.api;

                    import jakarta.ws.rs.GET;
                    import jakarta.ws.rs.Path;

                    @Path("/orders")
                    // violation: 1 controller (`OrderResource` first) and no global error handler; add a `@Provider` `ExceptionMapper<Throwable>`
                    public class OrderResource {
                        @GET
                        public String list() {
                            return "[]";
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsMicronautControllersWithOnlyALocalErrorMethod() {
            tester().java("com/acme/api/StockController.java", """
                    package com.acme.api;

                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Error;
                    import io.micronaut.http.annotation.Get;

                    @Controller("/stock")
                    // violation: add an `ExceptionHandler` bean
                    public class StockController {
                        @Get
                        public String list() {
                            return "[]";
                        }

                        @Error(exception = IllegalStateException.class)
                        public String local() {
                            return "error";
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void acceptsAnAdviceInAModuleOfTheSameGroup() {
            // mall, eladmin, litemall, RuoYi: the one advice of every web module lives in a -common or -framework module.
            springControllers()
                    .ownDependency("com.acme:acme-framework:1.0", "com/acme/framework/GlobalExceptionHandler.java", """
                            package com.acme.framework;

                            import org.springframework.web.bind.annotation.ExceptionHandler;
                            import org.springframework.web.bind.annotation.RestControllerAdvice;

                            @RestControllerAdvice
                            public class GlobalExceptionHandler {
                                @ExceptionHandler(Exception.class)
                                public String handle(Exception e) {
                                    return "error";
                                }
                            }
                            """)
                    .expectNoFindings();
        }

        @Test
        void acceptsAnExceptionMapperInAJarOfTheSameGroup() {
            tester().java("com/acme/web/OrderResource.java", """
                            package com.acme.web;

                            import jakarta.ws.rs.GET;
                            import jakarta.ws.rs.Path;

                            @Path("/orders")
                            public class OrderResource {
                                @GET
                                public String list() {
                                    return "[]";
                                }
                            }
                            """)
                    .ownDependency("com.acme:acme-rest:1.0", "com/acme/rest/Errors.java", """
                            package com.acme.rest;

                            import jakarta.ws.rs.ext.ExceptionMapper;

                            public class Errors implements ExceptionMapper<RuntimeException> {
                                @Override
                                public Object toResponse(RuntimeException exception) {
                                    return "error";
                                }
                            }
                            """)
                    .ownDependencyJars()
                    .expectNoFindings();
        }

        @Test
        void acceptsARestControllerAdvice() {
            springControllers().java("com/acme/web/ApiErrors.java", """
                    package com.acme.web;

                    import org.springframework.http.ProblemDetail;
                    import org.springframework.web.bind.annotation.ExceptionHandler;
                    import org.springframework.web.bind.annotation.RestControllerAdvice;

                    @RestControllerAdvice
                    public class ApiErrors {
                        @ExceptionHandler(Exception.class)
                        public ProblemDetail handle(Exception ex) {
                            return ProblemDetail.forStatus(500);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void acceptsAResponseEntityExceptionHandlerSubclassThroughTheModulesOwnBase() {
            springControllers().java("com/acme/web/BaseErrors.java", """
                    package com.acme.web;

                    import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

                    public abstract class BaseErrors extends ResponseEntityExceptionHandler {}
                    """).java("com/acme/web/Errors.java", """
                    package com.acme.web;

                    public class Errors extends BaseErrors {}
                    """).expectNoFindings();
        }

        @Test
        void acceptsAnErrorControllerOrHandlerExceptionResolver() {
            springControllers().java("com/acme/web/JsonErrorController.java", """
                    package com.acme.web;

                    import org.springframework.boot.web.servlet.error.ErrorController;

                    public class JsonErrorController implements ErrorController {}
                    """).expectNoFindings();
        }

        @Test
        void acceptsJaxRsMappersMicronautHandlersAndGlobalErrorMethods() {
            tester().java("com/acme/api/OrderResource.java", """
                    package com.acme.api;

                    import jakarta.ws.rs.GET;
                    import jakarta.ws.rs.Path;

                    @Path("/orders")
                    public class OrderResource {
                        @GET
                        public String list() {
                            return "[]";
                        }
                    }
                    """).java("com/acme/api/Errors.java", """
                    package com.acme.api;

                    import jakarta.ws.rs.core.Response;
                    import jakarta.ws.rs.ext.ExceptionMapper;
                    import jakarta.ws.rs.ext.Provider;

                    @Provider
                    public class Errors implements ExceptionMapper<RuntimeException> {
                        public Response toResponse(RuntimeException e) {
                            return Response.serverError().build();
                        }
                    }
                    """).expectNoFindings();
            tester().java("com/acme/api/StockController.java", """
                    package com.acme.api;

                    import io.micronaut.http.annotation.Controller;
                    import io.micronaut.http.annotation.Error;
                    import io.micronaut.http.annotation.Get;

                    @Controller("/stock")
                    public class StockController {
                        @Get
                        public String list() {
                            return "[]";
                        }

                        @Error(global = true)
                        public String any() {
                            return "error";
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresModulesWithoutControllers() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderService {
                        public String place() {
                            return "ok";
                        }
                    }
                    """).expectNoFindings();
        }
    }

    @Test
    void reportsOneFindingAtTheClassNameWithTheControllerAsSymbol() {
        var findings = tester().java("com/acme/web/OrderController.java", ORDER_CONTROLLER)
                .java("com/acme/web/CustomerController.java", CUSTOMER_CONTROLLER).findings();
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("src/main/java/com/acme/web/CustomerController.java");
            assertThat(f.line()).isEqualTo(8);
            assertThat(f.symbol()).isEqualTo("com.acme.web.CustomerController");
            assertThat(f.message()).startsWith("2 controllers (`CustomerController` first) and no global error handler");
        });
    }
}
