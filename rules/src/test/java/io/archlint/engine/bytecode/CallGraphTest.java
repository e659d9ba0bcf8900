package io.archlint.engine.bytecode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.Finding;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Severity;
import io.archlint.testing.RuleTester;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CallGraphTest {

    /** Library types are known by name only: their hierarchy is not on the analysis classpath. */
    private static final Set<String> MAIL_SENDER = Set.of("org.springframework.mail.MailSender",
            "org.springframework.mail.javamail.JavaMailSender");
    private static final Set<String> KAFKA = Set.of("org.springframework.kafka.core.KafkaOperations",
            "org.springframework.kafka.core.KafkaTemplate");

    /** Reports every path a search from {@code Type#method} finds, with the path as the message. */
    @RuleInfo(id = "call-graph-probe", title = "Reports call paths", category = Category.RESILIENCE,
            severity = Severity.INFO, facets = Facet.CLASSES, since = "0.1.0", reason = "test")
    static final class Probe implements Rule {
        private final String type;
        private final String method;
        private final Predicate<JavaCall<?>> target;
        private final Function<CallGraph.Search, CallGraph.Search> settings;

        Probe(String type, String method, Predicate<JavaCall<?>> target,
                Function<CallGraph.Search, CallGraph.Search> settings) {
            this.type = type;
            this.method = method;
            this.target = target;
            this.settings = settings;
        }

        @Override
        public void check(Codebase codebase, FindingCollector findings) {
            CallGraph graph = codebase.classes().callGraph();
            JavaClass owner = codebase.classes().classes().get(type);
            for (JavaCodeUnit unit : owner.getCodeUnits()) {
                if (!unit.getName().equals(method)) {
                    continue;
                }
                for (CallGraph.Path path : settings.apply(graph.from(unit)).find(target)) {
                    findings.report(codebase.sourcePathOf(owner), path.line(), 0, unit.getFullName(), path.describe(),
                            path.describe() + " " + path.calls().size() + " " + path.target().isDeclaredInLambda());
                }
            }
        }
    }

    private static Predicate<JavaCall<?>> callsTo(Set<String> owners, String name) {
        return call -> call.getName().equals(name) && owners.contains(call.getTargetOwner().getName());
    }

    private static List<Finding> paths(String type, String method, Predicate<JavaCall<?>> target,
            Function<CallGraph.Search, CallGraph.Search> settings, String... sources) {
        RuleTester tester = RuleTester.of(new Probe(type, method, target, settings)).compiled();
        for (int i = 0; i < sources.length; i += 2) {
            tester.java(sources[i], sources[i + 1]);
        }
        assertThat(tester.skipped()).isEmpty();
        return tester.findings();
    }

    private static List<Finding> paths(String type, String method, Predicate<JavaCall<?>> target, String... sources) {
        return paths(type, method, target, Function.identity(), sources);
    }

    private static final String CONTROLLER = """
            package com.acme.orders;

            import org.springframework.web.bind.annotation.PostMapping;
            import org.springframework.web.bind.annotation.RequestBody;
            import org.springframework.web.bind.annotation.RestController;

            @RestController
            public class OrderController {
                private final OrderService orders;

                public OrderController(OrderService orders) {
                    this.orders = orders;
                }

                @PostMapping("/orders")
                public String place(@RequestBody String order) {
                    String id = orders.confirm(order);
                    return id;
                }
            }
            """;

    @Nested
    class Paths {

        @Test
        void followsAControllerIntoAServiceThatSendsMail() {
            List<Finding> found = paths("com.acme.orders.OrderController", "place", callsTo(MAIL_SENDER, "send"),
                    "com/acme/orders/OrderController.java", CONTROLLER,
                    "com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.mail.SimpleMailMessage;
                    import org.springframework.mail.javamail.JavaMailSender;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class OrderService {
                        private final JavaMailSender mail;

                        public OrderService(JavaMailSender mail) {
                            this.mail = mail;
                        }

                        public String confirm(String order) {
                            SimpleMailMessage message = new SimpleMailMessage();
                            message.setText(order);
                            mail.send(message);
                            return order;
                        }
                    }
                    """);

            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.message()).isEqualTo("OrderController.place → OrderService.confirm → JavaMailSender.send");
                assertThat(f.file()).isEqualTo("src/main/java/com/acme/orders/OrderController.java");
                assertThat(f.line()).isEqualTo(17);
            });
        }

        @Test
        void followsAPrivateHelperOfTheSameClass() {
            List<Finding> found = paths("com.acme.orders.OrderEvents", "placed", callsTo(KAFKA, "send"),
                    "com/acme/orders/OrderEvents.java", """
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;

                    public class OrderEvents {
                        private final KafkaTemplate<String, String> kafka;

                        public OrderEvents(KafkaTemplate<String, String> kafka) {
                            this.kafka = kafka;
                        }

                        public void placed(String orderId) {
                            String payload = "{\\"id\\":\\"" + orderId + "\\"}";
                            publish(orderId, payload);
                        }

                        private void publish(String key, String payload) {
                            kafka.send("orders", key, payload);
                        }
                    }
                    """);

            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.message()).isEqualTo("OrderEvents.placed → OrderEvents.publish → KafkaTemplate.send");
                assertThat(f.file()).isEqualTo("src/main/java/com/acme/orders/OrderEvents.java");
                assertThat(f.line()).isEqualTo(14);
            });
        }

        @Test
        void resolvesAnInterfaceToItsOnlyImplementation() {
            List<Finding> found = paths("com.acme.orders.OrderController", "place", callsTo(MAIL_SENDER, "send"),
                    "com/acme/orders/OrderController.java", CONTROLLER,
                    "com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    public interface OrderService {
                        String confirm(String order);
                    }
                    """,
                    "com/acme/orders/MailingOrderService.java", """
                    package com.acme.orders;

                    import org.springframework.mail.MailSender;
                    import org.springframework.mail.SimpleMailMessage;

                    public class MailingOrderService implements OrderService {
                        private final MailSender mail;

                        public MailingOrderService(MailSender mail) {
                            this.mail = mail;
                        }

                        @Override
                        public String confirm(String order) {
                            mail.send(new SimpleMailMessage());
                            return order;
                        }
                    }
                    """);

            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.message()).isEqualTo("OrderController.place → MailingOrderService.confirm → MailSender.send");
                assertThat(f.file()).isEqualTo("src/main/java/com/acme/orders/OrderController.java");
                assertThat(f.line()).isEqualTo(17);
            });
        }

        @Test
        void followsEachOfAFewImplementations() {
            List<Finding> found = paths("com.acme.notify.Notifier", "notifyAll", callsTo(MAIL_SENDER, "send"),
                    "com/acme/notify/Channel.java", """
                    package com.acme.notify;

                    public interface Channel {
                        void deliver(String text);
                    }
                    """,
                    "com/acme/notify/EmailChannel.java", """
                    package com.acme.notify;

                    import org.springframework.mail.MailSender;
                    import org.springframework.mail.SimpleMailMessage;

                    public class EmailChannel implements Channel {
                        private final MailSender mail;

                        public EmailChannel(MailSender mail) {
                            this.mail = mail;
                        }

                        public void deliver(String text) {
                            mail.send(new SimpleMailMessage());
                        }
                    }
                    """,
                    "com/acme/notify/BackupEmailChannel.java", """
                    package com.acme.notify;

                    import org.springframework.mail.MailSender;
                    import org.springframework.mail.SimpleMailMessage;

                    public class BackupEmailChannel implements Channel {
                        private final MailSender mail;

                        public BackupEmailChannel(MailSender mail) {
                            this.mail = mail;
                        }

                        public void deliver(String text) {
                            mail.send(new SimpleMailMessage());
                        }
                    }
                    """,
                    "com/acme/notify/Notifier.java", """
                    package com.acme.notify;

                    public class Notifier {
                        private final Channel channel;

                        public Notifier(Channel channel) {
                            this.channel = channel;
                        }

                        public void notifyAll(String text) {
                            channel.deliver(text);
                        }
                    }
                    """);

            assertThat(found).extracting(Finding::message).containsExactly(
                    "Notifier.notifyAll → BackupEmailChannel.deliver → MailSender.send",
                    "Notifier.notifyAll → EmailChannel.deliver → MailSender.send");
            assertThat(found).extracting(Finding::line).containsOnly(11);
        }

        @Test
        void resolvesAGenericInterfaceThroughTheBridgeMethod() {
            List<Finding> found = paths("com.acme.events.Dispatcher", "dispatch", callsTo(KAFKA, "send"),
                    "com/acme/events/Handler.java", """
                    package com.acme.events;

                    public interface Handler<T> {
                        void handle(T event);
                    }
                    """,
                    "com/acme/events/OrderPlacedHandler.java", """
                    package com.acme.events;

                    import org.springframework.kafka.core.KafkaTemplate;

                    public class OrderPlacedHandler implements Handler<OrderPlaced> {
                        private final KafkaTemplate<String, OrderPlaced> kafka;

                        public OrderPlacedHandler(KafkaTemplate<String, OrderPlaced> kafka) {
                            this.kafka = kafka;
                        }

                        @Override
                        public void handle(OrderPlaced event) {
                            kafka.send("orders", event.id(), event);
                        }
                    }
                    """,
                    "com/acme/events/OrderPlaced.java", """
                    package com.acme.events;

                    public record OrderPlaced(String id) {}
                    """,
                    "com/acme/events/Dispatcher.java", """
                    package com.acme.events;

                    public class Dispatcher {
                        private final Handler<OrderPlaced> handler;

                        public Dispatcher(Handler<OrderPlaced> handler) {
                            this.handler = handler;
                        }

                        public void dispatch(OrderPlaced event) {
                            handler.handle(event);
                        }
                    }
                    """);

            assertThat(found).singleElement().satisfies(f -> {
                assertThat(f.message()).isEqualTo("Dispatcher.dispatch → OrderPlacedHandler.handle → KafkaTemplate.send");
                assertThat(f.file()).isEqualTo("src/main/java/com/acme/events/Dispatcher.java");
                assertThat(f.line()).isEqualTo(11);
            });
        }

        @Test
        void countsCallsInLambdasAndInlineAnonymousClassesAsTheMethodsOwn() {
            List<Finding> found = paths("com.acme.orders.OrderEvents", "placed", callsTo(KAFKA, "send"),
                    "com/acme/orders/OrderEvents.java", """
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;
                    import org.springframework.transaction.support.TransactionSynchronization;
                    import org.springframework.transaction.support.TransactionSynchronizationManager;

                    public class OrderEvents {
                        private final KafkaTemplate<String, String> kafka;

                        public OrderEvents(KafkaTemplate<String, String> kafka) {
                            this.kafka = kafka;
                        }

                        public void placed(String orderId) {
                            kafka.executeInTransaction(operations -> operations.send("orders", orderId));
                            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                                @Override
                                public void afterCommit() {
                                    kafka.send("orders.committed", orderId);
                                }
                            });
                        }
                    }
                    """);

            assertThat(found).extracting(Finding::message).containsExactly(
                    "OrderEvents.placed → KafkaOperations.send",
                    "OrderEvents.placed → OrderEvents$1.afterCommit → KafkaTemplate.send");
            assertThat(found).extracting(Finding::line).containsExactly(15, 16);
            assertThat(found).extracting(Finding::file).containsOnly("src/main/java/com/acme/orders/OrderEvents.java");
        }

        @Test
        void givesOnePathThroughEachCallOfTheStart() {
            List<Finding> found = paths("com.acme.orders.OrderEvents", "placedTwice", callsTo(KAFKA, "send"),
                    "com/acme/orders/OrderEvents.java", """
                    package com.acme.orders;

                    import org.springframework.kafka.core.KafkaTemplate;

                    public class OrderEvents {
                        private final KafkaTemplate<String, String> kafka;

                        public OrderEvents(KafkaTemplate<String, String> kafka) {
                            this.kafka = kafka;
                        }

                        public void placedTwice(String orderId) {
                            publish(orderId);
                            publish(orderId + "-copy");
                        }

                        private void publish(String payload) {
                            kafka.send("orders", payload);
                        }
                    }
                    """);

            assertThat(found).extracting(Finding::message).containsOnly(
                    "OrderEvents.placedTwice → OrderEvents.publish → KafkaTemplate.send");
            assertThat(found).extracting(Finding::line).containsExactly(13, 14);
            assertThat(found).extracting(Finding::file).containsOnly("src/main/java/com/acme/orders/OrderEvents.java");
        }
    }

    @Nested
    class Bounds {

        private static final String CHAIN = """
                package com.acme.chain;

                import org.springframework.kafka.core.KafkaTemplate;

                public class Chain {
                    private final KafkaTemplate<String, String> kafka;

                    public Chain(KafkaTemplate<String, String> kafka) {
                        this.kafka = kafka;
                    }

                    public void one() {
                        two();
                    }

                    void two() {
                        three();
                    }

                    void three() {
                        kafka.send("t", "v");
                    }

                    public void loop(int n) {
                        if (n > 0) {
                            ping(n - 1);
                        }
                    }

                    void ping(int n) {
                        pong(n);
                    }

                    void pong(int n) {
                        loop(n);
                    }
                }
                """;

        @Test
        void stopsAtTheDepth() {
            List<Finding> shallow = paths("com.acme.chain.Chain", "one", callsTo(KAFKA, "send"), s -> s.depth(2),
                    "com/acme/chain/Chain.java", CHAIN);
            List<Finding> deep = paths("com.acme.chain.Chain", "one", callsTo(KAFKA, "send"), s -> s.depth(3),
                    "com/acme/chain/Chain.java", CHAIN);

            assertThat(shallow).isEmpty();
            assertThat(deep).singleElement().satisfies(f -> {
                assertThat(f.message()).isEqualTo("Chain.one → Chain.two → Chain.three → KafkaTemplate.send");
                assertThat(f.file()).isEqualTo("src/main/java/com/acme/chain/Chain.java");
                assertThat(f.line()).isEqualTo(13);
            });
        }

        @Test
        void endsOnCyclesWithoutAPath() {
            List<Finding> found = paths("com.acme.chain.Chain", "loop", callsTo(KAFKA, "send"), s -> s.depth(10),
                    "com/acme/chain/Chain.java", CHAIN);

            assertThat(found).isEmpty();
        }

        @Test
        void doesNotEnterRefusedCodeUnits() {
            List<Finding> found = paths("com.acme.orders.OrderController", "place", callsTo(MAIL_SENDER, "send"),
                    s -> s.into(unit -> !unit.isAnnotatedWith("org.springframework.scheduling.annotation.Async")),
                    "com/acme/orders/OrderController.java", CONTROLLER,
                    "com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.mail.MailSender;
                    import org.springframework.mail.SimpleMailMessage;
                    import org.springframework.scheduling.annotation.Async;

                    public class OrderService {
                        private final MailSender mail;

                        public OrderService(MailSender mail) {
                            this.mail = mail;
                        }

                        @Async
                        public String confirm(String order) {
                            mail.send(new SimpleMailMessage());
                            return order;
                        }
                    }
                    """);

            assertThat(found).isEmpty();
        }

        @Test
        void skipsCallsTheSearchDoesNotGoThrough() {
            List<Finding> found = paths("com.acme.orders.OrderEvents", "placed", callsTo(KAFKA, "send"),
                    s -> s.through(call -> !call.isDeclaredInLambda()),
                    "com/acme/orders/OrderEvents.java", """
                    package com.acme.orders;

                    import java.util.concurrent.CompletableFuture;
                    import org.springframework.kafka.core.KafkaTemplate;

                    public class OrderEvents {
                        private final KafkaTemplate<String, String> kafka;

                        public OrderEvents(KafkaTemplate<String, String> kafka) {
                            this.kafka = kafka;
                        }

                        public CompletableFuture<Void> placed(String orderId) {
                            return CompletableFuture.runAsync(() -> kafka.send("orders", orderId));
                        }
                    }
                    """);

            assertThat(found).isEmpty();
        }

        @Test
        void doesNotFollowAnInterfaceWithManyImplementations() {
            StringBuilder implementations = new StringBuilder();
            String[] sources = new String[2 * (CallGraph.MAX_IMPLEMENTATIONS + 2)];
            for (int i = 0; i <= CallGraph.MAX_IMPLEMENTATIONS; i++) {
                sources[2 * i] = "com/acme/notify/Channel" + i + ".java";
                sources[2 * i + 1] = """
                        package com.acme.notify;

                        import org.springframework.mail.MailSender;
                        import org.springframework.mail.SimpleMailMessage;

                        public class Channel%d implements Channel {
                            private final MailSender mail;

                            public Channel%d(MailSender mail) {
                                this.mail = mail;
                            }

                            public void deliver(String text) {
                                mail.send(new SimpleMailMessage());
                            }
                        }
                        """.formatted(i, i);
                implementations.append(i);
            }
            sources[sources.length - 2] = "com/acme/notify/Channel.java";
            sources[sources.length - 1] = """
                    package com.acme.notify;

                    public interface Channel {
                        void deliver(String text);

                        default void deliverAll(String text) {
                            deliver(text);
                        }
                    }
                    """;

            List<Finding> found = paths("com.acme.notify.Channel", "deliverAll", callsTo(MAIL_SENDER, "send"), sources);

            assertThat(implementations).hasSize(CallGraph.MAX_IMPLEMENTATIONS + 1);
            assertThat(found).isEmpty();
        }

        @Test
        void refusesADepthBelowOne() {
            CallGraph graph = CallGraph.of(List.of());
            JavaCodeUnit unit = new ClassFileImporter().importClass(CallGraphTest.class)
                    .getMethod("callsTo", Set.class, String.class);

            assertThatThrownBy(() -> graph.from(unit).depth(0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("depth must be at least 1");
        }
    }
}
