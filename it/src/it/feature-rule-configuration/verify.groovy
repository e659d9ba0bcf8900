import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()

assert log.findAll { it.contains(' controller-data-access: ') } == []
def idempotency = log.findAll { it.contains(' missing-idempotency-key: ') }
assert idempotency.size() == 1 && idempotency[0].startsWith('[ERROR] src/main/java/')
def failure = log.findAll { it.startsWith('[ERROR] Failed to execute goal io.archlint:archlint-maven-plugin:') }
assert failure.size() == 1 && failure[0].contains('1 finding at ERROR or above (archlint.failOnSeverity=ERROR)')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.findings*.ruleId == ['missing-idempotency-key']
assert report.findings[0].severity == 'ERROR'
assert report.summary.rulesRun == report.summary.rulesRun as int
def sarif = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.sarif'))
assert !sarif.runs[0].tool.driver.rules*.id.contains('controller-data-access')
