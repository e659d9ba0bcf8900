package io.archlint.rules.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MutableSingletonStateRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new MutableSingletonStateRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsServiceFieldsWrittenPerRequest() {
            tester().java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class OrderService {
                        private final OrderRepository orders;
                        private Order lastOrder;
                        private int processed;

                        public OrderService(OrderRepository orders) {
                            this.orders = orders;
                        }

                        @Transactional
                        public Order place(OrderRequest request) {
                            Order order = orders.save(Order.from(request));
                            // violation: `OrderService#place` writes the field `lastOrder` of the singleton `OrderService`, which all requests share; keep per-request state in local variables
                            this.lastOrder = order;
                            // violation: `OrderService#place` updates the field `processed` of the singleton `OrderService`, which all requests share; use an `AtomicLong`, a `LongAdder` or a lock
                            processed++;
                            lastOrder = null;
                            return order;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsPlainMapMutatedInLombokService() {
            tester().java("com/acme/quotes/QuoteService.java", """
                    package com.acme.quotes;

                    import java.util.HashMap;
                    import java.util.Map;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;

                    @Service
                    @RequiredArgsConstructor
                    public class QuoteService {
                        private final QuoteClient client;
                        private final Map<String, Quote> quotes = new HashMap<>();

                        public Quote quote(String symbol) {
                            Quote cached = quotes.get(symbol);
                            if (cached != null) {
                                return cached;
                            }
                            Quote fresh = client.fetch(symbol);
                            // violation: `QuoteService#quote` calls `put` on the `HashMap` field `quotes` of the singleton `QuoteService`, which all requests share; use a concurrent collection
                            quotes.put(symbol, fresh);
                            return fresh;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsControllerListAndScheduledWrite() {
            tester().java("com/acme/web/ImportController.java", """
                    package com.acme.web;

                    import java.time.Instant;
                    import java.util.ArrayList;
                    import java.util.List;
                    import org.springframework.scheduling.annotation.Scheduled;
                    import org.springframework.web.bind.annotation.PostMapping;
                    import org.springframework.web.bind.annotation.RequestBody;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    public class ImportController {
                        private List<String> errors;
                        private Instant lastCleanup;

                        public ImportController() {
                            this.errors = new ArrayList<>();
                        }

                        @PostMapping("/imports")
                        public List<String> importRows(@RequestBody List<String> rows) {
                            for (String row : rows) {
                                if (row.isBlank()) {
                                    // violation: `ImportController#importRows` calls `add` on the `ArrayList` field `errors`
                                    errors.add("blank row");
                                }
                            }
                            return List.copyOf(errors);
                        }

                        @Scheduled(fixedDelay = 60_000)
                        public void cleanup() {
                            // violation: `ImportController#cleanup` writes the field `lastCleanup`
                            lastCleanup = Instant.now();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsVolatileCounterAndQuarkusAndCustomStereotypes() {
            tester().java("com/acme/metrics/HitCounter.java", """
                    package com.acme.metrics;

                    import jakarta.enterprise.context.ApplicationScoped;

                    @ApplicationScoped
                    public class HitCounter {
                        private volatile long hits;

                        public void hit() {
                            // violation: `HitCounter#hit` updates the volatile field `hits` of the singleton `HitCounter`, which all requests share; `volatile` does not make a read-modify-write atomic
                            hits += 1;
                        }

                        public long hits() {
                            return hits;
                        }
                    }
                    """).java("com/acme/arch/UseCase.java", """
                    package com.acme.arch;

                    import java.lang.annotation.Retention;
                    import java.lang.annotation.RetentionPolicy;
                    import org.springframework.stereotype.Service;

                    @Service
                    @Retention(RetentionPolicy.RUNTIME)
                    public @interface UseCase {}
                    """).java("com/acme/checkout/Checkout.java", """
                    package com.acme.checkout;

                    import com.acme.arch.UseCase;
                    import java.math.BigDecimal;

                    @UseCase
                    public class Checkout {
                        private BigDecimal total = BigDecimal.ZERO;

                        public BigDecimal add(BigDecimal amount) {
                            // violation: `Checkout#add` updates the field `total`
                            total = total.add(amount);
                            return total;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsOncePerFieldAtTheFirstWrite() {
            var findings = tester().java("com/acme/users/UserService.java", """
                    package com.acme.users;

                    import org.springframework.stereotype.Component;

                    @Component
                    public class UserService {
                        private String currentUser;

                        public void login(String user) {
                            currentUser = user;
                        }

                        public void logout() {
                            currentUser = null;
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file()).isEqualTo("src/main/java/com/acme/users/UserService.java");
            assertThat(findings.get(0).line()).isEqualTo(10);
            assertThat(findings.get(0).message()).contains("`UserService#login` writes the field `currentUser`");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresWritesWhileTheBeanIsBuiltOrTheApplicationStarts() {
            tester().java("com/acme/rules/RuleEngine.java", """
                    package com.acme.rules;

                    import jakarta.annotation.PostConstruct;
                    import java.util.HashMap;
                    import java.util.List;
                    import java.util.Map;
                    import org.springframework.beans.factory.InitializingBean;
                    import org.springframework.beans.factory.annotation.Value;
                    import org.springframework.boot.context.event.ApplicationReadyEvent;
                    import org.springframework.context.event.EventListener;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class RuleEngine implements InitializingBean {
                        private final RuleRepository rules;
                        private final Map<String, Rule> byName = new HashMap<>();
                        private List<Rule> active;
                        private int limit;
                        private boolean warmedUp;
                        private String region;

                        public RuleEngine(RuleRepository rules) {
                            this.rules = rules;
                        }

                        @PostConstruct
                        void load() {
                            for (Rule rule : rules.findAll()) {
                                index(rule);
                            }
                            active = List.copyOf(byName.values());
                        }

                        private void index(Rule rule) {
                            byName.put(rule.name(), rule);
                        }

                        @Value("${rules.limit:10}")
                        void setLimit(int limit) {
                            this.limit = limit;
                        }

                        @Override
                        public void afterPropertiesSet() {
                            region = System.getenv("REGION");
                        }

                        @EventListener(ApplicationReadyEvent.class)
                        public void warmUp() {
                            warmedUp = true;
                        }

                        public Rule rule(String name) {
                            return byName.get(name);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresJavaBeanSettersAndServletFilterInit() {
            tester().java("com/acme/shipping/ShippingModule.java", """
                    package com.acme.shipping;

                    import jakarta.servlet.Filter;
                    import jakarta.servlet.FilterConfig;
                    import org.springframework.stereotype.Component;

                    @Component
                    public abstract class ShippingModule implements Filter {
                        private String code;
                        private PricingService pricingService;
                        private String realm;

                        public void setCode(String code) {
                            this.code = code;
                        }

                        public void setPricingService(PricingService pricingService) {
                            this.pricingService = pricingService;
                        }

                        @Override
                        public void init(FilterConfig config) {
                            realm = config.getInitParameter("realm");
                        }

                        public String code() {
                            return code + realm + pricingService;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresThreadSafeFieldsAndInjectedFields() {
            tester().java("com/acme/stats/StatsService.java", """
                    package com.acme.stats;

                    import com.github.benmanes.caffeine.cache.Cache;
                    import com.github.benmanes.caffeine.cache.Caffeine;
                    import java.util.Collections;
                    import java.util.HashMap;
                    import java.util.Map;
                    import java.util.concurrent.ConcurrentHashMap;
                    import java.util.concurrent.atomic.AtomicLong;
                    import java.util.concurrent.atomic.LongAdder;
                    import org.springframework.beans.factory.annotation.Autowired;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class StatsService {
                        @Autowired
                        private StatsRepository repository;
                        private final AtomicLong requests = new AtomicLong();
                        private final LongAdder errors = new LongAdder();
                        private final Map<String, Long> perPath = new ConcurrentHashMap<>();
                        private final Map<String, String> labels = Collections.synchronizedMap(new HashMap<>());
                        private final Cache<String, Long> totals = Caffeine.newBuilder().maximumSize(1_000).build();

                        public void record(String path, boolean failed) {
                            requests.incrementAndGet();
                            if (failed) {
                                errors.increment();
                            }
                            perPath.merge(path, 1L, Long::sum);
                            labels.put(path, path.toUpperCase());
                            totals.put(path, repository.count(path));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresVolatileSnapshotAndWritesUnderALock() {
            tester().java("com/acme/config/FeatureFlags.java", """
                    package com.acme.config;

                    import java.util.HashMap;
                    import java.util.Map;
                    import java.util.concurrent.locks.ReentrantLock;
                    import org.springframework.scheduling.annotation.Scheduled;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class FeatureFlags {
                        private final FlagClient client;
                        private final ReentrantLock lock = new ReentrantLock();
                        private final Map<String, Boolean> overrides = new HashMap<>();
                        private volatile Map<String, Boolean> flags = Map.of();
                        private long refreshes;
                        private String lastError;

                        public FeatureFlags(FlagClient client) {
                            this.client = client;
                        }

                        @Scheduled(fixedRate = 30_000)
                        public void refresh() {
                            flags = Map.copyOf(client.fetchAll());
                            synchronized (this) {
                                refreshes++;
                            }
                        }

                        public void override(String flag, boolean value) {
                            lock.lock();
                            try {
                                overrides.put(flag, value);
                            } finally {
                                lock.unlock();
                            }
                        }

                        public synchronized void fail(String error) {
                            lastError = error;
                        }

                        public boolean enabled(String flag) {
                            return overrides.getOrDefault(flag, flags.getOrDefault(flag, false));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresBeansThatAreNotShared() {
            tester().java("com/acme/web/CartHolder.java", """
                    package com.acme.web;

                    import java.util.ArrayList;
                    import java.util.List;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.context.annotation.SessionScope;

                    @Component
                    @SessionScope
                    public class CartHolder {
                        private final List<String> items = new ArrayList<>();
                        private String coupon;

                        public void add(String item) {
                            items.add(item);
                        }

                        public void apply(String coupon) {
                            this.coupon = coupon;
                        }
                    }
                    """).java("com/acme/web/ReportBuilder.java", """
                    package com.acme.web;

                    import java.util.ArrayList;
                    import java.util.List;
                    import org.springframework.beans.factory.config.ConfigurableBeanFactory;
                    import org.springframework.context.annotation.Scope;
                    import org.springframework.stereotype.Component;

                    @Component
                    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
                    public class ReportBuilder {
                        private final List<String> lines = new ArrayList<>();

                        public ReportBuilder line(String line) {
                            lines.add(line);
                            return this;
                        }
                    }
                    """).java("com/acme/config/MailProperties.java", """
                    package com.acme.config;

                    import org.springframework.boot.context.properties.ConfigurationProperties;
                    import org.springframework.stereotype.Component;

                    @Component
                    @ConfigurationProperties(prefix = "mail")
                    public class MailProperties {
                        private String host;

                        public void setHost(String host) {
                            this.host = host;
                        }
                    }
                    """).java("com/acme/orders/OrderDraft.java", """
                    package com.acme.orders;

                    import java.util.ArrayList;
                    import java.util.List;

                    public class OrderDraft {
                        private final List<String> lines = new ArrayList<>();
                        private String note;

                        public void add(String line) {
                            lines.add(line);
                        }

                        public void note(String note) {
                            this.note = note;
                        }
                    }
                    """).java("com/acme/push/PushEndpoint.java", """
                    package com.acme.push;

                    import jakarta.websocket.OnOpen;
                    import jakarta.websocket.Session;
                    import jakarta.websocket.server.PathParam;
                    import jakarta.websocket.server.ServerEndpoint;
                    import org.springframework.stereotype.Component;

                    // Regression (elunez/eladmin): one endpoint instance per connection, even as a @Component.
                    @ServerEndpoint("/push/{sid}")
                    @Component
                    public class PushEndpoint {
                        private Session session;
                        private String sid = "";

                        @OnOpen
                        public void onOpen(Session session, @PathParam("sid") String sid) {
                            this.session = session;
                            this.sid = sid;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresReadsLocalsAndSuppressedWrites() {
            tester().java("com/acme/orders/PricingService.java", """
                    package com.acme.orders;

                    import java.math.BigDecimal;
                    import java.util.ArrayList;
                    import java.util.List;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;

                    @Service
                    @RequiredArgsConstructor
                    public class PricingService {
                        private final TaxClient taxes;
                        private final List<String> regions = List.of("EU", "US");
                        private BigDecimal margin = BigDecimal.ONE;

                        public BigDecimal price(BigDecimal net, String region) {
                            List<String> steps = new ArrayList<>();
                            BigDecimal total = net;
                            steps.add("net");
                            total = total.multiply(margin).add(taxes.tax(net, region));
                            return regions.contains(region) ? total : net;
                        }

                        public void margin(BigDecimal margin) {
                            // archlint:ignore mutable-singleton-state set by a single admin job
                            this.margin = margin;
                        }

                        private long quotes;

                        @SuppressWarnings("archlint:mutable-singleton-state") // only an estimate
                        public void count() {
                            quotes++;
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
