import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()

// Lines added above the accepted findings and code reformatted around them: still accepted.
assert log.findAll { it ==~ /\[(ERROR|WARNING)\] (pom\.xml|src\/\S+).*/ } == []
assert log.findAll { it ==~ /\[INFO\] Archlint ${archlintVersion} on feature-baseline-accepted: 0 new findings \(0 errors, 0 warnings, 0 infos\), \d+ rules run, 2 accepted by the baseline/ }.size() == 1
assert log.contains('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.findings.collect { [it.file, it.line, it.status] } == [
        ['pom.xml', 18, 'baseline'],
        ['src/main/java/com/acme/orders/OrderCounter.java', 27, 'baseline'],
]
assert report.summary.failed == false
// check never writes the baseline: a read-only workspace is fine.
assert new File(basedir, 'archlint-baseline.json').text.contains('"fingerprint" : "9c5f571af4443316"')
