package io.archlint.rules.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PrintStackTraceRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new PrintStackTraceRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsPrintStackTraceInCatchBlocks() {
            tester().java("com/acme/payments/PaymentListener.java", """
                    package com.acme.payments;

                    import org.springframework.kafka.annotation.KafkaListener;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class PaymentListener {

                        public record PaymentEvent(String paymentId, long cents) {}

                        private final Ledger ledger;

                        public PaymentListener(Ledger ledger) {
                            this.ledger = ledger;
                        }

                        @KafkaListener(topics = "payments")
                        public void onPayment(PaymentEvent event) {
                            try {
                                ledger.book(event);
                            } catch (LedgerException e) {
                                // violation: `PaymentListener#onPayment` prints the stack trace of `e` to standard error; log it through a logger
                                e.printStackTrace();
                            }
                        }

                        @KafkaListener(topics = "refunds")
                        public void onRefund(PaymentEvent event) {
                            try {
                                ledger.reverse(event);
                            } catch (LedgerException | IllegalStateException ex) {
                                // violation: prints the stack trace of `ex` to standard output
                                ex.printStackTrace(System.out);
                                throw new IllegalStateException(ex);
                            }
                        }

                        interface Ledger {
                            void book(PaymentEvent event) throws LedgerException;
                            void reverse(PaymentEvent event) throws LedgerException;
                        }

                        static class LedgerException extends Exception {}
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsThrowableVariablesFieldsAndCauses() {
            tester().java("com/acme/jobs/ReportJob.java", """
                    package com.acme.jobs;

                    import java.util.concurrent.CompletableFuture;
                    import java.util.concurrent.ExecutionException;
                    import java.util.concurrent.Future;

                    public class ReportJob {

                        private Throwable lastFailure;

                        public void await(Future<?> report) throws InterruptedException {
                            try {
                                report.get();
                            } catch (ExecutionException e) {
                                // violation: prints the stack trace of `e.getCause()` to standard error
                                e.getCause().printStackTrace();
                            }
                        }

                        public CompletableFuture<Void> run(CompletableFuture<Void> work) {
                            return work.whenComplete((result, error) -> {
                                if (error != null) {
                                    // violation: prints the stack trace of `error` to standard error
                                    error.printStackTrace(System.err);
                                }
                            });
                        }

                        public void dumpLastFailure() {
                            if (lastFailure != null) {
                                // violation: prints the stack trace of `this.lastFailure`
                                this.lastFailure.printStackTrace();
                            }
                        }

                        public void fail(String reason) {
                            ReportFailure failure = new ReportFailure(reason);
                            // violation: prints the stack trace of `failure`
                            failure.printStackTrace();
                        }

                        static class ReportFailure extends RuntimeException {
                            ReportFailure(String reason) { super(reason); }
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAtTheCallWithTheEnclosingMethodAsSymbol() {
            List<Finding> findings = tester().java("com/acme/mail/Mailer.java", """
                    package com.acme.mail;

                    public class Mailer {
                        public void send(Runnable smtp) {
                            try { smtp.run(); } catch (RuntimeException e) { e.printStackTrace(); }
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding.file()).isEqualTo("src/main/java/com/acme/mail/Mailer.java");
            assertThat(finding.line()).isEqualTo(5);
            assertThat(finding.column()).isEqualTo(58);
            assertThat(finding.symbol()).isEqualTo("com.acme.mail.Mailer#send");
            assertThat(finding.message()).contains("`Mailer#send` prints the stack trace of `e` to standard error");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresExceptionsLoggedThroughALogger() {
            tester().java("com/acme/payments/PaymentListener.java", """
                    package com.acme.payments;

                    import org.slf4j.Logger;
                    import org.slf4j.LoggerFactory;

                    public class PaymentListener {

                        private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);

                        public void onPayment(Runnable booking) {
                            try {
                                booking.run();
                            } catch (RuntimeException e) {
                                log.error("could not book payment", e);
                                throw e;
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresStackTracesPrintedIntoAString() {
            tester().java("com/acme/support/Traces.java", """
                    package com.acme.support;

                    import java.io.PrintWriter;
                    import java.io.StringWriter;

                    public final class Traces {

                        public static String render(Throwable error) {
                            StringWriter out = new StringWriter();
                            error.printStackTrace(new PrintWriter(out));
                            return out.toString();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresPrintStackTraceOfNonThrowableTypes() {
            tester().java("com/acme/diagnostics/ThreadDumps.java", """
                    package com.acme.diagnostics;

                    public class ThreadDumps {

                        private final StackDump lastDump = new StackDump();

                        public void dump(StackDump dump) {
                            dump.printStackTrace();
                        }

                        public void dumpLocal() {
                            var dump = new StackDump();
                            dump.printStackTrace();
                            StackDump other = lastDump;
                            other.printStackTrace();
                            this.lastDump.printStackTrace();
                        }

                        public static class StackDump {
                            public void printStackTrace() {}
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSuppressedCalls() {
            tester().java("com/acme/tools/Diagnostics.java", """
                    package com.acme.tools;

                    public class Diagnostics {

                        @SuppressWarnings("archlint:print-stack-trace")
                        public void report(Exception e) {
                            e.printStackTrace();
                        }

                        public void reportAgain(Exception e) {
                            // archlint:ignore print-stack-trace diagnostics endpoint for local debugging only
                            e.printStackTrace();
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
