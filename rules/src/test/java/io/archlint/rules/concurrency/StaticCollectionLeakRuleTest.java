package io.archlint.rules.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StaticCollectionLeakRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new StaticCollectionLeakRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsStaticCacheFilledOnEveryCall() {
            tester().java("com/acme/fx/ExchangeRateService.java", """
                    package com.acme.fx;

                    import java.math.BigDecimal;
                    import java.util.HashMap;
                    import java.util.Map;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.stereotype.Service;

                    @Service
                    @RequiredArgsConstructor
                    public class ExchangeRateService {
                        // violation: static `Map` `RATES` in `ExchangeRateService` grows with every `computeIfAbsent` (`ExchangeRateService#rate`) and is never removed from or cleared; use a bounded cache
                        private static final Map<String, BigDecimal> RATES = new HashMap<>();

                        private final RateClient client;

                        public BigDecimal rate(String from, String to, java.time.LocalDate day) {
                            return RATES.computeIfAbsent(from + to + day, key -> client.fetch(from, to, day));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsPublicStaticListFilledFromAnotherClass() {
            tester().java("com/acme/audit/AuditLog.java", """
                    package com.acme.audit;

                    import java.util.ArrayList;
                    import java.util.List;

                    public final class AuditLog {
                        // violation: static `List` `EVENTS` in `AuditLog` grows with every `add` (`OrderService#place`)
                        public static final List<String> EVENTS = new ArrayList<>();

                        private AuditLog() {}

                        public static int count() {
                            return EVENTS.size();
                        }
                    }
                    """).java("com/acme/orders/OrderService.java", """
                    package com.acme.orders;

                    import com.acme.audit.AuditLog;
                    import org.springframework.stereotype.Service;
                    import org.springframework.transaction.annotation.Transactional;

                    @Service
                    public class OrderService {
                        @Transactional
                        public void place(String orderId) {
                            AuditLog.EVENTS.add("placed " + orderId);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsConcurrentAndSynchronizedRegistriesWithoutRemoval() {
            tester().java("com/acme/ws/NotificationHandler.java", """
                    package com.acme.ws;

                    import java.util.Collections;
                    import java.util.HashSet;
                    import java.util.Set;
                    import java.util.concurrent.ConcurrentHashMap;
                    import java.util.concurrent.ConcurrentMap;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.socket.WebSocketSession;
                    import org.springframework.web.socket.handler.TextWebSocketHandler;

                    @Component
                    public class NotificationHandler extends TextWebSocketHandler {
                        // violation: static `ConcurrentMap` `SESSIONS` in `NotificationHandler` grows with every `put` (`NotificationHandler#afterConnectionEstablished`)
                        private static final ConcurrentMap<String, WebSocketSession> SESSIONS = new ConcurrentHashMap<>();
                        // violation: static `Set` `SEEN` in `NotificationHandler` grows with every `add`
                        private static final Set<String> SEEN = Collections.synchronizedSet(new HashSet<>());

                        @Override
                        public void afterConnectionEstablished(WebSocketSession session) {
                            SESSIONS.put(session.getId(), session);
                            SEEN.add(session.getRemoteAddress().toString());
                        }

                        public int online() {
                            int open = 0;
                            for (var entry : SESSIONS.entrySet()) {
                                if (entry.getValue().isOpen()) {
                                    open++;
                                }
                            }
                            return open;
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAtTheFieldWithLocationAndMessage() {
            var findings = tester().java("com/acme/users/UserLookup.java", """
                    package com.acme.users;

                    import java.util.Map;
                    import java.util.concurrent.ConcurrentHashMap;

                    public class UserLookup {
                        private static final Map<Long, String> NAMES = new ConcurrentHashMap<>();

                        public String name(long id, UserClient client) {
                            return NAMES.computeIfAbsent(id, client::loadName);
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file()).isEqualTo("src/main/java/com/acme/users/UserLookup.java");
            assertThat(findings.get(0).line()).isEqualTo(7);
            assertThat(findings.get(0).message()).contains("`NAMES`", "`UserLookup#name`", "never removed");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresLruMapThatEvictsItsEldestEntry() {
            tester().java("com/acme/fx/RateCache.java", """
                    package com.acme.fx;

                    import java.math.BigDecimal;
                    import java.util.Collections;
                    import java.util.LinkedHashMap;
                    import java.util.Map;

                    public final class RateCache {
                        private static final int MAX = 1_000;
                        private static final Map<String, BigDecimal> RATES = Collections.synchronizedMap(
                                new LinkedHashMap<>(16, 0.75f, true) {
                                    @Override
                                    protected boolean removeEldestEntry(Map.Entry<String, BigDecimal> eldest) {
                                        return size() > MAX;
                                    }
                                });

                        public static void put(String key, BigDecimal rate) {
                            RATES.put(key, rate);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresCachesWithEvictionAndImmutableOrWeakCollections() {
            tester().java("com/acme/catalog/ProductCache.java", """
                    package com.acme.catalog;

                    import com.github.benmanes.caffeine.cache.Cache;
                    import com.github.benmanes.caffeine.cache.Caffeine;
                    import java.time.Duration;
                    import java.util.Map;
                    import java.util.WeakHashMap;

                    public class ProductCache {
                        private static final Cache<Long, String> NAMES = Caffeine.newBuilder()
                                .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();
                        private static final Map<Object, String> LABELS = new WeakHashMap<>();
                        private static final Map<String, String> ALIASES = Map.of("tv", "television");

                        public String name(long id, ProductClient client) {
                            LABELS.put(client, "client");
                            return NAMES.get(id, client::loadName);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresRegistryFilledOnceInAStaticBlock() {
            tester().java("com/acme/payments/PaymentHandlers.java", """
                    package com.acme.payments;

                    import java.util.HashMap;
                    import java.util.Map;

                    public final class PaymentHandlers {
                        private static final Map<String, String> BY_CODE = new HashMap<>();
                        private static final Map<String, String> LEGACY;

                        static {
                            register("CARD", "cardHandler");
                            register("SEPA", "sepaHandler");
                            LEGACY = new HashMap<>();
                            LEGACY.put("CC", "cardHandler");
                        }

                        private static void register(String code, String handler) {
                            BY_CODE.put(code, handler);
                        }

                        public static String handler(String code) {
                            return BY_CODE.getOrDefault(code, LEGACY.get(code));
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresCollectionsThatAreRemovedFromOrCleared() {
            tester().java("com/acme/ws/NotificationHandler.java", """
                    package com.acme.ws;

                    import java.time.Instant;
                    import java.util.ArrayList;
                    import java.util.Iterator;
                    import java.util.List;
                    import java.util.Map;
                    import java.util.concurrent.ConcurrentHashMap;
                    import org.springframework.scheduling.annotation.Scheduled;
                    import org.springframework.web.socket.CloseStatus;
                    import org.springframework.web.socket.WebSocketSession;
                    import org.springframework.web.socket.handler.TextWebSocketHandler;

                    public class NotificationHandler extends TextWebSocketHandler {
                        private static final Map<String, WebSocketSession> SESSIONS = new ConcurrentHashMap<>();
                        private static final Map<String, Instant> LAST_SEEN = new ConcurrentHashMap<>();
                        private static final List<String> PENDING = new ArrayList<>();

                        @Override
                        public void afterConnectionEstablished(WebSocketSession session) {
                            SESSIONS.put(session.getId(), session);
                            LAST_SEEN.put(session.getId(), Instant.now());
                            PENDING.add(session.getId());
                        }

                        @Override
                        public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
                            SESSIONS.remove(session.getId());
                        }

                        @Scheduled(fixedDelay = 60_000)
                        public void evictIdle() {
                            Instant limit = Instant.now().minusSeconds(600);
                            LAST_SEEN.entrySet().removeIf(e -> e.getValue().isBefore(limit));
                            for (Iterator<String> it = PENDING.iterator(); it.hasNext(); ) {
                                if (!SESSIONS.containsKey(it.next())) {
                                    it.remove();
                                }
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSizeCheckedCollectionAndFiniteKeys() {
            tester().java("com/acme/fx/Currency.java", """
                    package com.acme.fx;

                    public enum Currency { EUR, USD, GBP }
                    """).java("com/acme/fx/Rates.java", """
                    package com.acme.fx;

                    import java.math.BigDecimal;
                    import java.util.HashMap;
                    import java.util.List;
                    import java.util.Map;
                    import java.util.concurrent.CopyOnWriteArrayList;

                    public final class Rates {
                        private static final int MAX_RECENT = 100;
                        private static final Map<Currency, BigDecimal> LATEST = new HashMap<>();
                        private static final Map<Class<?>, String> CONVERTERS = new HashMap<>();
                        private static final List<BigDecimal> RECENT = new CopyOnWriteArrayList<>();

                        public static void update(Currency currency, BigDecimal rate) {
                            LATEST.put(currency, rate);
                            CONVERTERS.putIfAbsent(rate.getClass(), rate.getClass().getSimpleName());
                            if (RECENT.size() < MAX_RECENT) {
                                RECENT.add(rate);
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresInstanceFieldsCollectionsHandedOnAndSuppressedFields() {
            tester().java("com/acme/orders/OrderBuffer.java", """
                    package com.acme.orders;

                    import java.util.ArrayList;
                    import java.util.List;

                    public class OrderBuffer {
                        private final List<String> lines = new ArrayList<>();
                        private static final List<String> SHARED = new ArrayList<>();
                        @SuppressWarnings("archlint:static-collection-leak") // bounded by the product catalogue
                        private static final List<String> SKUS = new ArrayList<>();

                        public void add(String line) {
                            lines.add(line);
                            SHARED.add(line);
                            SKUS.add(line);
                        }

                        public static List<String> shared() {
                            return SHARED;
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
