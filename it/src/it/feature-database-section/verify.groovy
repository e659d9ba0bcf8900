import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines('UTF-8')
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }
def matching = { String regex -> log.findAll { it ==~ regex } }
def slurper = new JsonSlurper()
def findingsOf = { report -> report.findings.collect { [it.file, it.line, it.ruleId, it.severity] } }

// ---------------------------------------------------------------- orders
// Spring Data JPA on PostgreSQL through HikariCP, schema by Flyway scripts: every pitfall planted, each found once.
def orders = slurper.parse(new File(basedir, 'orders/target/archlint/archlint.json'), 'UTF-8')
def data = 'src/main/java/com/acme/orders/data/'
def service = 'src/main/java/com/acme/orders/service/OrderService.java'
def web = 'src/main/java/com/acme/orders/web/'
def v2 = 'src/main/resources/db/migration/V2__tracking_and_channels.sql'
assert findingsOf(orders) == [
        [data + 'OrderLineRepository.java', 11, 'missing-index', 'WARNING'],
        [data + 'OrderLineRepository.java', 13, 'missing-index', 'WARNING'],
        [data + 'PurchaseOrderRepository.java', 19, 'missing-index', 'WARNING'],
        [data + 'PurchaseOrderRepository.java', 26, 'missing-index', 'WARNING'],
        ['src/main/java/com/acme/orders/domain/PurchaseOrder.java', 48, 'eager-fetch', 'WARNING'],
        ['src/main/java/com/acme/orders/ops/OrderCsvExport.java', 31, 'no-connection-pool', 'ERROR'],
        ['src/main/java/com/acme/orders/ops/RecentlyViewed.java', 21, 'connection-per-call', 'WARNING'],
        [service, 63, 'n-plus-one-query', 'WARNING'],
        [service, 86, 'n-plus-one-query', 'WARNING'],
        [service, 122, 'transactional-proxy-bypass', 'WARNING'],
        [service, 134, 'transactional-proxy-bypass', 'WARNING'],
        [web + 'OrderController.java', 24, 'no-caching', 'INFO'],
        [web + 'OrderController.java', 26, 'unbounded-query', 'WARNING'],
        [web + 'QuoteController.java', 20, 'controller-business-logic', 'WARNING'],
        [web + 'ReportController.java', 14, 'transactional-controller', 'WARNING'],
        [web + 'ReportController.java', 20, 'controller-data-access', 'WARNING'],
        ['src/main/resources/application.yml', 9, 'schema-auto-ddl', 'ERROR'],
        [v2, 13, 'destructive-migration', 'WARNING'],
        [v2, 14, 'destructive-migration', 'WARNING'],
        [v2, 15, 'destructive-migration', 'WARNING'],
]
assert orders.findings*.symbol == [
        'com.acme.orders.data.OrderLineRepository#findByOrderId',
        'com.acme.orders.data.OrderLineRepository#findByOrderIdIn',
        'com.acme.orders.data.PurchaseOrderRepository#findByCustomerEmail',
        'com.acme.orders.data.PurchaseOrderRepository#findByTracking',
        'com.acme.orders.domain.PurchaseOrder#lines',
        'com.acme.orders.ops.OrderCsvExport#export',
        'com.acme.orders.ops.RecentlyViewed#of',
        'com.acme.orders.service.OrderService#lineTotals',
        'com.acme.orders.service.OrderService#orderCounts',
        'com.acme.orders.service.OrderService#importAll',
        'com.acme.orders.service.OrderService#purgeCancelled',
        'com.acme.orders.web.OrderController#all',
        'com.acme.orders.web.OrderController#all',
        'com.acme.orders.web.QuoteController#quote',
        'com.acme.orders.web.ReportController',
        'com.acme.orders.web.ReportController',
        'spring.jpa.hibernate.ddl-auto',
        'purchase_orders.currency',
        'purchase_orders.legacy_ref',
        'customers.full_name',
]
assert orders.skipped == []
assert orders.summary.total == 20
assert matching(/\[INFO\] Archlint ${archlintVersion} on orders: 20 findings \(2 errors, 17 warnings, 1 info\), \d+ rules run/).size() == 1

// The guards next to them, none reported:
// - indexed lookups: the unique order number, the composite index leading with customer_id, an enum status, the unique email;
// - the batched line query and the @EntityGraph fetch next to the N+1 loops, loops over rows already in memory, the
//   @Transactional self-call inside a transaction of the same kind (reorder);
// - a to-one EAGER and a LAZY to-many mapping; a pooled Jedis built in a constructor; DriverManager in a CLI main;
// - the paged endpoint, the controller that only calls its service, the handler loop that only maps DTOs;
// - create-drop in the dev profile; nullable and defaulted columns, a widened column, V1's DROP TABLE, a staging table
//   created and dropped in one migration; spring.datasource.type naming HikariCP.
def quiet = ['findByOrderNumber', 'findByCustomerIdOrderByPlacedAtDesc', 'findByStatus', 'findByEmail', 'findAllWithOrders',
             'lineTotalsBatched', 'orderCountsFetched', 'reorder', 'total', 'place', 'purge', 'OrderLine#', 'Customer#',
             'ViewCounter', 'SchemaCheck', 'OrderController#page', 'OrderController#byNumber',
             'OrderController#byTrackingCode', 'QuoteController#preview']
quiet.each { member ->
    assert !orders.findings.any { it.symbol.endsWith(member) || it.symbol.contains(member + '#') || it.symbol.contains('.' + member) }
}
assert !orders.findings.any { it.file == 'src/main/resources/application.yml' && it.line != 9 } // dev profile, datasource type
assert !orders.findings.any { it.file.endsWith('V1__init.sql') }
assert !orders.findings*.ruleId.contains('no-schema-migrations') // the Flyway scripts are the migrations
assert !orders.findings.any { it.ruleId == 'no-connection-pool' && it.file == 'pom.xml' } // the driver comes with HikariCP

// The messages of the section's key rules, as printed.
def repository = data + 'PurchaseOrderRepository.java'
assert startingWith("[WARNING] ${repository}:[19,25] missing-index: ") == [
        "[WARNING] ${repository}:[19,25] missing-index: PurchaseOrderRepository#findByCustomerEmail queries "
                + '`purchase_orders.customer_email`, which has no index; add `CREATE INDEX idx_purchase_orders_customer_email '
                + 'ON purchase_orders (customer_email)` in a migration']
assert startingWith("[WARNING] ${v2}:[13,1] destructive-migration: ") == [
        "[WARNING] ${v2}:[13,1] destructive-migration: `ADD COLUMN` `purchase_orders.currency` NOT NULL without a DEFAULT "
                + 'in `V2__tracking_and_channels.sql` makes the running version\'s inserts fail; add it nullable or with a '
                + 'DEFAULT, backfill it, and set NOT NULL in a later release']
assert startingWith("[WARNING] ${v2}:[15,1] destructive-migration: ") == [
        "[WARNING] ${v2}:[15,1] destructive-migration: `RENAME COLUMN` of `customers.full_name` to `display_name` in "
                + '`V2__tracking_and_channels.sql` breaks the version still running during the deployment; expand and '
                + 'contract: add the new column, backfill it and write both, switch readers to it, and drop the old one in '
                + 'a later release']
assert startingWith('[ERROR] src/main/resources/application.yml:[9,1] schema-auto-ddl: ') == [
        '[ERROR] src/main/resources/application.yml:[9,1] schema-auto-ddl: `spring.jpa.hibernate.ddl-auto=update` lets '
                + 'Hibernate alter the production schema on every start, unreviewed, unversioned and without a way back; '
                + 'set it to `validate` (or `none`) and change the schema with Flyway or Liquibase migrations, or move the '
                + 'setting to a dev profile']
assert startingWith("[WARNING] ${service}:[86,45] n-plus-one-query: ") == [
        "[WARNING] ${service}:[86,45] n-plus-one-query: `OrderService#orderCounts` reads the lazy `Customer.orders` of "
                + 'each `Customer` from `CustomerRepository.findAll` inside a `for` loop over `customers.findAll()`, one '
                + 'query per element (N+1); fetch it with the query (`JOIN FETCH` or '
                + '`@EntityGraph(attributePaths = "orders")`) or batch it (`@BatchSize`)']
assert startingWith("[WARNING] ${service}:[122,24] transactional-proxy-bypass: ") == [
        "[WARNING] ${service}:[122,24] transactional-proxy-bypass: `importAll` calls `@Transactional` method `place` on "
                + '`this`, bypassing the Spring proxy, so `place` runs without a transaction; move it to another bean, '
                + 'call it through an injected reference to this bean, or use a `TransactionTemplate`']
assert startingWith("[WARNING] ${web}OrderController.java:[26,16] unbounded-query: ") == [
        "[WARNING] ${web}OrderController.java:[26,16] unbounded-query: `OrderController#all` returns `OrderService#all` \u2192 "
                + '`PurchaseOrderRepository.findAll()` with no page or limit, so the response grows with the table; take a '
                + '`Pageable` and return a `Page` or `Slice`, or bound the query (`findTop100By..`, `Limit`)']

// ---------------------------------------------------------------- catalog
// A small Spring Cloud service on MongoDB with one JPA entity: the module-level rules judge its own classpath.
def catalog = slurper.parse(new File(basedir, 'catalog/target/archlint/archlint.json'), 'UTF-8')
assert findingsOf(catalog) == [
        ['pom.xml', 27, 'no-connection-pool', 'ERROR'],
        ['pom.xml', 33, 'premature-microservices', 'INFO'],
        ['src/main/java/com/acme/catalog/product/Product.java', 23, 'nosql-relational-data', 'WARNING'],
        ['src/main/java/com/acme/catalog/product/ProductRepository.java', 12, 'missing-index', 'WARNING'],
        ['src/main/java/com/acme/catalog/warehouse/Warehouse.java', 8, 'no-schema-migrations', 'INFO'],
]
assert catalog.findings*.symbol == ['org.postgresql:postgresql', 'org.springframework.cloud:spring-cloud-starter-config',
                                    'com.acme.catalog.product.Product#category',
                                    'com.acme.catalog.product.ProductRepository#findBySku',
                                    'com.acme.catalog.warehouse.Warehouse']
assert catalog.skipped == []
assert matching(/\[INFO\] Archlint ${archlintVersion} on catalog: 5 findings \(1 error, 2 warnings, 2 infos\), \d+ rules run/).size() == 1
// Guards: the @Indexed slug; the sync @Cacheable keeps no-caching (and cache-stampede) quiet; embedded Price and Variant
// are no references; the pooled orders module is not mixed into catalog's verdict.
assert !catalog.findings.any { it.symbol.endsWith('#findBySlug') }
assert !catalog.findings*.ruleId.any { it in ['no-caching', 'cache-stampede', 'unbounded-query'] }
assert startingWith('[ERROR] pom.xml:[27,5] no-connection-pool: ') == [
        '[ERROR] pom.xml:[27,5] no-connection-pool: JDBC driver `org.postgresql:postgresql:42.7.4` is on the runtime '
                + 'classpath (catalog -> org.postgresql:postgresql:42.7.4) but no connection pool is; add HikariCP '
                + '(`com.zaxxer:HikariCP`, which `spring-boot-starter-jdbc` brings) and configure the data source through it']
assert startingWith('[INFO] pom.xml:[33,5] premature-microservices: ') == [
        '[INFO] pom.xml:[33,5] premature-microservices: module `catalog` declares `spring-cloud-starter-config` but has '
                + 'only 12 main classes (fewer than 40): service discovery and central configuration add operational '
                + 'overhead that a service this small rarely repays; start with a modular monolith and split services out '
                + 'when scale or domain complexity demands it']
assert startingWith('[WARNING] src/main/java/com/acme/catalog/product/Product.java:[23,5] nosql-relational-data: ') == [
        '[WARNING] src/main/java/com/acme/catalog/product/Product.java:[23,5] nosql-relational-data: module `catalog` '
                + 'links its Mongo documents in 3 places (`Product` \u2192 `Category`, `Product` \u2192 `Supplier`, `Product` \u2192 '
                + '`Product`), at least 3; data with relationships belongs in a relational database such as PostgreSQL: '
                + 'move the related documents there, or embed what is read together']

// The reactor: nothing for the pom-packaged top level, an aggregate of both modules, the build not failed.
assert log.contains('[INFO] Archlint: nothing to analyse in feature-database-section (packaging pom)')
assert log.contains('[INFO] Archlint aggregate of 2 modules (25 findings): target/archlint/archlint-aggregate.html')
assert log.contains('[INFO] BUILD SUCCESS')
true
