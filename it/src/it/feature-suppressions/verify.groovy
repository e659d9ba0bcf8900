import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def findings = log.findAll { it ==~ /\[(ERROR|WARNING|INFO)\] src\/\S+:\[\d+,\d+\] .*/ }

// Suppressed by annotation, by comment and by the package exclusion: not printed.
assert findings.every { !it.contains('PaymentController.java') && !it.contains('RefundController.java') }
// The expired suppression no longer suppresses and says so; the unneeded one is reported.
def orders = 'src/main/java/com/acme/orders/OrderController.java'
assert findings == [
        "[WARNING] ${orders}:[14,19] controller-data-access: `OrderController` injects `PaymentRepository`; move the "
                + 'data access into a service and call the service from the controller (suppression expired on 2020-01-31)',
        "[INFO] ${orders}:[20,5] unused-suppression: `archlint:ignore missing-idempotency-key` suppresses nothing; remove it",
        // Two read endpoints over a repository and no cache (an INFO, not suppressed here).
        "[INFO] ${orders}:[21,5] no-caching: module `feature-suppressions` reads its database (`PaymentRepository`) and "
                + 'serves 2 GET endpoints (first `OrderController#payment`) but caches nothing; cache frequent, rarely '
                + 'changing reads (`spring-boot-starter-cache` with Caffeine or Redis and `@Cacheable`, `quarkus-cache`, '
                + 'Micronaut Cache) to take load off the database',
].collect { it.toString() }
assert log.contains('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
// Annotation, comment and the package exclusion (two rules in the legacy controller).
assert report.summary.suppressed == 5
assert report.findings*.ruleId == ['controller-data-access', 'unused-suppression', 'no-caching']
def sarif = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.sarif'))
assert sarif.runs[0].results.findAll { it.suppressions }.size() == 5
