import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def dir = new File(basedir, 'target/archlint')
def report = new JsonSlurper().parse(new File(dir, 'archlint.json'))
def expected = report.findings.collect { [it.ruleId, it.file, it.line] }
assert expected.size() == 2

def log = new File(basedir, 'build.log').readLines()
['archlint.html', 'archlint.json', 'archlint.sarif', 'archlint-codequality.json', 'archlint-checkstyle.xml', 'archlint-junit.xml'].each {
    assert new File(dir, it).isFile()
    assert log.contains("[INFO] Report: target/archlint/$it".toString())
}

def codequality = new JsonSlurper().parse(new File(dir, 'archlint-codequality.json'))
assert codequality.collect { [it.check_name, it.location.path, it.location.lines.begin] } as Set == expected as Set
assert codequality*.severity as Set == ['major'] as Set
assert codequality*.fingerprint.unique().size() == codequality.size()

def checkstyle = new XmlSlurper().parse(new File(dir, 'archlint-checkstyle.xml'))
def errors = checkstyle.file.collectMany { file -> file.error.collect { [it.@source.text() - 'archlint.', file.@name.text(), it.@line.text() as int] } }
assert errors as Set == expected as Set

def junit = new XmlSlurper().parse(new File(dir, 'archlint-junit.xml'))
assert junit.@failures.text() as int == 2
assert junit.testcase.findAll { it.failure.size() > 0 }*.@name*.text() as Set == ['controller-data-access', 'missing-idempotency-key'] as Set
true
