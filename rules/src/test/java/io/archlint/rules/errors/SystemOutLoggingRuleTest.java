package io.archlint.rules.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SystemOutLoggingRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new SystemOutLoggingRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsPrintsInAService() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderService {

                        public record Order(String id, String customerId) {}

                        private final OrderRepository orders;

                        public OrderService(OrderRepository orders) {
                            this.orders = orders;
                        }

                        public Order place(String customerId) {
                            // violation: `OrderService#place` writes to `System.out`; use a logger
                            System.out.println("placing order for " + customerId);
                            Order order = orders.save(new Order(java.util.UUID.randomUUID().toString(), customerId));
                            // violation: `OrderService#place` writes to `System.out`
                            System.out.printf("order %s placed%n", order.id());
                            return order;
                        }

                        public void cancel(String id) {
                            if (!orders.existsById(id)) {
                                // violation: writes to `System.err`
                                System.err.println("no order " + id);
                                return;
                            }
                            orders.deleteById(id);
                        }

                        interface OrderRepository {
                            Order save(Order order);
                            boolean existsById(String id);
                            void deleteById(String id);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsStreamsPassedOnMethodReferencesAndStaticImports() {
            tester().java("com/acme/reports/ReportPrinter.java", """
                    package com.acme.reports;

                    import static java.lang.System.out;

                    import java.io.PrintWriter;
                    import java.util.List;
                    import java.util.Properties;
                    import org.springframework.boot.CommandLineRunner;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class ReportPrinter implements CommandLineRunner {

                        // violation: `ReportPrinter#console` writes to `System.out`
                        private final PrintWriter console = new PrintWriter(System.out, true);

                        public void print(List<String> lines, Properties settings) {
                            // violation: writes to `System.out`
                            lines.forEach(System.out::println);
                            // violation: writes to `System.err`
                            settings.list(java.lang.System.err);
                            // violation: writes to `System.out`
                            out.println("printed " + lines.size() + " lines");
                        }

                        @Override
                        public void run(String... args) {
                            // violation: `ReportPrinter#run` writes to `System.out`
                            System.out.println("report printer ready");
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsOneFindingPerStatementAtTheFirstStream() {
            List<Finding> findings = tester().java("com/acme/audit/Audit.java", """
                    package com.acme.audit;

                    public class Audit {
                        public void record(String event, boolean failed) {
                            (failed ? System.err : System.out).println(event);
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding.file()).isEqualTo("src/main/java/com/acme/audit/Audit.java");
            assertThat(finding.line()).isEqualTo(5);
            assertThat(finding.column()).isEqualTo(19);
            assertThat(finding.symbol()).isEqualTo("com.acme.audit.Audit#record");
            assertThat(finding.message()).contains("`Audit#record` writes to `System.err`");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresLoggers() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import lombok.extern.slf4j.Slf4j;
                    import org.springframework.stereotype.Service;

                    @Slf4j
                    @Service
                    public class OrderService {
                        public void place(String customerId) {
                            log.info("placing order for customer {}", customerId);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresMainMethods() {
            tester().java("com/acme/tools/Migrate.java", """
                    package com.acme.tools;

                    import java.util.List;
                    import org.springframework.boot.SpringApplication;
                    import org.springframework.boot.autoconfigure.SpringBootApplication;

                    @SpringBootApplication
                    public class Migrate {

                        public static void main(String[] args) {
                            if (args.length == 0) {
                                System.err.println("usage: migrate <version>");
                                System.exit(2);
                            }
                            List.of(args).forEach(arg -> System.out.println("target " + arg));
                            SpringApplication.run(Migrate.class, args);
                            System.out.println("done");
                        }
                    }
                    """).java("com/acme/tools/Checksum.java", """
                    package com.acme.tools;

                    public final class Checksum {
                        public static void main(String... args) {
                            System.out.println(Integer.toHexString(String.join(" ", args).hashCode()));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresPicocliCommands() {
            tester().java("com/acme/cli/ImportCommand.java", """
                    package com.acme.cli;

                    import java.util.concurrent.Callable;
                    import picocli.CommandLine;
                    import picocli.CommandLine.Command;
                    import picocli.CommandLine.Option;

                    @Command(name = "import", description = "Imports a product feed")
                    public class ImportCommand implements Callable<Integer> {

                        @Option(names = "--dry-run")
                        boolean dryRun;

                        @Override
                        public Integer call() {
                            System.out.println(dryRun ? "dry run" : "importing");
                            return 0;
                        }

                        @CommandLine.Command(name = "status")
                        static class Status implements Runnable {
                            @Override
                            public void run() {
                                System.out.println("idle");
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresOwnSystemTypesLocalOutVariablesAndPrintStackTraceTargets() {
            tester().java("com/acme/infra/System.java", """
                    package com.acme.infra;

                    public final class System {
                        public static final java.io.PrintStream out = null;
                    }
                    """).java("com/acme/infra/Health.java", """
                    package com.acme.infra;

                    import java.io.ByteArrayOutputStream;
                    import java.io.PrintStream;

                    public class Health {
                        public String render(Exception error) {
                            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                            PrintStream out = new PrintStream(buffer);
                            out.println("status: DOWN");
                            System.out.flush();
                            error.printStackTrace(java.lang.System.err);
                            return buffer.toString();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSuppressedOutput() {
            tester().java("com/acme/banner/Banner.java", """
                    package com.acme.banner;

                    public class Banner {

                        @SuppressWarnings("archlint:system-out-logging")
                        public void show() {
                            System.out.println("== ACME ==");
                        }

                        public void version() {
                            // archlint:ignore system-out-logging printed once at start-up, before logging is configured
                            System.out.println("v1");
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
