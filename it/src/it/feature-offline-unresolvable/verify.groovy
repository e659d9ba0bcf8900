import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))

// The missing artifact is noted once, on the pom, and names the artifact.
assert report.skipped.size() == 1
assert report.skipped[0].file == 'pom.xml'
assert report.skipped[0].reason.startsWith('dependency graph incomplete, dependency rules see only what was collected: ')
assert report.skipped[0].reason.contains('com.acme.internal:ghost-client')
assert log.count { it.startsWith('[WARNING] pom.xml: skipped: dependency graph incomplete') } == 1

// The rest of the module is analysed.
assert report.findings.collect { [it.ruleId, it.file, it.line] } == [
        ['system-out-logging', 'src/main/java/com/acme/jobs/NightlyJob.java', 6]]
assert log.contains('[INFO] BUILD SUCCESS')
true
