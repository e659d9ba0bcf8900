package io.archlint.rules.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NosqlRelationalDataRuleTest {

    private static final String ORDER = """
            package com.acme.shop.order;

            import com.acme.shop.customer.Customer;
            import java.util.List;
            import org.springframework.data.annotation.Id;
            import org.springframework.data.mongodb.core.mapping.DBRef;
            import org.springframework.data.mongodb.core.mapping.Document;
            import org.springframework.data.mongodb.core.mapping.DocumentReference;

            @Document("orders")
            public class Order {
                @Id
                private String id;

                // violation: module `fixture` links its Mongo documents in 3 places (`Order` → `Customer`, `Order` → `Product`, `Order` → `Coupon`), at least 3
                @DBRef
                private Customer customer;

                @DocumentReference(lazy = true)
                private List<Product> products;

                @DBRef
                private Coupon coupon;

                private ShippingAddress shippingAddress;
            }
            """;

    private static RuleTester tester() {
        return RuleTester.of(new NosqlRelationalDataRule());
    }

    @Nested
    class Violating {

        @Test
        void reportsOnceAtTheFirstReferenceWithTheDocumentsInvolved() {
            tester().java("com/acme/shop/order/Order.java", ORDER).expectMarkedFindings();
        }

        @Test
        void countsLookupStagesInAggregationsAndBuilders() {
            List<Finding> findings = tester().java("com/acme/shop/order/OrderRepository.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.data.mongodb.repository.Aggregation;
                    import org.springframework.data.mongodb.repository.MongoRepository;

                    public interface OrderRepository extends MongoRepository<Order, String> {

                        @Aggregation(pipeline = {
                            "{ $match: { status: ?0 } }",
                            "{ $lookup: { from: 'customers', localField: 'customerId', foreignField: '_id', as: 'customer' } }"
                        })
                        List<OrderWithCustomer> findWithCustomer(String status);
                    }
                    """).java("com/acme/shop/report/SalesReport.java", """
                    package com.acme.shop.report;

                    import static org.springframework.data.mongodb.core.aggregation.Aggregation.lookup;
                    import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;

                    import org.bson.Document;
                    import org.springframework.data.mongodb.core.MongoTemplate;
                    import org.springframework.data.mongodb.core.aggregation.Aggregation;
                    import org.springframework.data.mongodb.core.aggregation.LookupOperation;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class SalesReport {
                        private final MongoTemplate mongo;

                        public SalesReport(MongoTemplate mongo) {
                            this.mongo = mongo;
                        }

                        public Object byProduct() {
                            Aggregation aggregation = newAggregation(
                                    lookup("products", "productId", "_id", "product"),
                                    LookupOperation.newLookup().from("warehouses").localField("warehouseId")
                                            .foreignField("_id").as("warehouse"));
                            return mongo.aggregate(aggregation, "orders", Document.class);
                        }
                    }
                    """).parameter("threshold", "3").findings();

            assertThat(findings).hasSize(1);
            Finding finding = findings.get(0);
            assertThat(finding).extracting(Finding::file, Finding::line)
                    .containsExactly("src/main/java/com/acme/shop/order/OrderRepository.java", 11);
            assertThat(finding.message()).isEqualTo("module `fixture` links its Mongo documents in 3 places (`Order` → "
                    + "`customers`, `$lookup` → `products`, `$lookup` → `warehouses`), at least 3; data with "
                    + "relationships belongs in a relational database such as PostgreSQL: move the related documents "
                    + "there, or embed what is read together");
            assertThat(finding.symbol()).isEqualTo("com.acme.shop.order.OrderRepository#findWithCustomer");
        }

        @Test
        void honoursALowerThresholdAndCountsDriverLookups() {
            tester().java("com/acme/shop/report/Stock.java", """
                    package com.acme.shop.report;

                    import com.mongodb.client.MongoCollection;
                    import com.mongodb.client.model.Aggregates;
                    import java.util.List;
                    import org.bson.Document;

                    class Stock {
                        List<Document> withProducts(MongoCollection<Document> stock) {
                            return stock.aggregate(List.of(
                                    // violation: links its Mongo documents in 2 places (`$lookup` → `products`, `$lookup` → `suppliers`), at least 2
                                    Aggregates.lookup("products", "sku", "sku", "product"),
                                    new Document("$lookup", new Document("from", "suppliers").append("as", "supplier"))))
                                    .into(new java.util.ArrayList<>());
                        }
                    }
                    """).parameter("threshold", "2").expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresEmbeddedDocuments() {
            tester().java("com/acme/shop/order/Order.java", """
                    package com.acme.shop.order;

                    import java.util.List;
                    import org.springframework.data.annotation.Id;
                    import org.springframework.data.mongodb.core.mapping.Document;

                    @Document("orders")
                    public record Order(@Id String id, CustomerSnapshot customer, List<OrderLine> lines,
                            ShippingAddress shippingAddress) {

                        public record CustomerSnapshot(String customerId, String name, String email) {}

                        public record OrderLine(String sku, String title, int quantity) {}
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresReferencesBelowTheThreshold() {
            tester().java("com/acme/blog/Post.java", """
                    package com.acme.blog;

                    import java.util.List;
                    import org.springframework.data.annotation.Id;
                    import org.springframework.data.mongodb.core.mapping.DBRef;
                    import org.springframework.data.mongodb.core.mapping.Document;

                    @Document
                    public class Post {
                        @Id
                        private String id;

                        @DBRef
                        private Author author;

                        private List<Comment> comments;
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresLookalikeAnnotationsAndJpaJoins() {
            tester().java("com/acme/audit/DBRef.java", """
                    package com.acme.audit;

                    /** Marks a field that holds the id of a row in the audit database. */
                    public @interface DBRef {}
                    """).java("com/acme/audit/AuditEntry.java", """
                    package com.acme.audit;

                    import jakarta.persistence.Entity;
                    import jakarta.persistence.Id;
                    import jakarta.persistence.ManyToOne;

                    @Entity
                    public class AuditEntry {
                        @Id
                        private Long id;

                        @DBRef
                        private Long userId;

                        @DBRef
                        private Long sessionId;

                        @ManyToOne
                        private Tenant tenant;

                        private String note = "use $lookup-free queries";
                    }
                    """).parameter("threshold", "2").expectNoFindings();
        }

        @Test
        void ignoresASuppressedModule() {
            tester().java("com/acme/shop/order/Order.java", ORDER.replace(
                    "// violation: module `fixture` links its Mongo documents in 3 places (`Order` → `Customer`, "
                            + "`Order` → `Product`, `Order` → `Coupon`), at least 3",
                    "// archlint:ignore nosql-relational-data orders move to PostgreSQL next quarter"))
                    .expectNoFindings();
        }
    }
}
