package io.archlint.rules.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StackTraceExposureRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new StackTraceExposureRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsRawMessagesOfGenericExceptionsInAControllerAdvice() {
            tester().java("com/acme/web/GlobalExceptionHandler.java", """
                    package com.acme.web;

                    import java.util.HashMap;
                    import java.util.Map;
                    import org.springframework.dao.DataAccessException;
                    import org.springframework.http.HttpStatus;
                    import org.springframework.http.ProblemDetail;
                    import org.springframework.http.ResponseEntity;
                    import org.springframework.web.bind.annotation.ExceptionHandler;
                    import org.springframework.web.bind.annotation.RestControllerAdvice;

                    @RestControllerAdvice
                    public class GlobalExceptionHandler {

                        @ExceptionHandler(Exception.class)
                        public ResponseEntity<Map<String, Object>> handle(Exception ex) {
                            Map<String, Object> body = new HashMap<>();
                            body.put("status", 500);
                            // violation: `GlobalExceptionHandler#handle` puts the raw `getMessage()` of `Exception` `ex` into the response; log it and return a standard error body
                            body.put("error", ex.getMessage());
                            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(body);
                        }

                        @ExceptionHandler(DataAccessException.class)
                        public ProblemDetail database(DataAccessException ex) {
                            // violation: the raw `getMessage()` of `DataAccessException` `ex`
                            return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsStackTracesWrittenIntoResponses() {
            tester().java("com/acme/web/ErrorAdvice.java", """
                    package com.acme.web;

                    import java.io.PrintWriter;
                    import java.io.StringWriter;
                    import java.util.Arrays;
                    import org.apache.commons.lang3.exception.ExceptionUtils;
                    import org.springframework.http.ProblemDetail;
                    import org.springframework.http.ResponseEntity;
                    import org.springframework.web.bind.annotation.ControllerAdvice;
                    import org.springframework.web.bind.annotation.ExceptionHandler;

                    @ControllerAdvice
                    class ErrorAdvice {

                        @ExceptionHandler(IllegalStateException.class)
                        ResponseEntity<String> state(IllegalStateException e) {
                            StringWriter sw = new StringWriter();
                            e.printStackTrace(new PrintWriter(sw));
                            // violation: puts the stack trace (`printStackTrace` into `sw`)
                            return ResponseEntity.internalServerError().body(sw.toString());
                        }

                        @ExceptionHandler(UnsupportedOperationException.class)
                        ProblemDetail unsupported(UnsupportedOperationException e) {
                            ProblemDetail problem = ProblemDetail.forStatus(501);
                            // violation: puts the stack trace (`ExceptionUtils.getStackTrace`)
                            problem.setProperty("trace", ExceptionUtils.getStackTrace(e));
                            // violation: puts the stack trace (`getStackTrace()`)
                            problem.setDetail(Arrays.toString(e.getStackTrace()));
                            return problem;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsCaughtExceptionMessagesReturnedByAControllerAndAJaxRsMapper() {
            tester().java("com/acme/web/ReportController.java", """
                    package com.acme.web;

                    import java.sql.SQLException;
                    import org.springframework.http.ResponseEntity;
                    import org.springframework.web.bind.annotation.GetMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class ReportController {
                        private final ReportService reports;

                        public ReportController(ReportService reports) {
                            this.reports = reports;
                        }

                        @GetMapping("/reports/daily")
                        public ResponseEntity<String> daily() {
                            try {
                                return ResponseEntity.ok(reports.daily());
                            } catch (SQLException | RuntimeException e) {
                                // violation: the raw `getMessage()` of `SQLException` `e`
                                String reason = "Report failed: " + e.getMessage();
                                return ResponseEntity.internalServerError().body(reason);
                            }
                        }

                        interface ReportService {
                            String daily() throws SQLException;
                        }
                    }
                    """).java("com/acme/web/CatchAllMapper.java", """
                    package com.acme.web;

                    import jakarta.ws.rs.core.Response;
                    import jakarta.ws.rs.ext.ExceptionMapper;
                    import jakarta.ws.rs.ext.Provider;

                    @Provider
                    public class CatchAllMapper implements ExceptionMapper<Throwable> {
                        @Override
                        public Response toResponse(Throwable exception) {
                            return Response.serverError()
                                    // violation: the raw `getMessage()` of `Throwable` `exception`
                                    .entity(new ErrorBody(500, exception.getMessage()))
                                    .build();
                        }

                        record ErrorBody(int status, String message) {}
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresMessagesOfTheApplicationsOwnAndSpecificExceptions() {
            tester().java("com/acme/orders/OrderNotFoundException.java", """
                    package com.acme.orders;

                    public class OrderNotFoundException extends RuntimeException {
                        public OrderNotFoundException(long id) {
                            super("Order " + id + " not found");
                        }
                    }
                    """).java("com/acme/web/ApiExceptionHandler.java", """
                    package com.acme.web;

                    import com.acme.orders.OrderNotFoundException;
                    import jakarta.validation.ConstraintViolationException;
                    import org.springframework.http.HttpStatus;
                    import org.springframework.http.ProblemDetail;
                    import org.springframework.web.bind.annotation.ExceptionHandler;
                    import org.springframework.web.bind.annotation.RestControllerAdvice;

                    @RestControllerAdvice
                    public class ApiExceptionHandler {

                        @ExceptionHandler(OrderNotFoundException.class)
                        public ProblemDetail notFound(OrderNotFoundException ex) {
                            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
                        }

                        @ExceptionHandler(ConstraintViolationException.class)
                        public ProblemDetail invalid(ConstraintViolationException ex) {
                            return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresGenericExceptionsThatAreLoggedOrRethrownAndAnsweredGenerically() {
            tester().java("com/acme/web/GlobalExceptionHandler.java", """
                    package com.acme.web;

                    import java.util.UUID;
                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;
                    import org.springframework.http.HttpStatus;
                    import org.springframework.http.ProblemDetail;
                    import org.springframework.web.bind.annotation.ExceptionHandler;
                    import org.springframework.web.bind.annotation.RestControllerAdvice;

                    @RestControllerAdvice
                    public class GlobalExceptionHandler {
                        private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

                        @ExceptionHandler(Exception.class)
                        public ProblemDetail unexpected(Exception ex) {
                            String errorId = UUID.randomUUID().toString();
                            log.error("Unexpected error {}: {}", errorId, ex.getMessage(), ex);
                            log.debug("Trace {}", (Object) ex.getStackTrace());
                            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                                    "Unexpected error, reference " + errorId);
                            problem.setProperty("errorId", errorId);
                            return problem;
                        }
                    }
                    """).java("com/acme/web/PaymentController.java", """
                    package com.acme.web;

                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class PaymentController {
                        @PostMapping("/payments")
                        public String pay() {
                            try {
                                return charge();
                            } catch (RuntimeException e) {
                                throw new PaymentFailedException("Payment failed: " + e.getMessage(), e);
                            }
                        }

                        private String charge() {
                            String detail = new RuntimeException("x").getMessage();
                            return detail;
                        }

                        static class PaymentFailedException extends RuntimeException {
                            PaymentFailedException(String message, Throwable cause) {
                                super(message, cause);
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresStackTracesOutsideControllersAndHandlers() {
            tester().java("com/acme/jobs/NightlyJob.java", """
                    package com.acme.jobs;

                    import java.io.PrintWriter;
                    import java.io.StringWriter;

                    public class NightlyJob {
                        public String run() {
                            try {
                                return "ok";
                            } catch (Exception e) {
                                StringWriter sw = new StringWriter();
                                e.printStackTrace(new PrintWriter(sw));
                                return sw.toString();
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresDetailedErrorsInDeveloperProfilesAndSafeValues() {
            tester().file("src/main/resources/application.properties", """
                    server.error.include-stacktrace=never
                    server.error.include-exception=false
                    server.error.include-message=always
                    """).file("src/main/resources/application-dev.yml", """
                    server:
                      error:
                        include-stacktrace: always
                        include-exception: true
                    """).file("src/main/resources/application.yml", """
                    spring:
                      application:
                        name: orders
                    ---
                    spring:
                      config:
                        activate:
                          on-profile: local
                    server:
                      error:
                        include-stacktrace: always
                    """).expectNoFindings();
        }
    }

    @Test
    void reportsStackTraceSettingsInMainAndProductionConfigAtTheirLine() {
        var findings = tester().file("src/main/resources/application.properties", """
                spring.application.name=orders
                server.error.include-stacktrace=always
                """).file("src/main/resources/application-prod.yml", """
                server:
                  port: 8080
                  error:
                    include-exception: true
                """).findings();
        assertThat(findings).hasSize(2);
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("src/main/resources/application.properties");
            assertThat(f.line()).isEqualTo(2);
            assertThat(f.message()).isEqualTo("`server.error.include-stacktrace=always` sends exception details to "
                    + "every client; set it to `never` (the default) or move it to a dev profile");
        });
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo("src/main/resources/application-prod.yml");
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.message()).contains("`server.error.include-exception=true`").contains("remove it");
        });
    }
}
