package io.archlint.rules.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.testing.RuleTester;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ThreadlocalLeakRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new ThreadlocalLeakRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsHolderSetByAFilterInAnotherClassAndNeverRemoved() {
            tester().java("com/acme/tenant/TenantContext.java", """
                    package com.acme.tenant;

                    public final class TenantContext {
                        // violation: `TenantContext.CURRENT` is a `ThreadLocal` that `TenantFilter#doFilterInternal` sets but nothing removes; call `CURRENT.remove()` in a `finally` block
                        public static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

                        private TenantContext() {}

                        public static String tenant() {
                            return CURRENT.get();
                        }
                    }
                    """).java("com/acme/tenant/TenantFilter.java", """
                    package com.acme.tenant;

                    import jakarta.servlet.FilterChain;
                    import jakarta.servlet.ServletException;
                    import jakarta.servlet.http.HttpServletRequest;
                    import jakarta.servlet.http.HttpServletResponse;
                    import java.io.IOException;
                    import org.springframework.stereotype.Component;
                    import org.springframework.web.filter.OncePerRequestFilter;

                    @Component
                    public class TenantFilter extends OncePerRequestFilter {
                        @Override
                        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws ServletException, IOException {
                            TenantContext.CURRENT.set(request.getHeader("X-Tenant-Id"));
                            chain.doFilter(request, response);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsWithInitialHolderThatIsAlsoSet() {
            tester().java("com/acme/audit/AuditTrail.java", """
                    package com.acme.audit;

                    import java.util.ArrayList;
                    import java.util.List;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class AuditTrail {
                        // violation: `AuditTrail.EVENTS` is a `ThreadLocal` that `AuditTrail#start` sets
                        private static final ThreadLocal<List<String>> EVENTS = ThreadLocal.withInitial(ArrayList::new);

                        public void start(String user) {
                            EVENTS.set(new ArrayList<>(List.of("login:" + user)));
                        }

                        public void record(String event) {
                            EVENTS.get().add(event);
                        }

                        public List<String> events() {
                            return List.copyOf(EVENTS.get());
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSpringNamedThreadLocalInstanceFieldAndStaticImport() {
            tester().java("com/acme/security/CurrentUser.java", """
                    package com.acme.security;

                    import org.springframework.core.NamedThreadLocal;

                    public final class CurrentUser {
                        // violation: `CurrentUser.USER` is a `ThreadLocal` that `UserInterceptor#preHandle` sets
                        public static final NamedThreadLocal<String> USER = new NamedThreadLocal<>("current user");

                        private CurrentUser() {}
                    }
                    """).java("com/acme/security/UserInterceptor.java", """
                    package com.acme.security;

                    import static com.acme.security.CurrentUser.USER;

                    import jakarta.servlet.http.HttpServletRequest;
                    import jakarta.servlet.http.HttpServletResponse;
                    import org.springframework.web.servlet.HandlerInterceptor;

                    public class UserInterceptor implements HandlerInterceptor {
                        @Override
                        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                            USER.set(request.getRemoteUser());
                            return true;
                        }
                    }
                    """).java("com/acme/pricing/PriceContext.java", """
                    package com.acme.pricing;

                    import java.math.BigDecimal;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class PriceContext {
                        // violation: `PriceContext.discount` is a `ThreadLocal` that `PriceContext#apply` sets
                        private final InheritableThreadLocal<BigDecimal> discount = new InheritableThreadLocal<>();

                        public void apply(BigDecimal value) {
                            this.discount.set(value);
                        }

                        public BigDecimal current() {
                            return discount.get();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAtTheFieldWithLocationAndMessage() {
            var findings = tester().java("com/acme/web/RequestIds.java", """
                    package com.acme.web;

                    public class RequestIds {
                        private static final ThreadLocal<String> ID = new ThreadLocal<>();

                        public static void bind(String id) {
                            ID.set(id);
                        }
                    }
                    """).findings();
            assertThat(findings).hasSize(1);
            assertThat(findings.get(0).file()).isEqualTo("src/main/java/com/acme/web/RequestIds.java");
            assertThat(findings.get(0).line()).isEqualTo(4);
            assertThat(findings.get(0).message()).contains("`RequestIds.ID`", "`RequestIds#bind` sets");
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresHolderRemovedInAFinallyBlockOfAnotherClass() {
            tester().java("com/acme/tenant/TenantContext.java", """
                    package com.acme.tenant;

                    public final class TenantContext {
                        public static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

                        private TenantContext() {}
                    }
                    """).java("com/acme/tenant/TenantFilter.java", """
                    package com.acme.tenant;

                    import jakarta.servlet.FilterChain;
                    import jakarta.servlet.http.HttpServletRequest;
                    import jakarta.servlet.http.HttpServletResponse;
                    import org.springframework.web.filter.OncePerRequestFilter;

                    public class TenantFilter extends OncePerRequestFilter {
                        @Override
                        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws java.io.IOException, jakarta.servlet.ServletException {
                            TenantContext.CURRENT.set(request.getHeader("X-Tenant-Id"));
                            try {
                                chain.doFilter(request, response);
                            } finally {
                                TenantContext.CURRENT.remove();
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresHolderWithAClearMethodInItsClass() {
            tester().java("com/acme/security/SecurityContextHolder.java", """
                    package com.acme.security;

                    public final class SecurityContextHolder {
                        private static final ThreadLocal<String> USER = new ThreadLocal<>();

                        private SecurityContextHolder() {}

                        public static void set(String user) {
                            USER.set(user);
                        }

                        public static String get() {
                            return USER.get();
                        }

                        public static void clear() {
                            USER.remove();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresPerThreadCacheThatIsOnlyRead() {
            tester().java("com/acme/format/Dates.java", """
                    package com.acme.format;

                    import java.text.SimpleDateFormat;
                    import java.util.Date;

                    public final class Dates {
                        private static final ThreadLocal<SimpleDateFormat> FORMAT =
                                ThreadLocal.withInitial(() -> new SimpleDateFormat("yyyy-MM-dd"));

                        private Dates() {}

                        public static String format(Date date) {
                            return FORMAT.get().format(date);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresHolderResetToNullAndHolderHandedToOtherCode() {
            tester().java("com/acme/jobs/JobContext.java", """
                    package com.acme.jobs;

                    import org.springframework.stereotype.Component;

                    @Component
                    public class JobContext {
                        private static final ThreadLocal<String> JOB = new ThreadLocal<>();
                        private static final ThreadLocal<String> TRACE = new ThreadLocal<>();

                        public void run(String job, Runnable task) {
                            JOB.set(job);
                            try {
                                task.run();
                            } finally {
                                JOB.set(null);
                            }
                        }

                        public void trace(String id) {
                            TRACE.set(id);
                        }

                        public static ThreadLocal<String> traceHolder() {
                            return TRACE;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSuppressedHolder() {
            tester().java("com/acme/web/RequestIds.java", """
                    package com.acme.web;

                    public class RequestIds {
                        @SuppressWarnings("archlint:threadlocal-leak") // overwritten at the start of every request
                        private static final ThreadLocal<String> ID = new ThreadLocal<>();

                        public static void bind(String id) {
                            ID.set(id);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresOwnTypeNamedThreadLocalAndLocalVariables() {
            tester().java("com/acme/util/ThreadLocal.java", """
                    package com.acme.util;

                    public class ThreadLocal<T> {
                        private T value;

                        public void set(T value) {
                            this.value = value;
                        }
                    }
                    """).java("com/acme/util/Holder.java", """
                    package com.acme.util;

                    public class Holder {
                        private static final ThreadLocal<String> NAME = new ThreadLocal<>();

                        public void bind(String name) {
                            NAME.set(name);
                            java.lang.ThreadLocal<String> local = new java.lang.ThreadLocal<>();
                            local.set(name);
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
