import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()
def startingWith = { String prefix -> log.findAll { it.startsWith(prefix) } }

// Only the finding written after the baseline is printed, exactly as without a baseline.
assert log.findAll { it ==~ /\[(ERROR|WARNING|INFO)\] (pom\.xml|src\/\S+):\[\d+,\d+\] .*/ } == [
        '[ERROR] src/main/java/com/acme/orders/RefundCounter.java:[17,38] no-connection-pool: `RefundCounter#reachable` '
                + 'opens a connection with `DriverManager.getConnection`, a new physical connection per call; inject a '
                + 'pooled `DataSource` (HikariCP) and take connections from it']
assert log.findAll { it ==~ /\[INFO\] Archlint ${archlintVersion} on feature-baseline-new-finding: 1 new finding \(1 error, 0 warnings, 0 infos\), \d+ rules run, 2 accepted by the baseline/ }.size() == 1
def failure = startingWith('[ERROR] Failed to execute goal io.archlint:archlint-maven-plugin:')
assert failure.size() == 1
assert failure[0].contains('1 finding at ERROR or above (archlint.failOnSeverity=ERROR)')

// The report keeps every finding, with its status; the accepted ones moved lines but kept their fingerprints.
def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.findings.collect { [it.file, it.line, it.status] } == [
        ['pom.xml', 18, 'baseline'],
        ['src/main/java/com/acme/orders/OrderCounter.java', 27, 'baseline'],
        ['src/main/java/com/acme/orders/RefundCounter.java', 17, 'new'],
]
def baseline = new JsonSlurper().parse(new File(basedir, 'archlint-baseline.json'))
assert report.findings.findAll { it.status == 'baseline' }*.fingerprint == baseline.findings*.fingerprint
assert report.summary.new == 1
assert report.summary.baseline == 2
assert report.summary.fixed == 0
