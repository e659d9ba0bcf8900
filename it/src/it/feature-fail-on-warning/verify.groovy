import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }
def matching = { String regex -> log.findAll { it ==~ regex } }
def controller = 'src/main/java/com/acme/payments/PaymentController.java'

// The findings of feature-spring-service-warnings, now at the threshold.
assert startingWith("[WARNING] ${controller}:[15,19] controller-data-access: ").size() == 1
assert startingWith("[WARNING] ${controller}:[22,36] missing-idempotency-key: ").size() == 1
assert matching(/\[INFO\] Archlint ${archlintVersion} on feature-fail-on-warning: 2 findings \(0 errors, 2 warnings, 0 infos\), \d+ rules? run/).size() == 1

def failure = startingWith('[ERROR] Failed to execute goal io.archlint:archlint-maven-plugin:')
assert failure.size() == 1
assert failure[0].contains('on project feature-fail-on-warning: 2 findings at WARNING or above (archlint.failOnSeverity=WARNING)')
assert !has('[INFO] BUILD SUCCESS')

// The report is written before the build fails, and records why it failed.
def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.module.artifactId == 'feature-fail-on-warning'
assert report.findings*.ruleId == ['controller-data-access', 'missing-idempotency-key']
assert report.findings.every { it.severity == 'WARNING' && it.status == 'new' }
assert report.summary.failOnSeverity == 'WARNING'
assert report.summary.failed == true
