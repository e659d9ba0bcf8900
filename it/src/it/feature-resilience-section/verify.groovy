import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def src = 'src/main/java/com/acme/shop'
def file = { String path -> "$src/$path".toString() }
def line = { String prefix -> log.findAll { it.startsWith(prefix) } }

// Every pitfall of sections C (resilience) and D (concurrency and memory) planted in the service, each found
// once, where it stands; nothing else: sections A, B and E-G stay quiet on this service.
def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.findings.collect { [it.file, it.line, it.ruleId, it.severity] } == [
        [file('catalog/ProductCatalog.java'), 20, 'cache-stampede', 'INFO'],
        [file('client/CarrierClient.java'), 15, 'http-client-no-timeout', 'WARNING'],
        [file('client/CarrierClient.java'), 15, 'missing-circuit-breaker', 'INFO'],
        [file('client/CarrierClient.java'), 23, 'http-client-no-timeout', 'WARNING'],
        [file('client/CarrierClient.java'), 27, 'retry-without-backoff', 'WARNING'],
        [file('client/InventoryClient.java'), 19, 'http-client-no-timeout', 'WARNING'],
        [file('client/InventoryClient.java'), 23, 'retry-without-backoff', 'WARNING'],
        [file('messaging/PaymentSettledListener.java'), 18, 'non-idempotent-consumer', 'WARNING'],
        [file('order/OrderService.java'), 32, 'dual-write', 'WARNING'],
        [file('stock/QuoteService.java'), 25, 'mutable-singleton-state', 'WARNING'],
        [file('stock/StockService.java'), 17, 'read-modify-write-race', 'WARNING'],
        [file('support/ActiveUsers.java'), 12, 'static-collection-leak', 'WARNING'],
        [file('support/TenantContext.java'), 6, 'threadlocal-leak', 'WARNING'],
        [file('web/OrderController.java'), 36, 'blocking-work-in-request', 'WARNING'],
        [file('web/PaymentController.java'), 32, 'missing-idempotency-key', 'WARNING'],
        [file('web/StockController.java'), 30, 'blocking-work-in-request', 'WARNING'],
]
// All twelve rules of the two sections found something; the compiled classes were there for the three that read them.
assert report.summary.byRule.keySet() == ['blocking-work-in-request', 'cache-stampede', 'dual-write',
        'http-client-no-timeout', 'missing-circuit-breaker', 'missing-idempotency-key', 'mutable-singleton-state',
        'non-idempotent-consumer', 'read-modify-write-race', 'retry-without-backoff', 'static-collection-leak',
        'threadlocal-leak'] as Set
assert report.skipped == []
assert report.summary.failed == false
assert log.contains('[INFO] BUILD SUCCESS')

// The call-graph rules name the path they followed through the module's own methods.
assert line("[WARNING] ${file('web/OrderController.java')}:[36,36] blocking-work-in-request: ") == [
        "[WARNING] ${file('web/OrderController.java')}:[36,36] blocking-work-in-request: `OrderController#confirm` sends "
                + 'mail inline (`OrderController.confirm → OrderService.confirm → OrderService.sendConfirmation → '
                + 'JavaMailSender.send`); hand it to a queue or `@Async` and answer 202']
assert line("[WARNING] ${file('web/StockController.java')}:[30,26] blocking-work-in-request: ") == [
        "[WARNING] ${file('web/StockController.java')}:[30,26] blocking-work-in-request: `StockController#availability` "
                + 'calls a remote service in a loop (`StockController.availability → InventoryClient.availableAll → '
                + 'RestTemplate.getForObject`); fetch everything in one batch request, or queue the work and answer 202']
assert line("[WARNING] ${file('order/OrderService.java')}:[32,9] dual-write: ") == [
        "[WARNING] ${file('order/OrderService.java')}:[32,9] dual-write: `OrderService#place` writes to the database "
                + '(`OrderService.place → OrderRepository.save`) and publishes to JMS (`OrderService.place → '
                + 'OrderService.publishPlaced → JmsTemplate.convertAndSend`) with no transaction spanning both; store '
                + 'the event in an outbox table in the same transaction and relay it to the broker']
assert line("[INFO] ${file('catalog/ProductCatalog.java')}:[20,5] cache-stampede: ") == [
        "[INFO] ${file('catalog/ProductCatalog.java')}:[20,5] cache-stampede: `ProductCatalog#product` is `@Cacheable` "
                + 'without `sync = true` and reads the database (`ProductCatalog.product → ProductRepository.findById`); '
                + 'set `sync = true` so that one caller loads an expired entry while the others wait']
assert line("[WARNING] ${file('messaging/PaymentSettledListener.java')}:[18,17] non-idempotent-consumer: ") == [
        "[WARNING] ${file('messaging/PaymentSettledListener.java')}:[18,17] non-idempotent-consumer: listener `onSettled` "
                + 'writes through `LedgerService.record` -> `entries.save` without a de-duplication check; record '
                + 'processed message ids in a table with a unique key and skip repeats, or make the write an upsert']
assert line("[WARNING] ${file('stock/StockService.java')}:[17,26] read-modify-write-race: ") == [
        "[WARNING] ${file('stock/StockService.java')}:[17,26] read-modify-write-race: `StockService#receive` loads "
                + '`StockItem` with `findById`, changes it and saves it without a `@Version` field or a lock; add '
                + '`@Version private long version;` to `StockItem` (optimistic locking) or load it through a repository '
                + 'method annotated `@Lock(PESSIMISTIC_WRITE)`']
// One circuit-breaker finding for the module, at its first outbound client.
assert line("[INFO] ${file('client/CarrierClient.java')}:[15,37] missing-circuit-breaker: ") == [
        "[INFO] ${file('client/CarrierClient.java')}:[15,37] missing-circuit-breaker: module `feature-resilience-section` "
                + 'calls other services over HTTP (first `HttpClient` in `CarrierClient#http`) but has no circuit breaker '
                + 'on its classpath; add Resilience4j (`spring-cloud-starter-circuitbreaker-resilience4j` or '
                + '`resilience4j-spring-boot3`), SmallRye Fault Tolerance or Failsafe and wrap the remote calls in a '
                + 'circuit breaker']

// The guarded twins are not reported.
def quiet = { String path -> !report.findings.any { it.file == file(path) } }
// @Async hand-off (mail sent by OrderNotifier), outbox write (PaymentService) and outbox relay (publish + outbox delete),
// a listener that skips processed message ids, an executor hand-off, timeouts and exponential backoff.
['order/OrderNotifier.java', 'outbox/OutboxRelay.java', 'payment/PaymentService.java', 'payment/ReceiptService.java',
 'messaging/ShipmentListener.java', 'client/PricingClient.java', 'client/TrackingClient.java',
 'support/CorrelationId.java', 'support/LegacyDates.java'].each { assert quiet(it) : "$it is reported" }
def at = { String path, int number -> report.findings.findAll { it.file == file(path) && it.line == number } }
// POST with an Idempotency-Key header; PUT with a money word in its path.
assert at('web/OrderController.java', 27) == []
assert report.findings.count { it.ruleId == 'missing-idempotency-key' } == 1
// `sync = true` on the cached remote price; the @Version entity loaded, changed and saved twice.
assert at('catalog/ProductCatalog.java', 26) == [] && at('catalog/ProductCatalog.java', 27) == []
assert at('order/OrderService.java', 40) == [] && at('order/OrderService.java', 49) == []
// ConcurrentHashMap, AtomicLong and a volatile value that is only replaced, next to the plain HashMap.
assert report.findings.count { it.ruleId == 'mutable-singleton-state' } == 1
// Static maps that are removed from on logout or evict their eldest entry, next to the one that only grows.
assert at('support/ActiveUsers.java', 13) == [] && at('support/ActiveUsers.java', 15) == []
true
