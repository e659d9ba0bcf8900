import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').readLines()

assert log.contains('[INFO] Baseline: 1 entry no longer matches a finding (fixed); run mvn archlint:baseline to prune it')
assert log.findAll { it ==~ /\[INFO\] Archlint ${archlintVersion} on feature-baseline-fixed: 0 new findings .*, 1 accepted by the baseline/ }.size() == 1
assert log.contains('[INFO] BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/archlint/archlint.json'))
assert report.findings.collect { [it.file, it.status] } == [['pom.xml', 'baseline']]
assert report.summary.fixed == 1
