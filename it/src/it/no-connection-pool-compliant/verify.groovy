import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def containing = { String fragment -> log.findAll { it.contains(fragment) } }
def matching = { String regex -> log.findAll { it ==~ regex } }

// The driver of no-connection-pool-violation, but behind a HikariCP pool: nothing to report.
assert containing(' no-connection-pool: ') == []
assert matching(/\[INFO\] Archlint ${archlintVersion} on no-connection-pool-compliant: 0 findings \(0 errors, 0 warnings, 0 infos\), \d+ rules? run/).size() == 1
assert has('[INFO] Report: target/archlint/archlint.json')
assert has('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.tool == [name: 'archlint', version: archlintVersion]
assert report.module.artifactId == 'no-connection-pool-compliant'
assert report.findings == []
assert report.summary.total == 0
assert report.summary.failed == false
assert report.skipped == []
