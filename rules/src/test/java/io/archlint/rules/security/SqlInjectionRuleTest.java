package io.archlint.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.Finding;
import io.archlint.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SqlInjectionRuleTest {

    private static RuleTester tester() {
        return RuleTester.of(new SqlInjectionRule());
    }

    private static final String ORDER_MAPPER_INTERFACE = """
            package com.acme.orders;

            import java.util.List;
            import org.apache.ibatis.annotations.Mapper;

            @Mapper
            public interface OrderMapper {
                List<Order> findByStatus(String status, String sort);
            }
            """;

    @Nested
    class Violating {

        @Test
        void reportsJdbcTemplateQueryConcatenatingARequestValue() {
            tester().java("com/acme/customers/CustomerDao.java", """
                    package com.acme.customers;

                    import java.util.List;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.jdbc.core.RowMapper;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class CustomerDao {

                        public record Customer(long id, String name) {}

                        private static final RowMapper<Customer> CUSTOMER =
                                (rs, n) -> new Customer(rs.getLong("id"), rs.getString("name"));

                        private final JdbcTemplate jdbc;

                        public CustomerDao(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        public List<Customer> byName(String name) {
                            // violation: `JdbcTemplate.query` runs SQL built with concatenation from `name`; pass values as bind parameters
                            return jdbc.query("select id, name from customer where name = '" + name + "'", CUSTOMER);
                        }

                        public int rename(long id, String name) {
                            String sql = "update customer set name = '" + name + "' where id = " + id;
                            // violation: `JdbcTemplate.update` runs SQL built with concatenation from `name`;
                            return jdbc.update(sql);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsPlainJdbcStatementsAndPreparedStatementsBuiltFromValues() {
            tester().java("com/acme/legacy/InvoiceRepository.java", """
                    package com.acme.legacy;

                    import java.sql.Connection;
                    import java.sql.PreparedStatement;
                    import java.sql.ResultSet;
                    import java.sql.SQLException;
                    import java.sql.Statement;
                    import javax.sql.DataSource;

                    public class InvoiceRepository {

                        private final DataSource dataSource;

                        public InvoiceRepository(DataSource dataSource) {
                            this.dataSource = dataSource;
                        }

                        public boolean exists(String number) throws SQLException {
                            try (Connection connection = dataSource.getConnection();
                                 Statement statement = connection.createStatement();
                                 // violation: `Statement.executeQuery` runs SQL built with concatenation from `number`
                                 ResultSet rows = statement.executeQuery("select 1 from invoice where number = '" + number + "'")) {
                                return rows.next();
                            }
                        }

                        public void archive(String customer, String reason) throws SQLException {
                            try (Connection connection = dataSource.getConnection()) {
                                String sql = String.format("update invoice set archived = true, note = '%s' where customer = '%s'",
                                        reason, customer);
                                // violation: `Connection.prepareStatement` runs SQL built with `String.format` from `reason`, `customer`
                                try (PreparedStatement update = connection.prepareStatement(sql)) {
                                    update.executeUpdate();
                                }
                            }
                        }

                        public void purge(String tenant) throws SQLException {
                            // violation: `Statement.executeUpdate` runs SQL built with concatenation from `tenant`
                            dataSource.getConnection().createStatement().executeUpdate("delete from invoice where tenant = '" + tenant + "'");
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsStringBuilderWithAppendedFilterValue() {
            tester().java("com/acme/orders/OrderSearch.java", """
                    package com.acme.orders;

                    import java.util.List;
                    import java.util.Map;
                    import lombok.RequiredArgsConstructor;
                    import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    @RequiredArgsConstructor
                    public class OrderSearch {

                        public record Filter(String status, String customer, String sort) {}

                        private final NamedParameterJdbcTemplate jdbc;

                        public List<Map<String, Object>> search(Filter filter) {
                            StringBuilder sql = new StringBuilder("select * from orders where 1 = 1");
                            if (filter.status() != null) {
                                sql.append(" and status = :status");
                            }
                            if (filter.customer() != null) {
                                sql.append(" and customer = '").append(filter.customer()).append("'");
                            }
                            // violation: `NamedParameterJdbcTemplate.queryForList` runs SQL built with a `StringBuilder` from `filter.customer()`
                            return jdbc.queryForList(sql.toString(), Map.of("status", String.valueOf(filter.status())));
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsPlusEqualsAppendsAndFormattedTextBlocks() {
            tester().java("com/acme/reports/SalesReport.java", """
                    package com.acme.reports;

                    import java.util.List;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class SalesReport {

                        private final JdbcTemplate jdbcTemplate;

                        public SalesReport(JdbcTemplate jdbcTemplate) {
                            this.jdbcTemplate = jdbcTemplate;
                        }

                        public List<String> regions(List<String> countries) {
                            String sql = "select region from sales where 1 = 1";
                            for (String country : countries) {
                                sql += " or country = '" + country + "'";
                            }
                            // violation: `JdbcTemplate.queryForList` runs SQL built with concatenation from `country`
                            return jdbcTemplate.queryForList(sql, String.class);
                        }

                        public Integer total(String region) {
                            String sql = \"""
                                    select sum(amount) from sales where region = '%s'
                                    \""".formatted(region);
                            // violation: `JdbcTemplate.queryForObject` runs SQL built with `formatted` from `region`
                            return jdbcTemplate.queryForObject(sql, Integer.class);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsSqlReturnedByAPrivateHelperOfTheSameClass() {
            tester().java("com/acme/catalog/ProductQueries.java", """
                    package com.acme.catalog;

                    import java.util.List;
                    import org.springframework.jdbc.core.simple.JdbcClient;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class ProductQueries {

                        public record Product(long id, String name) {}

                        private final JdbcClient jdbcClient;

                        public ProductQueries(JdbcClient jdbcClient) {
                            this.jdbcClient = jdbcClient;
                        }

                        public List<Product> inCategory(String category) {
                            // violation: `JdbcClient.sql` runs SQL built with `byCategory()` from `category`
                            return jdbcClient.sql(byCategory(category)).query(Product.class).list();
                        }

                        private String byCategory(String category) {
                            return "select id, name from product where category = '" + category + "'";
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJpaAndHibernateQueriesBuiltFromParameters() {
            tester().java("com/acme/shipping/ShipmentRepository.java", """
                    package com.acme.shipping;

                    import jakarta.persistence.EntityManager;
                    import jakarta.persistence.PersistenceContext;
                    import java.util.List;
                    import org.hibernate.Session;
                    import org.hibernate.SessionFactory;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class ShipmentRepository {

                        @PersistenceContext
                        private EntityManager entityManager;

                        private final SessionFactory sessionFactory;

                        public ShipmentRepository(SessionFactory sessionFactory) {
                            this.sessionFactory = sessionFactory;
                        }

                        public List<Shipment> byCarrier(String carrier) {
                            // violation: `EntityManager.createQuery` runs SQL built with concatenation from `carrier`
                            return entityManager.createQuery("select s from Shipment s where s.carrier = '" + carrier + "'", Shipment.class)
                                    .getResultList();
                        }

                        public int cancel(String trackingCode) {
                            // violation: `EntityManager.createNativeQuery` runs SQL built with `String.format` from `trackingCode`
                            return entityManager.createNativeQuery(String.format("update shipment set status = 'CANCELLED' where tracking = '%s'", trackingCode))
                                    .executeUpdate();
                        }

                        public List<Shipment> byDestination(String city) {
                            Session session = entityManager.unwrap(Session.class);
                            // violation: `Session.createQuery` runs SQL built with concatenation from `city`
                            return session.createQuery("from Shipment where destination = '" + city + "'", Shipment.class).list();
                        }

                        public List<Shipment> late(String depot) {
                            String hql = "from Shipment where late = true and depot = '" + depot + "'";
                            // violation: `Session.createQuery` runs SQL built with concatenation from `depot`
                            return sessionFactory.getCurrentSession().createQuery(hql, Shipment.class).list();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsJooqPlainSqlWithConcatenatedValues() {
            tester().java("com/acme/billing/PaymentQueries.java", """
                    package com.acme.billing;

                    import static org.jooq.impl.DSL.condition;

                    import org.jooq.DSLContext;
                    import org.jooq.Record;
                    import org.jooq.Result;
                    import org.jooq.impl.DSL;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class PaymentQueries {

                        private final DSLContext dsl;

                        public PaymentQueries(DSLContext dsl) {
                            this.dsl = dsl;
                        }

                        public Result<Record> byReference(String reference) {
                            // violation: `DSLContext.fetch` runs SQL built with concatenation from `reference`
                            return dsl.fetch("select * from payment where reference = '" + reference + "'");
                        }

                        public Result<Record> byMethod(String method, String currency) {
                            return dsl.select().from(DSL.table("payment"))
                                    // violation: `DSL.condition` runs SQL built with concatenation from `method`
                                    .where(DSL.condition("method = '" + method + "'"))
                                    // violation: `DSL.condition` runs SQL built with concatenation from `currency`
                                    .and(condition("currency = '" + currency + "'"))
                                    .fetch();
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsDollarSubstitutionInMyBatisAnnotations() {
            tester().java("com/acme/orders/OrderMapper.java", """
                    package com.acme.orders;

                    import java.util.List;
                    import org.apache.ibatis.annotations.Delete;
                    import org.apache.ibatis.annotations.Mapper;
                    import org.apache.ibatis.annotations.Param;
                    import org.apache.ibatis.annotations.Select;

                    @Mapper
                    public interface OrderMapper {

                        // violation: MyBatis `@Select` on `findByStatus` substitutes `${status}` into the SQL; bind it with `#{status}`
                        @Select("select * from orders where status = '${status}'")
                        List<Order> findByStatus(@Param("status") String status);

                        @Select({"<script>",
                                 "select * from orders where customer_id = #{customerId}",
                                 // violation: substitutes `${sort}` into the SQL
                                 "order by ${sort}",
                                 "</script>"})
                        List<Order> findByCustomer(@Param("customerId") long customerId, @Param("sort") String sort);

                        // violation: MyBatis `@Delete` on `purge` substitutes `${table}`
                        @Delete("delete from ${table} where created_at < now() - interval '1 year'")
                        int purge(@Param("table") String table);
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsDollarSubstitutionInMapperXmlStatements() {
            RuleTester tester = tester()
                    .java("com/acme/orders/OrderMapper.java", ORDER_MAPPER_INTERFACE)
                    .file("src/main/resources/mapper/OrderMapper.xml", """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                            <mapper namespace="com.acme.orders.OrderMapper">
                              <select id="findByStatus" resultType="com.acme.orders.Order">
                                select * from orders
                                <where>
                                  <if test="status != null and status.length() > 0">status = '${status}'</if>
                                </where>
                                order by ${sort}
                              </select>
                              <update id="markShipped">
                                <![CDATA[ update orders set shipped = true where id in (${ids}) ]]>
                              </update>
                            </mapper>
                            """);
            List<Finding> findings = tester.findings();
            assertThat(tester.skipped()).isEmpty();
            assertThat(findings).hasSize(3);
            assertThat(findings).extracting(Finding::file).containsOnly("src/main/resources/mapper/OrderMapper.xml");
            assertThat(findings).extracting(Finding::line).containsExactly(7, 9, 12);
            assertThat(findings).extracting(Finding::column).containsExactly(67, 14, 61);
            assertThat(findings.get(0).message()).isEqualTo("MyBatis statement `findByStatus` substitutes `${status}` "
                    + "into the SQL; bind it with `#{status}` and map identifiers through an allow-list");
            assertThat(findings.get(1).message()).contains("`${sort}`");
            assertThat(findings.get(2).message()).contains("statement `markShipped`", "`${ids}`");
            assertThat(findings.get(0).symbol()).isEqualTo("com.acme.orders.OrderMapper#findByStatus");
        }

        @Test
        void reportsAMyBatisGeneratorOrderByClauseBuiltFromRequestValues() {
            RuleTester tester = tester().java("com/acme/orders/OrderQueryService.java", """
                    package com.acme.orders;

                    import com.acme.orders.model.OrderExample;
                    import java.util.List;

                    public class OrderQueryService {
                        private final OrderMapper orders;

                        public OrderQueryService(OrderMapper orders) {
                            this.orders = orders;
                        }

                        public List<Order> page(String sortField, String direction) {
                            OrderExample example = new OrderExample();
                            example.setOrderByClause(sortField + " " + direction);
                            return orders.selectByExample(example);
                        }
                    }
                    """);
            List<Finding> findings = tester.findings();
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.file()).isEqualTo("src/main/java/com/acme/orders/OrderQueryService.java");
                assertThat(f.line()).isEqualTo(15);
                assertThat(f.symbol()).isEqualTo("com.acme.orders.OrderQueryService#page");
                assertThat(f.message()).isEqualTo("`setOrderByClause` builds the ORDER BY clause with concatenation"
                        + " from `sortField`, `direction`, and MyBatis Generator's `selectByExample` substitutes it into"
                        + " the SQL unescaped (`${orderByClause}`); map the sort column and direction through an"
                        + " allow-list");
            });
        }

        @Test
        void reportsBatchUpdateWithSeveralBuiltStatements() {
            tester().java("com/acme/inventory/StockMigration.java", """
                    package com.acme.inventory;

                    import org.springframework.jdbc.core.JdbcOperations;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class StockMigration {

                        private final JdbcOperations jdbc;

                        public StockMigration(JdbcOperations jdbc) {
                            this.jdbc = jdbc;
                        }

                        public void move(String sku, String warehouse) {
                            jdbc.batchUpdate(
                                    // violation: `JdbcOperations.batchUpdate` runs SQL built with concatenation from `sku`
                                    "delete from stock where sku = '" + sku + "'",
                                    // violation: `JdbcOperations.batchUpdate` runs SQL built with concatenation from `warehouse`, `sku`
                                    "insert into stock(warehouse, sku) values ('" + warehouse + "', '" + sku + "')");
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsRecordNameAccessorThatIsNotAnEnum() {
            tester().java("com/acme/crm/ContactDao.java", """
                    package com.acme.crm;

                    import java.util.List;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class ContactDao {

                        public record ContactQuery(String name, int limit) {}

                        private final JdbcTemplate jdbc;

                        public ContactDao(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        public List<String> emails(ContactQuery query) {
                            return jdbc.queryForList(
                                    // violation: `JdbcTemplate.queryForList` runs SQL built with concatenation from `query.name()`
                                    "select email from contact where name like '" + query.name() + "%' limit " + query.limit(),
                                    String.class);
                        }
                    }
                    """).expectMarkedFindings();
        }

        @Test
        void reportsAppendsToAParameterAndToAListOfFragments() {
            tester().java("com/acme/audit/AuditLogDao.java", """
                    package com.acme.audit;

                    import java.util.ArrayList;
                    import java.util.List;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class AuditLogDao {

                        private final JdbcTemplate jdbc;

                        public AuditLogDao(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        public int purge(String where, String actor) {
                            where += " and actor = '" + actor + "'";
                            // violation: `JdbcTemplate.update` runs SQL built with concatenation from `where`, `actor`
                            return jdbc.update("delete from audit_log where " + where);
                        }

                        public List<String> actions(String actor, String action) {
                            List<String> conditions = new ArrayList<>();
                            conditions.add("actor = '" + actor + "'");
                            if (action != null) {
                                conditions.add("action = ?");
                            }
                            String sql = "select action from audit_log where " + String.join(" and ", conditions);
                            // violation: `JdbcTemplate.queryForList` runs SQL built with concatenation from `actor`
                            return jdbc.queryForList(sql, String.class, action);
                        }
                    }
                    """).expectMarkedFindings();
        }
    }

    @Nested
    class Compliant {

        @Test
        void ignoresBoundParametersWithValuesPassedSeparately() {
            tester().java("com/acme/customers/CustomerDao.java", """
                    package com.acme.customers;

                    import jakarta.persistence.EntityManager;
                    import java.sql.Connection;
                    import java.sql.PreparedStatement;
                    import java.sql.SQLException;
                    import java.util.List;
                    import java.util.Map;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class CustomerDao {

                        private final JdbcTemplate jdbc;
                        private final NamedParameterJdbcTemplate named;
                        private final EntityManager entityManager;

                        public CustomerDao(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, EntityManager entityManager) {
                            this.jdbc = jdbc;
                            this.named = named;
                            this.entityManager = entityManager;
                        }

                        public List<String> names(String city) {
                            return jdbc.queryForList("select name from customer where city = ?", String.class, city);
                        }

                        public List<Map<String, Object>> byCity(String city) {
                            return named.queryForList("select * from customer where city = :city", Map.of("city", city));
                        }

                        public List<Customer> active(String segment) {
                            return entityManager.createQuery(
                                    "select c from Customer c where c.active = true and c.segment = :segment", Customer.class)
                                    .setParameter("segment", segment)
                                    .getResultList();
                        }

                        public void touch(Connection connection, String email) throws SQLException {
                            try (PreparedStatement update = connection.prepareStatement(
                                    "update customer set last_seen = now() where email = ?")) {
                                update.setString(1, email);
                                update.executeUpdate();
                            }
                        }
                    }
                    """).expectNoFindings();
        }

        /**
         * Regression: macrozheng/mall, 84 findings on the generated mappers while every caller passed a
         * literal; linlinjava/litemall, 242 on the mappers and Example classes of a generator plugin.
         */
        @Test
        void ignoresTheOrderByClauseOfMyBatisGeneratorMappersWhenCallersPassConstants() {
            RuleTester tester = tester().java("com/acme/orders/OrderQueryService.java", """
                    package com.acme.orders;

                    import com.acme.orders.model.OrderExample;
                    import java.util.List;

                    public class OrderQueryService {
                        private static final String NEWEST_FIRST = "create_time desc";
                        private final OrderMapper orders;

                        public OrderQueryService(OrderMapper orders) {
                            this.orders = orders;
                        }

                        public List<Order> recent() {
                            OrderExample example = new OrderExample();
                            example.setOrderByClause(NEWEST_FIRST);
                            return orders.selectByExample(example);
                        }

                        public List<Order> bySort() {
                            OrderExample example = new OrderExample();
                            example.setOrderByClause("sort desc, " + "id asc");
                            return orders.selectByExampleWithBLOBs(example);
                        }
                    }
                    """).file("src/main/resources/com/acme/orders/OrderMapper.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                    <mapper namespace="com.acme.orders.OrderMapper">
                      <sql id="Example_Where_Clause">
                        <where>
                          <foreach collection="oredCriteria" item="criteria" separator="or">
                            <foreach collection="criteria.criteria" item="criterion">
                              <when test="criterion.noValue">and ${criterion.condition}</when>
                            </foreach>
                          </foreach>
                        </where>
                      </sql>
                      <select id="selectByExample" parameterType="com.acme.orders.model.OrderExample" resultMap="BaseResultMap">
                        select * from orders
                        <if test="_parameter != null"><include refid="Example_Where_Clause" /></if>
                        <if test="orderByClause != null">order by ${orderByClause}</if>
                      </select>
                      <select id="selectByExampleWithBLOBs" parameterType="com.acme.orders.model.OrderExample" resultMap="BaseResultMap">
                        select * from orders
                        <if test="orderByClause != null">order by ${orderByClause}</if>
                      </select>
                      <select id="selectOneByExampleSelective" parameterType="map" resultMap="BaseResultMap">
                        select
                        <foreach collection="selective" item="column" separator=",">
                          ${column.aliasedEscapedColumnName}
                        </foreach>
                        from orders
                        <if test="example.orderByClause != null">order by ${example.orderByClause}</if>
                        limit 1
                      </select>
                    </mapper>
                    """).java("com/acme/orders/model/OrderExample.java", """
                    package com.acme.orders.model;

                    public class OrderExample {
                        private String orderByClause;

                        public void setOrderByClause(String orderByClause) {
                            this.orderByClause = orderByClause;
                        }

                        // Generated by a MyBatis Generator plugin (litemall): the callers' values are checked where they call it.
                        public OrderExample orderBy(String... orderByClauses) {
                            StringBuffer sb = new StringBuffer();
                            for (int i = 0; i < orderByClauses.length; i++) {
                                sb.append(orderByClauses[i]);
                                if (i < orderByClauses.length - 1) {
                                    sb.append(" , ");
                                }
                            }
                            this.setOrderByClause(sb.toString());
                            return this;
                        }
                    }
                    """);
            assertThat(tester.findings()).isEmpty();
            assertThat(tester.skipped()).isEmpty();
        }

        /** Regression: spring-petclinic-rest, 9 findings on ids a base entity declares as {@code Integer}. */
        @Test
        void ignoresNumbersReturnedByGettersInheritedFromAModuleBaseClass() {
            tester().java("com/acme/model/BaseEntity.java", """
                    package com.acme.model;

                    public class BaseEntity {
                        protected Integer id;

                        public Integer getId() {
                            return id;
                        }
                    }
                    """).java("com/acme/model/NamedEntity.java", """
                    package com.acme.model;

                    public class NamedEntity extends BaseEntity {
                        private String name;

                        public String getName() {
                            return name;
                        }
                    }
                    """).java("com/acme/model/Pet.java", """
                    package com.acme.model;

                    public class Pet extends NamedEntity {
                    }
                    """).java("com/acme/repository/PetRepository.java", """
                    package com.acme.repository;

                    import com.acme.model.Pet;
                    import jakarta.persistence.EntityManager;

                    public class PetRepository {
                        private final EntityManager em;

                        public PetRepository(EntityManager em) {
                            this.em = em;
                        }

                        public void delete(Pet pet) {
                            em.createQuery("DELETE FROM Visit visit WHERE pet.id=" + pet.getId()).executeUpdate();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresConstantsOfTheClassAndOfOtherModuleClasses() {
            tester().java("com/acme/orders/Sql.java", """
                    package com.acme.orders;

                    public final class Sql {
                        public static final String ORDER_COLUMNS = "id, customer_id, status, total";
                        public static final String FROM_ORDERS = " from orders o";

                        private Sql() {}
                    }
                    """).java("com/acme/orders/OrderDao.java", """
                    package com.acme.orders;

                    import static com.acme.orders.Sql.FROM_ORDERS;

                    import java.util.List;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class OrderDao {

                        private static final String BY_STATUS = "select " + Sql.ORDER_COLUMNS + FROM_ORDERS + " where o.status = ?";
                        private static final String LIMIT = " limit 100";

                        private final JdbcTemplate jdbc;

                        public OrderDao(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        public List<Long> ids(String status) {
                            return jdbc.queryForList(BY_STATUS + LIMIT, Long.class, status);
                        }

                        public List<Long> open() {
                            String sql = "select id" + FROM_ORDERS + " where o.status = 'OPEN'" + LIMIT;
                            return jdbc.queryForList(sql, Long.class);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresNumbersEnumsAndNumericFormatArguments() {
            tester().java("com/acme/orders/Status.java", """
                    package com.acme.orders;

                    public enum Status { NEW, PAID, SHIPPED }
                    """).java("com/acme/orders/OrderPages.java", """
                    package com.acme.orders;

                    import java.util.List;
                    import java.util.UUID;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class OrderPages {

                        private final JdbcTemplate jdbc;

                        public OrderPages(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        public List<Long> page(int page, int size, Status status) {
                            return jdbc.queryForList("select id from orders where status = '" + status.name()
                                    + "' order by id limit " + size + " offset " + (page * size), Long.class);
                        }

                        public List<Long> recent(long days, UUID tenant) {
                            return jdbc.queryForList(String.format(
                                    "select id from orders where created_at > now() - interval '%d days' limit %d", days, 50)
                                    + " and tenant = '" + tenant + "'", Long.class);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresIdentifiersCheckedAgainstAnAllowList() {
            tester().java("com/acme/catalog/ProductSort.java", """
                    package com.acme.catalog;

                    import java.util.List;
                    import java.util.Map;
                    import java.util.Set;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class ProductSort {

                        private static final Set<String> SORTABLE = Set.of("name", "price", "created_at");
                        private static final Map<String, String> COLUMNS = Map.of("name", "p.name", "price", "p.price");

                        private final JdbcTemplate jdbc;

                        public ProductSort(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        public List<String> sorted(String sort, boolean descending) {
                            if (!SORTABLE.contains(sort)) {
                                throw new IllegalArgumentException("unsupported sort");
                            }
                            String direction = descending ? "desc" : "asc";
                            return jdbc.queryForList("select name from product order by " + sort + " " + direction, String.class);
                        }

                        public List<String> mapped(String sort) {
                            String column = COLUMNS.getOrDefault(sort, "p.id");
                            return jdbc.queryForList("select p.name from product p order by " + column, String.class);
                        }

                        public List<String> switched(String sort) {
                            String column = switch (sort) {
                                case "price" -> "price";
                                case "newest" -> "created_at";
                                default -> "name";
                            };
                            return jdbc.queryForList("select name from product order by " + column, String.class);
                        }

                        public List<String> matched(String column) {
                            if (!column.matches("[a-z_]{1,30}")) {
                                throw new IllegalArgumentException("bad column");
                            }
                            return jdbc.queryForList("select " + column + " from product", String.class);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresDynamicQueriesThatOnlyAppendPlaceholders() {
            tester().java("com/acme/orders/OrderFinder.java", """
                    package com.acme.orders;

                    import java.util.ArrayList;
                    import java.util.Collections;
                    import java.util.List;
                    import java.util.stream.Collectors;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class OrderFinder {

                        public record Criteria(String status, String customer, List<Long> ids) {}

                        private final JdbcTemplate jdbc;

                        public OrderFinder(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        public List<Long> find(Criteria criteria) {
                            StringBuilder sql = new StringBuilder("select id from orders where 1 = 1");
                            List<Object> args = new ArrayList<>();
                            if (criteria.status() != null) {
                                sql.append(" and status = ?");
                                args.add(criteria.status());
                            }
                            if (criteria.customer() != null) {
                                sql.append(" and customer = ?");
                                args.add(criteria.customer());
                            }
                            return jdbc.queryForList(sql.toString(), Long.class, args.toArray());
                        }

                        public List<Long> byIds(List<Long> ids) {
                            String placeholders = String.join(",", Collections.nCopies(ids.size(), "?"));
                            return jdbc.queryForList("select id from orders where id in (" + placeholders + ")", Long.class,
                                    ids.toArray());
                        }

                        public List<Long> byCodes(List<String> codes) {
                            String marks = codes.stream().map(c -> "?").collect(Collectors.joining(", "));
                            return jdbc.queryForList("select id from orders where code in (" + marks + ")", Long.class,
                                    codes.toArray());
                        }

                        public List<Long> filtered(String status, String customer) {
                            List<String> conditions = new ArrayList<>();
                            if (status != null) {
                                conditions.add("status = ?");
                            }
                            if (customer != null) {
                                conditions.add("customer = ?");
                            }
                            String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
                            return jdbc.queryForList("select id from orders" + where, Long.class, status, customer);
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresExecuteMethodsOfTypesThatAreNotSqlSinks() {
            tester().java("com/acme/jobs/JobRunner.java", """
                    package com.acme.jobs;

                    public class JobRunner {
                        public void execute(String command) {
                        }
                    }
                    """).java("com/acme/jobs/Scheduler.java", """
                    package com.acme.jobs;

                    import java.util.concurrent.ExecutorService;
                    import org.springframework.stereotype.Service;

                    @Service
                    public class Scheduler {

                        private final JobRunner runner;
                        private final ExecutorService executor;

                        public Scheduler(JobRunner runner, ExecutorService executor) {
                            this.runner = runner;
                            this.executor = executor;
                        }

                        public void run(String job, Object unknown) {
                            runner.execute("run " + job);
                            executor.execute(() -> runner.execute("async " + job));
                            helper().query("select * from t where x = '" + job + "'");
                        }

                        private Object helper() {
                            return null;
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresSqlPassedThroughFromParametersAndConfiguredFields() {
            tester().java("com/acme/admin/SqlRunner.java", """
                    package com.acme.admin;

                    import java.util.List;
                    import java.util.Map;
                    import org.springframework.beans.factory.annotation.Value;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class SqlRunner {

                        private final JdbcTemplate jdbc;
                        private final String schema;

                        public SqlRunner(JdbcTemplate jdbc, @Value("${app.schema}") String schema) {
                            this.jdbc = jdbc;
                            this.schema = schema;
                        }

                        public List<Map<String, Object>> run(String statement) {
                            return jdbc.queryForList(statement);
                        }

                        public int count(String table) {
                            return jdbc.queryForObject("select count(*) from " + schema + ".audit_log", Integer.class);
                        }

                        private String base() {
                            return "select * from " + schema + ".report";
                        }

                        public List<Map<String, Object>> report() {
                            return jdbc.queryForList(base());
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresJooqTypeSafeQueriesAndConstantPlainSql() {
            tester().java("com/acme/billing/PaymentQueries.java", """
                    package com.acme.billing;

                    import static org.jooq.impl.DSL.field;

                    import org.jooq.DSLContext;
                    import org.jooq.Record;
                    import org.jooq.Result;
                    import org.jooq.impl.DSL;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class PaymentQueries {

                        private final DSLContext dsl;

                        public PaymentQueries(DSLContext dsl) {
                            this.dsl = dsl;
                        }

                        public Result<Record> byReference(String reference) {
                            return dsl.fetch("select * from payment where reference = ?", reference);
                        }

                        public Result<Record> byMethod(String method) {
                            return dsl.select(field("lower(method)"))
                                    .from(DSL.table("payment"))
                                    .where(DSL.field("method").eq(method))
                                    .and(DSL.condition("amount > {0}", DSL.val(10)))
                                    .fetch();
                        }
                    }
                    """).expectNoFindings();
        }

        @Test
        void ignoresHashPlaceholdersInMyBatisAnnotationsAndXml() {
            RuleTester tester = tester().java("com/acme/orders/OrderMapper.java", """
                    package com.acme.orders;

                    import java.util.List;
                    import org.apache.ibatis.annotations.Mapper;
                    import org.apache.ibatis.annotations.Param;
                    import org.apache.ibatis.annotations.Select;

                    @Mapper
                    public interface OrderMapper {

                        @Select("select * from orders where status = #{status}")
                        List<Order> findByStatus(@Param("status") String status);

                        List<Order> findByCustomer(@Param("customerId") long customerId);
                    }
                    """).file("src/main/resources/mapper/OrderMapper.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                    <mapper namespace="com.acme.orders.OrderMapper">
                      <!-- never write status = '${status}' here -->
                      <sql id="columns">${alias}.id, ${alias}.status</sql>
                      <select id="findByCustomer" resultType="com.acme.orders.Order">
                        select <include refid="columns"><property name="alias" value="o"/></include>
                        from orders o where o.customer_id = #{customerId}
                      </select>
                    </mapper>
                    """).file("src/main/resources/logback.xml", """
                    <configuration>
                      <property name="LOG_FILE" value="${LOG_PATH}/app.log"/>
                    </configuration>
                    """);
            tester.expectNoFindings();
        }

        @Test
        void listsAMalformedMapperAsSkippedInsteadOfFailing() {
            RuleTester tester = tester().file("src/main/resources/mapper/BrokenMapper.xml", """
                    <mapper namespace="com.acme.Broken">
                      <select id="all">select * from orders where status = '${status}'
                    </mapper>
                    """);
            assertThat(tester.findings()).isEmpty();
            assertThat(tester.skipped()).hasSize(1);
            assertThat(tester.skipped().get(0).file()).isEqualTo("src/main/resources/mapper/BrokenMapper.xml");
            assertThat(tester.skipped().get(0).reason()).contains("not well-formed XML at line", "were not checked");
        }

        @Test
        void ignoresValuesCheckedByEnumValueOfAndSuppressedMapperStatements() {
            RuleTester tester = tester().java("com/acme/orders/Direction.java", """
                    package com.acme.orders;

                    public enum Direction { ASC, DESC }
                    """).java("com/acme/orders/OrderSorter.java", """
                    package com.acme.orders;

                    import java.util.List;
                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Repository;

                    @Repository
                    public class OrderSorter {

                        private final JdbcTemplate jdbc;

                        public OrderSorter(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        public List<Long> sorted(String direction) {
                            Direction.valueOf(direction);
                            return jdbc.queryForList("select id from orders order by created_at " + direction, Long.class);
                        }
                    }
                    """).file("src/main/resources/mapper/ReportMapper.xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <mapper namespace="com.acme.reports.ReportMapper">
                      <select id="partition" resultType="map">
                        <!-- archlint:ignore sql-injection the partition name is generated by the scheduler -->
                        select * from ${partition}
                      </select>
                    </mapper>
                    """);
            tester.expectNoFindings();
        }

        @Test
        void ignoresCallsSuppressedWithAReason() {
            tester().java("com/acme/admin/Maintenance.java", """
                    package com.acme.admin;

                    import org.springframework.jdbc.core.JdbcTemplate;
                    import org.springframework.stereotype.Component;

                    @Component
                    public class Maintenance {

                        private final JdbcTemplate jdbc;

                        public Maintenance(JdbcTemplate jdbc) {
                            this.jdbc = jdbc;
                        }

                        @SuppressWarnings("archlint:sql-injection")
                        public void vacuum(String table) {
                            jdbc.execute("vacuum analyze " + table);
                        }

                        public void analyze(String table) {
                            // archlint:ignore sql-injection table names come from the schema catalog, not from requests
                            jdbc.execute("analyze " + table);
                        }
                    }
                    """).expectNoFindings();
        }
    }
}
