import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }
def containing = { String fragment -> log.findAll { it.contains(fragment) } }
def matching = { String regex -> log.findAll { it ==~ regex } }

// The driver of no-connection-pool-violation, but behind a HikariCP pool: nothing to report.
assert containing(' no-connection-pool: ') == []
assert matching(/\[INFO\] Archlint ${archlintVersion} on no-connection-pool-compliant: 0 findings \(0 errors, 0 warnings, 0 infos\), \d+ rules? run/).size() == 1
assert startingWith('[INFO] Report: ') == ['html', 'json', 'sarif'].collect { "[INFO] Report: target/archlint/archlint.$it" }
assert ['html', 'json', 'sarif'].every { new File(basedir, "target/archlint/archlint.$it").isFile() }
assert has('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.tool == [name: 'archlint', version: archlintVersion]
assert report.module.artifactId == 'no-connection-pool-compliant'
assert report.findings == []
assert report.summary.total == 0
assert report.summary.failed == false
assert report.skipped == []
