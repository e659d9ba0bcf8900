import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }
def containing = { String fragment -> log.findAll { it.contains(fragment) } }
def matching = { String regex -> log.findAll { it ==~ regex } }
def controller = 'src/main/java/com/acme/payments/PaymentController.java'

assert startingWith("[WARNING] ${controller}:[15,19] controller-data-access: ") == [
        "[WARNING] ${controller}:[15,19] controller-data-access: `PaymentController` injects `PaymentRepository`; "
                + 'move the data access into a service and call the service from the controller']

// Reported at the handler's name, the element to change.
assert startingWith("[WARNING] ${controller}:[22,36] missing-idempotency-key: ") == [
        "[WARNING] ${controller}:[22,36] missing-idempotency-key: POST `/payments` handler `create` creates payments "
                + 'without an idempotency key; accept an `Idempotency-Key` header and return the stored result for a repeated key']

assert matching(/\[INFO\] Archlint ${archlintVersion} on feature-spring-service-warnings: 2 findings \(0 errors, 2 warnings, 0 infos\), \d+ rules? run/).size() == 1
assert matching(/\[INFO\]   controller-data-access\s+0\s+1\s+0/).size() == 1
assert matching(/\[INFO\]   missing-idempotency-key\s+0\s+1\s+0/).size() == 1
assert matching(/\[INFO\]   total\s+0\s+2\s+0/).size() == 1
assert startingWith('[INFO] Report: ') == ['html', 'json', 'sarif'].collect { "[INFO] Report: target/archlint/archlint.$it" }
assert ['html', 'json', 'sarif'].every { new File(basedir, "target/archlint/archlint.$it").isFile() }
// Warnings stay below the default threshold (ERROR): the build passes.
assert containing('archlint.failOnSeverity=') == []
assert has('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.tool == [name: 'archlint', version: archlintVersion]
assert report.module == [groupId: 'com.acme.it', artifactId: 'feature-spring-service-warnings', version: '1.0.0-SNAPSHOT']
assert report.findings.collect { [it.ruleId, it.severity, it.file, it.line, it.column, it.status] } == [
        ['controller-data-access', 'WARNING', controller, 15, 19, 'new'],
        ['missing-idempotency-key', 'WARNING', controller, 22, 36, 'new'],
]
assert report.findings[0].symbol == 'com.acme.payments.PaymentController'
assert report.findings[1].symbol == 'com.acme.payments.PaymentController#create'
assert report.findings.every { it.fingerprint }
assert report.summary.total == 2
assert report.summary.bySeverity == [ERROR: 0, WARNING: 2, INFO: 0]
assert report.summary.byRule == ['controller-data-access': 1, 'missing-idempotency-key': 1]
assert report.summary.failOnSeverity == 'ERROR'
assert report.summary.failed == false
assert report.skipped == []

// The SARIF report carries the same findings, for code-scanning tools.
def sarif = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].tool.driver.name == 'Archlint'
assert sarif.runs[0].results.collect {
    def location = it.locations[0].physicalLocation
    [it.ruleId, it.level, location.artifactLocation.uri, location.region.startLine, location.region.startColumn]
} == [
        ['controller-data-access', 'warning', controller, 15, 19],
        ['missing-idempotency-key', 'warning', controller, 22, 36],
]
