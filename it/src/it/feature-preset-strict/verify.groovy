import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def findings = log.findAll { it ==~ /\[(ERROR|WARNING|INFO)\] src\/\S+:\[\d+,\d+\] .*/ }
assert findings.size() == 2
assert findings.every { it.startsWith('[ERROR] ') }
assert findings.any { it.contains(' controller-data-access: ') } && findings.any { it.contains(' missing-idempotency-key: ') }
def failure = log.findAll { it.startsWith('[ERROR] Failed to execute goal io.archlint:archlint-maven-plugin:') }
assert failure.size() == 1 && failure[0].contains('2 findings at ERROR or above (archlint.failOnSeverity=ERROR)')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.findings*.severity == ['ERROR', 'ERROR']
