import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def has = { String line -> log.contains(line) }
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }
def containing = { String fragment -> log.findAll { it.contains(fragment) } }
def matching = { String regex -> log.findAll { it ==~ regex } }

// Every rule ran and none found anything.
def summary = startingWith("[INFO] Archlint ${archlintVersion} on feature-clean-service: ")
assert summary.size() == 1
def counts = summary[0] =~ /: 0 findings \(0 errors, 0 warnings, 0 infos\), (\d+) rules? run$/
assert counts.find()
def rulesRun = counts.group(1) as int
assert matching(/\[(ERROR|WARNING|INFO)\] (src\/|pom\.xml|target\/).*/) == []
assert containing(': skipped: ') == []
assert startingWith('[INFO] Report: ') == ['html', 'json', 'sarif'].collect { "[INFO] Report: target/archlint/archlint.$it" }
assert ['html', 'json', 'sarif'].every { new File(basedir, "target/archlint/archlint.$it").isFile() }
assert has('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.tool == [name: 'archlint', version: archlintVersion]
assert report.module == [groupId: 'com.acme.it', artifactId: 'feature-clean-service', version: '1.0.0-SNAPSHOT']
assert report.findings instanceof List && report.findings.isEmpty()
assert report.summary.total == 0
assert report.summary.new == 0
assert report.summary.baseline == 0
assert report.summary.bySeverity == [ERROR: 0, WARNING: 0, INFO: 0]
assert report.summary.byRule == [:]
assert report.summary.rulesRun == rulesRun
assert report.summary.failOnSeverity == 'ERROR'
assert report.summary.failed == false
assert report.skipped == []
