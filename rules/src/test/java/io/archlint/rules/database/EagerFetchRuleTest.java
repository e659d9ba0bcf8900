package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EagerFetchRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new EagerFetchRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsEagerOneToManyWithTheOwnerAndTheFix() {
            List<Finding> findings = tester().java("com/acme/shop/order/Order.java", """
                    package com.acme.shop.order;

                    import jakarta.persistence.CascadeType;
                    import jakarta.persistence.Entity;
                    import jakarta.persistence.FetchType;
                    import jakarta.persistence.Id;
                    import jakarta.persistence.OneToMany;
                    import java.util.ArrayList;
                    import java.util.List;

                    @Entity
                    public class Order {
                        @Id
                        private Long id;

                        @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
                        private List<OrderLine> lines = new ArrayList<>();
                    }
                    """).findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding).extracting(Finding::file, Finding::line, Finding::column)
                    .containsExactly("src/main/java/com/acme/shop/order/Order.java", 16, 5);
            assertThat(finding.message()).isEqualTo("`Order.lines` is fetched eagerly (`@OneToMany(fetch = EAGER)`): "
                    + "every query that loads `Order` loads the whole collection too; make it LAZY (the default) and "
                    + "fetch it where it is needed with `JOIN FETCH` or an `@EntityGraph`");
            assertThat(finding.symbol()).isEqualTo("com.acme.shop.order.Order#lines");
        }

        @Test
        void reportsJavaxManyToManyStaticImportsAndElementCollections() {
            tester().java("com/acme/library/Book.java", """
                    package com.acme.library;

                    import static javax.persistence.FetchType.EAGER;

                    import java.util.HashSet;
                    import java.util.Set;
                    import javax.persistence.ElementCollection;
                    import javax.persistence.Entity;
                    import javax.persistence.Id;
                    import javax.persistence.ManyToMany;
                    import lombok.Getter;
                    import lombok.Setter;

                    @Entity
                    @Getter
                    @Setter
                    public class Book {
                        @Id
                        private Long id;

                        // violation: `Book.authors` is fetched eagerly (`@ManyToMany(fetch = EAGER)`)
                        @ManyToMany(fetch = EAGER)
                        private Set<Author> authors = new HashSet<>();

                        // violation: `Book.tags` is fetched eagerly (`@ElementCollection(fetch = EAGER)`)
                        @ElementCollection(fetch = javax.persistence.FetchType.EAGER)
                        private Set<String> tags = new HashSet<>();
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAnnotatedGettersAndHibernateJoinFetchMode() {
            tester().java("com/acme/crm/Customer.java", """
                    package com.acme.crm;

                    import jakarta.persistence.*;
                    import java.util.List;
                    import org.hibernate.annotations.Fetch;
                    import org.hibernate.annotations.FetchMode;

                    @Entity
                    public class Customer {
                        private Long id;
                        private List<Address> addresses;
                        private List<Note> notes;

                        @Id
                        public Long getId() { return id; }

                        // violation: `Customer.addresses` is fetched eagerly (`@OneToMany(fetch = EAGER)`)
                        @OneToMany(fetch = FetchType.EAGER)
                        public List<Address> getAddresses() { return addresses; }

                        @OneToMany(mappedBy = "customer")
                        // violation: `Customer.notes` is fetched eagerly (`@Fetch(FetchMode.JOIN)`)
                        @Fetch(FetchMode.JOIN)
                        public List<Note> getNotes() { return notes; }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresLazyCollectionsAndEagerToOneAssociations() {
            tester().java("com/acme/shop/order/OrderLine.java", """
                    package com.acme.shop.order;

                    import jakarta.persistence.Entity;
                    import jakarta.persistence.FetchType;
                    import jakarta.persistence.Id;
                    import jakarta.persistence.ManyToOne;
                    import jakarta.persistence.OneToMany;
                    import jakarta.persistence.OneToOne;
                    import java.util.List;

                    @Entity
                    public class OrderLine {
                        @Id
                        private Long id;

                        @ManyToOne(fetch = FetchType.EAGER)
                        private Order order;

                        @OneToOne
                        private Product product;

                        @OneToMany(mappedBy = "line", fetch = FetchType.LAZY)
                        private List<Discount> discounts;

                        @OneToMany(mappedBy = "line")
                        private List<Note> notes;
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresLookalikeAnnotationsAndConstants() {
            tester().java("com/acme/graph/FetchType.java", """
                    package com.acme.graph;

                    public enum FetchType { EAGER, LAZY }
                    """).java("com/acme/graph/OneToMany.java", """
                    package com.acme.graph;

                    public @interface OneToMany {
                        FetchType fetch() default FetchType.LAZY;
                    }
                    """).java("com/acme/graph/Node.java", """
                    package com.acme.graph;

                    import java.util.List;

                    public class Node {
                        @OneToMany(fetch = FetchType.EAGER)
                        private List<Node> children;
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSuppressedMappings() {
            tester().java("com/acme/config/Setting.java", """
                    package com.acme.config;

                    import jakarta.persistence.ElementCollection;
                    import jakarta.persistence.Entity;
                    import jakarta.persistence.FetchType;
                    import jakarta.persistence.Id;
                    import java.util.Set;

                    @Entity
                    public class Setting {
                        @Id
                        private String key;

                        // archlint:ignore eager-fetch at most three values, always displayed with the setting
                        @ElementCollection(fetch = FetchType.EAGER)
                        private Set<String> allowedValues;
                    }
                    """).expectNoFindings();
        }
    }
}
